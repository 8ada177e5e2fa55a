package io.sessionkeys.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void parse_object_keepsTheFileOrder() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    }

    @Test
    void parse_everyEscape_isDecoded() {
        assertEquals("\"\\/\b\f\n\r\t\u00b7", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00B7\""));
    }

    @Test
    void parse_jmhStyleNumbers_keepTheirValue() {
        // JMH writes scores such as these; "NaN" it writes as a string.
        List<?> a = (List<?>) Json.parse("[1234.5678901234567, 1.0E-4, 0, \"NaN\"]");
        assertEquals(1234.5678901234567, ((BigDecimal) a.get(0)).doubleValue());
        assertEquals(1.0E-4, ((BigDecimal) a.get(1)).doubleValue());
        assertEquals(BigDecimal.ZERO, a.get(2));
        assertEquals("NaN", a.get(3));
    }

    @Test
    void parse_emptyContainers_areEmpty() {
        assertEquals(Map.of(), Json.parse("{}"));
        assertEquals(List.of(), Json.parse("[ ]"));
    }

    @Test
    void parse_trailingCharacters_throwsWithTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertEquals("JSON: trailing characters after the JSON value at offset 4", e.getMessage());
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
    void parse_malformedInput_throws() {
        for (String bad : new String[] {"", "[1,]", "{\"a\" 1}", "[tru]", "[1.2.3]", "\"\\x\"", "\"\\u12\"", "{1: 2}"}) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void jsonObject_typedAccess_checksTypes() {
        JsonObject o = new JsonObject(Json.parse(
                "{\"n\": 7, \"s\": \"x\", \"o\": {\"k\": \"v\"}, \"l\": [{\"k\": \"w\"}], \"t\": [\"p\", \"q\"]}"));
        assertEquals(7, o.integer("n"));
        assertEquals("x", o.string("s"));
        assertEquals("v", o.object("o").string("k"));
        assertEquals("w", o.objects("l").get(0).string("k"));
        assertEquals(List.of("p", "q"), o.strings("t"));
        assertEquals(List.of(), o.strings("missing"));
        assertEquals("fallback", o.stringOr("missing", "fallback"));
        assertTrue(o.has("n"));
        assertFalse(o.has("missing"));
        assertThrows(IllegalArgumentException.class, () -> o.string("n"));
        assertThrows(IllegalArgumentException.class, () -> o.string("missing"));
        assertThrows(IllegalArgumentException.class, () -> new JsonObject(List.of()));
    }

    @Test
    void jsonObject_hex_decodesEitherCaseAndRefusesNonHex() {
        JsonObject o = new JsonObject(Json.parse("{\"h\": \"00ff7A\", \"e\": \"\", \"odd\": \"abc\", \"bad\": \"0g\"}"));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x7a}, o.hex("h"));
        assertArrayEquals(new byte[0], o.hex("e"));
        assertThrows(IllegalArgumentException.class, () -> o.hex("odd"));
        assertThrows(IllegalArgumentException.class, () -> o.hex("bad"));
    }

    @Test
    void jsonObject_integer_refusesAFraction() {
        JsonObject o = new JsonObject(Json.parse("{\"n\": 7.5}"));
        assertThrows(ArithmeticException.class, () -> o.integer("n"));
    }
}
