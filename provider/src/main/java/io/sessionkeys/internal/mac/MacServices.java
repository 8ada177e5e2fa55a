package io.sessionkeys.internal.mac;

import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The MAC family: {@code Mac} HmacSHA256/384/512 with session keys. (The HMAC
 * {@code KeyGenerator}s and {@code SecretKeyFactory}s are with the other key services; HKDF, built
 * on the same HMAC engine, registers itself in {@code KdfServices}.)
 */
public final class MacServices {

    private MacServices() {
    }

    public static List<ServiceDefinition> definitions() {
        List<ServiceDefinition> all = new ArrayList<>();
        all.add(mac(ShaAlgorithm.SHA256, "1.2.840.113549.2.9"));
        all.add(mac(ShaAlgorithm.SHA384, "1.2.840.113549.2.10"));
        all.add(mac(ShaAlgorithm.SHA512, "1.2.840.113549.2.11"));
        return all;
    }

    /** With the OID aliases SunJCE registers for the same Mac. */
    private static ServiceDefinition mac(ShaAlgorithm hash, String oid) {
        return ServiceDefinition.of("Mac", hash.hmacName(), SessionKeyHmac.class, context -> new SessionKeyHmac(hash))
                .alias(oid, "OID." + oid)
                .sessionKeysOnly();
    }
}
