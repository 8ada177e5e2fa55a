package io.sessionkeys.internal.engine.openssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.security.ProviderException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native library finds a direct buffer's memory from java.nio.Buffer's own fields
 * (direct_buffers.c), not through JNI's slower GetDirectBufferAddress: a slice must be written at
 * its own start and nowhere else, and a heap buffer, whose fields hold no address, must be refused
 * rather than written through.
 */
class DirectBufferAccessTest {

    private static OpenSslKeyBytes keyBytes;

    @BeforeAll
    static void openTheLibrary() {
        NativeLibrary.Status status = NativeLibrary.load(null, true);
        assumeTrue(status.loaded(), () -> "native library not available here: " + status.detail());
        keyBytes = OpenSslKeyBytes.checked("libcrypto");
    }

    @Test
    void aDirectSliceIsWrittenAtItsOwnStartOnly() {
        ByteBuffer whole = ByteBuffer.allocateDirect(96);
        ByteBuffer slice = whole.slice(32, 32);

        keyBytes.fill(slice);

        for (int i = 0; i < 32; i++) {
            assertEquals(0, whole.get(i), "byte " + i + " before the slice was written");
            assertEquals(0, whole.get(64 + i), "byte " + (64 + i) + " after the slice was written");
        }
        assertFalse(whole.slice(32, 32).equals(ByteBuffer.allocateDirect(32)), "the slice was not written");
    }

    @Test
    void heapBuffersAreRefusedAndLeftUntouched() {
        byte[] array = new byte[64];
        ByteBuffer[] heapBuffers = {
            ByteBuffer.wrap(array, 0, 32).slice(),
            ByteBuffer.wrap(array).slice(16, 32),
        };
        for (ByteBuffer heap : heapBuffers) {
            assertThrows(ProviderException.class, () -> keyBytes.fill(heap));
        }
        assertTrue(ByteBuffer.wrap(array).equals(ByteBuffer.allocate(64)), "a heap buffer was written");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> OpenSslNative.newKey(ByteBuffer.allocate(32), OpenSslNative.AES_256_GCM, true, false));
        assertTrue(refused.getMessage().contains("not a direct buffer"), refused.getMessage());
    }
}
