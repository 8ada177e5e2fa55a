package io.sessionkeys.internal.engine.sha;

import java.util.function.Supplier;

/** The SHA-2 functions SessionKeys implements, with their JCA and HMAC names. */
public enum ShaAlgorithm {
    SHA256("SHA-256", "HmacSHA256", Sha256::new),
    SHA384("SHA-384", "HmacSHA384", Sha512::sha384),
    SHA512("SHA-512", "HmacSHA512", Sha512::sha512);

    private final String digestName;
    private final String hmacName;
    private final Supplier<ShaHash> factory;
    private final int digestLength;
    private final int blockSize;
    private final int stateLength;

    ShaAlgorithm(String digestName, String hmacName, Supplier<ShaHash> factory) {
        this.digestName = digestName;
        this.hmacName = hmacName;
        this.factory = factory;
        ShaHash probe = factory.get();
        this.digestLength = probe.digestLength();
        this.blockSize = probe.blockSize();
        this.stateLength = probe.stateLength();
    }

    /** A fresh hash at its initial state. */
    public ShaHash newHash() {
        return factory.get();
    }

    /** The JCA {@code MessageDigest} name, such as "SHA-256". */
    public String digestName() {
        return digestName;
    }

    /** The JCA {@code Mac} and key algorithm name, such as "HmacSHA256". */
    public String hmacName() {
        return hmacName;
    }

    public int digestLength() {
        return digestLength;
    }

    public int blockSize() {
        return blockSize;
    }

    public int stateLength() {
        return stateLength;
    }
}
