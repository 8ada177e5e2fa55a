package io.sessionkeys.internal.engine.hmac;

import io.sessionkeys.internal.engine.HmacComputation;
import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;

/**
 * HMAC on the provider's constant-time SHA-2 engines: the keyed chaining values live off-heap
 * beside the key ({@link HmacKeySchedule}), each {@code Mac} holds only its message's running
 * hash ({@link HmacState}).
 */
public final class JavaHmacEngine implements HmacEngine {

    private static final Map<ShaAlgorithm, JavaHmacEngine> ENGINES = new EnumMap<>(ShaAlgorithm.class);

    static {
        for (ShaAlgorithm hash : ShaAlgorithm.values()) {
            ENGINES.put(hash, new JavaHmacEngine(hash));
        }
    }

    private final ShaAlgorithm hash;

    private JavaHmacEngine(ShaAlgorithm hash) {
        this.hash = hash;
    }

    public static JavaHmacEngine of(ShaAlgorithm hash) {
        return ENGINES.get(hash);
    }

    @Override
    public String name() {
        return hash.hmacName();
    }

    @Override
    public ShaAlgorithm hash() {
        return hash;
    }

    @Override
    public Precomputation precomputation() {
        return HmacKeySchedule.of(hash);
    }

    @Override
    public HmacComputation newComputation() {
        return new Computation(new HmacState(HmacKeySchedule.of(hash)));
    }

    private static final class Computation implements HmacComputation {
        private final HmacState state;

        Computation(HmacState state) {
            this.state = state;
        }

        @Override
        public boolean started() {
            return state.started();
        }

        @Override
        public void start(ByteBuffer keyData) {
            state.start(keyData);
        }

        @Override
        public void update(ByteBuffer keyData, byte input) {
            state.update(input);
        }

        @Override
        public void update(ByteBuffer keyData, byte[] input, int offset, int length) {
            state.update(input, offset, length);
        }

        @Override
        public void update(ByteBuffer keyData, ByteBuffer input, int index, int length) {
            state.update(input, index, length);
        }

        @Override
        public void finish(ByteBuffer keyData, byte[] out, int offset) {
            state.finish(keyData, out, offset);
        }

        @Override
        public void wipe() {
            state.wipe();
        }
    }
}
