package io.sessionkeys.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parse_nestedValues_givesMapsListsAndDoubles() {
        Object parsed = Json.parse("{\"a\": [1, -2.5e3, true, null], \"b\": {\"c\": \"NaN\"}}");

        Map<?, ?> root = (Map<?, ?>) parsed;
        List<?> a = (List<?>) root.get("a");
        assertEquals(1.0, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertNull(a.get(3));
        assertEquals("NaN", ((Map<?, ?>) root.get("b")).get("c"));
    }

    @Test
    void parse_escapes_areDecoded() {
        assertEquals("a\"b\\c\nd\u00b7", Json.parse("\"a\\\"b\\\\c\\nd\\u00b7\""));
    }

    @Test
    void parse_emptyContainers_areEmpty() {
        assertEquals(List.of(), Json.parse(" [ ] "));
        assertEquals(Map.of(), Json.parse("{}"));
    }

    @Test
    void parse_trailingGarbage_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertEquals("bad JSON at character 4: trailing characters", e.getMessage());
    }
}
