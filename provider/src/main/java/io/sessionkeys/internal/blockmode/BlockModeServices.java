package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The AES block-mode ciphers, under the names, aliases and OIDs SunJCE registers (JDK 17 and 25),
 * so that code asking for them by any of those names finds them. Every one takes session keys
 * only: JCA hands any other key to the next provider.
 */
public final class BlockModeServices {

    /** NIST's AES arc (2.16.840.1.101.3.4.1), under which SunJCE registers the fixed-size variants. */
    private static final String AES_OID = "2.16.840.1.101.3.4.1";

    private BlockModeServices() {
    }

    /** The services on the provider's constant-time AES engine. */
    public static List<ServiceDefinition> definitions() {
        return definitions(AesBlockEngine.INSTANCE);
    }

    /** The services on {@code engine}: the seam where tests (or a native engine) plug in. */
    public static List<ServiceDefinition> definitions(BlockCipherEngine engine) {
        return List.of(
                cipher("AES/CTR/NoPadding", CtrCipher.class, CtrCipher::new, engine),
                cbc(false, KeySize.ANY, engine),
                cbc(true, KeySize.ANY, engine),
                ecb(false, KeySize.ANY, engine),
                ecb(true, KeySize.ANY, engine),
                // Plain "AES" is ECB with PKCS5 padding, as in SunJCE; the attributes keep JCA from
                // offering it for other modes and paddings ("AES/OFB/NoPadding" goes elsewhere).
                cipher("AES", EcbCipher.class, (c, e) -> new EcbCipher(c, e, true, KeySize.ANY), engine)
                        .attribute("SupportedModes", "ECB")
                        .attribute("SupportedPaddings", "PKCS5PADDING")
                        .alias(oids("")),
                ecb(false, 128, engine).alias(oids(".1")),
                ecb(false, 192, engine).alias(oids(".21")),
                ecb(false, 256, engine).alias(oids(".41")),
                cbc(false, 128, engine).alias(oids(".2")),
                cbc(false, 192, engine).alias(oids(".22")),
                cbc(false, 256, engine).alias(oids(".42")));
    }

    private static ServiceDefinition cbc(boolean padded, int keyBits, BlockCipherEngine engine) {
        return cipher(KeySize.aesTransformation(keyBits, "CBC", padded ? "PKCS5Padding" : "NoPadding"),
                CbcCipher.class, (c, e) -> new CbcCipher(c, e, padded, keyBits), engine);
    }

    private static ServiceDefinition ecb(boolean padded, int keyBits, BlockCipherEngine engine) {
        return cipher(KeySize.aesTransformation(keyBits, "ECB", padded ? "PKCS5Padding" : "NoPadding"),
                EcbCipher.class, (c, e) -> new EcbCipher(c, e, padded, keyBits), engine);
    }

    private static <T> ServiceDefinition cipher(String name, Class<T> implementation,
            BiFunction<ProviderContext, BlockCipherEngine, T> constructor, BlockCipherEngine engine) {
        return ServiceDefinition.of("Cipher", name, implementation, context -> constructor.apply(context, engine))
                .sessionKeysOnly();
    }

    /** The OID under the AES arc and its {@code OID.}-prefixed spelling, as SunJCE lists both. */
    private static String[] oids(String suffix) {
        return new String[] {AES_OID + suffix, "OID." + AES_OID + suffix};
    }
}
