/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.KeyWrapNative: AES-KW (RFC 3394),
 * AES-KW over PKCS#5-padded data (SunJCE's AES/KW/PKCS5Padding) and AES-KWP (RFC 5649) on
 * OpenSSL's key-wrap ciphers, with the key-encryption key's pooled contexts (keys.h).
 *
 * The same rules as the other engines: every call that takes a key record runs inside the KEK's
 * gate; key bytes never cross. A session key being wrapped arrives as its off-heap slot (a direct
 * buffer, read by address inside that key's gate). An unwrapped key goes into a result held in
 * secret memory until the Java side has made the new key's slot and moved it there; so the
 * recovered bytes never exist on the Java heap. Every scratch copy of data that may be a key is
 * in secret memory and cleansed when freed. Messages name the step only, never data or key bytes.
 *
 * Each message restarts a lent context with its ICV (EVP_CipherInit_ex with key = NULL keeps the
 * schedule): always with an explicit ICV, because OpenSSL keeps a context's last ICV otherwise.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io_sessionkeys_internal_engine_openssl_KeyWrapNative.h"
#include "keys.h"
#include "libcrypto.h"
#include "secret_memory.h"

#define SEMIBLOCK 8
#define SMALL_OUTPUT 512

/* KeyWrapNative.PAD_* */
enum { PAD_NONE = 0, PAD_PKCS5 = 1, PAD_KWP = 2 };

/* An unwrapped message, in secret memory until moved or copied out. */
struct sk_kw_result {
    size_t capacity;     /* bytes of data[] */
    jint length;         /* recovered bytes */
    unsigned char data[];
};

static void fail(JNIEnv *env, const char *what) {
    sk.clear_errors();
    jclass cls = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, what);
    }
}

static void *secret_zalloc(size_t n) {
    sk_secret_heap_enter();
    void *p = sk.zalloc(n, __FILE__, __LINE__);
    sk_secret_heap_leave();
    return p;
}

/* Reads the ICV (8 bytes for KW, 4 for KWP, as the cipher's IV length); 0 with an exception pending if not. */
static int read_icv(JNIEnv *env, jbyteArray icv, unsigned char *iv) {
    jsize n = (*env)->GetArrayLength(env, icv);
    if (n != 4 && n != SEMIBLOCK) {
        fail(env, "OpenSSL: a key-wrap ICV has 4 or 8 bytes");
        return 0;
    }
    (*env)->GetByteArrayRegion(env, icv, 0, n, (jbyte *) iv);
    return 1;
}

/* One message on a lent context: restart with the ICV, then the whole input in one update. */
static int run(struct sk_key *key, const unsigned char *iv, int enc, unsigned char *out,
               const unsigned char *in, int length) {
    struct sk_slot *slot = sk_key_borrow(key);
    if (slot == NULL) {
        return -1;
    }
    int written = 0;
    int ok = sk.init(slot->ctx, NULL, NULL, NULL, iv, enc) == 1
             && sk.update(slot->ctx, out, &written, in, length) == 1;
    sk_key_give_back(slot);
    if (!ok) {
        sk.clear_errors(); /* a failed unwrap leaves an entry on this thread's error queue */
        return -1;
    }
    return written;
}

/* Masks for values below 2^31: all ones or zero, no branch. */
static unsigned mask_less(unsigned a, unsigned b) {
    return 0u - ((a - b) >> 31);
}

static unsigned mask_zero(unsigned a) {
    return 0u - (((a | (0u - a)) >> 31) ^ 1u);
}

/*
 * The message length of data[0, length) without its PKCS#5 padding, or -1: 1 to min(length, 16)
 * pad bytes each equal to their count (16, so that JDK 17's AES/KW/PKCS5Padding blobs unwrap).
 * Every tail byte is read and the checks combined with masks, as the Java engine does; it runs
 * only after the KW integrity check passed.
 */
