/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.AeadDirectNative: a whole AEAD
 * message (AES-GCM, ChaCha20-Poly1305) between direct buffers, read and written by address, in
 * one crossing: no copy of the data, no critical region. The same rules as openssl_native.c hold:
 * every call runs inside the key's gate, the key handle is a key record (struct sk_key), and
 * messages never carry data or key bytes.
 *
 * A decryption never writes plaintext to the caller's buffer before the tag is verified: OpenSSL
 * produces plaintext before EVP_DecryptFinal_ex checks the tag, so it decrypts into scratch of
 * its own (on the stack up to SMALL_SCRATCH, else malloc), copies out only on a match, and
 * cleanses the scratch either way. AES-GCM keys with SessionKeys' own kernel take the same
 * route through kernel_messages.c for 12-byte nonces.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "direct_buffers.h"
#include "io_sessionkeys_internal_engine_openssl_AeadDirectNative.h"
#include "kernel_messages.h"
#include "keys.h"
#include "libcrypto.h"

#define TAG_LENGTH 16
#define MAX_NONCE 128
#define SMALL_SCRATCH 2048
#define AAD_STEP 256

static void refuse(JNIEnv *env, const char *what) {
    sk.clear_errors();
    jclass cls = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, what);
    }
}

/*
 * Borrows a context of the key record and starts a message under nonce (enc 1: encryption), then
 * feeds the AAD (not secret: copied through the stack, no critical region). NULL with an
 * exception pending if a step fails.
 */
static struct sk_slot *begin(JNIEnv *env, jlong key, jbyteArray nonce, int enc, jbyteArray aad,
                             jint aad_off, jint aad_length) {
    unsigned char iv[MAX_NONCE];
    jsize n = (*env)->GetArrayLength(env, nonce);
    if (n < 1 || n > MAX_NONCE) {
        refuse(env, "OpenSSL: unsupported IV length");
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, nonce, 0, n, (jbyte *) iv);
    struct sk_slot *slot = sk_key_borrow_whole((struct sk_key *) (intptr_t) key); /* given back in this call */
    if (slot == NULL) {
        refuse(env, "OpenSSL: cannot make a keyed context");
        return NULL;
    }
    int ok = 1;
    if (slot->ivlen != n) {
        ok = sk.ctrl(slot->ctx, EVP_CTRL_AEAD_SET_IVLEN, n, NULL) == 1;
        slot->ivlen = ok ? n : -1;
    }
    ok = ok && sk.init(slot->ctx, NULL, NULL, NULL, iv, enc) == 1;
    unsigned char part[AAD_STEP];
    for (jint done = 0; ok && done < aad_length;) {
        int step = aad_length - done < AAD_STEP ? aad_length - done : AAD_STEP;
        int outl = 0;
        (*env)->GetByteArrayRegion(env, aad, aad_off + done, step, (jbyte *) part);
        ok = !(*env)->ExceptionCheck(env) && sk.update(slot->ctx, NULL, &outl, part, step) == 1;
        done += step;
    }
    if (!ok) {
        sk_key_give_back(slot);
        if (!(*env)->ExceptionCheck(env)) {
            refuse(env, "OpenSSL: cannot start the message");
        }
        return NULL;
    }
    return slot;
}

/* The key record's own GCM kernel if it serves this nonce (12 bytes, then read into iv), else NULL. */
static const void *kernel_for(JNIEnv *env, jlong key, jbyteArray nonce, unsigned char iv[SK_KERNEL_NONCE]) {
    const struct sk_key *record = (const struct sk_key *) (intptr_t) key;
    if (record->kernel == NULL || (*env)->GetArrayLength(env, nonce) != SK_KERNEL_NONCE) {
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, nonce, 0, SK_KERNEL_NONCE, (jbyte *) iv);
    return record->kernel;
}

/* The addresses of two direct buffers at their indices; 0 with an exception pending if either is not direct. */
static int addresses(JNIEnv *env, jobject in, jint in_index, unsigned char **src, jobject out, jint out_index,
                     unsigned char **dst) {
    unsigned char *s = sk_direct_address(env, in);
    unsigned char *d = sk_direct_address(env, out);
    if (s == NULL || d == NULL) {
        refuse(env, "OpenSSL: not a direct buffer");
        return 0;
    }
    *src = s + in_index;
    *dst = d + out_index;
    return 1;
}

