package io.sessionkeys.internal.engine.hmac;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.common.ZeroingBuffer;
import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.KeyingSource;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * HKDF (RFC 5869) on the provider's own HMAC engine. Secrets never pass through a heap
 * {@code Mac} or {@code MessageDigest}: session-key inputs are streamed through their gate, a
 * session-key PRK (expand only) is used through its own off-heap HMAC schedule, and the heap
 * copies that remain (the PRK, its HMAC schedule, the last block T(i)) are zeroed in
 * {@code finally}.
 */
public final class JavaHkdf implements HkdfEngine {

    public static final JavaHkdf INSTANCE = new JavaHkdf();

    private JavaHkdf() {
    }

    @Override
    public String name() {
        return "HKDF";
    }

    @Override
    public void derive(ShaAlgorithm hash, boolean extract, boolean expand, List<? extends KeyingSource> salt,
            List<? extends KeyingSource> input, byte[] info, ByteBuffer out) {
        if (!extract) {
            expandFrom(hash, input, info, out);
            return;
        }
        byte[] prk = extract(hash, salt, input);
        try {
            if (expand) {
                expandWithHeapKey(hash, prk, info, out);
            } else {
                out.put(0, prk, 0, out.limit());
            }
        } finally {
            Zeroing.wipe(prk);
        }
    }

    /** PRK = HMAC-Hash(salt, IKM); the caller zeroes the result. */
    private static byte[] extract(ShaAlgorithm hash, List<? extends KeyingSource> salt,
            List<? extends KeyingSource> input) {
        byte[] saltBytes = concatenate(salt);
        byte[] schedule = new byte[2 * hash.stateLength()];
        HmacState hmac = new HmacState(HmacKeySchedule.of(hash));
        try {
            // An empty salt and RFC 5869's default (HashLen zero bytes) give the same HMAC key.
            ByteBuffer keyed = schedule(hash, saltBytes, schedule);
            hmac.start(keyed);
            KeyingSource.Sink sink = new KeyingSource.Sink() {
                @Override
                public void bytes(byte[] b, int offset, int length) {
                    hmac.update(b, offset, length);
                }

                @Override
                public void material(ByteBuffer b, int index, int length) {
                    hmac.update(b, index, length);
                }
            };
            for (KeyingSource part : input) {
                part.feed(sink);
            }
            byte[] prk = new byte[hash.digestLength()];
            hmac.finish(keyed, prk, 0);
            return prk;
        } finally {
            hmac.wipe();
            Zeroing.wipe(schedule);
            Zeroing.wipe(saltBytes);
        }
    }

    private static void expandFrom(ShaAlgorithm hash, List<? extends KeyingSource> prkParts, byte[] info,
            ByteBuffer out) {
        ManagedSessionKey sessionPrk = prkParts.size() == 1 ? prkParts.get(0).sessionKey() : null;
        if (sessionPrk != null) {
            // The PRK is a session key: HMAC through its own off-heap schedule, no copy at all.
            sessionPrk.withMaterial(KeyUse.PROTECT, HmacKeySchedule.of(hash), keyed -> {
                expand(hash, keyed, info, out);
                return null;
            });
            return;
        }
        byte[] prk = concatenate(prkParts);
        try {
            expandWithHeapKey(hash, prk, info, out);
        } finally {
            Zeroing.wipe(prk);
        }
    }

    private static void expandWithHeapKey(ShaAlgorithm hash, byte[] prk, byte[] info, ByteBuffer out) {
        byte[] schedule = new byte[2 * hash.stateLength()];
        try {
            expand(hash, schedule(hash, prk, schedule), info, out);
        } finally {
            Zeroing.wipe(schedule);
        }
    }

    /** OKM = T(1) | T(2) | ..., T(i) = HMAC-Hash(PRK, T(i-1) | info | i), PRK given by its schedule. */
    private static void expand(ShaAlgorithm hash, ByteBuffer prkSchedule, byte[] info, ByteBuffer out) {
        int length = out.limit();
        if (length > 255 * hash.digestLength()) {
            throw new IllegalArgumentException("HKDF-" + hash.digestName() + " can make at most "
                    + 255 * hash.digestLength() + " bytes, not " + length);
        }
        int n = hash.digestLength();
        byte[] t = new byte[n];
        HmacState hmac = new HmacState(HmacKeySchedule.of(hash));
        try {
            for (int i = 1, done = 0; done < length; i++, done += n) {
                hmac.start(prkSchedule);
                if (i > 1) {
                    hmac.update(t, 0, n);
                }
                hmac.update(info, 0, info.length);
                hmac.update((byte) i);
                hmac.finish(prkSchedule, t, 0);
                out.put(done, t, 0, Math.min(n, length - done));
            }
        } finally {
            Zeroing.wipe(t);
            hmac.wipe();
        }
    }

    /** The HMAC schedule of a heap key, written into {@code into} (which the caller zeroes). */
    private static ByteBuffer schedule(ShaAlgorithm hash, byte[] key, byte[] into) {
        ByteBuffer keyed = ByteBuffer.wrap(into);
        HmacKeySchedule.of(hash).compute(ByteBuffer.wrap(key), keyed);
        return keyed;
    }

    /** The parts' bytes, one after the other; the caller zeroes the result. */
    private static byte[] concatenate(List<? extends KeyingSource> parts) {
        ZeroingBuffer all = new ZeroingBuffer();
        KeyingSource.Sink sink = new KeyingSource.Sink() {
            @Override
            public void bytes(byte[] b, int offset, int length) {
                all.append(b, offset, length);
            }

            @Override
            public void material(ByteBuffer b, int index, int length) {
                byte[] copy = new byte[length];
                try {
                    b.get(index, copy);
                    all.append(copy, 0, length);
                } finally {
                    Zeroing.wipe(copy);
                }
            }
        };
        try {
            for (KeyingSource part : parts) {
                part.feed(sink);
            }
            return all.take();
        } finally {
            all.clear();
        }
    }
}
