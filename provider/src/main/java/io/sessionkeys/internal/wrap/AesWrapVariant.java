package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.KeySize;

/** The three AES key-wrapping transformations, with the names SunJCE gives them. */
enum AesWrapVariant {
    /** RFC 3394 / SP 800-38F KW: key data of whole semiblocks, at least two. */
    KW("KW", "NoPadding"),
    /** KW over data padded with PKCS#5 to whole semiblocks (SunJCE's {@code AES/KW/PKCS5Padding}). */
    KW_PKCS5("KW", "PKCS5Padding"),
    /** RFC 5649 / SP 800-38F KWP: key data of any length from 1 byte on. */
    KWP("KWP", "NoPadding");

    final String mode;
    final String padding;

    AesWrapVariant(String mode, String padding) {
        this.mode = mode;
        this.padding = padding;
    }

    /** The transformation for a KEK of {@code kekBits} (or {@link KeySize#ANY}), e.g. "AES_128/KW/NoPadding". */
    String transformation(int kekBits) {
        return KeySize.aesTransformation(kekBits, mode, padding);
    }

    /** The ICV length: 8 bytes for KW (RFC 3394 IV), 4 for KWP (the fixed half of RFC 5649's AIV). */
    int icvLength() {
        return this == KWP ? 4 : 8;
    }
}
