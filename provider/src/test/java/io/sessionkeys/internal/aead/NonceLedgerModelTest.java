package io.sessionkeys.internal.aead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger against a trivially correct model, a set of nonce contents, on random sequences
 * that mix counter runs (counters at any byte position, either byte order, ascending or
 * descending, scrambled TLS 1.3-style by an XOR mask, carrying across 0xFF bytes), random
 * nonces, repeats, near neighbours of earlier nonces, other lengths and provider-made nonces:
 * every nonce the model has seen must be refused, every other one accepted, and no provider
 * nonce may repeat anything.
 */
class NonceLedgerModelTest {

    /** Only the fixed field is drawn from it; a seeded one keeps a failing sequence replayable. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] fill;

        FixedRandom(byte[] fill) {
            this.fill = fill;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = fill[i % fill.length];
            }
        }
    }

    @Property(tries = 1000)
    void anySequence_ledgerAgreesWithTheModel(@ForAll("steps") List<Step> steps, @ForAll("fixedFields") byte[] fixed)
            throws Exception {
        NonceLedger ledger = new NonceLedger();
        Set<ByteBuffer> model = new HashSet<>();
        List<byte[]> history = new ArrayList<>();
        SecureRandom random = new FixedRandom(fixed);
        for (Step step : steps) {
            if (step instanceof ProviderNonces) {
                for (int i = 0; i < ((ProviderNonces) step).count; i++) {
                    byte[] made = ledger.next(random);
                    assertTrue(model.add(ByteBuffer.wrap(made.clone())), "a provider nonce repeated a used one");
                    history.add(made);
                }
                continue;
            }
            for (byte[] nonce : step.nonces(history)) {
                boolean expected = model.add(ByteBuffer.wrap(nonce.clone()));
                assertEquals(expected, accepts(ledger, nonce), () -> (expected ? "refused a new" : "accepted a used")
                        + " nonce " + hex(nonce));
                history.add(nonce);
            }
        }
    }

    private static boolean accepts(NonceLedger ledger, byte[] nonce) {
        try {
            ledger.reserve(nonce, "X");
            return true;
        } catch (InvalidAlgorithmParameterException e) {
            return false;
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<byte[]> bases = Arbitraries.integers().between(0, 3).flatMap(kind -> nonceBytes(kind, 12));
        Arbitrary<Step> counter = Combinators.combine(bases, Arbitraries.integers().between(0, 11),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(1, 300))
                .as(Counter::new);
        Arbitrary<Step> random = Arbitraries.integers().between(0, 3).flatMap(kind -> nonceBytes(kind, 12))
                .map(Fixed::new);
        Arbitrary<Step> repeat = Arbitraries.integers().between(0, 100_000).map(Repeat::new);
        Arbitrary<Step> neighbour = Combinators.combine(Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(-3, 3), Arbitraries.of(11, 11, 11, 7, 3, 8))
                .as(Neighbour::new);
        Arbitrary<Step> other = Arbitraries.integers().between(1, 17)
                .flatMap(length -> Arbitraries.bytes().between((byte) 0, (byte) 2).array(byte[].class).ofSize(length))
                .map(Fixed::new);
        Arbitrary<Step> provider = Arbitraries.integers().between(1, 5).map(ProviderNonces::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, counter),
                net.jqwik.api.Tuple.of(2, random),
                net.jqwik.api.Tuple.of(3, repeat),
                net.jqwik.api.Tuple.of(3, neighbour),
                net.jqwik.api.Tuple.of(1, other),
                net.jqwik.api.Tuple.of(2, provider))
                .list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<byte[]> fixedFields() {
        return Arbitraries.integers().between(0, 3).flatMap(kind -> nonceBytes(kind, 4));
    }

    /** Zeros, 0xFF (carries, the top of the range), a few small values, or anything. */
    private static Arbitrary<byte[]> nonceBytes(int kind, int length) {
        switch (kind) {
            case 0:
                return Arbitraries.just(new byte[length]);
            case 1:
                return Arbitraries.bytes().between((byte) -2, (byte) -1).array(byte[].class).ofSize(length);
            case 2:
                return Arbitraries.bytes().between((byte) 0, (byte) 1).array(byte[].class).ofSize(length);
            default:
                return Arbitraries.bytes().array(byte[].class).ofSize(length);
        }
    }