/* A whole encryption on a borrowed OpenSSL context; the tag is written after all input was read. */
static void seal_on_context(JNIEnv *env, jlong key, jbyteArray nonce, jbyteArray aad, jint aad_off, jint aad_length,
                            const unsigned char *src, unsigned char *dst, jint length, jint tag_length) {
    struct sk_slot *slot = begin(env, key, nonce, 1, aad, aad_off, aad_length);
    if (slot == NULL) {
        return;
    }
    unsigned char tag[TAG_LENGTH];
    int outl = 0;
    int finl = 0;
    int ok = (length == 0 || (sk.update(slot->ctx, dst, &outl, src, length) == 1 && outl == length))
             && sk.final(slot->ctx, tag, &finl) == 1
             && sk.ctrl(slot->ctx, EVP_CTRL_AEAD_GET_TAG, TAG_LENGTH, tag) == 1;
    sk_key_give_back(slot);
    if (ok) {
        memcpy(dst + length, tag, (size_t) tag_length);
    } else {
        refuse(env, "OpenSSL: cannot seal the message");
    }
}

/*
 * Encrypts length bytes at in[in_index] into out[out_index], then tag_length bytes of the tag
 * right after the ciphertext (Java checked the bounds). Input and output that overlap other
 * than exactly in place (two views of one buffer) are handled by copying the input first and
 * cleansing the copy. The tag is written after all input has been read.
 */
JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_AeadDirectNative_seal(
        JNIEnv *env, jclass cls, jlong key, jbyteArray nonce, jbyteArray aad, jint aad_off, jint aad_length,
        jobject in, jint in_index, jint length, jobject out, jint out_index, jint tag_length) {
    (void) cls;
    unsigned char *src;
    unsigned char *dst;
    if (!addresses(env, in, in_index, &src, out, out_index, &dst)) {
        return;
    }
    unsigned char *copy = NULL;
    if (length > 0 && src != dst && src < dst + length && dst < src + length) {
        copy = malloc((size_t) length);
        if (copy == NULL) {
            refuse(env, "OpenSSL: out of memory for an overlapping buffer's copy");
            return;
        }
        memcpy(copy, src, (size_t) length);
        src = copy;
    }
    unsigned char iv[SK_KERNEL_NONCE];
    const void *kernel = kernel_for(env, key, nonce, iv);
    if (kernel != NULL) {
        sk_kernel_seal_direct(env, kernel, iv, aad, aad_off, aad_length, src, dst, length, tag_length);
    } else {
        seal_on_context(env, key, nonce, aad, aad_off, aad_length, src, dst, length, tag_length);
    }
    if (copy != NULL) {
        sk.cleanse(copy, (size_t) length);
        free(copy);
    }
}

/*
 * Decrypts length bytes at in[in_index], whose tag (tag_length bytes) follows them, and writes
 * the plaintext to out[out_index] only if the tag matches; returns whether it did. The input is
 * only read (into the scratch), so two views of one buffer need no copy of their own.
 */
JNIEXPORT jboolean JNICALL Java_io_sessionkeys_internal_engine_openssl_AeadDirectNative_open(
        JNIEnv *env, jclass cls, jlong key, jbyteArray nonce, jbyteArray aad, jint aad_off, jint aad_length,
        jobject in, jint in_index, jint length, jint tag_length, jobject out, jint out_index) {
    (void) cls;
    unsigned char *src;
    unsigned char *dst;
    if (!addresses(env, in, in_index, &src, out, out_index, &dst)) {
        return JNI_FALSE;
    }
    unsigned char expected[TAG_LENGTH];
    memcpy(expected, src + length, (size_t) tag_length); /* read before anything is written */
    unsigned char iv[SK_KERNEL_NONCE];
    const void *kernel = kernel_for(env, key, nonce, iv);
    if (kernel != NULL) {
        return sk_kernel_open_direct(env, kernel, iv, aad, aad_off, aad_length, src, dst, length, expected,
                                     tag_length);
    }
    unsigned char small[SMALL_SCRATCH];
    unsigned char *scratch = length <= SMALL_SCRATCH ? small : malloc((size_t) length);
    if (scratch == NULL) {
        refuse(env, "OpenSSL: out of memory for the decryption scratch");
        return JNI_FALSE;
    }
    int ok = 0;
    struct sk_slot *slot = begin(env, key, nonce, 0, aad, aad_off, aad_length);
    if (slot != NULL) {
        int outl = 0;
        if (length > 0 && (sk.update(slot->ctx, scratch, &outl, src, length) != 1 || outl != length)) {
            refuse(env, "OpenSSL: decryption update failed");
        } else {
            ok = sk.ctrl(slot->ctx, EVP_CTRL_AEAD_SET_TAG, tag_length, expected) == 1
                 && sk.final(slot->ctx, scratch + length, &outl) == 1;
            if (ok) {
                memcpy(dst, scratch, (size_t) length);
            } else {
                sk.clear_errors(); /* a wrong tag may leave an entry on this thread's error queue */
            }
        }
        sk_key_give_back(slot);
    }
    sk.cleanse(scratch, (size_t) length);
    if (scratch != small) {
        free(scratch);
    }
    return ok ? JNI_TRUE : JNI_FALSE;
}
