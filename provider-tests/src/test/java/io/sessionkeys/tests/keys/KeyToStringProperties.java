package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** A key's toString and hash never reveal anything derived from its bytes. */
class KeyToStringProperties {

    private final SessionKeysProvider provider = new SessionKeysProvider();

    @Property(tries = 300)
    void toString_neverContainsAnyFourByteWindowOfTheKey(@ForAll @Size(32) byte[] bytes) throws Exception {
        SessionKey key = (SessionKey) SecretKeyFactory.getInstance("AES", provider)
                .generateSecret(new SecretKeySpec(bytes, "AES"));
        String text = (key.toString() + " " + key.keyId() + " " + key.hashCode()).toLowerCase(Locale.ROOT);
        String hex = HexFormat.of().formatHex(bytes);
        for (int i = 0; i + 8 <= hex.length(); i += 2) {
            String window = hex.substring(i, i + 8);
            assertFalse(text.contains(window), "toString shows key bytes " + i / 2 + ".." + (i / 2 + 3));
        }
        assertTrue(key.toString().startsWith("SessionKey[AES-256, id="), key.toString());
        key.destroy();
        assertFalse(key.toString().toLowerCase(Locale.ROOT).contains(hex.substring(0, 8)));
    }
}
