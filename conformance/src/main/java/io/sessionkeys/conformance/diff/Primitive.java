package io.sessionkeys.conformance.diff;

import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.subject.Subject;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * A deterministic operation the differential run feeds the same random inputs through every
 * provider: a cipher in {@code ENCRYPT_MODE} with caller-given parameters, or a MAC.
 */
abstract class Primitive {

    private static final int[] AES = {16, 24, 32};
    private static final int[] CHACHA = {32};

    final String name;
    final String keyAlgorithm;
    /** Names a provider may use instead (Bouncy Castle calls AES-KW "AESWrap"). */
    final String[] aliases;

    Primitive(String name, String keyAlgorithm, String... aliases) {
        this.name = name;
        this.keyAlgorithm = keyAlgorithm;
        this.aliases = aliases;
    }

    /** The name {@code s} serves this primitive under, or {@code null}. */
    String nameIn(Subject s) {
        if (s.cipherName(name) != null) {
            return name;
        }
        return aliases.length == 0 ? null : s.cipherName(aliases);
    }

    abstract Sample sample(SecureRandom r);

    abstract byte[] compute(Subject s, Sample in) throws Exception;

    /** The service the subject needs, or {@code null} if it has it. */
    String missing(Subject s) {
        String own = nameIn(s) == null && !s.has("Mac", name) ? name : null;
        return own != null ? own : s.missingKeyService(keyAlgorithm);
    }

    static List<Primitive> all() {
        return List.of(
                cipher("AES/GCM/NoPadding", "AES", AES, 12, true, 1, 0, in -> new GCMParameterSpec(128, in.iv)),
                cipher("ChaCha20-Poly1305", "ChaCha20", CHACHA, 12, true, 1, 0, in -> new IvParameterSpec(in.iv)),
                cipher("AES/CBC/PKCS5Padding", "AES", AES, 16, false, 1, 0, in -> new IvParameterSpec(in.iv)),
                cipher("AES/CTR/NoPadding", "AES", AES, 16, false, 1, 0, in -> new IvParameterSpec(in.iv)),
                cipher("AES/CFB8/NoPadding", "AES", AES, 16, false, 1, 0, in -> new IvParameterSpec(in.iv)),
                cipher("AES/CFB/NoPadding", "AES", AES, 16, false, 1, 0, in -> new IvParameterSpec(in.iv)),
                cipher("AES/OFB/NoPadding", "AES", AES, 16, false, 1, 0, in -> new IvParameterSpec(in.iv)),
                cipher("AES/CTS/NoPadding", "AES", AES, 16, false, 1, 16, in -> new IvParameterSpec(in.iv)),
                cipher("AES/ECB/PKCS5Padding", "AES", AES, 0, false, 1, 0, in -> null),
                cipher("AES/KW/NoPadding", "AES", AES, 0, false, 8, 16, in -> null, "AESWrap"),
                cipher("AES/KWP/NoPadding", "AES", AES, 0, false, 1, 1, in -> null, "AESWrapPad"),
                mac("HmacSHA256"), mac("HmacSHA384"), mac("HmacSHA512"));
    }

    /** How a sample becomes the cipher's parameters. */
    interface Params {
        AlgorithmParameterSpec of(Sample in);
    }

    private static Primitive cipher(String name, String keyAlg, int[] keys, int iv, boolean aad, int multiple, int min,
            Params params, String... aliases) {
        return new Primitive(name, keyAlg, aliases) {
            @Override
            Sample sample(SecureRandom r) {
                return Sample.random(r, keys, iv, aad, multiple, min);
            }

            @Override
            byte[] compute(Subject s, Sample in) throws Exception {
                Cipher c = Cipher.getInstance(nameIn(s), s.provider());
                AlgorithmParameterSpec p = params.of(in);
                if (p == null) {
                    c.init(Cipher.ENCRYPT_MODE, s.key(keyAlg, in.key));
                } else {
                    c.init(Cipher.ENCRYPT_MODE, s.key(keyAlg, in.key), p);
                }
                return DataPath.BYTES_SPLIT.run(c, in.aad, in.msg);
            }
        };
    }

    private static Primitive mac(String name) {
        return new Primitive(name, name) {
            @Override
            Sample sample(SecureRandom r) {
                return Sample.random(r, new int[] {1 + r.nextInt(200)}, 0, false, 1, 0);
            }

            @Override
            byte[] compute(Subject s, Sample in) throws Exception {
                Mac m = Mac.getInstance(name, s.provider());
                m.init(s.key(name, in.key));
                return DataPath.DIRECT_BUFFER_SPLIT.run(m, in.msg);
            }
        };
    }
}
