package io.sessionkeys.internal.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.SessionKeysProvider;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * NIST CAVP HMACVS (HMAC.rsp): every record for L=32, 48 and 64 (SHA-256/384/512), whose tags are
 * truncated to Tlen bytes. Collects every failing record, then asserts once.
 */
class NistHmacVectorsTest {

    private static final Map<Integer, String> HMAC_BY_LENGTH = Map.of(32, "HmacSHA256", 48, "HmacSHA384",
            64, "HmacSHA512");

    @Test
    void doFinal_everyNistRecordForSha256To512_matchesTheTruncatedTag() throws Exception {
        Path file = Path.of(System.getProperty("sessionkeys.vectors"), "nist", "hmac", "HMAC.rsp");
        SessionKeysProvider provider = new SessionKeysProvider();
        HexFormat hex = HexFormat.of();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        String algorithm = null;
        String count = null;
        byte[] key = null;
        byte[] message = null;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line; (line = in.readLine()) != null;) {
                line = line.strip();
                if (line.startsWith("[L=")) {
                    algorithm = HMAC_BY_LENGTH.get(Integer.parseInt(line.substring(3, line.length() - 1)));
                } else if (line.startsWith("Count = ")) {
                    count = line.substring(8);
                } else if (line.startsWith("Key = ")) {
                    key = hex.parseHex(line.substring(6));
                } else if (line.startsWith("Msg = ")) {
                    message = hex.parseHex(line.substring(6));
                } else if (line.startsWith("Mac = ") && algorithm != null) {
                    byte[] expected = hex.parseHex(line.substring(6));
                    Mac mac = Mac.getInstance(algorithm, provider);
                    SecretKey sessionKey = HmacReferenceTest.sessionKey(algorithm, key);
                    mac.init(sessionKey);
                    byte[] tag = Arrays.copyOf(mac.doFinal(message), expected.length);
                    if (!MessageDigest.isEqual(expected, tag)) {
                        failures.add(algorithm + " Count " + count);
                    }
                    sessionKey.destroy();
                    checked++;
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(225 + 300 + 375, checked, "records for L=32, 48 and 64");
    }
}
