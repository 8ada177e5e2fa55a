package io.sessionkeys.internal.mac;

import io.sessionkeys.internal.engine.HmacComputation;
import io.sessionkeys.internal.key.Attachment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The HMAC computations in progress with one key, kept with the key as an {@link Attachment} so
 * that destroying the key wipes them all: a {@code Mac} abandoned halfway through a message does
 * not keep key-derived state in the heap after its key is gone. Held weakly, so a {@code Mac}
 * that is simply dropped is not kept alive by its key.
 */
final class LiveHmacStates {

    static final Attachment<LiveHmacStates> SLOT =
            new Attachment<>("HMAC computations in progress", LiveHmacStates::new, LiveHmacStates::wipeAll);

    private final Set<HmacComputation> states = Collections.newSetFromMap(new WeakHashMap<>());

    synchronized void add(HmacComputation state) {
        states.add(state);
    }

    synchronized void remove(HmacComputation state) {
        states.remove(state);
    }

    /**
     * Runs after the key's material is zeroized; the key's gate has then already waited for every
     * computation inside it to finish and refuses new ones, so nobody is using these states.
     */
    void wipeAll() {
        List<HmacComputation> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(states);
            states.clear();
        }
        for (HmacComputation state : snapshot) {
            state.wipe();
        }
    }
}
