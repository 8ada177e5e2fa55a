package io.sessionkeys.internal.provider;

import io.sessionkeys.internal.keys.KeyServices;
import io.sessionkeys.internal.wrap.WrapServices;
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
        all.addAll(WrapServices.definitions());
        return all;
    }
}
