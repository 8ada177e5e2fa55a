package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.run.NotApplicable;
import io.sessionkeys.conformance.run.Runner;
import io.sessionkeys.conformance.run.VectorRunner;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every vector source in {@code vectors/} and how it is run, in table order. Algorithms are
 * named by their standard JCA names, so a SessionKeys service is tested as soon as it is
 * registered.
 */
public final class Catalog {

    private static final String WP = "wycheproof ";
    private static final String NIST = "NIST ";

    private Catalog() {
    }

    public static List<Runner> all() {
        List<Runner> all = new ArrayList<>();
        all.add(new VectorRunner<>("AES/GCM/NoPadding", WP + "aes_gcm_test.json",
                src -> AeadVectors.wycheproof(src, "aes_gcm_test.json"), AeadChecker.gcm()));
        all.add(new VectorRunner<>("AES/GCM/NoPadding", NIST + "gcmEncryptExtIV/gcmDecrypt 128+256",
                src -> concat(src, AeadVectors::nistGcm, "nist/aes-gcm/gcmEncryptExtIV128.rsp",
                        "nist/aes-gcm/gcmEncryptExtIV256.rsp", "nist/aes-gcm/gcmDecrypt128.rsp",
                        "nist/aes-gcm/gcmDecrypt256.rsp"), AeadChecker.gcm()));
        all.add(new VectorRunner<>("ChaCha20-Poly1305", WP + "chacha20_poly1305_test.json",
                src -> AeadVectors.wycheproof(src, "chacha20_poly1305_test.json"), AeadChecker.chacha20Poly1305()));
        all.add(new VectorRunner<>("AES/CBC/PKCS5Padding", WP + "aes_cbc_pkcs5_test.json",
                src -> CbcChecker.wycheproof(src, "aes_cbc_pkcs5_test.json"), new CbcChecker()));
        all.add(new VectorRunner<>("AES/KW/NoPadding", WP + "aes_wrap_test.json",
                src -> KeyWrapVectors.wycheproof(src, "aes_wrap_test.json"), kw()));
        all.add(new VectorRunner<>("AES/KW/NoPadding", NIST + "KW_AE/KW_AD 128+192+256",
                src -> concat(src, KeyWrapVectors::nist, nistWrap("aes-kw/kw")), kw()));
        all.add(new VectorRunner<>("AES/KWP/NoPadding", WP + "aes_kwp_test.json",
                src -> KeyWrapVectors.wycheproof(src, "aes_kwp_test.json"), kwp()));
        all.add(new VectorRunner<>("AES/KWP/NoPadding", NIST + "KWP_AE/KWP_AD 128+192+256",
                src -> concat(src, KeyWrapVectors::nist, nistWrap("aes-kwp/kwp")), kwp()));
        for (String bits : new String[] {"256", "384", "512"}) {
            String mac = "HmacSHA" + bits;
            String file = "hmac_sha" + bits + "_test.json";
            all.add(new VectorRunner<>(mac, WP + file, src -> MacVectors.wycheproof(src, file), new MacChecker(mac)));
        }
        for (String[] l : new String[][] {{"20", "1"}, {"28", "224"}, {"32", "256"}, {"48", "384"}, {"64", "512"}}) {
            String mac = "HmacSHA" + l[1];
            String source = NIST + "HMAC.rsp [L=" + l[0] + "]";
            VectorRunner.Loader<MacCase> loader = src -> MacVectors.nist(src, l[0]);
            all.add(l[1].equals("1") || l[1].equals("224")
                    ? VectorRunner.peersOnly(mac, source, loader, new MacChecker(mac),
                            "SessionKeys offers HMAC with SHA-256, -384 and -512 only (peers run as a baseline)")
                    : new VectorRunner<>(mac, source, loader, new MacChecker(mac)));
        }
        for (String bits : new String[] {"256", "384", "512"}) {
            String file = "hkdf_sha" + bits + "_test.json";
            all.add(new VectorRunner<>("HKDF-SHA" + bits, WP + file, src -> HkdfChecker.wycheproof(src, file),
                    new HkdfChecker("HKDF-SHA" + bits, "HmacSHA" + bits)));
            all.add(VectorRunner.sessionKeysOnly("HKDF-SHA" + bits + " (KeyGenerator)", WP + file,
                    src -> HkdfChecker.wycheproof(src, file), new HkdfKeyGeneratorChecker("HKDF-SHA" + bits,
                            "HmacSHA" + bits), "SessionKeys' own route for JDK 17+ (SessionKeyDerivationSpec)"));
        }
        for (String f : new String[] {"2048_sha1_mgf1sha1", "2048_sha256_mgf1sha1", "2048_sha256_mgf1sha256",
                "3072_sha256_mgf1sha1", "3072_sha256_mgf1sha256", "4096_sha256_mgf1sha1", "4096_sha256_mgf1sha256",
                "misc"}) {
            String file = "rsa_oaep_" + f + "_test.json";
            all.add(new VectorRunner<>("RSA/ECB/OAEPPadding", WP + file, src -> OaepChecker.wycheproof(src, file),
                    new OaepChecker()));
        }
        for (String bits : new String[] {"2048", "3072", "4096"}) {
            String file = "rsa_pkcs1_" + bits + "_test.json";
            all.add(new VectorRunner<>(Pkcs1Checker.CIPHER, WP + file, src -> Pkcs1Checker.wycheproof(src, file),
                    new Pkcs1Checker()));
        }
        all.add(new NotApplicable("AES-GCM-SIV", WP + "aes_gcm_siv_test.json",
                "SessionKeys has no AES-GCM-SIV service (not in its design): not run"));
        all.add(new NotApplicable("XChaCha20-Poly1305", WP + "xchacha20_poly1305_test.json",
                "SessionKeys has no XChaCha20-Poly1305 service (not in its design): not run"));
        return all;
    }

