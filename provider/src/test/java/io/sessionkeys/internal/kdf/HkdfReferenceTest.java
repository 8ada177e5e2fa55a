package io.sessionkeys.internal.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF against Bouncy Castle's HKDFBytesGenerator, in all three modes. */
class HkdfReferenceTest {

    private static Digest digest(ShaAlgorithm hash) {
        switch (hash) {
            case SHA256:
                return new SHA256Digest();
            case SHA384:
                return new SHA384Digest();
            default:
                return new SHA512Digest();
        }
    }

    private static byte[] bc(ShaAlgorithm hash, HKDFParameters params, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(digest(hash));
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    @Property(tries = 200)
    void extractThenExpand_randomInputs_matchesBouncyCastle(@ForAll ShaAlgorithm hash,
            @ForAll @Size(max = 150) byte[] ikm, @ForAll @Size(max = 80) byte[] salt,
            @ForAll @Size(max = 80) byte[] info, @ForAll @IntRange(min = 1, max = 700) int length) {
        int n = Math.min(length, Hkdf.maxLength(hash));
        byte[] ours = Hkdf.deriveFromBytes(hash, Hkdf.Mode.EXTRACT_THEN_EXPAND, salt, ikm, info, n);
        assertArrayEquals(bc(hash, new HKDFParameters(ikm, salt, info), n), ours);
    }

    @Property(tries = 100)
    void expandOnly_randomPrk_matchesBouncyCastle(@ForAll ShaAlgorithm hash,
            @ForAll @Size(min = 1, max = 100) byte[] prk, @ForAll @Size(max = 80) byte[] info,
            @ForAll @IntRange(min = 1, max = 500) int length) {
        byte[] ours = Hkdf.deriveFromBytes(hash, Hkdf.Mode.EXPAND_ONLY, new byte[0], prk, info, length);
        assertArrayEquals(bc(hash, HKDFParameters.skipExtractParameters(prk, info), length), ours);
    }

    @Property(tries = 100)
    void extractOnly_randomInputs_matchesBouncyCastle(@ForAll ShaAlgorithm hash,
            @ForAll @Size(max = 150) byte[] ikm, @ForAll @Size(max = 80) byte[] salt) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(digest(hash));
        byte[] expected = generator.extractPRK(salt, ikm);
        byte[] ours = Hkdf.deriveFromBytes(hash, Hkdf.Mode.EXTRACT_ONLY, salt, ikm, new byte[0], hash.digestLength());
        assertArrayEquals(expected, ours);
    }
}
