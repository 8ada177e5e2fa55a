#include "kernel_messages.h"

#include <stdlib.h>
#include <string.h>

#include "gcm_kernel.h"
#include "libcrypto.h"

#define TAG_LENGTH 16
#define SMALL_SCRATCH 2048
/* Pinned regions hold the garbage collector, so long messages go in chunks; a multiple of 16, as
 * the kernel wants every part but the last to be whole blocks. */
#define CHUNK (128 * 1024)
#define AAD_STEP 256

static void fail(JNIEnv *env, const char *what) {
    jclass cls = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, what);
    }
}

/* Ends a message that will not be finished: finishing is what wipes its state. */
static void abandon(const void *state, struct sk_gcm_message *m) {
    unsigned char tag[TAG_LENGTH];
    sk_gcm_kernel_finish(state, m, tag);
    sk.cleanse(tag, sizeof tag);
}

/*
 * Starts the message and adds the AAD, which is not secret: it is copied through the stack in
 * steps (no critical region). Returns 0, with an exception pending and the message ended, if
 * reading the array failed.
 */
static int begin(JNIEnv *env, const void *state, struct sk_gcm_message *m, const unsigned char *iv,
                 jbyteArray aad, jint off, jint length) {
    sk_gcm_kernel_start(state, m, iv);
    unsigned char part[AAD_STEP];
    for (jint done = 0; done < length;) {
        jint step = length - done < AAD_STEP ? length - done : AAD_STEP;
        (*env)->GetByteArrayRegion(env, aad, off + done, step, (jbyte *) part);
        if ((*env)->ExceptionCheck(env)) {
            abandon(state, m);
            return 0;
        }
        sk_gcm_kernel_aad(state, m, part, (size_t) step);
        done += step;
    }
    return 1;
}

/* Compares n bytes without a branch or an early exit on their values. */
static int tags_match(const unsigned char *a, const unsigned char *b, jint n) {
    volatile unsigned char diff = 0;
    for (jint i = 0; i < n; i++) {
        diff |= a[i] ^ b[i];
    }
    return diff == 0;
}