static int unpadded_length(const unsigned char *data, int length) {
    unsigned tail = length < 16 ? (unsigned) length : 16u; /* public */
    unsigned pad = data[length - 1];
    unsigned bad = mask_zero(pad) | mask_less(tail, pad);
    for (unsigned k = 1; k <= tail; k++) {
        unsigned in_padding = ~mask_less(pad, k);
        unsigned differs = ~mask_zero(data[length - (int) k] ^ pad);
        bad |= in_padding & differs;
    }
    return (int) ((bad & (unsigned) -1) | (~bad & (unsigned) (length - (int) pad)));
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_wrap(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray icv, jint padding, jobject source,
        jbyteArray data, jint offset, jint length, jbyteArray out) {
    (void) cls;
    unsigned char iv[SEMIBLOCK];
    if (!read_icv(env, icv, iv)) {
        return;
    }
    int padded = padding == PAD_PKCS5 ? length + (SEMIBLOCK - length % SEMIBLOCK) : length;
    const unsigned char *in = NULL;
    unsigned char *scratch = NULL;
    const unsigned char *slot = source != NULL ? (*env)->GetDirectBufferAddress(env, source) : NULL;
    if (source != NULL && slot == NULL) {
        fail(env, "OpenSSL: not a direct buffer");
        return;
    }
    if (slot != NULL && padding != PAD_PKCS5) {
        in = slot; /* the session key's own slot, by address */
    } else {
        scratch = secret_zalloc((size_t) padded);
        if (scratch == NULL) {
            fail(env, "OpenSSL: out of memory for the data to wrap");
            return;
        }
        if (slot != NULL) {
            memcpy(scratch, slot, (size_t) length);
        } else {
            (*env)->GetByteArrayRegion(env, data, offset, length, (jbyte *) scratch);
        }
        memset(scratch + length, padded - length, (size_t) (padded - length));
        in = scratch;
    }
    jsize expected = (*env)->GetArrayLength(env, out);
    unsigned char small[SMALL_OUTPUT];
    unsigned char *wrapped = expected <= SMALL_OUTPUT ? small : malloc((size_t) expected);
    /* what OpenSSL writes: the ICV's semiblock and the data (KWP: zero-padded to semiblocks) */
    int needed = SEMIBLOCK + (padded + SEMIBLOCK - 1) / SEMIBLOCK * SEMIBLOCK;
    int written = -1;
    if (wrapped != NULL && expected == needed) {
        written = run((struct sk_key *) (intptr_t) handle, iv, 1, wrapped, in, padded);
    }
    if (scratch != NULL) {
        sk.clear_free(scratch, (size_t) padded, __FILE__, __LINE__);
    }
    if (written != expected) {
        fail(env, wrapped == NULL ? "OpenSSL: out of memory for the wrapped key" : "OpenSSL: key wrapping failed");
    } else {
        (*env)->SetByteArrayRegion(env, out, 0, written, (jbyte *) wrapped);
    }
    if (wrapped != small) {
        free(wrapped);
    }
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_unwrap(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray icv, jint padding, jbyteArray in,
        jint offset, jint length) {
    (void) cls;
    unsigned char iv[SEMIBLOCK];
    if (!read_icv(env, icv, iv)) {
        return 0;
    }
    /* OpenSSL cleanses length bytes of its output on a failed check: room for all of them */
    struct sk_kw_result *result = secret_zalloc(sizeof *result + (size_t) length);
    unsigned char small[SMALL_OUTPUT];
    unsigned char *wrapped = length <= SMALL_OUTPUT ? small : malloc((size_t) length);
    if (result == NULL || wrapped == NULL) {
        if (result != NULL) {
            sk.clear_free(result, sizeof *result + (size_t) length, __FILE__, __LINE__);
        }
        if (wrapped != NULL && wrapped != small) {
            free(wrapped);
        }
        fail(env, "OpenSSL: out of memory for the unwrapped key");
        return 0;
    }
    result->capacity = (size_t) length;
    (*env)->GetByteArrayRegion(env, in, offset, length, (jbyte *) wrapped); /* public */
    int recovered = run((struct sk_key *) (intptr_t) handle, iv, 0, result->data, wrapped, length);
    if (wrapped != small) {
        free(wrapped);
    }
    if (recovered > 0 && padding == PAD_PKCS5) {
        recovered = unpadded_length(result->data, recovered);
    }
    if (recovered < 0) {
        /* The integrity check (or, after it passed, the padding) failed: nothing leaves. */
        sk.clear_free(result, sizeof *result + result->capacity, __FILE__, __LINE__);
        return 0;
    }
    result->length = recovered;
    return (jlong) (intptr_t) result;
}

JNIEXPORT jint JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_resultLength(
        JNIEnv *env, jclass cls, jlong handle) {
    (void) env;
    (void) cls;
    return ((struct sk_kw_result *) (intptr_t) handle)->length;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_moveResult(
        JNIEnv *env, jclass cls, jlong handle, jobject slot) {
    (void) cls;
    struct sk_kw_result *result = (struct sk_kw_result *) (intptr_t) handle;
    unsigned char *address = (*env)->GetDirectBufferAddress(env, slot);
    if (address == NULL || (*env)->GetDirectBufferCapacity(env, slot) < result->length) {
        fail(env, "OpenSSL: the new key's slot is not a direct buffer of the recovered length");
        return;
    }
    memcpy(address, result->data, (size_t) result->length);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_copyResult(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray out, jint offset) {
    (void) cls;
    struct sk_kw_result *result = (struct sk_kw_result *) (intptr_t) handle;
    (*env)->SetByteArrayRegion(env, out, offset, result->length, (jbyte *) result->data);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_freeResult(
        JNIEnv *env, jclass cls, jlong handle) {
    (void) env;
    (void) cls;
    struct sk_kw_result *result = (struct sk_kw_result *) (intptr_t) handle;
    if (result != NULL) {
        sk.clear_free(result, sizeof *result + result->capacity, __FILE__, __LINE__);
    }
}