    // ---- steps ----

    abstract static class Step {
        abstract List<byte[]> nonces(List<byte[]> history);
    }

    /**
     * {@code count} values of a counter whose least significant byte is at {@code position},
     * carrying towards byte 0 (big-endian) or towards byte 11 (little-endian), from {@code base};
     * the i-th nonce takes counter value {@code i ^ mask}, the order TLS 1.3's XOR scrambles.
     */
    static final class Counter extends Step {
        final byte[] base;
        final int position;
        final boolean bigEndian;
        final boolean descending;
        final int mask;
        final int count;

        Counter(byte[] base, int position, boolean bigEndian, boolean descending, int mask, int count) {
            this.base = base;
            this.position = position;
            this.bigEndian = bigEndian;
            this.descending = descending;
            this.mask = mask;
            this.count = count;
        }

        @Override
        List<byte[]> nonces(List<byte[]> history) {
            List<byte[]> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int step = i ^ mask;
                out.add(added(base, position, bigEndian, descending ? -step : step));
            }
            return out;
        }

        @Override
        public String toString() {
            return "Counter[" + hex(base) + " @" + position + (bigEndian ? " BE" : " LE") + (descending ? " down" : "")
                    + " ^" + mask + " x" + count + "]";
        }
    }

    static final class Fixed extends Step {
        final byte[] nonce;

        Fixed(byte[] nonce) {
            this.nonce = nonce;
        }

        @Override
        List<byte[]> nonces(List<byte[]> history) {
            return List.of(nonce.clone());
        }

        @Override
        public String toString() {
            return "Fixed[" + hex(nonce) + "]";
        }
    }

    static final class Repeat extends Step {
        final int pick;

        Repeat(int pick) {
            this.pick = pick;
        }

        @Override
        List<byte[]> nonces(List<byte[]> history) {
            return history.isEmpty() ? List.of() : List.of(history.get(pick % history.size()).clone());
        }

        @Override
        public String toString() {
            return "Repeat[" + pick + "]";
        }
    }

    /**
     * An earlier nonce plus a small delta at a byte position (mostly the last; also the ends of
     * the two readings' parts, to land just across a run's carry), carrying big-endian.
     */
    static final class Neighbour extends Step {
        final int pick;
        final int delta;
        final int position;

        Neighbour(int pick, int delta, int position) {
            this.pick = pick;
            this.delta = delta;
            this.position = position;
        }

        @Override
        List<byte[]> nonces(List<byte[]> history) {
            if (history.isEmpty()) {
                return List.of();
            }
            byte[] earlier = history.get(pick % history.size());
            return List.of(added(earlier, Math.min(position, earlier.length - 1), true, delta));
        }

        @Override
        public String toString() {
            return "Neighbour[" + pick + " " + delta + " @" + position + "]";
        }
    }

    static final class ProviderNonces extends Step {
        final int count;

        ProviderNonces(int count) {
            this.count = count;
        }

        @Override
        List<byte[]> nonces(List<byte[]> history) {
            throw new AssertionError("made by the ledger");
        }

        @Override
        public String toString() {
            return "Provider[" + count + "]";
        }
    }

    /** base + delta, in the counter whose lowest byte is at position, carrying by byte order. */
    static byte[] added(byte[] base, int position, boolean bigEndian, long delta) {
        byte[] out = base.clone();
        long carry = delta;
        int i = position;
        while (carry != 0 && i >= 0 && i < out.length) {
            long sum = (out[i] & 0xff) + carry;
            out[i] = (byte) sum;
            carry = Math.floorDiv(sum, 256);
            i += bigEndian ? -1 : 1;
        }
        return out;
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
