package io.sessionkeys.internal.kdf;

import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.List;

/**
 * The {@code javax.crypto.KDF} services: none here. This is the Java 17 version of the class; the
 * jar is a multi-release jar whose {@code META-INF/versions/25} holds a version that registers
 * {@code KDF} HKDF-SHA256/384/512. The JVM picks the right one, so no class that needs
 * {@code javax.crypto.KDFSpi} is ever loaded on a JDK without it.
 */
final class JdkKdfServices {

    private JdkKdfServices() {
    }

    static List<ServiceDefinition> definitions(HkdfEngine engine) {
        return List.of();
    }
}
