package io.sessionkeys.tests.hardening;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ways to damage a ciphertext, tag or wrapped key; each always changes it. */
enum Mutation {
    TRUNCATE_ONE, TRUNCATE_MANY, EMPTY, EXTEND_ONE, EXTEND_MANY, FLIP_BIT, FLIP_LAST_BIT, FLIP_FIRST_BYTE,
    REPLACE_RANDOM;

    byte[] apply(byte[] good, SplittableRandom r) {
        switch (this) {
            case TRUNCATE_ONE:
                return good.length == 0 ? new byte[] {1} : Arrays.copyOf(good, good.length - 1);
            case TRUNCATE_MANY:
                return good.length == 0 ? new byte[] {1, 2} : Arrays.copyOf(good, r.nextInt(good.length));
            case EMPTY:
                return good.length == 0 ? new byte[] {0} : new byte[0];
            case EXTEND_ONE:
                return extend(good, 1, r);
            case EXTEND_MANY:
                return extend(good, 2 + r.nextInt(40), r);
            case FLIP_BIT:
                return flip(good, good.length == 0 ? 0 : r.nextInt(good.length), 1 << r.nextInt(8));
            case FLIP_LAST_BIT:
                return flip(good, good.length - 1, 1);
            case FLIP_FIRST_BYTE:
                return flip(good, 0, 0xFF);
            default:
                byte[] other = new byte[r.nextInt(good.length + 17)];
                r.nextBytes(other);
                return Arrays.equals(other, good) ? extend(good, 1, r) : other;
        }
    }

    private static byte[] extend(byte[] good, int n, SplittableRandom r) {
        byte[] longer = Arrays.copyOf(good, good.length + n);
        for (int i = good.length; i < longer.length; i++) {
            longer[i] = (byte) r.nextInt(256);
        }
        return longer;
    }

    private static byte[] flip(byte[] good, int index, int mask) {
        if (good.length == 0) {
            return new byte[] {(byte) mask};
        }
        byte[] b = good.clone();
        b[index] ^= (byte) mask;
        return b;
    }
}
