package io.sessionkeys.internal.blockmode;

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
                cipher("AES/CTR/NoPadding", CtrCipher.Any.class, CtrCipher.Any::new, engine),
                cipher("AES/CBC/NoPadding", CbcCipher.NoPadding.class, CbcCipher.NoPadding::new, engine),
                cipher("AES/CBC/PKCS5Padding", CbcCipher.Pkcs5.class, CbcCipher.Pkcs5::new, engine),
                cipher("AES/ECB/NoPadding", EcbCipher.NoPadding.class, EcbCipher.NoPadding::new, engine),
                cipher("AES/ECB/PKCS5Padding", EcbCipher.Pkcs5.class, EcbCipher.Pkcs5::new, engine),
                // Plain "AES" is ECB with PKCS5 padding, as in SunJCE; the attributes keep JCA from
                // offering it for other modes and paddings ("AES/OFB/NoPadding" goes elsewhere).
                cipher("AES", EcbCipher.Pkcs5.class, EcbCipher.Pkcs5::new, engine)
                        .attribute("SupportedModes", "ECB")
                        .attribute("SupportedPaddings", "PKCS5PADDING")
                        .alias(oids("")),
                cipher("AES_128/ECB/NoPadding", EcbCipher.Aes128NoPadding.class, EcbCipher.Aes128NoPadding::new,
                        engine).alias(oids(".1")),
                cipher("AES_192/ECB/NoPadding", EcbCipher.Aes192NoPadding.class, EcbCipher.Aes192NoPadding::new,
                        engine).alias(oids(".21")),
                cipher("AES_256/ECB/NoPadding", EcbCipher.Aes256NoPadding.class, EcbCipher.Aes256NoPadding::new,
                        engine).alias(oids(".41")),
                cipher("AES_128/CBC/NoPadding", CbcCipher.Aes128NoPadding.class, CbcCipher.Aes128NoPadding::new,
                        engine).alias(oids(".2")),
                cipher("AES_192/CBC/NoPadding", CbcCipher.Aes192NoPadding.class, CbcCipher.Aes192NoPadding::new,
                        engine).alias(oids(".22")),
                cipher("AES_256/CBC/NoPadding", CbcCipher.Aes256NoPadding.class, CbcCipher.Aes256NoPadding::new,
                        engine).alias(oids(".42")));
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
