package io.sessionkeys.internal.engine.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record of the NIST CAVP GCMVS files through the engine (tags compared as truncated prefixes). */
class AesGcmNistVectorsTest {

    /** One record: its bracket parameters and its fields; "FAIL" present as a key for failure records. */
    private record Record(Map<String, String> fields) {
        byte[] bytes(String name) {
            return HexFormat.of().parseHex(fields.get(name));
        }
    }

    private static List<Record> read(String file) throws IOException {
        Path path = Path.of(System.getProperty("sessionkeys.vectors"), "nist", "aes-gcm", file);
        List<Record> records = new ArrayList<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
            String line = raw.strip();
            if (line.startsWith("Count")) {
                current = new HashMap<>();
                records.add(new Record(current));
            } else if (current != null && line.equals("FAIL")) {
                current.put("FAIL", "");
            } else if (current != null && line.contains("=") && !line.startsWith("[")) {
                String[] kv = line.split("=", 2);
                current.put(kv[0].strip(), kv[1].strip());
            }
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcmEncryptExtIV128.rsp", "gcmEncryptExtIV256.rsp"})
    void seal_nistEncryptRecords_matchCiphertextAndTruncatedTag(String file) throws IOException {
        List<Record> records = read(file);
        assertEquals(7875, records.size());
        for (Record r : records) {
            ByteBuffer keyData = Keys.precompute(AesGcmEngine.INSTANCE.precomputation(), r.bytes("Key"));
            byte[] pt = r.bytes("PT");
            byte[] sealed = Gcm.seal(keyData, r.bytes("IV"), r.bytes("AAD"), pt);
            byte[] tag = r.bytes("Tag");
            assertArrayEquals(r.bytes("CT"), Arrays.copyOf(sealed, pt.length), file + " " + r.fields());
            assertArrayEquals(tag, Arrays.copyOfRange(sealed, pt.length, pt.length + tag.length), file + " " + r.fields());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcmDecrypt128.rsp", "gcmDecrypt256.rsp"})
    void open_nistDecryptRecords_returnPlaintextOrRefuseFailRecords(String file) throws IOException {
        List<Record> records = read(file);
        int failures = 0;
        for (Record r : records) {
            ByteBuffer keyData = Keys.precompute(AesGcmEngine.INSTANCE.precomputation(), r.bytes("Key"));
            byte[] ct = r.bytes("CT");
            byte[] tag = r.bytes("Tag");
            byte[] sealed = Arrays.copyOf(ct, ct.length + tag.length);
            System.arraycopy(tag, 0, sealed, ct.length, tag.length);
            byte[] plain = Gcm.open(keyData, r.bytes("IV"), r.bytes("AAD"), sealed, tag.length);
            if (r.fields().containsKey("FAIL")) {
                failures++;
                assertNull(plain, file + " FAIL record accepted: " + r.fields());
            } else {
                assertArrayEquals(r.bytes("PT"), plain, file + " " + r.fields());
            }
        }
        assertTrue(failures > 3000, "FAIL records seen: " + failures);
    }
}
