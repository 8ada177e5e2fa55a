package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.HmacComputation;
import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * HMAC-SHA2 on OpenSSL's SHA-2 functions ({@code mac_crypto.c}). The key's precomputation is a C key record (8
 * off-heap bytes hold its address) owning the key's pool of keyed contexts, made from the raw
 * key's slot by address and freed with cleansing when the key is zeroized. A message borrows a
 * context at its start and gives it back with its tag (or when it is reset or abandoned). Made
 * only by {@link EngineSelection}, after this engine passed its known-answer tests.
 */
final class OpenSslHmacEngine implements HmacEngine {

    private static final Map<ShaAlgorithm, OpenSslHmacEngine> ENGINES = new EnumMap<>(ShaAlgorithm.class);

    static {
        for (ShaAlgorithm hash : ShaAlgorithm.values()) {
            ENGINES.put(hash, new OpenSslHmacEngine(hash));
        }
    }

    private final ShaAlgorithm hash;
    private final KeyRecord record;

    private OpenSslHmacEngine(ShaAlgorithm hash) {
        this.hash = hash;
        this.record = new KeyRecord(hash);
    }

    static OpenSslHmacEngine of(ShaAlgorithm hash) {
        return ENGINES.get(hash);
    }

    /** The C side's number for {@code hash}. */
    static int hashNumber(ShaAlgorithm hash) {
        switch (hash) {
            case SHA256:
                return OpenSslMacNative.SHA256;
            case SHA384:
                return OpenSslMacNative.SHA384;
            default:
                return OpenSslMacNative.SHA512;
        }
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
        return record;
    }

    @Override
    public HmacComputation newComputation() {
        return new Computation(hash.digestLength());
    }

    /** The key's C record, made on first use and released (contexts cleansed) with the key. */
    private static final class KeyRecord implements Precomputation {
        private final ShaAlgorithm hash;

        KeyRecord(ShaAlgorithm hash) {
            this.hash = hash;
        }

        @Override
        public String name() {
            return "OpenSSL " + hash.hmacName() + " contexts";
        }

        @Override
        public int size(int rawKeyLength) {
            return Long.BYTES;
        }

        @Override
        public void compute(ByteBuffer rawKey, ByteBuffer out) {
            out.putLong(0, OpenSslMacNative.newKey(rawKey, rawKey.limit(), hashNumber(hash)));
        }

        @Override
        public void release(ByteBuffer data) {
            long record = data.getLong(0);
            data.putLong(0, 0L);
            OpenSslMacNative.releaseKey(record);
        }
    }

    /**
     * One {@code Mac}'s messages. The lent context is swapped out atomically by {@link #wipe} and
     * {@link #finish}, since the key's destruction may wipe from another thread: a context is
     * given back exactly once. A {@code Mac} dropped in the middle of a message gives its context
     * back through the cleaner (giving back is safe outside the key's gate, even after release).
     */
    private static final class Computation implements HmacComputation {
        /** Heap input that is neither an array nor direct goes through a copy of this size at most. */
        private static final int COPY_CHUNK = 8192;

        private final int tagLength;
        private final Lent lent = new Lent();

        Computation(int tagLength) {
            this.tagLength = tagLength;
            CleanerHolder.CLEANER.register(this, lent::giveBack);
        }

        @Override
        public boolean started() {
            return lent.context != 0;
        }

        @Override
        public void start(ByteBuffer keyData) {
            lent.giveBack();
            lent.context = OpenSslMacNative.start(keyData.getLong(0));
        }

        @Override
        public void update(ByteBuffer keyData, byte input) {
            OpenSslMacNative.updateByte(open(), input);
        }

        @Override
        public void update(ByteBuffer keyData, byte[] input, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, input.length);
            OpenSslMacNative.update(open(), input, offset, length);
        }

        @Override
        public void update(ByteBuffer keyData, ByteBuffer input, int index, int length) {
            Objects.checkFromIndexSize(index, length, input.limit());
            long c = open();
            if (input.isDirect()) {
                OpenSslMacNative.updateDirect(c, input, index, length);
            } else if (input.hasArray()) {
                OpenSslMacNative.update(c, input.array(), input.arrayOffset() + index, length);
            } else { // a read-only heap buffer: message bytes, copied in chunks
                byte[] chunk = new byte[Math.min(length, COPY_CHUNK)];
                for (int done = 0; done < length; done += chunk.length) {
                    int n = Math.min(chunk.length, length - done);
                    input.get(index + done, chunk, 0, n);
                    OpenSslMacNative.update(c, chunk, 0, n);
                }
            }
        }

        @Override
        public void finish(ByteBuffer keyData, byte[] out, int offset) {
            Objects.checkFromIndexSize(offset, tagLength, out.length);
            long c = lent.take();
            if (c == 0) {
                throw new IllegalStateException("no HMAC message is in progress");
            }
            OpenSslMacNative.finish(c, out, offset);
        }

        @Override
        public void wipe() {
            lent.giveBack();
        }

        private long open() {
            long c = lent.context;
            if (c == 0) {
                throw new IllegalStateException("no HMAC message is in progress");
            }
            return c;
        }
    }

    /** The context a computation has on loan; shared with the cleaner, so it names no computation. */
    private static final class Lent {
        private static final AtomicLongFieldUpdater<Lent> CONTEXT =
                AtomicLongFieldUpdater.newUpdater(Lent.class, "context");

        /** The lent C context; 0 when none. */
        volatile long context;

        long take() {
            return CONTEXT.getAndSet(this, 0L);
        }

        void giveBack() {
            long c = take();
            if (c != 0) {
                OpenSslMacNative.giveBack(c);
            }
        }
    }

    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread t = new Thread(runnable, "sessionkeys-hmac-context-cleaner");
            t.setDaemon(true);
            return t;
        });
    }
}
