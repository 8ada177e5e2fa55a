package io.sessionkeys.internal.engine.hmac;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.sha.ShaHash;
import java.nio.ByteBuffer;

/**
 * One HMAC computation in progress: the inner hash resumed from a key schedule, and the final
 * step that runs the outer hash over the inner digest. Holds message-dependent state derived from
 * the key, so it is wiped after every {@link #finish}, on {@link #wipe()}, and (through
 * the MAC family's registry of live states) when the key is destroyed. Not thread-safe.
 */
public final class HmacState {

    private final HmacKeySchedule schedule;
    private final ShaHash hash;
    private boolean started;

    public HmacState(HmacKeySchedule schedule) {
        this.schedule = schedule;
        this.hash = schedule.hash().newHash();
    }

    public HmacKeySchedule schedule() {
        return schedule;
    }

    public boolean started() {
        return started;
    }

    /** Resumes the inner hash after K0 XOR ipad, from the key schedule {@code keyed}. */
    public void start(ByteBuffer keyed) {
        hash.resume(keyed, 0, hash.blockSize());
        started = true;
    }

    public void update(byte b) {
        hash.update(b);
    }

    public void update(byte[] input, int offset, int length) {
        hash.update(input, offset, length);
    }

    public void update(ByteBuffer input, int index, int length) {
        hash.update(input, index, length);
    }

    /** Writes the tag at {@code offset} and wipes this state; {@code keyed} is the key schedule. */
    public void finish(ByteBuffer keyed, byte[] out, int offset) {
        byte[] inner = new byte[hash.digestLength()];
        try {
            hash.finish(inner, 0);
            hash.resume(keyed, schedule.outerIndex(), hash.blockSize());
            hash.update(inner, 0, inner.length);
            hash.finish(out, offset);
        } finally {
            Zeroing.wipe(inner);
            wipe();
        }
    }

    public void wipe() {
        hash.wipe();
        started = false;
    }
}
