package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.Pkcs5Padding;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.KeyWrapEngine;
import io.sessionkeys.internal.key.KeyToWrap;
import io.sessionkeys.internal.key.KeyUse;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.IllegalBlockSizeException;

/**
 * One AES key-wrapping transformation with its ICV, on an engine: the padding rules of the
 * variant, and the choice of engine. Where the engine selection runs KW and KWP whole
 * ({@link BlockCipherEngine#keyWrap()}, the native engine), a key being wrapped is read from its
 * off-heap slot and an unwrapped key comes back outside the heap; otherwise {@link AesKeyWrap}
 * runs them on the AES blocks, in heap buffers laid out as {@code [8 bytes][data]} that are
 * zeroed here or by the caller.
 */
final class AesWrapOperation {

    private static final int SEMIBLOCK = AesKeyWrap.SEMIBLOCK;
    private final BlockCipherEngine engine;
    /** The engine that runs KW and KWP whole, or null for {@link AesKeyWrap} on {@link #engine}. */
    private final KeyWrapEngine whole;
    private final AesWrapVariant variant;
    private final byte[] icv;

    AesWrapOperation(BlockCipherEngine engine, AesWrapVariant variant, byte[] icv) {
        this.engine = engine;
        this.whole = engine.keyWrap();
        this.variant = variant;
        this.icv = icv.clone();
    }

    /** The wrapped length for {@code dataLength} bytes of data. */
    int wrappedLength(int dataLength) {
        switch (variant) {
            case KWP:
                return AesKeyWrap.kwpWrappedLength(dataLength);
            case KW_PKCS5:
                return SEMIBLOCK + dataLength + pkcs5PadLength(dataLength);
            default:
                return AesKeyWrap.kwWrappedLength(dataLength);
        }
    }

    /** The most data bytes that a wrapped input of {@code wrappedLength} bytes can hold. */
    static int maxDataLength(int wrappedLength) {
        return Math.max(0, wrappedLength - SEMIBLOCK);
    }

    private static int pkcs5PadLength(int dataLength) {
        return SEMIBLOCK - dataLength % SEMIBLOCK;
    }

    /** Whether an engine runs KW and KWP whole (the native one): then use the {@code *Whole} methods. */
    boolean runsWhole() {
        return whole != null;
    }

    private KeyWrapEngine.Padding padding() {
        switch (variant) {
            case KWP:
                return KeyWrapEngine.Padding.KWP;
            case KW_PKCS5:
                return KeyWrapEngine.Padding.PKCS5;
            default:
                return KeyWrapEngine.Padding.NONE;
        }
    }

    /** Refuses data the variant cannot wrap, with the same words on every engine. */
    private void checkWrappable(int dataLength) throws IllegalBlockSizeException {
        if (variant == AesWrapVariant.KWP) {
            if (dataLength < 1) {
                throw new IllegalBlockSizeException("AES-KWP needs at least 1 byte of data to wrap, got 0");
            }
            return;
        }
        int length = variant == AesWrapVariant.KW_PKCS5 ? dataLength + pkcs5PadLength(dataLength) : dataLength;
        if (!AesKeyWrap.kwAccepts(length)) {
            throw new IllegalBlockSizeException("AES-KW wraps data of at least 16 bytes in multiples of 8, got "
                    + length + " bytes" + (variant == AesWrapVariant.KW_PKCS5 ? " after padding" : "")
                    + "; use AES/KWP/NoPadding for other lengths");
        }
    }

    /** Wraps the bytes of {@code key}: from its off-heap slot on a whole engine, else through a zeroed heap copy. */
    byte[] wrap(KeyEncryptionKey kek, KeyToWrap key) throws IllegalBlockSizeException, InvalidKeyException {
        int length = key.length();
        checkWrappable(length);
        byte[] out = new byte[wrappedLength(length)];
        boolean done = false;
        try {
            if (whole != null) {
                kek.withSchedule(KeyUse.PROTECT, whole.precomputation(padding(), true), kekData ->
                        key.read(source -> {
                            whole.wrap(kekData, padding(), icv, source, out);
                            return null;
                        }));
            } else {
                key.copyInto(out, SEMIBLOCK);
                wrapInPlace(kek, out, length);
            }
            done = true;
            return out;
        } finally {
            if (!done) {
                Zeroing.wipe(out);
            }
        }
    }

