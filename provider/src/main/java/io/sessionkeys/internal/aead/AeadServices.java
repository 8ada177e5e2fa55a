package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.aes.AesGcmEngine;
import io.sessionkeys.internal.engine.chacha.ChaCha20Poly1305Engine;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The AEAD cipher services, named and aliased as SunJCE names them (JDK 17 and 25), so existing
 * code and OID-based lookups find them. Every service takes only session keys, so JCA hands
 * foreign keys to the next provider.
 */
public final class AeadServices {

    private AeadServices() {
    }

    /** The services on the production engines. */
    public static List<ServiceDefinition> definitions() {
        return definitions(AesGcmEngine.INSTANCE, ChaCha20Poly1305Engine.INSTANCE);
    }

    /**
     * The services on the given engines; an engine that is {@code null} leaves its services out.
     * Tests pass reference engines here.
     */
    public static List<ServiceDefinition> definitions(AeadEngine gcm, AeadEngine chaCha20Poly1305) {
        List<ServiceDefinition> all = new ArrayList<>();
        if (gcm != null) {
            all.add(gcm(gcm, KeySize.ANY));
            all.add(gcm(gcm, 128).alias(oid("2.16.840.1.101.3.4.1.6")));
            all.add(gcm(gcm, 192).alias(oid("2.16.840.1.101.3.4.1.26")));
            all.add(gcm(gcm, 256).alias(oid("2.16.840.1.101.3.4.1.46")));
        }
        if (chaCha20Poly1305 != null) {
            all.add(cipher("ChaCha20-Poly1305", ChaCha20Poly1305Cipher.class,
                    c -> new ChaCha20Poly1305Cipher(c, chaCha20Poly1305)).alias(oid("1.2.840.113549.1.9.16.3.18")));
        }
        return all;
    }

    private static ServiceDefinition gcm(AeadEngine engine, int keyBits) {
        return cipher(KeySize.aesTransformation(keyBits, "GCM", "NoPadding"), AesGcmCipher.class,
                c -> new AesGcmCipher(c, engine, keyBits)).attribute("SupportedModes", "GCM");
    }

    private static <T> ServiceDefinition cipher(String name, Class<T> type,
            java.util.function.Function<ProviderContext, T> factory) {
        return ServiceDefinition.of("Cipher", name, type, factory).sessionKeysOnly();
    }

    /** An OID alias in both spellings SunJCE registers. */
    private static String[] oid(String oid) {
        return new String[] {oid, "OID." + oid};
    }
}
