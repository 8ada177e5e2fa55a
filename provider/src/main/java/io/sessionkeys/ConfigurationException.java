package io.sessionkeys;

import java.security.ProviderException;

/**
 * A bad SessionKeys setting, in a configuration file or a {@code sessionkeys.policy.*} system property.
 * The message names the source, the line (for a file) and the setting.
 *
 * <p>It extends {@link ProviderException} rather than the {@code InvalidParameterException} that
 * {@link java.security.Provider#configure} mentions, on purpose: when the JDK loads a provider
 * listed in {@code java.security}, it silently drops a provider whose configuration throws any
 * other exception, and a mistyped setting would then quietly leave the application on another
 * provider's keys. A {@code ProviderException} reaches the application.
 */
public final class ConfigurationException extends ProviderException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
