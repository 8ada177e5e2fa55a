package io.sessionkeys.internal.engine.chacha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.internal.engine.AeadOperation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Wycheproof ChaCha20-Poly1305 vector, on the engine directly: valid ones encrypt and
 * decrypt to the expected values, invalid ones with a 12-byte nonce give a tag that differs
 * from theirs, and other nonce sizes are refused. Failures are collected and reported at once.
 */
class ChaCha20Poly1305WycheproofTest {

    /** A test object is flat: string fields, a flags array, no nested braces. */
    private static final Pattern TEST = Pattern.compile("\\{\\s*\"tcId\"[^{}]*\\}");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|(\\d+))");

    @Test
    void wycheproofVectors_allBehaveAsExpected() throws IOException {
        String json = Files.readString(vectors().resolve("wycheproof/testvectors_v1/chacha20_poly1305_test.json"),
                StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        Matcher tests = TEST.matcher(json);
        while (tests.find()) {
            Map<String, String> t = fields(tests.group());
            checked++;
            String failure = check(t);
            if (failure != null) {
                failures.add("tcId " + t.get("tcId") + ": " + failure);
            }
        }
        assertEquals(325, checked, "number of vectors read");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String check(Map<String, String> t) {
        byte[] key = hex(t.get("key"));
        byte[] nonce = hex(t.get("iv"));
        byte[] aad = hex(t.get("aad"));
        byte[] msg = hex(t.get("msg"));
        byte[] ct = hex(t.get("ct"));
        byte[] tag = hex(t.get("tag"));
        boolean valid = t.get("result").equals("valid");
        ChaCha20Poly1305Engine engine = ChaCha20Poly1305Engine.INSTANCE;
        if (!engine.acceptsNonceLength(nonce.length)) {
            return valid ? "valid vector with a refused nonce length " + nonce.length : null;
        }
        ByteBuffer keyData = ByteBuffer.allocateDirect(key.length).put(0, key);

        AeadOperation dec = engine.start(keyData, nonce);
        dec.updateAad(keyData, aad, 0, aad.length);
        dec.authenticate(keyData, ct, 0, ct.length);
        byte[] computed = new byte[16];
        dec.computeTag(keyData, computed, 0);
        boolean tagMatches = Arrays.equals(computed, tag);
        if (!valid) {
            return tagMatches ? "invalid vector accepted" : null;
        }
        if (!tagMatches) {
            return "valid vector: tag differs";
        }
        byte[] plain = new byte[ct.length];
        dec.decryptVerified(keyData, ct, 0, ct.length, plain, 0);
        if (!Arrays.equals(plain, msg)) {
            return "valid vector: plaintext differs";
        }
        AeadOperation enc = engine.start(keyData, nonce);
        enc.updateAad(keyData, aad, 0, aad.length);
        byte[] sealed = new byte[msg.length + 16];
        enc.encrypt(keyData, msg, 0, msg.length, sealed, 0);
        enc.computeTag(keyData, sealed, msg.length);
        if (!Arrays.equals(Arrays.copyOf(sealed, msg.length), ct)
                || !Arrays.equals(Arrays.copyOfRange(sealed, msg.length, msg.length + 16), tag)) {
            return "valid vector: encryption differs";
        }
        return null;
    }

    private static Map<String, String> fields(String object) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(object);
        while (m.find()) {
            fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
        }
        return fields;
    }

    private static Path vectors() {
        String dir = System.getProperty("sessionkeys.vectors");
        return dir != null ? Path.of(dir) : Path.of("../conformance/src/main/resources/vectors");
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
