package io.sessionkeys;

import java.util.Map;

/**
 * Monitoring of session keys in this JVM, registered as {@code io.sessionkeys:type=SessionKeys} on
 * the platform MBean server when the first key is made. Counts only; never key material.
 */
public interface SessionKeysMXBean {

    /** The MBean's object name. */
    String OBJECT_NAME = "io.sessionkeys:type=SessionKeys";

    /** Keys made and not yet destroyed. */
    int getLiveKeys();

    /** Live keys by algorithm name. */
    Map<String, Integer> getLiveKeysByAlgorithm();

    /** Keys made since the JVM started (generated, imported, unwrapped, derived). */
    long getCreatedKeys();

    /** Keys destroyed, by {@link DestroyReason} name. */
    Map<String, Long> getDestroyedKeysByReason();

    /** Times a key left the provider, wrapped or in plaintext. */
    long getExportedKeys();

    /**
     * Times an application read a key's bytes through {@code getEncoded()} (each is also a
     * {@code io.sessionkeys.KeyExported} JFR event, method "plaintext", with the reader's stack trace).
     */
    long getPlaintextReads();

    /** Operations refused because a key was destroyed, expired or at a limit. */
    long getRefusedOperations();

    /**
     * The engine that runs each algorithm family and why (native OpenSSL or the constant-time
     * Java engine), as last selected in this JVM; empty before any provider served a service.
     */
    Map<String, String> getEngines();

    /**
     * Where key material lives: the memory tiers in order of preference (secret, locked, plain),
     * bytes taken from each, locked bytes in use, fallbacks to a weaker tier and where OpenSSL's
     * keyed contexts live.
     */
    Map<String, String> getMemory();

    /**
     * The strongest memory tier key material is placed in: "secret" ({@code memfd_secret}),
     * "locked" (locked, out of core dumps) or "plain" (direct memory); a region falls back to a
     * weaker tier only when the locked budget is used up ({@link #getMemory} counts those).
     */
    String getMemoryTier();
}
