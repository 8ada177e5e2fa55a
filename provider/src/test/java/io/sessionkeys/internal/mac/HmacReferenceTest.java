package io.sessionkeys.internal.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import java.security.Provider;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** HMAC against SunJCE and Bouncy Castle: random keys of 1..200 bytes, random messages and splits. */
class HmacReferenceTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final Provider BC = new BouncyCastleProvider();

    static SecretKey sessionKey(String algorithm, byte[] raw) throws Exception {
        return SecretKeyFactory.getInstance(algorithm, SESSION_KEYS).generateSecret(
                SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(raw, algorithm))
                        .policy(KeyPolicy.builtInDefaults()).build());
    }

    @Property(tries = 300)
    void doFinal_randomKeyMessageAndSplits_matchesSunJceAndBouncyCastle(@ForAll ShaAlgorithm hash,
            @ForAll @Size(min = 1, max = 200) byte[] key, @ForAll @Size(max = 600) byte[] message,
            @ForAll @IntRange(min = 1, max = 300) int chunk) throws Exception {
        String name = hash.hmacName();
        Mac ours = Mac.getInstance(name, SESSION_KEYS);
        SecretKey sessionKey = sessionKey(name, key);
        ours.init(sessionKey);
        for (int at = 0; at < message.length; at += chunk) {
            ours.update(message, at, Math.min(chunk, message.length - at));
        }
        byte[] tag = ours.doFinal();

        Mac sun = Mac.getInstance(name, "SunJCE");
        sun.init(new SecretKeySpec(key, name));
        Mac bc = Mac.getInstance(name, BC);
        bc.init(new SecretKeySpec(key, name));
        assertArrayEquals(sun.doFinal(message), tag, "SunJCE");
        assertArrayEquals(bc.doFinal(message), tag, "Bouncy Castle");

        // doFinal reset the Mac to the same key: the same message gives the same tag again.
        assertArrayEquals(tag, ours.doFinal(message), "second message after doFinal");
        sessionKey.destroy();
    }
}
