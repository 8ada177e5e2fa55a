package io.sessionkeys.tests.residue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads another process's writable memory through {@code /proc/<pid>/maps} and
 * {@code /proc/<pid>/mem} (Linux; needs ptrace rights over the process, which a parent running as
 * the same user or root has). Only writable mappings can hold key material; read-only file
 * mappings (code, libraries, jars) are skipped.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/maps"));
    }

    /** Feeds every readable, writable region of {@code pid} to {@code scanner}; returns bytes read. */
    static long scan(long pid, PatternScanner scanner) throws IOException {
        List<String> maps = Files.readAllLines(Path.of("/proc/" + pid + "/maps"));
        long total = 0;
        try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
            for (String line : maps) {
                String[] f = line.split("\\s+", 6);
                String perms = f[1];
                String name = f.length > 5 ? f[5] : "";
                if (perms.charAt(0) != 'r' || perms.charAt(1) != 'w' || name.startsWith("[vvar")
                        || name.startsWith("[vsyscall")) {
                    continue;
                }
                String[] range = f[0].split("-");
                long start = Long.parseUnsignedLong(range[0], 16);
                long end = Long.parseUnsignedLong(range[1], 16);
                total += scanRegion(mem, start, end, scanner);
            }
        }
        return total;
    }

    private static long scanRegion(RandomAccessFile mem, long start, long end, PatternScanner scanner) {
        RegionStream region = new RegionStream(mem, start, end);
        try {
            scanner.scan(region);
        } catch (IOException unreadable) {
            // Guard pages and mappings that vanish while reading: nothing more to scan there.
        }
        return region.position - start;
    }

    /** One region of /proc/pid/mem as a stream, so the scanner sees it as one piece. */
    private static final class RegionStream extends InputStream {
        private final RandomAccessFile mem;
        private final long end;
        long position;

        RegionStream(RandomAccessFile mem, long start, long end) {
            this.mem = mem;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            mem.seek(position);
            int n = mem.read(b, off, (int) Math.min(len, end - position));
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
