package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.engine.AeadOperation;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/** Test driver: whole-message AES-GCM through the engine, as the SPI uses it. */
final class Gcm {

    private Gcm() {
    }

    /** Returns ciphertext || full tag. */
    static byte[] seal(ByteBuffer keyData, byte[] nonce, byte[] aad, byte[] plaintext) {
        AeadOperation op = AesGcmEngine.INSTANCE.start(keyData, nonce);
        byte[] out = new byte[plaintext.length + 16];
        op.updateAad(keyData, aad, 0, aad.length);
        op.encrypt(keyData, plaintext, 0, plaintext.length, out, 0);
        op.computeTag(keyData, out, plaintext.length);
        op.wipe();
        return out;
    }

    /**
     * Two-pass decryption of ciphertext || tag where the tag may be truncated to
     * {@code tagLength} bytes; returns null when the tag does not match.
     */
    static byte[] open(ByteBuffer keyData, byte[] nonce, byte[] aad, byte[] sealed, int tagLength) {
        int n = sealed.length - tagLength;
        AeadOperation op = AesGcmEngine.INSTANCE.start(keyData, nonce);
        op.updateAad(keyData, aad, 0, aad.length);
        op.authenticate(keyData, sealed, 0, n);
        byte[] tag = new byte[16];
        op.computeTag(keyData, tag, 0);
        if (!MessageDigest.isEqual(Arrays.copyOf(tag, tagLength), Arrays.copyOfRange(sealed, n, sealed.length))) {
            op.wipe();
            return null;
        }
        byte[] plain = new byte[n];
        op.decryptVerified(keyData, sealed, 0, n, plain, 0);
        op.wipe();
        return plain;
    }
}
