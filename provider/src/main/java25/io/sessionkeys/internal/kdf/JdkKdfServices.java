package io.sessionkeys.internal.kdf;

import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code javax.crypto.KDF} services HKDF-SHA256/384/512. This is the JDK 25 version of the
 * class, in the multi-release jar's {@code META-INF/versions/25}; on older JDKs the JVM loads the
 * Java 17 version, which registers nothing, so {@link HkdfKdf} (which needs
 * {@code javax.crypto.KDFSpi}) is never loaded there.
 */
final class JdkKdfServices {

    private JdkKdfServices() {
    }

    static List<ServiceDefinition> definitions(HkdfEngine engine) {
        List<ServiceDefinition> all = new ArrayList<>();
        for (ShaAlgorithm hash : ShaAlgorithm.values()) {
            all.add(ServiceDefinition.withParameter("KDF", KdfServices.hkdfName(hash), HkdfKdf.class,
                    (context, parameters) -> new HkdfKdf(context, hash, engine, parameters)));
        }
        return all;
    }
}
