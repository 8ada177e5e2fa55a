package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** A test-only ChaCha20-Poly1305 engine (RFC 8439 §2.8) from Bouncy Castle's ChaCha20 and Poly1305. */
final class ReferenceChaCha20Poly1305Engine implements AeadEngine {

    static final ReferenceChaCha20Poly1305Engine INSTANCE = new ReferenceChaCha20Poly1305Engine();

    @Override
    public String name() {
        return "ChaCha20-Poly1305";
    }

    @Override
    public Precomputation precomputation() {
        return null;
    }

    @Override
    public boolean acceptsNonceLength(int nonceLength) {
        return nonceLength == 12;
    }

    @Override
    public AeadOperation start(ByteBuffer keyData, byte[] nonce) {
        byte[] key = new byte[keyData.limit()];
        keyData.get(0, key);
        try {
            return new Operation(key, nonce);
        } finally {
            Zeroing.wipe(key);
        }
    }

    private static final class Operation implements AeadOperation {
        private final ChaCha7539Engine encryptor = new ChaCha7539Engine();
        private final ChaCha7539Engine decryptor = new ChaCha7539Engine();
        private final Poly1305 mac = new Poly1305();
        private long aadLength;
        private long dataLength;
        private boolean aadClosed;

        Operation(byte[] key, byte[] nonce) {
            encryptor.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
            decryptor.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
            byte[] block0 = new byte[64];
            encryptor.processBytes(block0, 0, 64, block0, 0);
            mac.init(new KeyParameter(block0, 0, 32));
            decryptor.processBytes(new byte[64], 0, 64, new byte[64], 0);
        }

        @Override
        public void updateAad(ByteBuffer keyData, byte[] aad, int offset, int length) {
            mac.update(aad, offset, length);
            aadLength += length;
        }

        @Override
        public void encrypt(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            closeAad();
            encryptor.processBytes(in, inOffset, length, out, outOffset);
            mac.update(out, outOffset, length);
            dataLength += length;
        }

        @Override
        public void authenticate(ByteBuffer keyData, byte[] ciphertext, int offset, int length) {
            closeAad();
            mac.update(ciphertext, offset, length);
            dataLength += length;
        }

        @Override
        public void computeTag(ByteBuffer keyData, byte[] out, int outOffset) {
            closeAad();
            pad(dataLength);
            byte[] lengths = new byte[16];
            for (int i = 0; i < 8; i++) {
                lengths[i] = (byte) (aadLength >>> (8 * i));
                lengths[8 + i] = (byte) (dataLength >>> (8 * i));
            }
            mac.update(lengths, 0, 16);
            mac.doFinal(out, outOffset);
        }

        @Override
        public void decryptVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            decryptor.processBytes(in, inOffset, length, out, outOffset);
        }

        @Override
        public int tagLength() {
            return 16;
        }

        @Override
        public void wipe() {
            encryptor.reset();
            decryptor.reset();
            mac.reset();
        }

        private void closeAad() {
            if (!aadClosed) {
                pad(aadLength);
                aadClosed = true;
            }
        }

        private void pad(long length) {
            int rest = (int) (length % 16);
            if (rest != 0) {
                mac.update(new byte[16 - rest], 0, 16 - rest);
            }
        }
    }
}