    /** The runners whose algorithm matches one of {@code names} (case-insensitive, by prefix). */
    public static List<Runner> select(List<String> names) {
        if (names.isEmpty()) {
            return all();
        }
        List<Runner> out = new ArrayList<>();
        for (Runner r : all()) {
            String alg = r.algorithm().toLowerCase(Locale.ROOT);
            for (String n : names) {
                if (alg.startsWith(n.toLowerCase(Locale.ROOT))) {
                    out.add(r);
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no algorithm matches " + names + "; known: " + algorithmNames());
        }
        return out;
    }

    public static String algorithmNames() {
        StringBuilder sb = new StringBuilder();
        for (Runner r : all()) {
            if (sb.indexOf(r.algorithm() + ",") < 0) {
                sb.append(r.algorithm()).append(", ");
            }
        }
        return sb.substring(0, sb.length() - 2);
    }

    private static KeyWrapChecker kw() {
        return new KeyWrapChecker("AES/KW/NoPadding", "AESWrap");
    }

    private static KeyWrapChecker kwp() {
        return new KeyWrapChecker("AES/KWP/NoPadding", "AESWrapPad");
    }

    private static String[] nistWrap(String prefix) {
        List<String> files = new ArrayList<>();
        for (String op : new String[] {"Encrypt", "Decrypt"}) {
            for (String bits : new String[] {"128", "192", "256"}) {
                files.add("nist/" + prefix + op + bits + ".rsp");
            }
        }
        return files.toArray(new String[0]);
    }

    /** Reads one kind of case from several files of one source. */
    interface FileLoader<C> {
        List<C> load(VectorSource source, String path) throws IOException;
    }

    private static <C> List<C> concat(VectorSource source, FileLoader<C> loader, String... paths) throws IOException {
        List<C> all = new ArrayList<>();
        for (String p : paths) {
            all.addAll(loader.load(source, p));
        }
        return all;
    }

}
