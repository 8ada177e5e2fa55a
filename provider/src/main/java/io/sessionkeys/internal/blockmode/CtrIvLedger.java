package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.key.Attachment;
import java.security.InvalidKeyException;
import java.security.SecureRandom;

/**
 * Hands out AES-CTR initial counter blocks for one key so that no two messages it encrypts ever
 * use the same counter block. Kept with the key ({@link Attachment}), so every {@code Cipher}
 * object sharing the key draws from the same ledger.
 *
 * <p>A counter block is {@code prefix (48 bits) || message number (48 bits) || block number
 * (32 bits)}, big-endian. The prefix is random per key, drawn once, so that provider-made blocks
 * are unlikely to meet blocks a caller chose himself; the message number counts up, so two
 * provider-made messages never share a prefix-and-number; the block number starts at zero and a
 * message may use {@link #BLOCKS_PER_MESSAGE} blocks before it would carry into its number.
 */
final class CtrIvLedger {

    static final Attachment<CtrIvLedger> SLOT = new Attachment<>("AES-CTR counter ledger", CtrIvLedger::new);

    /** Blocks one message may use: 2^32 (64 GiB), the low 32 bits of the counter block. */
    static final long BLOCKS_PER_MESSAGE = 1L << 32;

    /** Messages one key may start: 2^48, far above the mode's safety limit. */
    static final long MESSAGES = 1L << 48;

    private static final int PREFIX_BYTES = 6;

    private byte[] prefix;
    private long nextMessage;

    /** The initial counter block of a new message, unique for this key. */
    synchronized byte[] next(SecureRandom random) throws InvalidKeyException {
        if (prefix == null) {
            prefix = new byte[PREFIX_BYTES];
            random.nextBytes(prefix);
        }
        if (nextMessage >= MESSAGES) {
            throw new InvalidKeyException("this key has used all " + MESSAGES + " provider-made AES-CTR counter"
                    + " ranges; a new key is needed");
        }
        long message = nextMessage++;
        byte[] block = new byte[16];
        System.arraycopy(prefix, 0, block, 0, PREFIX_BYTES);
        for (int i = 0; i < 6; i++) {
            block[PREFIX_BYTES + i] = (byte) (message >>> (8 * (5 - i)));
        }
        return block;
    }
}
