package io.sessionkeys.internal.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arena's memory as the JFR event and the report tell it. */
class ArenaMemoryTest {

    @TempDir
    Path dir;

    @Test
    void oversizedKey_takesARegionOfItsOwn_recordedWithItsTierAndNoMaterial() throws Exception {
        ArenaMemory.select(ArenaMemory.Mode.AUTO);
        byte[] bytes = new byte[5000]; // beyond the largest slot: a region of its own
        Arrays.fill(bytes, (byte) 0x5a);
        bytes[0] = 0x11;
        Path file = dir.resolve("memory.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("io.sessionkeys.MemoryRegion");
            recording.start();
            ManagedSessionKey key = ManagedSessionKey.create("HmacSHA256", 5000 * 8, bytes.clone(), 0, bytes.length,
                    KeyPolicy.builder().build(), null, Clock.systemUTC());
            key.destroy();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        RecordedEvent own = events.stream().filter(e -> e.getLong("bytes") == 8192).findFirst()
                .orElseThrow(() -> new AssertionError("no 8 KiB region recorded: " + events));
        assertEquals(ArenaMemory.strongest().label(), own.getString("tier"));
        assertEquals("", own.getString("fallback"));
        String hex = HexFormat.of().formatHex(bytes, 0, 8);
        for (RecordedEvent e : events) {
            assertFalse(e.toString().toLowerCase().contains(hex), e.toString());
        }
        assertTrue(ArenaMemory.report().get("tiers").startsWith(ArenaMemory.strongest().label()),
                ArenaMemory.report().toString());
    }
}
