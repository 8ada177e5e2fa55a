package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * A key's record in the native engine, kept as a precomputation so that it is made once per key
 * (on first use) and released with the key: the 8 off-heap bytes hold the address of the C key
 * record, which owns the key's pool of keyed OpenSSL contexts. The C side reads the raw key from
 * its off-heap slot by address when it makes a context; no key byte is copied to the heap.
 *
 * <p>{@link #release} frees every context with cleansing. The key's zeroization calls it after
 * every reader has left the gate, so no native call can be running on the record.
 */
final class NativeKeyRecord implements Precomputation {

    static final NativeKeyRecord AES_GCM = new NativeKeyRecord("OpenSSL AES-GCM contexts",
            OpenSslNative.AES_128_GCM, true, true, false);
    // The own kernel's state (round keys, powers of H) is made with the record, in secret memory.
    static final NativeKeyRecord AES_GCM_KERNEL = new NativeKeyRecord(
            "AES-GCM kernel state and OpenSSL AES-GCM contexts", OpenSslNative.AES_128_GCM, true, true, true);
    static final NativeKeyRecord CHACHA20_POLY1305 = new NativeKeyRecord("OpenSSL ChaCha20-Poly1305 contexts",
            OpenSslNative.CHACHA20_POLY1305, false, true, false);

    // The block modes: CTR runs the forward cipher both ways; CBC and ECB need a schedule per direction.
    static final NativeKeyRecord AES_CTR = new NativeKeyRecord("OpenSSL AES-CTR contexts",
            OpenSslNative.AES_128_CTR, true, true, false);
    static final NativeKeyRecord AES_CBC_ENCRYPT = new NativeKeyRecord("OpenSSL AES-CBC encryption contexts",
            OpenSslNative.AES_128_CBC, true, true, false);
    static final NativeKeyRecord AES_CBC_DECRYPT = new NativeKeyRecord("OpenSSL AES-CBC decryption contexts",
            OpenSslNative.AES_128_CBC, true, false, false);
    // ECB's records also serve AES-KW and KWP, whose W and W^-1 run on single ECB blocks.
    static final NativeKeyRecord AES_ECB_ENCRYPT = new NativeKeyRecord("OpenSSL AES-ECB encryption contexts",
            OpenSslNative.AES_128_ECB, true, true, false);
    static final NativeKeyRecord AES_ECB_DECRYPT = new NativeKeyRecord("OpenSSL AES-ECB decryption contexts",
            OpenSslNative.AES_128_ECB, true, false, false);
    // The same three modes on SessionKeys' own AES kernel (the schedule in secret memory, no
    // OpenSSL context); CBC encryption is sequential and stays on OpenSSL. Records of their own,
    // so that AES-KW keeps OpenSSL's ECB records.
    static final NativeKeyRecord AES_CTR_KERNEL = new NativeKeyRecord("AES-CTR kernel schedule",
            OpenSslNative.AES_128_CTR, true, true, true);
    static final NativeKeyRecord AES_CBC_DECRYPT_KERNEL = new NativeKeyRecord("AES-CBC decryption kernel schedule",
            OpenSslNative.AES_128_CBC, true, false, true);
    static final NativeKeyRecord AES_ECB_ENCRYPT_KERNEL = new NativeKeyRecord("AES-ECB encryption kernel schedule",
            OpenSslNative.AES_128_ECB, true, true, true);
    static final NativeKeyRecord AES_ECB_DECRYPT_KERNEL = new NativeKeyRecord("AES-ECB decryption kernel schedule",
            OpenSslNative.AES_128_ECB, true, false, true);
    // CFB and OFB run the forward cipher both ways, like CTR; a message sets its direction at its start.
    static final NativeKeyRecord AES_CFB8 = new NativeKeyRecord("OpenSSL AES-CFB8 contexts",
            OpenSslNative.AES_128_CFB8, true, true, false);
    static final NativeKeyRecord AES_CFB128 = new NativeKeyRecord("OpenSSL AES-CFB128 contexts",
            OpenSslNative.AES_128_CFB128, true, true, false);
    static final NativeKeyRecord AES_OFB = new NativeKeyRecord("OpenSSL AES-OFB contexts",
            OpenSslNative.AES_128_OFB, true, true, false);

    private final String name;
    private final int cipher;
    private final boolean aesKeySizes;
    private final boolean encrypt;
    private final boolean kernel;

    /**
     * @param cipher the C side's cipher number; for AES, that of the 128-bit variant, the 192- and
     *     256-bit ones following it
     * @param encrypt the direction the key schedule is made for (AEAD modes: always encrypt)
     * @param kernel whether the record also holds the state of one of SessionKeys' own kernels:
     *     AES-GCM's, which then serves whole messages under 12-byte nonces, or the AES kernel's,
     *     which then serves every CTR, CBC-decryption or ECB message of the record
     */
    private NativeKeyRecord(String name, int cipher, boolean aesKeySizes, boolean encrypt, boolean kernel) {
        this.name = name;
        this.cipher = cipher;
        this.aesKeySizes = aesKeySizes;
        this.encrypt = encrypt;
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size(int rawKeyLength) {
        return Long.BYTES;
    }

    @Override
    public void compute(ByteBuffer rawKey, ByteBuffer out) {
        out.putLong(0, OpenSslNative.newKey(rawKey, cipherFor(rawKey.limit()), encrypt, kernel));
    }

    @Override
    public void release(ByteBuffer data) {
        long record = data.getLong(0);
        data.putLong(0, 0L);
        OpenSslNative.releaseKey(record);
    }

    /** The direction this record's contexts are keyed for. */
    boolean encrypts() {
        return encrypt;
    }

    /** The C key record of {@code keyData}, as read through the gate. */
    static long handle(ByteBuffer keyData) {
        return keyData.getLong(0);
    }

    private int cipherFor(int keyLength) {
        if (!aesKeySizes) {
            return cipher;
        }
        switch (keyLength) {
            case 16:
                return cipher;
            case 24:
                return cipher + 1;
            case 32:
                return cipher + 2;
            default:
                throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, not " + keyLength);
        }
    }
}
