package io.sessionkeys.internal.provider;

import io.sessionkeys.internal.aead.AeadServices;
import io.sessionkeys.internal.blockmode.BlockModeServices;
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

    public static List<ServiceDefinition> all() {
        List<ServiceDefinition> all = new ArrayList<>();
        all.addAll(KeyServices.definitions());
        all.addAll(AeadServices.definitions());
        all.addAll(BlockModeServices.definitions());
        all.addAll(WrapServices.definitions());
        all.addAll(MacServices.definitions());
        all.addAll(KdfServices.definitions());
        return all;
    }
}