    /** Wraps a message (ENCRYPT_MODE); the caller zeroes {@code message}. */
    byte[] wrap(KeyEncryptionKey kek, byte[] message) throws IllegalBlockSizeException, InvalidKeyException {
        checkWrappable(message.length);
        byte[] out = new byte[wrappedLength(message.length)];
        boolean done = false;
        try {
            if (whole != null) {
                kek.withSchedule(KeyUse.PROTECT, whole.precomputation(padding(), true), kekData -> {
                    whole.wrap(kekData, padding(), icv, ByteBuffer.wrap(message), out);
                    return null;
                });
            } else {
                System.arraycopy(message, 0, out, SEMIBLOCK, message.length);
                wrapInPlace(kek, out, message.length);
            }
            done = true;
            return out;
        } finally {
            if (!done) {
                Zeroing.wipe(out);
            }
        }
    }

    /** The Java KW and KWP: wraps the {@code dataLength} bytes at {@code buf[8..]} in place. */
    private void wrapInPlace(KeyEncryptionKey kek, byte[] buf, int dataLength) throws InvalidKeyException {
        switch (variant) {
            case KWP:
                kek.withSchedule(KeyUse.PROTECT, engine.encryptSchedule(), schedule -> {
                    AesKeyWrap.kwpWrap(engine, schedule, icv, buf, dataLength);
                    return null;
                });
                return;
            case KW_PKCS5:
                int pad = pkcs5PadLength(dataLength);
                Arrays.fill(buf, SEMIBLOCK + dataLength, SEMIBLOCK + dataLength + pad, (byte) pad);
                wrapKw(kek, buf, dataLength + pad);
                return;
            default:
                wrapKw(kek, buf, dataLength);
        }
    }

    private void wrapKw(KeyEncryptionKey kek, byte[] buf, int length) throws InvalidKeyException {
        kek.withSchedule(KeyUse.PROTECT, engine.encryptSchedule(), schedule -> {
            AesKeyWrap.kwWrap(engine, schedule, icv, buf, length);
            return null;
        });
    }

    /** Why a wrapped input of this length can never be valid, or {@code null} if it may be. */
    String checkWrappedLength(int wrappedLength) {
        int min = variant == AesWrapVariant.KWP ? 2 * SEMIBLOCK : 3 * SEMIBLOCK;
        if (wrappedLength < min || wrappedLength % SEMIBLOCK != 0) {
            return "a wrapped key for " + variant.mode + " is at least " + min + " bytes long, in multiples of 8,"
                    + " got " + wrappedLength + " bytes";
        }
        return null;
    }

    /**
     * On a whole engine ({@link #runsWhole}): unwraps {@code wrapped} (after
     * {@link #checkWrappedLength} passed) into data held outside the heap.
     *
     * @return the recovered data, which the caller closes, or {@code null} if the integrity check
     *     or the padding failed
     */
    KeyWrapEngine.Recovered unwrapWhole(KeyEncryptionKey kek, byte[] wrapped) throws InvalidKeyException {
        return kek.withSchedule(KeyUse.PROCESS, whole.precomputation(padding(), false), kekData ->
                whole.unwrap(kekData, padding(), icv, wrapped, 0, wrapped.length));
    }

    /**
     * On the Java KW and KWP: unwraps the {@code wrappedLength} bytes at {@code buf[0..]} in place
     * (after {@link #checkWrappedLength} passed).
     *
     * @return the length of the recovered data at {@code buf[8..]}, or -1 if the integrity check
     *     or the padding failed
     */
    int unwrap(KeyEncryptionKey kek, byte[] buf, int wrappedLength) throws InvalidKeyException {
        int length = kek.withSchedule(KeyUse.PROCESS, engine.decryptSchedule(), schedule ->
                variant == AesWrapVariant.KWP
                        ? AesKeyWrap.kwpUnwrap(engine, schedule, icv, buf, wrappedLength)
                        : AesKeyWrap.kwUnwrap(engine, schedule, icv, buf, wrappedLength));
        if (variant != AesWrapVariant.KW_PKCS5 || length < 0) {
            return length;
        }
        // The data passed the integrity check already, so the padding cannot serve as an oracle.
        // Pads up to 16 bytes are accepted: JDK 17's SunJCE pads AES/KW/PKCS5Padding to 16-byte
        // blocks, later JDKs (and SessionKeys) to 8-byte semiblocks.
        return Pkcs5Padding.unpaddedLengthOrMinusOne(buf, SEMIBLOCK, length);
    }

    byte[] icv() {
        return icv.clone();
    }
}
