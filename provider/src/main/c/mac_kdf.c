/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.OpenSslMacNative: HMAC with a
 * session key's pooled contexts (mac_crypto.h), and HKDF (RFC 5869) on the same HMAC.
 *
 * Handles cross as jlong: a key record (struct sk_mac_key), a lent context (struct sk_mac_slot)
 * or an HKDF job (struct sk_hkdf). Key bytes never cross: a key record reads the raw key from
 * its off-heap slot by address, and session-key input to HKDF arrives as a direct buffer read
 * by address inside its key's gate. Derived keys are written by address into the new key's
 * off-heap slot. byte[] data is pinned in chunks of at most CHUNK bytes.
 */
#include <jni.h>
#include <stdint.h>
#include <string.h>

#include "direct_buffers.h"
#include "io_sessionkeys_internal_engine_openssl_OpenSslMacNative.h"
#include "libcrypto.h"
#include "mac_crypto.h"
#include "secret_memory.h"

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_open(
        JNIEnv *env, jclass cls) {
    (void) cls;
    const char *why = sk_mac_open();
    return why == NULL ? NULL : (*env)->NewStringUTF(env, why);
}

#ifdef SK_HAVE_HMAC

#define CHUNK (128 * 1024)

#define SLOT(h) ((struct sk_mac_slot *) (intptr_t) (h))
#define MKEY(h) ((struct sk_mac_key *) (intptr_t) (h))
#define JOB(h) ((struct sk_hkdf *) (intptr_t) (h))

/* Messages name the step only: never data, never key bytes. */
static void fail(JNIEnv *env, const char *what) {
    sk.clear_errors();
    jclass c = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (c != NULL) {
        (*env)->ThrowNew(env, c, what);
    }
}

/* Feeds length bytes of a byte[] to ctx in pinned chunks; 0 with an exception pending on failure. */
static int feed_array(JNIEnv *env, struct sk_hmac *ctx, jbyteArray in, jint offset, jint length) {
    while (length > 0) {
        int n = length < CHUNK ? length : CHUNK;
        unsigned char *p = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
        if (p == NULL) {
            return 0; /* OutOfMemoryError pending */
        }
        sk_hmac_update(ctx, p + offset, (size_t) n);
        (*env)->ReleasePrimitiveArrayCritical(env, in, p, JNI_ABORT);
        offset += n;
        length -= n;
    }
    return 1;
}

/* The address of index in a direct buffer; NULL with an exception pending if it is not one. */
static const unsigned char *direct(JNIEnv *env, jobject buffer, jint index) {
    const unsigned char *p = sk_direct_address(env, buffer);
    if (p == NULL) {
        fail(env, "OpenSSL: not a direct buffer");
        return NULL;
    }
    return p + index;
}

