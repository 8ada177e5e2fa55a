package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.Pkcs5Padding;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.KeyUse;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.IllegalBlockSizeException;

/**
 * One AES key-wrapping transformation with its ICV, on an engine: the padding rules of the
 * variant around {@link AesKeyWrap}. Buffers are laid out as {@code [8 bytes][data]} and worked
 * in place; the caller owns and zeroes them.
 */
final class AesWrapOperation {

    private static final int SEMIBLOCK = AesKeyWrap.SEMIBLOCK;
    private final BlockCipherEngine engine;
    private final AesWrapVariant variant;
    private final byte[] icv;

    AesWrapOperation(BlockCipherEngine engine, AesWrapVariant variant, byte[] icv) {
        this.engine = engine;
        this.variant = variant;
        this.icv = icv.clone();
    }

    /** The buffer size (and wrapped length) for {@code dataLength} bytes of data. */
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

    /**
     * Wraps the {@code dataLength} bytes at {@code buf[8..]}; {@code buf} holds
     * {@link #wrappedLength} bytes and receives the result.
     *
     * @throws IllegalBlockSizeException if the variant cannot wrap this much data
     */
    void wrap(KeyEncryptionKey kek, byte[] buf, int dataLength) throws IllegalBlockSizeException,
            InvalidKeyException {
        switch (variant) {
            case KWP:
                if (dataLength < 1) {
                    throw new IllegalBlockSizeException("AES-KWP needs at least 1 byte of data to wrap, got 0");
                }
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

    private void wrapKw(KeyEncryptionKey kek, byte[] buf, int length) throws IllegalBlockSizeException,
            InvalidKeyException {
        if (!AesKeyWrap.kwAccepts(length)) {
            throw new IllegalBlockSizeException("AES-KW wraps data of at least 16 bytes in multiples of 8, got "
                    + length + " bytes" + (variant == AesWrapVariant.KW_PKCS5 ? " after padding" : "")
                    + "; use AES/KWP/NoPadding for other lengths");
        }
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
     * Unwraps the {@code wrappedLength} bytes at {@code buf[0..]} in place (after
     * {@link #checkWrappedLength} passed).
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
