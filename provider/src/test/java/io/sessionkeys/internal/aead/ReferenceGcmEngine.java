package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A test-only AES-GCM engine built from Bouncy Castle's AES block and GHASH multiplier (neither
 * constant-time), so the SPIs can be tested without the production engine.
 */
final class ReferenceGcmEngine implements AeadEngine {

    static final ReferenceGcmEngine INSTANCE = new ReferenceGcmEngine();

    @Override
    public String name() {
        return "AES-GCM";
    }

    @Override
    public Precomputation precomputation() {
        return null;
    }

    @Override
    public boolean acceptsNonceLength(int nonceLength) {
        return nonceLength >= 1;
    }

    @Override
    public AeadOperation start(ByteBuffer keyData, byte[] nonce) {
        byte[] key = new byte[keyData.limit()];
        keyData.get(0, key);
        AESEngine aes = new AESEngine();
        aes.init(true, new KeyParameter(key));
        Zeroing.wipe(key);
        return new Operation(aes, nonce);
    }

    private static final class Operation implements AeadOperation {
        private final AESEngine aes;
        private final BasicGCMMultiplier multiplier = new BasicGCMMultiplier();
        private final byte[] tagMask = new byte[16];
        private final byte[] state = new byte[16];
        private final byte[] partial = new byte[16];
        private int partialLength;
        private final Keystream encryptStream;
        private final Keystream decryptStream;
        private long aadLength;
        private long dataLength;
        private boolean aadClosed;

        Operation(AESEngine aes, byte[] nonce) {
            this.aes = aes;
            byte[] h = new byte[16];
            aes.processBlock(h, 0, h, 0);
            multiplier.init(h);
            byte[] j0 = new byte[16];
            if (nonce.length == 12) {
                System.arraycopy(nonce, 0, j0, 0, 12);
                j0[15] = 1;
            } else {
                absorb(nonce, 0, nonce.length);
                flush();
                byte[] lengths = new byte[16];
                putLong(lengths, 8, nonce.length * 8L);
                absorb(lengths, 0, 16);
                System.arraycopy(state, 0, j0, 0, 16);
                Zeroing.wipe(state);
            }
            aes.processBlock(j0, 0, tagMask, 0);
            encryptStream = new Keystream(aes, j0);
            decryptStream = new Keystream(aes, j0);
        }

        @Override
        public void updateAad(ByteBuffer keyData, byte[] aad, int offset, int length) {
            absorb(aad, offset, length);
            aadLength += length;
        }

        @Override
        public void encrypt(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            closeAad();
            for (int i = 0; i < length; i++) {
                byte c = (byte) (in[inOffset + i] ^ encryptStream.next());
                out[outOffset + i] = c;
                absorb(new byte[] {c}, 0, 1);
            }
            dataLength += length;
        }

        @Override
        public void authenticate(ByteBuffer keyData, byte[] ciphertext, int offset, int length) {
            closeAad();
            absorb(ciphertext, offset, length);
            dataLength += length;
        }

        @Override
        public void computeTag(ByteBuffer keyData, byte[] out, int outOffset) {
            closeAad();
            flush();
            byte[] lengths = new byte[16];
            putLong(lengths, 0, aadLength * 8);
            putLong(lengths, 8, dataLength * 8);
            absorb(lengths, 0, 16);
            for (int i = 0; i < 16; i++) {
                out[outOffset + i] = (byte) (state[i] ^ tagMask[i]);
            }
        }

        @Override
        public void decryptVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            for (int i = 0; i < length; i++) {
                out[outOffset + i] = (byte) (in[inOffset + i] ^ decryptStream.next());
            }
        }

        @Override
        public int tagLength() {
            return 16;
        }

        @Override
        public void wipe() {
            Zeroing.wipe(state);
            Zeroing.wipe(tagMask);
        }

        private void closeAad() {
            if (!aadClosed) {
                flush();
                aadClosed = true;
            }
        }

        private void absorb(byte[] data, int offset, int length) {
            for (int i = 0; i < length; i++) {
                partial[partialLength++] = data[offset + i];
                if (partialLength == 16) {
                    for (int j = 0; j < 16; j++) {
                        state[j] ^= partial[j];
                    }
                    multiplier.multiplyH(state);
                    partialLength = 0;
                }
            }
        }

        private void flush() {
            if (partialLength > 0) {
                Zeroing.wipe(partial, partialLength, 16);
                absorb(new byte[16 - partialLength], 0, 16 - partialLength);
            }
        }

        private static void putLong(byte[] b, int offset, long v) {
            for (int i = 7; i >= 0; i--) {
                b[offset + i] = (byte) v;
                v >>>= 8;
            }
        }
    }

    /** CTR keystream from inc32(J0). */
    private static final class Keystream {
        private final AESEngine aes;
        private final byte[] counter;
        private final byte[] block = new byte[16];
        private int used = 16;

        Keystream(AESEngine aes, byte[] j0) {
            this.aes = aes;
            this.counter = j0.clone();
        }

        byte next() {
            if (used == 16) {
                for (int i = 15; i >= 12; i--) {
                    if (++counter[i] != 0) {
                        break;
                    }
                }
                aes.processBlock(counter, 0, block, 0);
                used = 0;
            }
            return block[used++];
        }
    }
}
