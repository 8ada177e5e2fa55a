package io.sessionkeys.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records JFR while a key lives, and reads the events back: what they say, and no material. */
class KeyEventsTest {

    @TempDir
    Path dir;

    @Test
    void keyLife_recorded_givesEveryEventWithoutMaterial() throws Exception {
        byte[] bytes = HexFormat.of().parseHex("8899aabbccddeeff0011223344556677");
        String hex = HexFormat.of().formatHex(bytes);
        Path file = dir.resolve("keys.jfr");
        String id;
        try (Recording recording = new Recording()) {
            for (String name : List.of("KeyCreated", "KeyDestroyed", "KeyExported", "KeyLimitReached")) {
                recording.enable("io.sessionkeys." + name);
            }
            recording.start();
            ManagedSessionKey key = ManagedSessionKey.create("AES", 128, bytes.clone(), 0, 16,
                    KeyPolicy.builder().maxEncryptions(1).plaintextExportable(true).build(), null, Clock.systemUTC());
            id = key.keyId();
            key.getEncoded();
            key.chargeEncryption(new SafetyLimits(10, 1000, "test"));
            key.destroy();
            recording.stop();
            recording.dump(file);
        }
        Map<String, List<RecordedEvent>> byName = RecordingFile.readAllEvents(file).stream()
                // Other events may be in the file too (a memory region taken for this first key).
                .filter(e -> e.hasField("keyId") && id.equals(e.getString("keyId")))
                .collect(Collectors.groupingBy(e -> e.getEventType().getName()));

        RecordedEvent created = byName.get("io.sessionkeys.KeyCreated").get(0);
        assertEquals("AES", created.getString("algorithm"));
        assertEquals(128, created.getInt("keySize"));
        RecordedEvent exported = byName.get("io.sessionkeys.KeyExported").get(0);
        assertEquals("plaintext", exported.getString("method"));
        RecordedEvent limit = byName.get("io.sessionkeys.KeyLimitReached").get(0);
        assertTrue(limit.getString("limit").contains("1 encryptions"), limit.getString("limit"));
        RecordedEvent destroyed = byName.get("io.sessionkeys.KeyDestroyed").get(0);
        assertEquals("EXPLICIT", destroyed.getString("reason"));
        assertEquals(1, destroyed.getLong("encryptions"));

        for (List<RecordedEvent> events : byName.values()) {
            for (RecordedEvent e : events) {
                assertFalse(e.toString().toLowerCase().contains(hex.substring(0, 8)), e.toString());
            }
        }
    }
}
