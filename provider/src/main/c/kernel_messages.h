/*
 * Whole AES-GCM messages on a key record's own kernel (gcm_kernel.h), for the JNI layers:
 * openssl_native.c (byte arrays) and aead_direct.c (direct buffers) call these instead of
 * borrowing an OpenSSL context when the key record has a kernel and the nonce has 12 bytes.
 *
 * The same rules hold as for the OpenSSL paths: every call runs inside the key's gate (so the
 * kernel state cannot be wiped meanwhile), the Java side has checked every bound, and a
 * decryption never writes plaintext to the caller before the tag has matched: it decrypts into
 * scratch of its own, compares in constant time, copies out on a match, and cleanses the scratch
 * either way. Longer messages between byte arrays, whose input is the SPI's own copy, take two
 * passes instead: GHASH over the ciphertext, the comparison, and only on a match the decryption
 * straight into the output (no scratch to copy and cleanse, no allocation). An input that could
 * change between two reads (a direct buffer the caller owns) is read once. Failures throw IllegalStateException with a message that names the step
 * only.
 */
#ifndef SESSIONKEYS_KERNEL_MESSAGES_H
#define SESSIONKEYS_KERNEL_MESSAGES_H

#include <jni.h>

#define SK_KERNEL_NONCE 12

/* Encrypts in[in_off..+length) to out[out_off..], then tag_length bytes of tag right after. */
void sk_kernel_seal_array(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                          jbyteArray aad, jint aad_off, jint aad_length, jbyteArray in, jint in_off, jint length,
                          jbyteArray out, jint out_off, jint tag_length);

/* Decrypts and verifies against tag[tag_off..+tag_length); writes out only on a match. */
jboolean sk_kernel_open_array(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                              jbyteArray aad, jint aad_off, jint aad_length, jbyteArray in, jint in_off,
                              jint length, jbyteArray tag, jint tag_off, jint tag_length, jbyteArray out,
                              jint out_off);

/* As sk_kernel_seal_array between addresses; src and dst are equal or do not overlap. */
void sk_kernel_seal_direct(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                           jbyteArray aad, jint aad_off, jint aad_length, const unsigned char *src,
                           unsigned char *dst, jint length, jint tag_length);

/* As sk_kernel_open_array between addresses; expected is the received tag, already read. */
jboolean sk_kernel_open_direct(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                               jbyteArray aad, jint aad_off, jint aad_length, const unsigned char *src,
                               unsigned char *dst, jint length, const unsigned char *expected, jint tag_length);

#endif
