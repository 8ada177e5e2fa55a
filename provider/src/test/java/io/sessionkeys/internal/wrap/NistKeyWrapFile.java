package io.sessionkeys.internal.wrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads a NIST CAVP KWVS response file (K, P, C records; FAIL marks a record to reject). */
final class NistKeyWrapFile {

    /** One record: {@code data} is {@code null} when the record is marked FAIL. */
    record Record(String id, byte[] kek, byte[] data, byte[] wrapped) {
    }

    private NistKeyWrapFile() {
    }

    static Path vectors() {
        String dir = System.getProperty("sessionkeys.vectors");
        if (dir == null) {
            throw new IllegalStateException("system property sessionkeys.vectors is not set");
        }
        return Path.of(dir);
    }

    static List<Record> read(String relativePath) throws IOException {
        List<Record> records = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        String count = null;
        byte[] k = null;
        byte[] p = null;
        byte[] c = null;
        boolean fail = false;
        for (String raw : Files.readAllLines(vectors().resolve(relativePath), StandardCharsets.US_ASCII)) {
            String line = raw.strip();
            if (line.startsWith("COUNT")) {
                count = value(line);
                k = p = c = null;
                fail = false;
            } else if (line.startsWith("K ") || line.startsWith("K=")) {
                k = hex.parseHex(value(line));
            } else if (line.startsWith("P ") || line.startsWith("P=")) {
                p = hex.parseHex(value(line));
            } else if (line.startsWith("C ") || line.startsWith("C=")) {
                c = hex.parseHex(value(line));
            } else if (line.equals("FAIL")) {
                fail = true;
            }
            if (count != null && k != null && c != null && (p != null || fail)) {
                records.add(new Record(relativePath + "#" + count, k, fail ? null : p, c));
                count = null;
            }
        }
        return records;
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1).strip();
    }
}
