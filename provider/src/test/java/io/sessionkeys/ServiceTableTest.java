package io.sessionkeys;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.keygen.KeyServices;
import io.sessionkeys.internal.provider.ServiceCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTableTest {

    @Test
    void requireUniqueNames_duplicateAlgorithm_failsFast() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SessionKeysProvider.requireUniqueNames(
                List.of(KeyServices.generator(KeyAlgorithm.AES, () -> null), KeyServices.generator(KeyAlgorithm.AES, () -> null))));
        assertTrue(e.getMessage().contains("KeyGenerator.AES"), e.getMessage());
    }

    @Test
    void requireUniqueNames_aliasClashingWithAnotherName_caseInsensitively_failsFast() {
        assertThrows(IllegalStateException.class, () -> SessionKeysProvider.requireUniqueNames(List.of(
                KeyServices.generator(KeyAlgorithm.AES, () -> null), KeyServices.generator(KeyAlgorithm.CHACHA20, () -> null).alias("aes"))));
    }

    @Test
    void requireUniqueNames_theRealTable_passes() {
        SessionKeysProvider.requireUniqueNames(ServiceCatalog.all());
    }
}
