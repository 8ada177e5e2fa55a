package io.sessionkeys.tests.residue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of many byte patterns in large images (heap dumps, process memory) in one
 * pass: a table of two-byte prefixes filters the positions worth comparing.
 */
final class PatternScanner {

    private final Map<String, byte[]> patterns = new LinkedHashMap<>();
    private final List<List<String>> byPrefix = new ArrayList<>(65536);
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int longest;

    PatternScanner() {
        for (int i = 0; i < 65536; i++) {
            byPrefix.add(null);
        }
    }

    /**
     * Adds a pattern of at least 8 bytes under a name for the report. Two names for the same bytes
     * are refused: every hit would be counted twice and blamed on both.
     */
    void add(String name, byte[] pattern) {
        if (pattern.length < 8) {
            throw new IllegalArgumentException("pattern too short to mean anything: " + name);
        }
        for (Map.Entry<String, byte[]> e : patterns.entrySet()) {
            if (Arrays.equals(e.getValue(), pattern) || e.getKey().equals(name)) {
                throw new IllegalArgumentException(name + " duplicates " + e.getKey());
            }
        }
        patterns.put(name, pattern.clone());
        counts.put(name, 0);
        int prefix = prefix(pattern, 0);
        if (byPrefix.get(prefix) == null) {
            byPrefix.set(prefix, new ArrayList<>());
        }
        byPrefix.get(prefix).add(name);
        longest = Math.max(longest, pattern.length);
    }

    void scan(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            scan(in);
        }
    }

    /** Scans a stream; matches across chunk borders are found, each counted once. */
    void scan(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int carried = 0;
        while (true) {
            int read = in.readNBytes(buffer, carried, buffer.length - carried);
            int filled = carried + read;
            boolean last = read == 0 || filled < buffer.length;
            int scanUpTo = last ? filled : filled - (longest - 1);
            scanRange(buffer, 0, scanUpTo, filled);
            if (last) {
                return;
            }
            carried = filled - scanUpTo;
            System.arraycopy(buffer, scanUpTo, buffer, 0, carried);
        }
    }

    private void scanRange(byte[] b, int from, int to, int filled) {
        for (int i = from; i < to && i + 1 < filled; i++) {
            List<String> candidates = byPrefix.get(prefix(b, i));
            if (candidates == null) {
                continue;
            }
            for (String name : candidates) {
                if (matches(b, i, filled, patterns.get(name))) {
                    counts.merge(name, 1, Integer::sum);
                }
            }
        }
    }

    private static boolean matches(byte[] b, int at, int filled, byte[] pattern) {
        if (at + pattern.length > filled) {
            return false;
        }
        for (int j = 0; j < pattern.length; j++) {
            if (b[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private static int prefix(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    /** Occurrences per pattern name, in the order added. */
    Map<String, Integer> counts() {
        return new LinkedHashMap<>(counts);
    }

    void reset() {
        counts.replaceAll((k, v) -> 0);
    }
}
