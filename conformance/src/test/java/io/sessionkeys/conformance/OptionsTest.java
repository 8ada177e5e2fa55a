package io.sessionkeys.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.conformance.runners.Catalog;
import io.sessionkeys.conformance.subject.KeyRoute;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void parse_everyOption_setsIt() {
        Options o = Options.parse(new String[] {"--algorithms", "AES/GCM,Hmac", "--route", "unwrap", "--json",
                "--details", "--no-peers", "--no-cross", "--trials", "7"});
        assertEquals(List.of("AES/GCM", "Hmac"), o.algorithms);
        assertEquals(EnumSet.of(KeyRoute.UNWRAP), o.routes);
        assertTrue(o.json && o.details);
        assertFalse(o.peers || o.cross);
        assertEquals(7, o.trials);
    }

    @Test
    void parse_unknownOption_throws() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--fast"}));
    }

    @Test
    void parse_unknownRoute_throws() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--route", "keystore"}));
    }

    @Test
    void select_prefix_matchesOnlyThoseAlgorithms() {
        assertTrue(Catalog.select(List.of("hmac")).stream().allMatch(r -> r.algorithm().startsWith("Hmac")));
        assertThrows(IllegalArgumentException.class, () -> Catalog.select(List.of("DES")));
    }
}
