package io.sessionkeys.internal.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.HmacComputation;
import io.sessionkeys.internal.engine.hmac.HmacKeySchedule;
import io.sessionkeys.internal.engine.hmac.JavaHmacEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.lang.reflect.Field;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The SPI's per-message state: started by init, wiped by reset, doFinal and key destruction. */
class SessionKeyHmacStateTest {

    private static ManagedSessionKey key(byte[] raw) {
        byte[] copy = raw.clone();
        return ManagedSessionKey.create("HmacSHA256", copy.length * 8, copy, 0, copy.length,
                KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
    }

    private static HmacComputation stateOf(SessionKeyHmac spi) throws Exception {
        Field f = SessionKeyHmac.class.getDeclaredField("state");
        f.setAccessible(true);
        return (HmacComputation) f.get(spi);
    }

    @Test
    void destroy_midMessage_wipesTheStateAndRefusesTheNextUpdate() throws Exception {
        ManagedSessionKey key = key(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        SessionKeyHmac spi = new SessionKeyHmac(JavaHmacEngine.of(ShaAlgorithm.SHA256));
        spi.engineInit(key, null);
        spi.engineUpdate(new byte[100], 0, 100);
        HmacComputation state = stateOf(spi);
        assertTrue(state.started());

        key.destroy(DestroyReason.EXPLICIT);

        assertFalse(state.started(), "the key's destruction wiped the Mac's state");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> spi.engineUpdate(new byte[1], 0, 1));
        assertTrue(refused.getMessage().contains(DestroyReason.EXPLICIT.explanation()), refused.getMessage());
        assertThrows(IllegalStateException.class, spi::engineDoFinal);
    }

    @Test
    void resetAndDoFinal_wipeTheState_andTheNextMessageStartsAfresh() throws Exception {
        byte[] raw = {9, 8, 7, 6, 5, 4, 3, 2, 1};
        ManagedSessionKey key = key(raw);
        SessionKeyHmac spi = new SessionKeyHmac(JavaHmacEngine.of(ShaAlgorithm.SHA256));
        spi.engineInit(key, null);
        spi.engineUpdate(new byte[] {42}, 0, 1);
        spi.engineReset();
        assertFalse(stateOf(spi).started());
        byte[] empty = spi.engineDoFinal();
        assertFalse(stateOf(spi).started());

        Mac sun = Mac.getInstance("HmacSHA256", "SunJCE");
        sun.init(new SecretKeySpec(raw, "HmacSHA256"));
        assertArrayEquals(sun.doFinal(), empty);
        key.destroy();
    }

    @Test
    void init_keepsTheKeyScheduleWithTheKey_andDestroyZeroizesIt() throws Exception {
        ManagedSessionKey key = key(new byte[32]);
        SessionKeyHmac spi = new SessionKeyHmac(JavaHmacEngine.of(ShaAlgorithm.SHA256));
        spi.engineInit(key, null);
        java.nio.ByteBuffer[] schedule = new java.nio.ByteBuffer[1];
        key.withMaterial(KeyUse.PROCESS, HmacKeySchedule.of(ShaAlgorithm.SHA256), b -> schedule[0] = b);
        assertTrue(schedule[0].isDirect(), "the keyed state is off-heap");
        key.destroy();
        for (int i = 0; i < schedule[0].limit(); i++) {
            assertTrue(schedule[0].get(i) == 0, "schedule byte " + i + " not zeroized");
        }
    }
}
