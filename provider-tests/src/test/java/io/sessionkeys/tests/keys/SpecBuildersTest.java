package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyDerivationSpec;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyKdfParameters;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SpecAccess;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Every spec is made one way (a builder), and no spec hands its secret bytes to a caller. */
class SpecBuildersTest {

    private static final List<Class<?>> SPECS = List.of(SessionKeyGenParameterSpec.class,
            SessionKeyImportSpec.class, SessionKeyUnwrapSpec.class, SessionKeyDerivationSpec.class,
            SessionKeyKdfParameters.class);

    @Test
    void specs_haveNoPublicConstructorButABuilder() throws Exception {
        for (Class<?> spec : SPECS) {
            assertEquals(0, spec.getConstructors().length, spec + " has a public constructor");
            Method builder = spec.getMethod("builder");
            assertTrue(Modifier.isStatic(builder.getModifiers()), spec.toString());
        }
    }

    @Test
    void importAndDerivationSpecs_haveNoPublicMethodReturningBytes() {
        List<String> found = new ArrayList<>();
        for (Class<?> spec : List.of(SessionKeyImportSpec.class, SessionKeyDerivationSpec.class)) {
            for (Method m : spec.getMethods()) {
                // salt and info are public inputs of HKDF, handed out as copies; the input keying material is not
                boolean publicInput = spec == SessionKeyDerivationSpec.class
                        && (m.getName().equals("salt") || m.getName().equals("info"));
                if (m.getReturnType() == byte[].class && !publicInput) {
                    found.add(spec.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(found.isEmpty(), "public methods that return secret bytes: " + found);
    }

    @Test
    void specAccess_cannotBeMadeOrReachedByApplicationCode() {
        assertEquals(0, SpecAccess.class.getConstructors().length);
        for (Method m : SpecAccess.class.getMethods()) {
            assertTrue(!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != SpecAccess.class,
                    "public static " + m);
        }
        assertEquals(0, java.util.Arrays.stream(SpecAccess.class.getFields()).count());
    }

    @Test
    void importBuilder_needsExactlyOneSource() {
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        assertThrows(IllegalStateException.class, () -> SessionKeyImportSpec.builder().build());
        assertThrows(IllegalStateException.class,
                () -> SessionKeyImportSpec.builder().key(key).consume(new byte[16], "AES").build());
        assertEquals("ChaCha20", SessionKeyImportSpec.builder().consume(new byte[32], "ChaCha20").build().algorithm());
        assertEquals("AES", SessionKeyImportSpec.builder().key(key).build().algorithm());
    }

    @Test
    void genBuilder_needsAKeySize() {
        assertThrows(IllegalStateException.class, () -> SessionKeyGenParameterSpec.builder().build());
        KeyPolicy policy = KeyPolicy.builder().maxEncryptions(7).build();
        SessionKeyGenParameterSpec spec = SessionKeyGenParameterSpec.builder().keySize(192).policy(policy).build();
        assertEquals(192, spec.keySizeBits());
        assertSame(policy, spec.policy());
        assertNull(spec.scope());
    }

    @Test
    void unwrapBuilder_keepsItsPartsAndRefusesANestedSpec() {
        IvParameterSpec icv = new IvParameterSpec(new byte[8]);
        SessionKeyUnwrapSpec spec = SessionKeyUnwrapSpec.builder().cipherParameters(icv).build();
        assertSame(icv, spec.cipherParameters());
        assertNull(spec.policy());
        assertThrows(IllegalArgumentException.class, () -> SessionKeyUnwrapSpec.builder().cipherParameters(spec));
    }
}