/* Decrypts length bytes of a pinned array (in chunks) into scratch; 0 with an exception pending. */
static int decrypt_array(JNIEnv *env, const void *state, struct sk_gcm_message *m, jbyteArray in, jint in_off,
                         jint length, unsigned char *scratch) {
    if (length == 0) {
        return 1; /* JCA may pass no array at all */
    }
    if (length <= SMALL_SCRATCH) {
        /* a small message: one copy into the scratch, decrypted in place, instead of pinning */
        (*env)->GetByteArrayRegion(env, in, in_off, length, (jbyte *) scratch);
        if ((*env)->ExceptionCheck(env)) {
            return 0;
        }
        sk_gcm_kernel_update(state, m, scratch, scratch, (size_t) length, 0);
        return 1;
    }
    for (jint done = 0; done < length;) {
        jint n = length - done < CHUNK ? length - done : CHUNK;
        unsigned char *src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
        if (src == NULL) {
            return 0; /* OutOfMemoryError pending */
        }
        sk_gcm_kernel_update(state, m, src + in_off + done, scratch + done, (size_t) n, 0);
        (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
        done += n;
    }
    return 1;
}

/*
 * Decrypts into scratch of its own, compares the tag, and calls deliver only on a match. The
 * scratch is cleansed either way.
 */
static jboolean open_into_scratch(JNIEnv *env, const void *state, struct sk_gcm_message *m, jbyteArray in,
                                  jint in_off, const unsigned char *src, jint length,
                                  const unsigned char *expected, jint tag_length, jbyteArray out, jint out_off,
                                  unsigned char *dst) {
    unsigned char small[SMALL_SCRATCH];
    unsigned char *scratch = length <= SMALL_SCRATCH ? small : malloc((size_t) length);
    if (scratch == NULL) {
        abandon(state, m);
        fail(env, "AES-GCM kernel: out of memory for the decryption scratch");
        return JNI_FALSE;
    }
    int ok = 0;
    if (src != NULL) {
        sk_gcm_kernel_update(state, m, src, scratch, (size_t) length, 0);
        ok = 1;
    } else {
        ok = decrypt_array(env, state, m, in, in_off, length, scratch);
    }
    unsigned char computed[TAG_LENGTH];
    sk_gcm_kernel_finish(state, m, computed);
    ok = ok && tags_match(computed, expected, tag_length);
    if (ok && dst != NULL) {
        memcpy(dst, scratch, (size_t) length);
    } else if (ok) {
        (*env)->SetByteArrayRegion(env, out, out_off, length, (jbyte *) scratch);
    }
    sk.cleanse(computed, sizeof computed);
    sk.cleanse(scratch, (size_t) length);
    if (scratch != small) {
        free(scratch);
    }
    return ok ? JNI_TRUE : JNI_FALSE;
}

/* Pass 1 of a long decryption, over a pinned array in chunks: GHASH of the ciphertext only. */
static int authenticate_array(JNIEnv *env, const void *state, struct sk_gcm_message *m, jbyteArray in,
                              jint in_off, jint length) {
    for (jint done = 0; done < length;) {
        jint n = length - done < CHUNK ? length - done : CHUNK;
        unsigned char *src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
        if (src == NULL) {
            return 0; /* OutOfMemoryError pending */
        }
        sk_gcm_kernel_authenticate(state, m, src + in_off + done, (size_t) n);
        (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
        done += n;
    }
    return 1;
}

/*
 * Pass 2, once the tag has matched: decrypts straight into the output array, in chunks, under a
 * second message with the same nonce, through the keystream alone (the GHASH of pass 1 stands).
 * The ranges are one range of one array or do not overlap.
 */
static int decrypt_into_array(JNIEnv *env, const void *state, const unsigned char *iv, jbyteArray in,
                              jint in_off, jint length, jbyteArray out, jint out_off) {
    struct sk_gcm_message m;
    sk_gcm_kernel_start(state, &m, iv);
    jboolean same = (*env)->IsSameObject(env, in, out);
    int ok = 1;
    for (jint done = 0; ok && done < length;) {
        jint n = length - done < CHUNK ? length - done : CHUNK;
        unsigned char *dst = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
        unsigned char *src = dst == NULL || same ? dst : (*env)->GetPrimitiveArrayCritical(env, in, NULL);
        if (src == NULL) {
            if (dst != NULL) {
                (*env)->ReleasePrimitiveArrayCritical(env, out, dst, JNI_ABORT);
            }
            ok = 0; /* OutOfMemoryError pending */
            break;
        }
        sk_gcm_kernel_keystream(state, &m, src + in_off + done, dst + out_off + done, (size_t) n);
        if (!same) {
            (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
        }
        (*env)->ReleasePrimitiveArrayCritical(env, out, dst, 0);
        done += n;
    }
    abandon(state, &m);
    return ok;
}

/*
 * A long decryption between byte arrays in two passes (authenticate, compare, decrypt into the
 * output) instead of through scratch that must be copied out and cleansed. Reading the input
 * twice is safe only because it cannot change in between: the SPI passes the copy it holds of a
 * decryption's input (it must see the tag at the end), never the caller's array. An input the
 * caller owns (a direct buffer) is read once, into scratch.
 */
static jboolean open_two_pass_array(JNIEnv *env, const void *state, struct sk_gcm_message *m,
                                    const unsigned char *iv, jbyteArray in, jint in_off, jint length,
                                    const unsigned char *expected, jint tag_length, jbyteArray out,
                                    jint out_off) {
    int ok = authenticate_array(env, state, m, in, in_off, length);
    unsigned char computed[TAG_LENGTH];
    sk_gcm_kernel_finish(state, m, computed);
    ok = ok && tags_match(computed, expected, tag_length);
    sk.cleanse(computed, sizeof computed);
    return ok && decrypt_into_array(env, state, iv, in, in_off, length, out, out_off) ? JNI_TRUE : JNI_FALSE;
}

/*
 * A message of at most SMALL_SCRATCH bytes: one copy in, encrypted in place, one copy out. The
 * Java side has checked both ranges, so the copies cannot fail (as on the OpenSSL path).
 */
static void seal_small(JNIEnv *env, const void *state, struct sk_gcm_message *m, jbyteArray in, jint in_off,
                       jint length, jbyteArray out, jint out_off, jint tag_length) {
    unsigned char buffer[SMALL_SCRATCH + TAG_LENGTH];
    if (length > 0) {
        (*env)->GetByteArrayRegion(env, in, in_off, length, (jbyte *) buffer);
        sk_gcm_kernel_update(state, m, buffer, buffer, (size_t) length, 1);
    }
    sk_gcm_kernel_finish(state, m, buffer + length);
    /* the buffer now holds ciphertext and tag only: the plaintext was encrypted in place */
    (*env)->SetByteArrayRegion(env, out, out_off, length + tag_length, (jbyte *) buffer);
}

/*
 * A longer message, pinned in chunks. Two ranges of one array that overlap other than exactly
 * would let an output chunk overwrite input not yet read, so the input is copied first (and the
 * copy cleansed).
 */
static void seal_pinned(JNIEnv *env, const void *state, struct sk_gcm_message *m, jbyteArray in, jint in_off,
                        jint length, jbyteArray out, jint out_off, jint tag_length) {
    jboolean same = (*env)->IsSameObject(env, in, out);
    unsigned char *copy = NULL;
    if (same && in_off != out_off && in_off < out_off + length && out_off < in_off + length) {
        copy = malloc((size_t) length);
        if (copy == NULL) {
            abandon(state, m);
            fail(env, "AES-GCM kernel: out of memory for an overlapping range's copy");
            return;
        }
        (*env)->GetByteArrayRegion(env, in, in_off, length, (jbyte *) copy);
        same = JNI_FALSE;
    }
    int ok = 1;
    for (jint done = 0; ok && done < length;) {
        jint n = length - done < CHUNK ? length - done : CHUNK;
        unsigned char *dst = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
        unsigned char *src = NULL;
        if (dst != NULL && copy == NULL && !same) {
            src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
        }
        if (dst == NULL || (copy == NULL && !same && src == NULL)) {
            if (dst != NULL) {
                (*env)->ReleasePrimitiveArrayCritical(env, out, dst, JNI_ABORT);
            }
            ok = 0; /* OutOfMemoryError pending */
            break;
        }
        const unsigned char *from = copy != NULL ? copy + done : (same ? dst + in_off : src + in_off) + done;
        sk_gcm_kernel_update(state, m, from, dst + out_off + done, (size_t) n, 1);
        if (src != NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
        }
        (*env)->ReleasePrimitiveArrayCritical(env, out, dst, 0);
        done += n;
    }
    if (copy != NULL) {
        sk.cleanse(copy, (size_t) length);
        free(copy);
    }
    if (!ok) {
        abandon(state, m);
        return;
    }
    unsigned char tag[TAG_LENGTH];
    sk_gcm_kernel_finish(state, m, tag);
    (*env)->SetByteArrayRegion(env, out, out_off + length, tag_length, (jbyte *) tag);
}

void sk_kernel_seal_array(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                          jbyteArray aad, jint aad_off, jint aad_length, jbyteArray in, jint in_off, jint length,
                          jbyteArray out, jint out_off, jint tag_length) {
    struct sk_gcm_message m;
    if (!begin(env, state, &m, iv, aad, aad_off, aad_length)) {
        return;
    }
    if (length <= SMALL_SCRATCH) {
        seal_small(env, state, &m, in, in_off, length, out, out_off, tag_length);
    } else {
        seal_pinned(env, state, &m, in, in_off, length, out, out_off, tag_length);
    }
}

jboolean sk_kernel_open_array(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                              jbyteArray aad, jint aad_off, jint aad_length, jbyteArray in, jint in_off,
                              jint length, jbyteArray tag, jint tag_off, jint tag_length, jbyteArray out,
                              jint out_off) {
    unsigned char expected[TAG_LENGTH];
    (*env)->GetByteArrayRegion(env, tag, tag_off, tag_length, (jbyte *) expected);
    struct sk_gcm_message m;
    if ((*env)->ExceptionCheck(env) || !begin(env, state, &m, iv, aad, aad_off, aad_length)) {
        return JNI_FALSE;
    }
    jboolean overlapping = (*env)->IsSameObject(env, in, out) && in_off != out_off
                           && in_off < out_off + length && out_off < in_off + length;
    if (length > SMALL_SCRATCH && !overlapping) {
        return open_two_pass_array(env, state, &m, iv, in, in_off, length, expected, tag_length, out, out_off);
    }
    return open_into_scratch(env, state, &m, in, in_off, NULL, length, expected, tag_length, out, out_off, NULL);
}

void sk_kernel_seal_direct(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                           jbyteArray aad, jint aad_off, jint aad_length, const unsigned char *src,
                           unsigned char *dst, jint length, jint tag_length) {
    struct sk_gcm_message m;
    if (!begin(env, state, &m, iv, aad, aad_off, aad_length)) {
        return;
    }
    unsigned char tag[TAG_LENGTH];
    sk_gcm_kernel_update(state, &m, src, dst, (size_t) length, 1);
    sk_gcm_kernel_finish(state, &m, tag);
    memcpy(dst + length, tag, (size_t) tag_length);
}

jboolean sk_kernel_open_direct(JNIEnv *env, const void *state, const unsigned char iv[SK_KERNEL_NONCE],
                               jbyteArray aad, jint aad_off, jint aad_length, const unsigned char *src,
                               unsigned char *dst, jint length, const unsigned char *expected, jint tag_length) {
    struct sk_gcm_message m;
    if (!begin(env, state, &m, iv, aad, aad_off, aad_length)) {
        return JNI_FALSE;
    }
    /* One pass into scratch: the input is the caller's buffer, which may change while we read it
     * (a file mapped by another process, another thread), so it is read once. */
    return open_into_scratch(env, state, &m, NULL, 0, src, length, expected, tag_length, NULL, 0, dst);
}
