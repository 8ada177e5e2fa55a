/**
 * SessionKeys: a JCA/JCE provider for volatile session keys. Only {@code io.sessionkeys} is
 * exported; engines, SPIs and key internals are not part of the API.
 */
module io.sessionkeys {
    exports io.sessionkeys;

    // Both ship with every JDK: JFR events and the monitoring MBean (no third-party dependency).
    requires jdk.jfr;
    requires java.management;

    provides java.security.Provider with io.sessionkeys.SessionKeysProvider;
}
