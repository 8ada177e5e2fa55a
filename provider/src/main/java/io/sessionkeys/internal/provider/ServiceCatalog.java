package io.sessionkeys.internal.provider;

import io.sessionkeys.internal.aead.AeadServices;
import io.sessionkeys.internal.blob.BlobServices;
import io.sessionkeys.internal.blockmode.BlockModeServices;
import io.sessionkeys.internal.engine.openssl.DeferredEngines;
import io.sessionkeys.internal.kdf.KdfServices;
import io.sessionkeys.internal.keygen.KeyServices;
import io.sessionkeys.internal.mac.MacServices;
import io.sessionkeys.internal.service.ServiceDefinition;
import io.sessionkeys.internal.wrap.WrapServices;
import java.util.ArrayList;
import java.util.List;

/**
 * Every service SessionKeys registers, family by family. Each family keeps its own table next to
 * its SPIs; this list only says which families exist. Together with {@link SelfTest} it is the
 * only code that names the families, which never name each other.
 */
public final class ServiceCatalog {

    private ServiceCatalog() {
    }

    /** Every service on the Java engines. */
    public static List<ServiceDefinition> all() {
        return all(new DeferredEngines("java", null, false));
    }

    /** Every service, key generation and the AEAD, AES-CTR/CBC/ECB, AES-KW/KWP, HMAC, HKDF and RSA-OAEP ones on the engines {@code engines} will select. */
    public static List<ServiceDefinition> all(DeferredEngines engines) {
        List<ServiceDefinition> all = new ArrayList<>();
        all.addAll(KeyServices.definitions(engines.keyBytes()));
        all.addAll(AeadServices.definitions(engines.aesGcm(), engines.chaCha20Poly1305()));
        all.addAll(BlockModeServices.definitions(engines.aes()));
        all.addAll(WrapServices.definitions(engines.aes(), engines.rsaOaep()));
        all.addAll(BlobServices.definitions());
        all.addAll(MacServices.definitions(engines::hmac));
        all.addAll(KdfServices.definitions(engines.hkdf()));
        return all;
    }
}
