package io.sessionkeys.internal.mac;

import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The MAC family: {@code Mac} HmacSHA256/384/512 with session keys. (The HMAC
 * {@code KeyGenerator}s and {@code SecretKeyFactory}s are with the other key services; HKDF, built
 * on the same HMAC engine, registers itself in {@code KdfServices}.)
 */
public final class MacServices {

    private MacServices() {
    }

    /** @param engines the HMAC engine for each hash, as the provider's selection runs them */
    public static List<ServiceDefinition> definitions(Function<ShaAlgorithm, HmacEngine> engines) {
        List<ServiceDefinition> all = new ArrayList<>();
        all.add(mac(engines.apply(ShaAlgorithm.SHA256), "1.2.840.113549.2.9"));
        all.add(mac(engines.apply(ShaAlgorithm.SHA384), "1.2.840.113549.2.10"));
        all.add(mac(engines.apply(ShaAlgorithm.SHA512), "1.2.840.113549.2.11"));
        return all;
    }

    /** With the OID aliases SunJCE registers for the same Mac. */
    private static ServiceDefinition mac(HmacEngine engine, String oid) {
        ShaAlgorithm hash = engine.hash();
        return ServiceDefinition.of("Mac", hash.hmacName(), SessionKeyHmac.class, context -> new SessionKeyHmac(engine))
                .alias(oid, "OID." + oid)
                .sessionKeysOnly();
    }
}
