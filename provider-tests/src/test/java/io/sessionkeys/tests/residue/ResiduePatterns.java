package io.sessionkeys.tests.residue;

import io.sessionkeys.tests.install.programs.ResidueProbe;
import io.sessionkeys.tests.support.KeyPattern;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The byte patterns the residue scan looks for, from the seed the child JVM was given: the control
 * array, each key and its 16-byte halves, each AES key's round keys in the standard forms (both
 * word orders) and in the engine's own form, the GHASH subkey H in the standard and the engine's
 * form, and the HMAC-SHA256 key's keyed states (the SHA-256 chaining values after K0 XOR ipad and
 * K0 XOR opad) in the engine's form. Also which of them a SessionKeys key must show while it is live.
 */
final class ResiduePatterns {

    private final PatternScanner scanner = new PatternScanner();
    private final Map<ByteBuffer, String> names = new LinkedHashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> derivedByEngine = new ArrayList<>();

    ResiduePatterns(long seed, EngineLayout engine) throws Exception {
        add("control", KeyPattern.control(seed));
        for (int i = 0; i < ResidueProbe.ALGORITHMS.length; i++) {
            String name = ResidueProbe.ALGORITHMS[i] + "-" + ResidueProbe.LENGTHS[i] * 8;
            byte[] key = ResidueProbe.keyBytes(seed, i);
            keys.add(add(name + " key", key));
            if (key.length == 32) {
                add(name + " first half", Arrays.copyOfRange(key, 0, 16));
                add(name + " second half", Arrays.copyOfRange(key, 16, 32));
            }
            if (ResidueProbe.ALGORITHMS[i].equals("AES")) {
                addAesDerived(name, key, engine, i != ResidueProbe.KEK_ONLY);
            }
            if (ResidueProbe.ALGORITHMS[i].equals("HmacSHA256")) {
                addHmacStates(name, key, engine);
            }
        }
    }

    /** @param gcm whether the key serves GCM, so that the engine keeps its H beside it */
    private void addAesDerived(String name, byte[] key, EngineLayout engine, boolean gcm) throws Exception {
        int[] schedule = AesReference.expand(key);
        for (int r = 0; r < schedule.length / 4; r++) {
            byte[] roundKey = AesReference.roundKey(schedule, r, true);
            if (r > 0) { // round key 0 is the key itself
                add(name + " round key " + r + " (big-endian words)", roundKey);
                add(name + " round key " + r + " (little-endian words)", AesReference.roundKey(schedule, r, false));
            }
            List<byte[]> forms = engine.roundKeyForms(roundKey);
            for (int f = 0; f < forms.size(); f++) {
                derivedByEngine.add(add(name + " round key " + r + " (" + engine + " engine form " + f + ")",
                        forms.get(f)));
            }
        }
        // H = AES_K(0^128), computed by SunJCE: an independent implementation of AES.
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] h = ecb.doFinal(new byte[16]);
        add(name + " GHASH subkey H", h);
        String engineH = add(name + " GHASH subkey H (" + engine + " engine form)", engine.ghashSubkey(h));
        if (gcm) {
            derivedByEngine.add(engineH);
        }
    }

    /** The states an HMAC-SHA256 implementation keeps per key (the probe's key is shorter than a block). */
    private void addHmacStates(String name, byte[] key, EngineLayout engine) {
        for (int pad : new int[] {0x36, 0x5c}) {
            byte[] block = new byte[64];
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) ((i < key.length ? key[i] : 0) ^ pad);
            }
            String which = pad == 0x36 ? "inner (ipad)" : "outer (opad)";
            derivedByEngine.add(add(name + " " + which + " state (" + engine + " engine form)",
                    engine.shaState(Sha256Reference.afterOneBlock(block))));
        }
    }

    /** Registers {@code bytes}; if the same bytes are already registered, returns that name instead. */
    private String add(String name, byte[] bytes) {
        String existing = names.get(ByteBuffer.wrap(bytes));
        if (existing != null) {
            return existing;
        }
        scanner.add(name, bytes);
        names.put(ByteBuffer.wrap(bytes.clone()), name);
        return name;
    }

    PatternScanner scanner() {
        return scanner;
    }

    /** The names of the keys. */
    List<String> keys() {
        return keys;
    }

    /** What the engine derives from a key and keeps beside it: round keys, H, HMAC states, in its forms. */
    List<String> derivedByEngine() {
        return derivedByEngine;
    }
}
