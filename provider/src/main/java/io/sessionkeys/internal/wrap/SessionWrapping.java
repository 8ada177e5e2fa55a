package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SessionKeyChecks;
import java.security.InvalidKeyException;
import java.security.Key;

/** The checks and the one material read shared by every wrapping cipher's {@code wrap}. */
final class SessionWrapping {

    private SessionWrapping() {
    }

    /**
     * Returns {@code key} as a live session key whose policy allows wrapping, or refuses it with
     * an {@link InvalidKeyException} that says why.
     */
    static ManagedSessionKey requireWrappable(Key key, String service) throws InvalidKeyException {
        ManagedSessionKey session = SessionKeyChecks.require(key, null, service + " wrap");
        session.checkUsable(KeyUse.PROCESS);
        if (!session.policy().wrappable()) {
            throw new InvalidKeyException(session + " may not be wrapped: its policy forbids wrapping ("
                    + session.policy() + ")");
        }
        return session;
    }

    /** Copies the key's raw material into {@code buf} at {@code offset}; the caller zeroes {@code buf}. */
    static void copyMaterial(ManagedSessionKey session, byte[] buf, int offset) throws InvalidKeyException {
        try {
            session.withMaterial(KeyUse.PROCESS, null, material -> {
                material.get(0, buf, offset, material.limit());
                return null;
            });
        } catch (IllegalStateException gone) {
            throw new InvalidKeyException(gone.getMessage(), gone);
        }
    }
}
