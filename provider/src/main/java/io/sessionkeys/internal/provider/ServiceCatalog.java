package io.sessionkeys.internal.provider;

import io.sessionkeys.internal.aead.AeadServices;
import io.sessionkeys.internal.blob.BlobServices;
import io.sessionkeys.internal.blockmode.BlockModeServices;
import io.sessionkeys.internal.keys.KeyServices;
import io.sessionkeys.internal.wrap.WrapServices;
import io.sessionkeys.internal.mac.MacServices;
import java.util.ArrayList;
import java.util.List;

/**
 * Every service SessionKeys registers, family by family. Each family keeps its own table next to
 * its SPIs; this list only says which families exist.
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
        all.addAll(BlobServices.definitions());
        all.addAll(MacServices.definitions());
        return all;
    }
}
