package io.sessionkeys.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Typed, checked access to a parsed JSON object: a missing or mistyped member is an error. */
public final class JsonObject {

    private final Map<String, Object> members;

    @SuppressWarnings("unchecked")
    public JsonObject(Object parsed) {
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        this.members = (Map<String, Object>) parsed;
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public String string(String name) {
        return typed(name, String.class);
    }

    public String stringOr(String name, String fallback) {
        return has(name) ? string(name) : fallback;
    }

    public int integer(String name) {
        return typed(name, BigDecimal.class).intValueExact();
    }

    /** A byte string written as hex digits (either case), as test-vector files do. */
    public byte[] hex(String name) {
        try {
            return HexFormat.of().parseHex(string(name).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("member \"" + name + "\" is not a hex string: " + e.getMessage(), e);
        }
    }

    public JsonObject object(String name) {
        return new JsonObject(typed(name, Map.class));
    }

    public List<JsonObject> objects(String name) {
        List<JsonObject> out = new ArrayList<>();
        for (Object o : typed(name, List.class)) {
            out.add(new JsonObject(o));
        }
        return out;
    }

    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        if (has(name)) {
            for (Object o : typed(name, List.class)) {
                out.add((String) o);
            }
        }
        return out;
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = members.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("member \"" + name + "\" should be a " + type.getSimpleName()
                    + ", is " + (v == null ? "missing or null" : v.getClass().getSimpleName()));
        }
        return type.cast(v);
    }
}
