package io.sessionkeys.conformance.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parse_nestedDocument_givesMapsListsAndValues() {
        Object v = Json.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": {\"c\": \"x\\\"y\\\\z\\u00e9\\n\"}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(new BigDecimal("1"), a.get(0));
        assertEquals(new BigDecimal("-2.5e1"), a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertEquals(Boolean.FALSE, a.get(3));
        assertNull(a.get(4));
        assertEquals("x\"y\\z\u00e9\n", ((Map<?, ?>) m.get("b")).get("c"));
    }

    @Test
    void parse_emptyContainers_areEmpty() {
        assertEquals(Map.of(), Json.parse("{}"));
        assertEquals(List.of(), Json.parse("[ ]"));
    }

    @Test
    void parse_trailingCharacters_throws() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
    }

    @Test
    void parse_duplicateMember_throws() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    }

    @Test
    void parse_unterminatedString_throws() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[\"abc"));
    }

    @Test
    void parse_rawControlCharacterInString_throws() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[\"a\u0001\"]"));
    }

    @Test
    void jsonObject_typedAccess_checksTypes() {
        JsonObject o = new JsonObject(Json.parse("{\"n\": 7, \"h\": \"00ff\", \"s\": \"x\"}"));
        assertEquals(7, o.integer("n"));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, o.hex("h"));
        assertFalse(o.has("missing"));
        assertThrows(IllegalArgumentException.class, () -> o.string("n"));
        assertThrows(IllegalArgumentException.class, () -> o.string("missing"));
    }
}
