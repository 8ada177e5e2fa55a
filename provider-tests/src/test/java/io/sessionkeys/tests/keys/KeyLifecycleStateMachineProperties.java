package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.TestClock;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of generate, import, use, bind to a scope, close a scope, destroy, advance the
 * clock, and drop-and-collect, against a model of what each key's state must be. Invariant:
 * nothing ever succeeds on a destroyed key, and the observed state always matches the model.
 */
class KeyLifecycleStateMachineProperties {

    /** Policies the actions choose from; all allow plaintext export so that "use" can read back. */
    private static final KeyPolicy[] POLICIES = {
        KeyPolicy.builder().plaintextExportable(true).build(),
        KeyPolicy.builder().plaintextExportable(true).lifetime(Duration.ofSeconds(10)).build(),
        KeyPolicy.builder().plaintextExportable(true).encryptLifetime(Duration.ofSeconds(5))
                .decryptLifetime(Duration.ofSeconds(20)).build(),
    };

    /** A key and what the model says about it. */
    static final class Tracked {
        final SessionKey key;
        final byte[] bytes;
        final long createdMillis;
        final KeyPolicy policy;
        DestroyReason destroyedBy;

        Tracked(SessionKey key, byte[] bytes, long createdMillis) {
            this.key = key;
            this.bytes = bytes;
            this.createdMillis = createdMillis;
            this.policy = key.policy();
        }

        KeyState expected(long now) {
            if (destroyedBy == null && policy.decryptLifetime().isPresent()
                    && now >= createdMillis + policy.decryptLifetime().get().toMillis()) {
                destroyedBy = DestroyReason.EXPIRED;
            }
            if (destroyedBy != null) {
                return KeyState.DESTROYED;
            }
            if (policy.encryptLifetime().isPresent() && now >= createdMillis + policy.encryptLifetime().get().toMillis()) {
                return KeyState.DECRYPT_ONLY;
            }
            return KeyState.ACTIVE;
        }
    }

    /** The system under test and the model, side by side. */
    static final class World {
        final TestClock clock = new TestClock();
        final SessionKeysProvider provider = new SessionKeysProvider(clock);
        final List<Tracked> keys = new ArrayList<>();
        final List<KeyScope> scopes = new ArrayList<>();
        final List<List<Tracked>> bound = new ArrayList<>();

        Tracked pick(int index) {
            return keys.get(Math.floorMod(index, keys.size()));
        }

        void checkInvariant() {
            for (Tracked t : keys) {
                KeyState expected = t.expected(clock.millis());
                assertEquals(expected, t.key.state(), t.key::toString);
                assertEquals(t.destroyedBy, t.key.destroyReason().orElse(null), t.key::toString);
            }
        }
    }

    @Property(tries = 120)
    void lifecycle_matchesTheModel(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant(World::checkInvariant).run();
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(3, act("generate", Arbitraries.integers().between(0, POLICIES.length - 1), (w, p) -> {
                    KeyGenerator g = KeyGenerator.getInstance("AES", w.provider);
                    g.init(SessionKeyGenParameterSpec.builder().keySize(128).policy(POLICIES[p]).build());
                    SessionKey key = (SessionKey) g.generateKey();
                    w.keys.add(new Tracked(key, key.getEncoded(), w.clock.millis()));
                }))
                .withAction(2, act("import", Arbitraries.integers().between(0, POLICIES.length - 1), (w, p) -> {
                    byte[] bytes = new byte[16];
                    bytes[0] = (byte) w.keys.size();
                    SessionKey key = (SessionKey) SecretKeyFactory.getInstance("AES", w.provider).generateSecret(
                            SessionKeyImportSpec.builder()
                                    .key(new SecretKeySpec(bytes, "AES"))
                                    .policy(POLICIES[p]).build());
                    w.keys.add(new Tracked(key, bytes, w.clock.millis()));
                }))
                .withAction(4, onKey("use", (w, t) -> {
                    if (t.expected(w.clock.millis()) == KeyState.DESTROYED) {
                        assertThrows(IllegalStateException.class, t.key::getEncoded);
                        assertThrows(GeneralSecurityException.class,
                                () -> SecretKeyFactory.getInstance("AES", w.provider).translateKey(t.key));
                    } else {
                        assertArrayEquals(t.bytes, t.key.getEncoded());
                    }
                }))
                .withAction(2, onKey("bind to a new scope", (w, t) -> {
                    KeyScope scope = KeyScope.open();
                    scope.bind(t.key);
                    w.scopes.add(scope);
                    w.bound.add(new ArrayList<>(List.of(t)));
                }))
                .withAction(1, act("close a scope", Arbitraries.integers(), (w, i) -> {
                    if (w.scopes.isEmpty()) {
                        return;
                    }
                    int s = Math.floorMod(i, w.scopes.size());
                    w.scopes.remove(s).close();
                    for (Tracked t : w.bound.remove(s)) {
                        t.expected(w.clock.millis());
                        if (t.destroyedBy == null) {
                            t.destroyedBy = DestroyReason.SCOPE_CLOSED;
                        }
                    }
                }))
                .withAction(2, onKey("destroy", (w, t) -> {
                    t.expected(w.clock.millis());
                    t.key.destroy();
                    if (t.destroyedBy == null) {
                        t.destroyedBy = DestroyReason.EXPLICIT;
                    }
                }))
                .withAction(2, act("advance the clock", Arbitraries.integers().between(1, 12), (w, seconds) ->
                        w.clock.advance(Duration.ofSeconds(seconds))))
                .withAction(1, onKey("drop and collect", (w, t) -> {
                    w.keys.remove(t);
                    for (List<Tracked> b : w.bound) {
                        b.remove(t);
                    }
                    System.gc();
                }))
                .withMaxTransformations(40);
    }

    @FunctionalInterface
    interface Step<T> {
        void apply(World w, T choice) throws Exception;
    }

    private static <T> Action.Independent<World> act(String name, Arbitrary<T> choices, Step<T> step) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<World>> transformer() {
                return choices.map(c -> Transformer.mutate(name + " " + c, w -> run(step, w, c)));
            }
        };
    }

    private static Action.Independent<World> onKey(String name, BiConsumer<World, Tracked> body) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.keys.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer() {
                return Arbitraries.integers().between(0, 1000).map(i ->
                        Transformer.mutate(name + " key#" + i, w -> body.accept(w, w.pick(i))));
            }
        };
    }

    private static <T> void run(Step<T> step, World w, T choice) {
        try {
            step.apply(w, choice);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
