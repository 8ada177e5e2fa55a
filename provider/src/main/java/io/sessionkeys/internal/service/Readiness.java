package io.sessionkeys.internal.service;

/**
 * The provider's checks that must pass before SessionKeys does any work of its own: the
 * known-answer self-test, the {@code sessionkeys.engine} and {@code sessionkeys.memory} settings.
 *
 * <p>A {@code Cipher}, {@code Mac} or {@code KDF} made by JCA's delayed provider selection may
 * never see a session key: it passes a {@code SecretKeySpec} to the JDK's provider. Such an object
 * runs none of the checks (nor the crypto code they exercise), so that an application that never
 * makes a session key pays nothing for SessionKeys being first. The routing layer calls
 * {@link #ensure} where an operation becomes SessionKeys' own; other services call it when they
 * are made.
 */
@FunctionalInterface
public interface Readiness {

    /**
     * Runs the checks the first time, remembers that they passed.
     *
     * @throws java.security.ProviderException if the self-test failed
     * @throws io.sessionkeys.ConfigurationException if a setting cannot be honoured
     */
    void ensure();
}
