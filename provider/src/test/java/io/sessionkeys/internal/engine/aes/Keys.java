package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Test helpers: a precomputation built straight into a direct buffer, as the key gate would. */
final class Keys {

    private Keys() {
    }

    static ByteBuffer precompute(Precomputation kind, byte[] key) {
        ByteBuffer raw = ByteBuffer.allocateDirect(key.length);
        raw.put(0, key);
        ByteBuffer out = ByteBuffer.allocateDirect(kind.size(key.length));
        kind.compute(raw.asReadOnlyBuffer(), out);
        return out;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
