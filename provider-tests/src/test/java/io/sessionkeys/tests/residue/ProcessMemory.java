package io.sessionkeys.tests.residue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads another process's writable memory through {@code /proc/<pid>/maps} and
 * {@code /proc/<pid>/mem} (Linux; needs ptrace rights over the process, which a parent running as
 * the same user or root has). Only writable mappings can hold key material; read-only file
 * mappings (code, libraries, jars) are skipped.
 *
 * <p>Every writable region must be read to its end. A region that cannot be read is an error,
 * unless it is gone from the map by the time we look again (a thread stack or malloc arena freed
 * while we read): a region silently skipped is a place where a key could hide from the scan.
 */
final class ProcessMemory {

    /** What one scan covered. */
    record Coverage(long bytes, int regions, int vanished) {
    }

    private ProcessMemory() {
    }

    /** Whether this platform has /proc/&lt;pid&gt;/mem at all; elsewhere the scan is skipped, not failed. */
    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /**
     * Feeds every writable region of {@code pid} to {@code scanner}.
     *
     * @throws IOException if /proc cannot be read, or a writable region still mapped could not be
     *     read in full
     */
    static Coverage scan(long pid, PatternScanner scanner) throws IOException {
        List<Region> regions = writableRegions(pid);
        long total = 0;
        int vanished = 0;
        try (RandomAccessFile mem = new RandomAccessFile("/proc/" + pid + "/mem", "r")) {
            for (Region r : regions) {
                RegionStream in = new RegionStream(mem, r.start, r.end);
                IOException failure = null;
                try {
                    scanner.scan(in);
                } catch (IOException e) {
                    failure = e;
                }
                total += in.position - r.start;
                if (in.position < r.end) {
                    if (writableRegions(pid).contains(r)) {
                        IOException e = new IOException("writable region " + r + " of process " + pid
                                + " could be read only up to " + Long.toHexString(in.position)
                                + "; the scan would miss whatever lies there");
                        if (failure != null) {
                            e.addSuppressed(failure);
                        }
                        throw e;
                    }
                    vanished++;
                }
            }
        }
        return new Coverage(total, regions.size(), vanished);
    }

    private static List<Region> writableRegions(long pid) throws IOException {
        List<Region> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
            String[] f = line.split("\\s+", 6);
            String perms = f[1];
            String name = f.length > 5 ? f[5].trim() : "";
            // [vvar] and [vsyscall] are the kernel's, not the process's, and refuse reads.
            if (perms.charAt(0) != 'r' || perms.charAt(1) != 'w' || name.startsWith("[vvar")
                    || name.startsWith("[vsyscall")) {
                continue;
            }
            String[] range = f[0].split("-");
            out.add(new Region(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), name));
        }
        return out;
    }

    private record Region(long start, long end, String name) {
        @Override
        public String toString() {
            return Long.toHexString(start) + "-" + Long.toHexString(end) + (name.isEmpty() ? " (anonymous)" : " " + name);
        }
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
