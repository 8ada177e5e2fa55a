package io.sessionkeys.internal.kdf;

import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * HKDF services: the {@code KeyGenerator} route on every JDK, plus the standard
 * {@code javax.crypto.KDF} services where the running JDK has that API (see {@link JdkKdfServices}).
 */
public final class KdfServices {

    private KdfServices() {
    }

    /** @param engine the HKDF engine the provider's selection runs */
    public static List<ServiceDefinition> definitions(HkdfEngine engine) {
        List<ServiceDefinition> all = new ArrayList<>();
        for (ShaAlgorithm hash : ShaAlgorithm.values()) {
            all.add(ServiceDefinition.of("KeyGenerator", hkdfName(hash), HkdfKeyGenerator.class,
                    context -> new HkdfKeyGenerator(context, hash, engine)));
        }
        all.addAll(JdkKdfServices.definitions(engine));
        return all;
    }

    /** "HKDF-SHA256", as the JDK names its HKDF. */
    static String hkdfName(ShaAlgorithm hash) {
        return "HKDF-" + hash.digestName().replace("-", "");
    }
}
