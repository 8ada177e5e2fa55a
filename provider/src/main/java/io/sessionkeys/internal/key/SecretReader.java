package io.sessionkeys.internal.key;

import java.nio.ByteBuffer;

/**
 * Code that reads secret material through {@link ManagedSessionKey#withMaterial}.
 *
 * <p>The buffer is the off-heap material itself, valid only during the call: read it with
 * absolute accessors ({@code getInt(index)}, {@code get(index, dst)}), never change its position,
 * limit or contents, and never keep it or a copy of it beyond the call. A heap copy needed for
 * the computation must be zeroed in {@code finally} before returning.
 */
@FunctionalInterface
public interface SecretReader<R, X extends Exception> {
    R read(ByteBuffer material) throws X;
}
