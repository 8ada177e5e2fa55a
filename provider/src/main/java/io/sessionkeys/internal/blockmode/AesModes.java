package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.NoSuchPaddingException;

/**
 * The modes and paddings of SunJCE's generic {@code "AES"} cipher, by the names its
 * {@code SupportedModes} and {@code SupportedPaddings} attributes list (the same on JDK 17 and
 * 25), and the mode object each combination makes.
 */
final class AesModes {

    /** SunJCE's modes, in its order: the value of the {@code SupportedModes} attribute. */
    static final List<String> MODES = modes();

    static final String SUPPORTED_MODES = String.join("|", MODES);

    static final String SUPPORTED_PADDINGS = "NOPADDING|PKCS5PADDING|ISO10126PADDING";

    private AesModes() {
    }

    private static List<String> modes() {
        List<String> all = new ArrayList<>(List.of("ECB", "CBC", "PCBC", "CTR", "CTS", "CFB", "OFB"));
        for (String feedback : new String[] {"CFB", "OFB"}) {
            for (int bits = 8; bits <= 64; bits += 8) {
                all.add(feedback + bits);
            }
        }
        for (String feedback : new String[] {"CFB", "OFB"}) {
            for (int bits = 72; bits <= 128; bits += 8) {
                all.add(feedback + bits);
            }
        }
        return List.copyOf(all);
    }

    /** {@code mode} in SunJCE's upper-case spelling, or NoSuchAlgorithmException if SunJCE has no such mode. */
    static String canonicalMode(String mode) throws NoSuchAlgorithmException {
        String upper = mode == null ? "" : mode.toUpperCase(Locale.ROOT);
        if (!MODES.contains(upper)) {
            throw new NoSuchAlgorithmException("Cipher mode: " + mode + " not found");
        }
        return upper;
    }

    /**
     * The padding called {@code name}. Every padding SunJCE offers for AES is implemented; any
     * other name is refused with SunJCE's own wording, so callers that match on it keep working.
     */
    static BlockPadding padding(String name) throws NoSuchPaddingException {
        BlockPadding padding = BlockPadding.forName(name);
        if (padding == null) {
            throw new NoSuchPaddingException("Padding: " + name + " not implemented");
        }
        return padding;
    }

    /** Whether the mode refuses every padding (SunJCE: "CTR mode must be used with NoPadding"). */
    static boolean streamOnly(String mode) {
        return mode.equals("CTR") || mode.equals("CTS");
    }

    /** The cipher for a canonical mode and a padding it allows, any AES key size. */
    static BlockModeCipher create(ProviderContext context, BlockCipherEngine engine, String mode,
            BlockPadding padding) {
        switch (mode) {
            case "ECB":
                return new EcbCipher(context, engine, padding, KeySize.ANY);
            case "CBC":
                return new CbcCipher(context, engine, padding, KeySize.ANY);
            case "PCBC":
                return new PcbcCipher(context, engine, padding);
            case "CTR":
                return new CtrCipher(context, engine);
            case "CTS":
                return new CtsCipher(context, engine);
            default:
                boolean cfb = mode.startsWith("CFB");
                int bits = mode.length() == 3 ? 128 : Integer.parseInt(mode.substring(3));
                return new SegmentCipher(context, engine, mode, cfb, bits / 8, padding, KeySize.ANY);
        }
    }
}
