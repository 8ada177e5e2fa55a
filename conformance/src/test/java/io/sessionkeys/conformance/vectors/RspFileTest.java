package io.sessionkeys.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RspFileTest {

    @Test
    void load_sectionsRecordsAndFail_parsedWithTheirSection(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.rsp"), String.join("\r\n",
                "# comment", "", "[PLAINTEXT_LENGTH = 128]", "", "COUNT = 0", "K = 00ff", "C = 01", "P = ",
                "", "COUNT = 1", "K = 02", "C = 03", "FAIL", "", "[PLAINTEXT LENGTH = 256]", "", "COUNT = 0",
                "K = 04", "C = 05", "P = 06", ""));
        List<RspFile.Record> records = RspFile.load(VectorSource.directory(dir), "t.rsp");
        assertEquals(3, records.size());
        assertEquals(128, records.get(0).sectionInt("PLAINTEXT LENGTH"));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, records.get(0).hex("K"));
        assertArrayEquals(new byte[0], records.get(0).hex("P"));
        assertFalse(records.get(0).isFail());
        assertTrue(records.get(1).isFail());
        assertEquals(256, records.get(2).sectionInt("PLAINTEXT LENGTH"));
        assertEquals("t.rsp:5", records.get(0).id);
    }

    @Test
    void load_nistGcmDecrypt_countsEveryRecordAndFail() throws Exception {
        List<RspFile.Record> records = RspFile.load(VectorSource.standard(), "nist/aes-gcm/gcmDecrypt128.rsp");
        assertEquals(7875, records.size());
        assertEquals(4011, records.stream().filter(RspFile.Record::isFail).count());
    }

    @Test
    void load_nistHmac_hasEverySection() throws Exception {
        List<RspFile.Record> records = RspFile.load(VectorSource.standard(), "nist/hmac/HMAC.rsp");
        assertEquals(1575, records.size());
        assertEquals(225, records.stream().filter(r -> "32".equals(r.section.get("L"))).count());
    }
}
