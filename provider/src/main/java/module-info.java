/**
 * SessionKeys: a JCA/JCE provider for volatile session keys. Only {@code io.sessionkeys} is
 * exported; engines, SPIs and key internals are not part of the API.
 */
module io.sessionkeys {
    exports io.sessionkeys;

    provides java.security.Provider with io.sessionkeys.SessionKeysProvider;
}
