package io.sessionkeys.conformance.vectors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIST CAVP response file: {@code [Name = value]} section parameters, then records of
 * {@code Name = value} lines separated by blank lines. A bare {@code FAIL} line is kept as the
 * field {@code FAIL}.
 */
public final class RspFile {

    /** One record with the section parameters in force where it appears. */
    public static final class Record {
        public final String id;
        public final Map<String, String> section;
        public final Map<String, String> fields;

        Record(String id, Map<String, String> section, Map<String, String> fields) {
            this.id = id;
            this.section = section;
            this.fields = fields;
        }

        public boolean has(String name) {
            return fields.containsKey(name);
        }

        public byte[] hex(String name) {
            String v = fields.get(name);
            if (v == null) {
                throw new IllegalArgumentException("record " + id + " has no field " + name);
            }
            return Hex.decode(v);
        }

        public int sectionInt(String name) {
            String v = section.get(name);
            if (v == null) {
                throw new IllegalArgumentException("record " + id + " has no section parameter " + name);
            }
            return Integer.parseInt(v);
        }

        public boolean isFail() {
            return fields.containsKey("FAIL");
        }
    }

    private RspFile() {
    }

    /** Reads every record of {@code relativePath}; ids read {@code file:line}. */
    public static List<Record> load(VectorSource source, String relativePath) throws IOException {
        String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        String[] lines = source.read(relativePath).split("\r?\n", -1);
        List<Record> records = new ArrayList<>();
        Map<String, String> section = new LinkedHashMap<>();
        boolean sectionOpen = false;
        Map<String, String> fields = null;
        int recordLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
                if (fields != null) {
                    records.add(new Record(fileName + ":" + recordLine, Collections.unmodifiableMap(section), fields));
                    fields = null;
                }
                if (line.startsWith("[")) {
                    if (!sectionOpen) {
                        section = new LinkedHashMap<>();
                        sectionOpen = true;
                    }
                    parameter(line, section);
                }
                continue;
            }
            sectionOpen = false;
            if (fields == null) {
                fields = new LinkedHashMap<>();
                recordLine = i + 1;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                fields.put(line, "");
            } else {
                fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return records;
    }

    private static void parameter(String line, Map<String, String> section) {
        String inner = line.substring(1, line.endsWith("]") ? line.length() - 1 : line.length());
        int eq = inner.indexOf('=');
        // The KW files spell the first header PLAINTEXT_LENGTH and the others PLAINTEXT LENGTH.
        String name = (eq < 0 ? inner : inner.substring(0, eq)).strip().replace('_', ' ');
        section.put(name, eq < 0 ? "" : inner.substring(eq + 1).strip());
    }
}
