package io.sessionkeys.internal.key;

import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The key a wrapping cipher is asked to wrap: a session key (its policy checked, the export
 * recorded) or, so that a dropped-in SessionKeys does not break existing code, a foreign secret
 * key with a RAW encoding. With SessionKeys first in {@code java.security}, JCA picks the wrap
 * cipher by the key-encryption key alone, so {@code Cipher.getInstance("AESWrap")} with a KeyStore
 * KEK reaches SessionKeys even when the key to wrap is the application's own {@code SecretKeySpec};
 * SunJCE would wrap it, and so does SessionKeys. A foreign key has no policy to enforce, and its
 * bytes are already on the heap; the copy made here is zeroed by {@link #close()}.
 */
public final class KeyToWrap implements AutoCloseable {

    private final ManagedSessionKey session;
    private final byte[] foreign;

    private KeyToWrap(ManagedSessionKey session, byte[] foreign) {
        this.session = session;
        this.foreign = foreign;
    }

    public static KeyToWrap of(Key key, String service) throws InvalidKeyException {
        if (key instanceof ManagedSessionKey || key == null || key instanceof PublicKey || key instanceof PrivateKey
                || !"RAW".equalsIgnoreCase(key.getFormat())) {
            return new KeyToWrap(SessionWrapping.requireWrappable(key, service), null);
        }
        byte[] bytes = key.getEncoded();
        if (bytes == null || bytes.length == 0) {
            throw new InvalidKeyException(service + " cannot wrap a " + key.getAlgorithm() + " key without key bytes");
        }
        return new KeyToWrap(null, bytes);
    }

    public int length() {
        return session != null ? session.materialLength() : foreign.length;
    }

    /** Copies the key bytes into {@code buf} at {@code offset}; the caller zeroes {@code buf}. */
    public void copyInto(byte[] buf, int offset) throws InvalidKeyException {
        if (session != null) {
            SessionWrapping.copyMaterial(session, buf, offset);
        } else {
            System.arraycopy(foreign, 0, buf, offset, foreign.length);
        }
    }

    /**
     * Runs {@code reader} on the key bytes without copying them: a session key's off-heap slot
     * (a direct buffer, through the key's gate, positioned at 0 with the key's length as limit),
     * or a heap buffer over the foreign key's bytes. The rules of {@link SecretReader} apply.
     */
    public <R, X extends Exception> R read(SecretReader<R, X> reader) throws X, InvalidKeyException {
        if (session == null) {
            return reader.read(ByteBuffer.wrap(foreign));
        }
        try {
            return session.withMaterial(KeyUse.PROCESS, null, reader);
        } catch (IllegalStateException gone) {
            throw new InvalidKeyException(gone.getMessage(), gone);
        }
    }

    /** Records the export on a session key; a foreign key has nowhere to record it. */
    public void recordExport(String method) throws InvalidKeyException {
        if (session != null) {
            session.recordExport(method, false);
        }
    }

    /** For messages: the session key's description, or the foreign key's algorithm. */
    public String describe() {
        return session != null ? session.toString() : "the " + foreign.length * 8 + "-bit key";
    }

    @Override
    public void close() {
        Zeroing.wipe(foreign);
    }
}