/* ---- HMAC with a session key ---- */

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_newKey(
        JNIEnv *env, jclass cls, jobject raw, jint length, jint hash) {
    (void) cls;
    const unsigned char *address = sk_direct_address(env, raw);
    if (address == NULL || length < 0) {
        fail(env, "OpenSSL HMAC key record: not a direct buffer");
        return 0;
    }
    struct sk_mac_key *key = sk_mac_key_new(address, (size_t) length, hash);
    if (key == NULL) {
        fail(env, "OpenSSL HMAC key record: no such hash or out of memory");
        return 0;
    }
    return (jlong) (intptr_t) key;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_releaseKey(
        JNIEnv *env, jclass cls, jlong key) {
    (void) env;
    (void) cls;
    if (key != 0) {
        sk_mac_key_release(MKEY(key));
    }
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_start(
        JNIEnv *env, jclass cls, jlong key) {
    (void) cls;
    struct sk_mac_slot *slot = sk_mac_key_borrow(MKEY(key));
    if (slot == NULL) {
        fail(env, "OpenSSL: cannot make a keyed HMAC context");
        return 0;
    }
    return (jlong) (intptr_t) slot;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_update(
        JNIEnv *env, jclass cls, jlong slot, jbyteArray in, jint offset, jint length) {
    (void) cls;
    feed_array(env, SLOT(slot)->ctx, in, offset, length);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_updateByte(
        JNIEnv *env, jclass cls, jlong slot, jbyte b) {
    (void) env;
    (void) cls;
    unsigned char one = (unsigned char) b;
    sk_hmac_update(SLOT(slot)->ctx, &one, 1);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_updateDirect(
        JNIEnv *env, jclass cls, jlong slot, jobject in, jint index, jint length) {
    (void) cls;
    const unsigned char *p = direct(env, in, index);
    if (p != NULL) {
        sk_hmac_update(SLOT(slot)->ctx, p, (size_t) length);
    }
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_finish(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray out, jint offset) {
    (void) cls;
    struct sk_mac_slot *slot = SLOT(handle);
    unsigned char tag[SK_MAX_DIGEST];
    sk_hmac_final(slot->ctx, tag);
    size_t n = sk_hash_length(slot->ctx->hash);
    sk_mac_key_give_back(slot);
    (*env)->SetByteArrayRegion(env, out, offset, (jsize) n, (jbyte *) tag);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_giveBack(
        JNIEnv *env, jclass cls, jlong slot) {
    (void) env;
    (void) cls;
    if (slot != 0) {
        sk_mac_key_give_back(SLOT(slot));
    }
}

/* ---- HKDF (RFC 5869) ----
 *
 * A job gathers the HMAC key (the salt for extract, or the PRK's parts for expand only) in
 * secret memory, streams the input keying material through HMAC(salt, .) to make the PRK, which
 * replaces the gathered key, and expands with it. Every allocation of a job (its own, and its
 * HMAC contexts) is made inside the secret heap; everything is cleansed when freed.
 */

struct sk_hkdf {
    int hash;
    size_t hlen;
    struct sk_hmac *ctx;   /* the extract's HMAC, while it runs */
    unsigned char *key;    /* the gathered HMAC key, then the PRK */
    size_t key_length;
    size_t key_capacity;
};

static void *secret_zalloc(size_t n) {
    sk_secret_heap_enter();
    void *p = skm.zalloc(n, __FILE__, __LINE__);
    sk_secret_heap_leave();
    return p;
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfNew(
        JNIEnv *env, jclass cls, jint hash) {
    (void) cls;
    struct sk_hkdf *job = sk_hash_length(hash) == 0 ? NULL : secret_zalloc(sizeof *job);
    if (job == NULL) {
        fail(env, "OpenSSL HKDF: no such hash or out of memory");
        return 0;
    }
    job->hash = hash;
    job->hlen = sk_hash_length(hash);
    return (jlong) (intptr_t) job;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfFree(
        JNIEnv *env, jclass cls, jlong handle) {
    (void) env;
    (void) cls;
    struct sk_hkdf *job = JOB(handle);
    if (job == NULL) {
        return;
    }
    sk_hmac_free(job->ctx);
    if (job->key != NULL) {
        skm.clear_free(job->key, job->key_capacity, __FILE__, __LINE__);
    }
    skm.clear_free(job, sizeof *job, __FILE__, __LINE__);
}

/* Makes room for more key bytes; 0 with an exception pending if memory is short. */
static int key_room(JNIEnv *env, struct sk_hkdf *job, size_t more) {
    size_t needed = job->key_length + more;
    if (needed <= job->key_capacity) {
        return 1;
    }
    size_t capacity = needed < 128 ? 128 : needed * 2;
    unsigned char *grown = secret_zalloc(capacity);
    if (grown == NULL) {
        fail(env, "OpenSSL HKDF: out of memory");
        return 0;
    }
    if (job->key != NULL) {
        memcpy(grown, job->key, job->key_length);
        skm.clear_free(job->key, job->key_capacity, __FILE__, __LINE__);
    }
    job->key = grown;
    job->key_capacity = capacity;
    return 1;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfKey(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray in, jint offset, jint length) {
    (void) cls;
    struct sk_hkdf *job = JOB(handle);
    if (length > 0 && key_room(env, job, (size_t) length)) {
        (*env)->GetByteArrayRegion(env, in, offset, length, (jbyte *) job->key + job->key_length);
        job->key_length += (size_t) length;
    }
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfKeyDirect(
        JNIEnv *env, jclass cls, jlong handle, jobject in, jint index, jint length) {
    (void) cls;
    struct sk_hkdf *job = JOB(handle);
    const unsigned char *p = direct(env, in, index);
    if (p != NULL && length > 0 && key_room(env, job, (size_t) length)) {
        memcpy(job->key + job->key_length, p, (size_t) length);
        job->key_length += (size_t) length;
    }
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfExtractStart(
        JNIEnv *env, jclass cls, jlong handle) {
    (void) cls;
    struct sk_hkdf *job = JOB(handle);
    /* An empty salt and RFC 5869's default (HashLen zero bytes) are the same HMAC key. */
    job->ctx = sk_hmac_new(job->hash, job->key, job->key_length);
    if (job->ctx == NULL) {
        fail(env, "OpenSSL HKDF: cannot key the extract");
        return;
    }
    if (job->key != NULL) {
        sk.cleanse(job->key, job->key_capacity);
    }
    job->key_length = 0;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfInput(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray in, jint offset, jint length) {
    (void) cls;
    feed_array(env, JOB(handle)->ctx, in, offset, length);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfInputDirect(
        JNIEnv *env, jclass cls, jlong handle, jobject in, jint index, jint length) {
    (void) cls;
    const unsigned char *p = direct(env, in, index);
    if (p != NULL) {
        sk_hmac_update(JOB(handle)->ctx, p, (size_t) length);
    }
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfExtractFinish(
        JNIEnv *env, jclass cls, jlong handle) {
    (void) cls;
    struct sk_hkdf *job = JOB(handle);
    if (!key_room(env, job, job->hlen)) {
        return;
    }
    sk_hmac_final(job->ctx, job->key);
    sk_hmac_free(job->ctx);
    job->ctx = NULL;
    job->key_length = job->hlen;
}

/*
 * OKM = T(1) | T(2) | ... with T(i) = HMAC(PRK, T(i-1) | info | i), into out (length bytes).
 * Whole blocks are written in place (T(i-1) is read back from out); a last partial block goes
 * through a buffer on the stack, cleansed. info is pinned for the whole expand (bounded work:
 * at most 255 blocks), so nothing inside may call back into the JVM.
 */
static int expand(JNIEnv *env, struct sk_hkdf *job, jbyteArray info, unsigned char *out, size_t length) {
    size_t hlen = job->hlen;
    if (length > 255 * hlen) {
        fail(env, "OpenSSL HKDF: more than 255 blocks asked for");
        return 0;
    }
    jsize info_length = info == NULL ? 0 : (*env)->GetArrayLength(env, info);
    struct sk_hmac *ctx = sk_hmac_new(job->hash, job->key, job->key_length);
    if (ctx == NULL) {
        fail(env, "OpenSSL HKDF: cannot key the expand");
        return 0;
    }
    unsigned char *pinned = info_length > 0 ? (*env)->GetPrimitiveArrayCritical(env, info, NULL) : NULL;
    if (info_length > 0 && pinned == NULL) {
        sk_hmac_free(ctx);
        return 0; /* OutOfMemoryError pending */
    }
    unsigned char last[SK_MAX_DIGEST];
    size_t done = 0;
    for (unsigned int i = 1; done < length; i++) {
        unsigned char counter = (unsigned char) i;
        if (i > 1) {
            sk_hmac_restart(ctx);
            sk_hmac_update(ctx, out + done - hlen, hlen);
        }
        if (info_length > 0) {
            sk_hmac_update(ctx, pinned, (size_t) info_length);
        }
        sk_hmac_update(ctx, &counter, 1);
        if (length - done >= hlen) {
            sk_hmac_final(ctx, out + done);
            done += hlen;
        } else {
            sk_hmac_final(ctx, last);
            memcpy(out + done, last, length - done);
            done = length;
        }
    }
    sk.cleanse(last, sizeof last);
    if (pinned != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, info, pinned, JNI_ABORT);
    }
    sk_hmac_free(ctx);
    return 1;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfExpandDirect(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray info, jobject out, jint index, jint length) {
    (void) cls;
    unsigned char *p = (unsigned char *) direct(env, out, index);
    if (p != NULL) {
        expand(env, JOB(handle), info, p, (size_t) length);
    }
}

/* Output for the caller (derived data, not a key): made in secret memory, copied, cleansed. */
JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfExpandArray(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray info, jbyteArray out, jint offset, jint length) {
    (void) cls;
    unsigned char *buffer = secret_zalloc((size_t) length + 1);
    if (buffer == NULL) {
        fail(env, "OpenSSL HKDF: out of memory");
        return;
    }
    if (expand(env, JOB(handle), info, buffer, (size_t) length)) {
        (*env)->SetByteArrayRegion(env, out, offset, length, (jbyte *) buffer);
    }
    skm.clear_free(buffer, (size_t) length + 1, __FILE__, __LINE__);
}

/* Extract only: the PRK is the output. */
JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfPrkDirect(
        JNIEnv *env, jclass cls, jlong handle, jobject out, jint index) {
    (void) cls;
    struct sk_hkdf *job = JOB(handle);
    unsigned char *p = (unsigned char *) direct(env, out, index);
    if (p != NULL) {
        memcpy(p, job->key, job->key_length);
    }
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslMacNative_hkdfPrkArray(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray out, jint offset) {
    (void) cls;
    struct sk_hkdf *job = JOB(handle);
    (*env)->SetByteArrayRegion(env, out, offset, (jsize) job->key_length, (jbyte *) job->key);
}

#endif
