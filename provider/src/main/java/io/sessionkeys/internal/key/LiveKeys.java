package io.sessionkeys.internal.key;

import io.sessionkeys.DestroyReason;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every live key in the JVM, so that JVM exit can zeroize them all. Holds the keys' cores, never
 * their handles, so it keeps no key reachable for the cleaner's purposes.
 */
final class LiveKeys {

    private static final Set<KeyCore> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private LiveKeys() {
    }

    static void add(KeyCore core) {
        if (!hookInstalled) {
            installShutdownHook();
        }
        LIVE.add(core);
    }

    static void remove(KeyCore core) {
        LIVE.remove(core);
    }

    static boolean contains(KeyCore core) {
        return LIVE.contains(core);
    }

    static Map<String, Integer> countByAlgorithm() {
        Map<String, Integer> counts = new TreeMap<>();
        for (KeyCore core : LIVE) {
            counts.merge(core.algorithm, 1, Integer::sum);
        }
        return counts;
    }

    static int count() {
        return LIVE.size();
    }

    private static synchronized void installShutdownHook() {
        if (hookInstalled) {
            return;
        }
        Thread hook = new Thread(LiveKeys::destroyAll, "sessionkeys-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        hookInstalled = true;
    }

    private static void destroyAll() {
        for (KeyCore core : LIVE.toArray(new KeyCore[0])) {
            core.destroy(DestroyReason.SHUTDOWN);
        }
    }
}
