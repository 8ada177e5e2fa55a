package io.sessionkeys.tests.residue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How an engine keeps the data it derives from a key (the AES round keys, the GHASH subkey H) in
 * memory, so that the scan can require it found while the key is live and absent afterwards.
 * Written from each engine's documented layout, not computed by the engine: if a description
 * here were wrong, the live scan would not find it and the test would fail, never pass vacuously.
 *
 * <p>An engine the residue test does not know fails the test until its layout is added here.
 */
enum EngineLayout {

    /**
     * The pure-Java engine: AES round keys bitsliced in the {@code aes_ct64} layout (eight
     * big-endian longs per round key, the key replicated in all four block lanes), and the GHASH
     * table's first entry, H as two big-endian longs with the low half (bytes 8..15) first.
     */
    JAVA("java") {
        @Override
        List<byte[]> roundKeyForms(byte[] roundKey) {
            return List.of(bitsliced(roundKey));
        }

        @Override
        byte[] ghashSubkey(byte[] h) {
            byte[] out = new byte[16];
            System.arraycopy(h, 8, out, 0, 8);
            System.arraycopy(h, 0, out, 8, 8);
            return out;
        }

        @Override
        boolean bigEndianShaWords() {
            return true;
        }
    },

    /**
     * The native engine on OpenSSL (x86-64 with AES-NI): each round key as one 128-bit register
     * image, in standard byte order; H in the GCM context as two 64-bit words in host
     * (little-endian) order, the high half (bytes 0..7) first, each therefore byte-reversed.
     */
    OPENSSL("native") {
        @Override
        List<byte[]> roundKeyForms(byte[] roundKey) {
            return List.of(roundKey.clone());
        }

        @Override
        byte[] ghashSubkey(byte[] h) {
            byte[] out = new byte[16];
            for (int i = 0; i < 8; i++) {
                out[i] = h[7 - i];
                out[8 + i] = h[15 - i];
            }
            return out;
        }

        @Override
        boolean bigEndianShaWords() {
            return false;
        }
    },

    /**
     * The native engine with SessionKeys' own AES-GCM kernel, which keeps a GCM key's state
     * beside OpenSSL's contexts: round keys as 128-bit register images in standard byte order,
     * as OpenSSL; H byte-reflected (all 16 bytes reversed) and, read as a little-endian 128-bit
     * number, multiplied by x in the reflected field: shifted left one bit and, if bit 127 fell
     * out, xored with 0xC2000000000000000000000000000001. HMAC runs on OpenSSL, as above.
     */
    NATIVE_WITH_GCM_KERNEL("native, own AES-GCM kernel") {
        @Override
        List<byte[]> roundKeyForms(byte[] roundKey) {
            return List.of(roundKey.clone());
        }

        @Override
        byte[] ghashSubkey(byte[] h) {
            byte[] v = new byte[16]; // little-endian: v[0] is the least significant byte
            for (int i = 0; i < 16; i++) {
                v[i] = h[15 - i];
            }
            boolean carry = (v[15] & 0x80) != 0;
            for (int i = 15; i > 0; i--) {
                v[i] = (byte) ((v[i] << 1) | ((v[i - 1] & 0xff) >>> 7));
            }
            v[0] = (byte) (v[0] << 1);
            if (carry) {
                v[15] ^= (byte) 0xC2;
                v[0] ^= 1;
            }
            return v;
        }

        @Override
        boolean bigEndianShaWords() {
            return false;
        }
    };

    /** The system property that selects the engine, passed on to the child JVM. */
    static final String PROPERTY = "sessionkeys.engine";

    final String engineName;

    EngineLayout(String engineName) {
        this.engineName = engineName;
    }

    /** The forms in which this engine stores one 16-byte round key (standard byte order). */
    abstract List<byte[]> roundKeyForms(byte[] roundKey);

    /** How this engine stores the GHASH subkey {@code h} (16 bytes, standard byte order). */
    abstract byte[] ghashSubkey(byte[] h);

    /**
     * How HMAC's keyed SHA-2 states are stored: the Java engine writes the chaining words
     * big-endian beside the key; OpenSSL's SHA256_CTX holds them as host (little-endian) words.
     */
    abstract boolean bigEndianShaWords();

    /** A SHA-256 chaining value as the engine stores it. */
    byte[] shaState(int[] words) {
        byte[] out = new byte[4 * words.length];
        for (int i = 0; i < words.length; i++) {
            for (int j = 0; j < 4; j++) {
                int shift = bigEndianShaWords() ? 24 - 8 * j : 8 * j;
                out[4 * i + j] = (byte) (words[i] >>> shift);
            }
        }
        return out;
    }

    /**
     * The engine this test run targets: the {@code sessionkeys.engine} property; unset or
     * {@code auto} means what the default selection runs here (the native engine where it loads,
     * else the Java engine), as the provider's MXBean reports it.
     */
    static EngineLayout selected() {
        String name = System.getProperty(PROPERTY, "auto").toLowerCase(Locale.ROOT);
        if (name.equals("auto")) {
            name = NativeGcm.runsHere() ? "native" : "java";
        }
        if (name.equals("native") && NativeGcm.onOwnKernel()) {
            return NATIVE_WITH_GCM_KERNEL;
        }
        for (EngineLayout e : values()) {
            if (e.engineName.equals(name)) {
                return e;
            }
        }
        throw new AssertionError("engine \"" + name + "\" has no entry in " + EngineLayout.class.getSimpleName()
                + ": describe how it stores AES round keys and the GHASH subkey, so the residue scan can"
                + " require them while a key is live; known: " + Arrays.toString(values()));
    }

    /**
     * One round key in the {@code aes_ct64} bitsliced layout. The 16 bytes k[0..15] are first
     * spread over two 64-bit words A and B (little-endian byte positions): A holds k[m] at byte
     * 2m and k[8+m] at byte 2m+1, B holds k[4+m] and k[12+m] (m = 0..3); the four block lanes
     * each get a copy, words 0..3 = A and 4..7 = B. Then the 8x8 bit transposition per byte
     * position: output word b has, at bit 8p + i, bit b of byte p of input word i. The eight
     * words are stored big-endian.
     */
    static byte[] bitsliced(byte[] k) {
        byte[] a = new byte[8];
        byte[] b = new byte[8];
        for (int m = 0; m < 4; m++) {
            a[2 * m] = k[m];
            a[2 * m + 1] = k[8 + m];
            b[2 * m] = k[4 + m];
            b[2 * m + 1] = k[12 + m];
        }
        byte[] out = new byte[64];
        for (int plane = 0; plane < 8; plane++) {
            long word = 0;
            for (int p = 0; p < 8; p++) {
                for (int i = 0; i < 8; i++) {
                    int source = (i < 4 ? a[p] : b[p]) & 0xff;
                    word |= (long) ((source >>> plane) & 1) << (8 * p + i);
                }
            }
            for (int j = 0; j < 8; j++) {
                out[8 * plane + j] = (byte) (word >>> (56 - 8 * j));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return engineName;
    }
}
