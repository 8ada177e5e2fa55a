#ifndef SK_DIRECT_BUFFERS_H
#define SK_DIRECT_BUFFERS_H

#include <jni.h>

/*
 * Direct buffers' addresses and capacities, read from the fields of java.nio.Buffer.
 *
 * JNI's GetDirectBufferAddress and GetDirectBufferCapacity first test the object against the
 * DirectBuffer interface (IsInstanceOf). In profiles of a key's life that test cost 15-30 ns a
 * call, three calls a key, more than expanding the AES key; a direct-buffer message pays it twice.
 * The JDK keeps Buffer.address where it is for JNI's sake, and has since 1.4. A heap buffer is still refused: its ByteBuffer.hb (the backing array) is not null, while
 * a direct buffer's always is. If a field is missing (a JDK that renamed it), the JNI functions
 * are used instead.
 */

/* Looks the fields up; call once, from JNI_OnLoad. Clears any exception a missing field raised. */
void sk_direct_buffers_init(JNIEnv *env);

/* The address of a direct ByteBuffer's index 0 (a slice's own start); NULL if it is not direct. */
unsigned char *sk_direct_address(JNIEnv *env, jobject buffer);

/* As sk_direct_address, and the buffer's capacity into *capacity (-1 if it is not direct):
 * one test of the buffer for callers that need both. */
unsigned char *sk_direct_region(JNIEnv *env, jobject buffer, jlong *capacity);

#endif
