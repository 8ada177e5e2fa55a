package io.sessionkeys.internal.keygen;

import io.sessionkeys.internal.engine.KeyBytesEngine;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.util.List;
import java.util.function.Supplier;

/** The key-making services: generators and factories for every kind of session key. */
public final class KeyServices {

    private KeyServices() {
    }

    /** @param keyBytes the selected source of new keys' bytes (it may give {@code null}: SecureRandom) */
    public static List<ServiceDefinition> definitions(Supplier<KeyBytesEngine> keyBytes) {
        return List.of(
                generator(KeyAlgorithm.AES, keyBytes),
                generator(KeyAlgorithm.CHACHA20, keyBytes),
                factory(KeyAlgorithm.AES),
                factory(KeyAlgorithm.CHACHA20),
                generator(KeyAlgorithm.HMAC_SHA256, keyBytes),
                generator(KeyAlgorithm.HMAC_SHA384, keyBytes),
                generator(KeyAlgorithm.HMAC_SHA512, keyBytes),
                factory(KeyAlgorithm.HMAC_SHA256),
                factory(KeyAlgorithm.HMAC_SHA384),
                factory(KeyAlgorithm.HMAC_SHA512));
    }

    public static ServiceDefinition generator(KeyAlgorithm algorithm, Supplier<KeyBytesEngine> keyBytes) {
        return ServiceDefinition.of("KeyGenerator", algorithm.name(), SessionKeyGenerator.class,
                context -> new SessionKeyGenerator(context, algorithm, keyBytes));
    }

    public static ServiceDefinition factory(KeyAlgorithm algorithm) {
        return ServiceDefinition.of("SecretKeyFactory", algorithm.name(), SessionKeyFactory.class,
                context -> new SessionKeyFactory(context, algorithm));
    }
}
