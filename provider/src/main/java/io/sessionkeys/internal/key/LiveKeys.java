package io.sessionkeys.internal.key;

import io.sessionkeys.DestroyReason;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every live key in the JVM, and the cleaner that destroys the ones that become unreachable.
 *
 * <p>One structure does both jobs: each key's handle is tracked by a phantom reference that
 * sits in a linked list until the key is destroyed. The list is the live set (JVM exit zeroizes
 * everything in it); the reference queue tells the cleaner thread which handles the application
 * dropped. A {@code java.lang.ref.Cleaner} beside a concurrent set would register every key twice,
 * and making and destroying a key is on the path whose cost the key-life budget bounds.
 *
 * <p>References hold the keys' cores, never their handles, so the live set keeps no key
 * reachable. The lists are striped by key id so that threads making keys at once rarely share a
 * lock.
 */
final class LiveKeys {

    private static final int STRIPES = 16; // a power of two
    private static final Stripe[] STRIPE = new Stripe[STRIPES];
    private static final ReferenceQueue<ManagedSessionKey> DROPPED = new ReferenceQueue<>();
    /**
     * Dropped keys each new key destroys, if any are waiting: with two, cleaning outpaces making
     * whatever the cleaner thread gets of the CPU.
     */
    private static final int CLEANED_PER_NEW_KEY = 2;
    private static volatile boolean threadsStarted;

    static {
        for (int i = 0; i < STRIPES; i++) {
            STRIPE[i] = new Stripe();
        }
    }

    private LiveKeys() {
    }

    /** A key's entry: in its stripe's list from {@link #add} until {@link #remove}. */
    static final class Entry extends PhantomReference<ManagedSessionKey> {
        final KeyCore core;
        private final Stripe stripe;
        private Entry previous;
        private Entry next;
        private boolean linked;

        private Entry(ManagedSessionKey handle, KeyCore core, Stripe stripe) {
            super(handle, DROPPED);
            this.core = core;
            this.stripe = stripe;
        }
    }

    /** One lock and the doubly linked list of the entries it guards. */
    private static final class Stripe {
        private Entry head;
        private int size;

        synchronized void link(Entry e) {
            e.next = head;
            if (head != null) {
                head.previous = e;
            }
            head = e;
            e.linked = true;
            size++;
        }

        synchronized boolean unlink(Entry e) {
            if (!e.linked) {
                return false;
            }
            if (e.previous != null) {
                e.previous.next = e.next;
            } else {
                head = e.next;
            }
            if (e.next != null) {
                e.next.previous = e.previous;
            }
            e.previous = null;
            e.next = null;
            e.linked = false;
            size--;
            return true;
        }

        synchronized void collect(List<KeyCore> into) {
            for (Entry e = head; e != null; e = e.next) {
                into.add(e.core);
            }
        }

        synchronized int size() {
            return size;
        }
    }

    /**
     * Adds the key whose handle is {@code handle}: it is live until its core is destroyed, and
     * destroyed (reason {@link DestroyReason#UNREACHABLE}) if the handle becomes unreachable first.
     */
    static Entry add(ManagedSessionKey handle, KeyCore core) {
        if (!threadsStarted) {
            startThreads();
        }
        Entry e = new Entry(handle, core, STRIPE[(int) core.id & (STRIPES - 1)]);
        e.stripe.link(e);
        helpClean();
        return e;
    }

    /**
     * Destroys a few keys the application dropped, on the thread that makes a new one. The cleaner
     * thread alone fell behind a thread that made keys in a loop and dropped them (the JDK's
     * reference handler, the garbage collector and the maker share the cores): the dropped keys
     * then filled the heap, every collection slowed down under them, and the JVM ran out of
     * memory. Making a key now pays for cleaning at most two.
     */
    private static void helpClean() {
        for (int i = 0; i < CLEANED_PER_NEW_KEY; i++) {
            Entry dropped = (Entry) DROPPED.poll();
            if (dropped == null) {
                return;
            }
            destroyDropped(dropped);
        }
    }

    /** Removes a destroyed key's entry; the cleaner will never see it. */
    static void remove(Entry e) {
        if (e.stripe.unlink(e)) {
            e.clear();
        }
    }

    static boolean contains(KeyCore core) {
        return cores().contains(core);
    }

    static Map<String, Integer> countByAlgorithm() {
        Map<String, Integer> counts = new TreeMap<>();
        for (KeyCore core : cores()) {
            counts.merge(core.algorithm, 1, Integer::sum);
        }
        return counts;
    }

    static int count() {
        int n = 0;
        for (Stripe s : STRIPE) {
            n += s.size();
        }
        return n;
    }

    private static List<KeyCore> cores() {
        List<KeyCore> all = new ArrayList<>();
        for (Stripe s : STRIPE) {
            s.collect(all);
        }
        return all;
    }

    private static synchronized void startThreads() {
        if (threadsStarted) {
            return;
        }
        Thread cleaner = new Thread(LiveKeys::cleanDropped, "sessionkeys-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
        Runtime.getRuntime().addShutdownHook(new Thread(LiveKeys::destroyAll, "sessionkeys-shutdown"));
        threadsStarted = true;
    }

    /** The cleaner thread: destroys the keys whose handles the application dropped. */
    private static void cleanDropped() {
        while (true) {
            try {
                destroyDropped((Entry) DROPPED.remove());
            } catch (InterruptedException ignored) {
                // A daemon thread that nothing should interrupt: keep cleaning.
            }
        }
    }

    private static void destroyDropped(Entry dropped) {
        try {
            dropped.core.destroy(DestroyReason.UNREACHABLE);
        } catch (RuntimeException | Error e) {
            // One key's failure must not stop the cleaning of all the others, nor fail the caller.
        }
    }

    private static void destroyAll() {
        for (KeyCore core : cores()) {
            core.destroy(DestroyReason.SHUTDOWN);
        }
    }
}
