package io.sessionkeys.internal.engine.chacha;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian views of byte arrays, as ChaCha20 and Poly1305 read their words. The JIT compiles
 * these accesses to plain (unaligned) loads and stores with one bounds check.
 */
final class LittleEndian {

    static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }
}
