package io.sessionkeys.internal.keygen;

import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.List;

/** The key-making services: generators and factories for every kind of session key. */
public final class KeyServices {

    private KeyServices() {
    }

    public static List<ServiceDefinition> definitions() {
        return List.of(
                generator(KeyAlgorithm.AES),
                generator(KeyAlgorithm.CHACHA20),
                factory(KeyAlgorithm.AES),
                factory(KeyAlgorithm.CHACHA20),
                generator(KeyAlgorithm.HMAC_SHA256),
                generator(KeyAlgorithm.HMAC_SHA384),
                generator(KeyAlgorithm.HMAC_SHA512),
                factory(KeyAlgorithm.HMAC_SHA256),
                factory(KeyAlgorithm.HMAC_SHA384),
                factory(KeyAlgorithm.HMAC_SHA512));
    }

    public static ServiceDefinition generator(KeyAlgorithm algorithm) {
        return ServiceDefinition.of("KeyGenerator", algorithm.name(), SessionKeyGenerator.class,
                context -> new SessionKeyGenerator(context, algorithm));
    }

    public static ServiceDefinition factory(KeyAlgorithm algorithm) {
        return ServiceDefinition.of("SecretKeyFactory", algorithm.name(), SessionKeyFactory.class,
                context -> new SessionKeyFactory(context, algorithm));
    }
}
