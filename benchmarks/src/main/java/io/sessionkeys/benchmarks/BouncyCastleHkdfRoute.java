package io.sessionkeys.benchmarks;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Bouncy Castle's HKDF through its lightweight API: the provider registers no JCA HKDF service, so
 * this is what a Bouncy Castle user calls. Its cells in the table are marked as not through JCA.
 */
final class BouncyCastleHkdfRoute implements HkdfRoute {

    private final HKDFParameters parameters;

    BouncyCastleHkdfRoute(byte[] ikm, byte[] salt, byte[] info) {
        this.parameters = new HKDFParameters(ikm, salt, info);
    }

    @Override
    public SecretKey derive() {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(parameters);
        byte[] okm = new byte[OUTPUT_BYTES];
        hkdf.generateBytes(okm, 0, okm.length);
        return new SecretKeySpec(okm, "AES");
    }
}
