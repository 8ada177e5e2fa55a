package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.HmacComputation;
import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.KeyBytesEngine;
import io.sessionkeys.internal.engine.KeyingSource;
import io.sessionkeys.internal.engine.RsaOaepEngine;
import java.security.interfaces.RSAPrivateKey;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engines of one provider, selected on first use rather than when the provider is made: a
 * provider's constructor may run while the JDK is still loading its providers, and selecting
 * extracts a file (whose name comes from {@code SecureRandom}), loads the library and runs the
 * known-answer tests. The provider calls {@link #resolve} before it hands out its first service,
 * so a {@code native} setting that cannot be honoured fails there, loudly.
 */
public final class DeferredEngines {

    private final EngineSelection.Mode mode;
    private final String libcrypto;
    private final boolean aesKernel;
    private volatile EngineSelection selection;

    /**
     * @param mode the {@code sessionkeys.engine} setting's value
     * @param libcrypto the {@code sessionkeys.libcrypto} setting's value, {@code null} for the system's
     * @param aesKernel whether SessionKeys' own AES-GCM kernel may run ({@code sessionkeys.aesKernel})
     * @throws IllegalArgumentException if {@code mode} is none of auto, native, java
     */
    public DeferredEngines(String mode, String libcrypto, boolean aesKernel) {
        this.mode = EngineSelection.Mode.parse(mode);
        this.libcrypto = libcrypto;
        this.aesKernel = aesKernel;
    }

    /** Selects the engines now if not done yet. */
    public EngineSelection resolve() {
        EngineSelection s = selection;
        if (s == null) {
            s = EngineSelection.select(mode, libcrypto, aesKernel);
            selection = s;
        }
        return s;
    }

    public AeadEngine aesGcm() {
        return new Deferred(this, EngineSelection::aesGcm);
    }

    public AeadEngine chaCha20Poly1305() {
        return new Deferred(this, EngineSelection::chaCha20Poly1305);
    }

    /**
     * The constant-time AES block cipher, whose {@link BlockCipherEngine#modes() modes} (CTR, CBC,
     * ECB; CFB8, CFB128, OFB) are those the selection will pick.
     */
    public BlockCipherEngine aes() {
        return new SelectedAes(this);
    }

    /** The HMAC engine for {@code hash} the selection will pick. */
    public HmacEngine hmac(ShaAlgorithm hash) {
        return new DeferredHmac(this, hash);
    }

    /** The HKDF engine the selection will pick. */
    public HkdfEngine hkdf() {
        return new DeferredHkdf(this);
    }

    /**
     * Where the selection will take new keys' bytes from when the caller names no source of
     * randomness: OpenSSL's DRBG, or {@code null} for the provider's {@code SecureRandom}.
     */
    public Supplier<KeyBytesEngine> keyBytes() {
        return () -> resolve().keyBytes();
    }

    /** The RSA-OAEP decryption engine the selection will pick. */
    public RsaOaepEngine rsaOaep() {
        return new DeferredRsaOaep(this);
    }

    /** Stands for the engine the selection will pick; every call goes to it. */
    private static final class Deferred implements AeadEngine {
        private final DeferredEngines engines;
        private final Function<EngineSelection, AeadEngine> which;
        private volatile AeadEngine target;

        Deferred(DeferredEngines engines, Function<EngineSelection, AeadEngine> which) {
            this.engines = engines;
            this.which = which;
        }

        private AeadEngine target() {
            AeadEngine t = target;
            if (t == null) {
                t = which.apply(engines.resolve());
                target = t;
            }
            return t;
        }

        @Override
        public String name() {
            return target().name();
        }

        @Override
        public Precomputation precomputation() {
            return target().precomputation();
        }

        @Override
        public boolean acceptsNonceLength(int nonceLength) {
            return target().acceptsNonceLength(nonceLength);
        }

        @Override
        public AeadOperation start(ByteBuffer keyData, byte[] nonce) {
            return target().start(keyData, nonce);
        }

        @Override
        public AeadOperation start(ByteBuffer keyData, byte[] nonce, boolean encrypting) {
            return target().start(keyData, nonce, encrypting);
        }

        @Override
        public void seal(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, byte[] in,
                int inOffset, int length, byte[] out, int outOffset, int tagLength) {
            target().seal(keyData, nonce, aad, aadOffset, aadLength, in, inOffset, length, out, outOffset, tagLength);
        }

        @Override
        public boolean open(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, byte[] in,
                int inOffset, int length, byte[] tag, int tagOffset, int tagLength, byte[] out, int outOffset) {
            return target().open(keyData, nonce, aad, aadOffset, aadLength, in, inOffset, length, tag, tagOffset,
                    tagLength, out, outOffset);
        }

        @Override
        public boolean takesDirectBuffers() {
            return target().takesDirectBuffers();
        }

        @Override
        public void sealDirect(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength,
                ByteBuffer in, int inIndex, int length, ByteBuffer out, int outIndex, int tagLength) {
            target().sealDirect(keyData, nonce, aad, aadOffset, aadLength, in, inIndex, length, out, outIndex,
                    tagLength);
        }

        @Override
        public boolean openDirect(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength,
                ByteBuffer in, int inIndex, int length, int tagLength, ByteBuffer out, int outIndex) {
            return target().openDirect(keyData, nonce, aad, aadOffset, aadLength, in, inIndex, length, tagLength, out,
                    outIndex);
        }
    }

    private static final class DeferredHmac implements HmacEngine {
        private final DeferredEngines engines;
        private final ShaAlgorithm hash;
        private volatile HmacEngine target;

        DeferredHmac(DeferredEngines engines, ShaAlgorithm hash) {
            this.engines = engines;
            this.hash = hash;
        }

        private HmacEngine target() {
            HmacEngine t = target;
            if (t == null) {
                t = engines.resolve().hmac(hash);
                target = t;
            }
            return t;
        }

        @Override
        public String name() {
            return target().name();
        }

        @Override
        public ShaAlgorithm hash() {
            return hash;
        }

        @Override
        public Precomputation precomputation() {
            return target().precomputation();
        }

        @Override
        public HmacComputation newComputation() {
            return target().newComputation();
        }
    }

    private static final class DeferredHkdf implements HkdfEngine {
        private final DeferredEngines engines;

        DeferredHkdf(DeferredEngines engines) {
            this.engines = engines;
        }

        @Override
        public String name() {
            return engines.resolve().hkdf().name();
        }

        @Override
        public void derive(ShaAlgorithm hash, boolean extract, boolean expand, List<? extends KeyingSource> salt,
                List<? extends KeyingSource> input, byte[] info, ByteBuffer out) {
            engines.resolve().hkdf().derive(hash, extract, expand, salt, input, info, out);
        }
    }

    private static final class DeferredRsaOaep implements RsaOaepEngine {
        private final DeferredEngines engines;

        DeferredRsaOaep(DeferredEngines engines) {
            this.engines = engines;
        }

        @Override
        public String name() {
            return engines.resolve().rsaOaep().name();
        }

        @Override
        public Decryptor decryptor(RSAPrivateKey key, String digest, String mgfDigest) {
            return engines.resolve().rsaOaep().decryptor(key, digest, mgfDigest);
        }
    }
}
