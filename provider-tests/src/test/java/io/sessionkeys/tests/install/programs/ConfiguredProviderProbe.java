package io.sessionkeys.tests.install.programs;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import java.security.Security;
import javax.crypto.KeyGenerator;

/** Prints which provider made a key and with which policy, to check that configuration applied. */
public final class ConfiguredProviderProbe {

    private ConfiguredProviderProbe() {
    }

    public static void main(String[] args) throws Exception {
        Provider first = Security.getProviders()[0];
        System.out.println("first.provider=" + first.getName());
        System.out.println("configured.from=" + ((SessionKeysProvider) first).configurationSource());
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        SessionKey key = (SessionKey) generator.generateKey();
        System.out.println("keygenerator.provider=" + generator.getProvider().getName());
        System.out.println("key.maxEncryptions=" + key.policy().maxEncryptions().getAsLong());
        System.out.println("key.plaintextExportable=" + key.policy().plaintextExportable());
        key.destroy();
    }
}
