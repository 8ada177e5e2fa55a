/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.OpenSslRsaNative: RSA-OAEP
 * decryption with the caller's RSA private key on OpenSSL 3 (EVP_PKEY_decrypt), the recovered
 * message written into secret memory of ours, from where the Java side copies it by address into
 * a new session key's off-heap slot.
 *
 * Handles cross as jlong: an EVP_PKEY (one per Java private-key object, built once from its CRT
 * parts and cached by the Java side) or a recovered message (struct sk_recovered). Every failure
 * of a decryption, whatever its cause (ciphertext not below the modulus, a bad leading byte, a
 * wrong label hash, a missing separator), gives the same result, 0, and leaves OpenSSL's error
 * queue empty: the Java side makes one exception of it, whose text does not depend on the cause.
 *
 * Memory: the key's parts, the state OpenSSL keeps with the key, and the recovered message are
 * made inside the secret heap (secret_memory.h). A decryption's temporaries (OpenSSL's copy of
 * the encoded message, the halves of the CRT) are made in ordinary memory and cleansed by
 * OpenSSL as it frees them (OPENSSL_clear_free, BN_clear_free): routing them through the secret
 * heap, whose allocator takes a lock per block, cost a third of each decryption.
 *
 * The key is built by rsa_crypto.c. OpenSSL 1.1.1 lacks EVP_PKEY_fromdata and the OAEP
 * parameters by name: there, open() says so and RSA stays on the Java engine.
 */
#include <jni.h>
#include <stdint.h>
#include <string.h>

#include "direct_buffers.h"
#include "io_sessionkeys_internal_engine_openssl_OpenSslRsaNative.h"
#include "libcrypto.h"
#include "rsa_crypto.h"
#include "secret_memory.h"

#ifdef SK_HAVE_RSA_FROMDATA

/* A recovered message: length bytes at the start of bytes (capacity bytes, in secret memory). */
struct sk_recovered {
    size_t length;
    size_t capacity;
    unsigned char bytes[];
};

#define PKEY(h) ((EVP_PKEY *) (intptr_t) (h))
#define RECOVERED(h) ((struct sk_recovered *) (intptr_t) (h))

/* Messages name the step only: never key bytes, never why a decryption failed. */
static void fail(JNIEnv *env, const char *what) {
    sk.clear_errors();
    jclass c = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (c != NULL) {
        (*env)->ThrowNew(env, c, what);
    }
}

/* The EVP_PKEY of the parts (byte[]s, big-endian, unsigned); NULL on failure. */
static EVP_PKEY *build(JNIEnv *env, jobjectArray parts) {
    BIGNUM *bn[SK_RSA_PARTS] = {0};
    int ok = 1;
    for (int i = 0; ok && i < SK_RSA_PARTS; i++) {
        jbyteArray part = (*env)->GetObjectArrayElement(env, parts, i);
        jsize n = part == NULL ? 0 : (*env)->GetArrayLength(env, part);
        jbyte *p = n == 0 ? NULL : (*env)->GetPrimitiveArrayCritical(env, part, NULL);
        if (p != NULL) {
            bn[i] = skr.bn_bin2bn((const unsigned char *) p, n, NULL);
            (*env)->ReleasePrimitiveArrayCritical(env, part, p, JNI_ABORT);
        }
        ok = bn[i] != NULL;
        if (part != NULL) {
            (*env)->DeleteLocalRef(env, part);
        }
    }
    EVP_PKEY *pkey = ok ? sk_rsa_build(bn) : NULL;
    for (int i = 0; i < SK_RSA_PARTS; i++) {
        if (bn[i] != NULL) {
            skr.bn_clear_free(bn[i]);
        }
    }
    return pkey;
}

#endif /* SK_HAVE_RSA_FROMDATA */

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_open(
        JNIEnv *env, jclass cls) {
    (void) cls;
    const char *why = sk_rsa_open();
    return why == NULL ? NULL : (*env)->NewStringUTF(env, why);
}

#ifdef SK_HAVE_RSA_FROMDATA

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_newKey(
        JNIEnv *env, jclass cls, jobjectArray parts) {
    (void) cls;
    sk_secret_heap_enter();
    EVP_PKEY *pkey = build(env, parts);
    sk_secret_heap_leave();
    if (pkey == NULL && !(*env)->ExceptionCheck(env)) {
        fail(env, "OpenSSL: the RSA private key could not be built");
    }
    return (jlong) (intptr_t) pkey;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_freeKey(
        JNIEnv *env, jclass cls, jlong key) {
    (void) env;
    (void) cls;
    if (key != 0) {
        skr.pkey_free(PKEY(key)); /* frees the private parts with BN_clear_free */
    }
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_decryptOaep(
        JNIEnv *env, jclass cls, jlong key, jstring digest, jstring mgfDigest, jbyteArray label,
        jbyteArray ciphertext) {
    (void) cls;
    const char *md = (*env)->GetStringUTFChars(env, digest, NULL);
    const char *mgf = md == NULL ? NULL : (*env)->GetStringUTFChars(env, mgfDigest, NULL);
    jsize label_length = (*env)->GetArrayLength(env, label);
    jsize k = (*env)->GetArrayLength(env, ciphertext);
    unsigned char *label_copy = NULL;
    unsigned char *in = NULL;
    struct sk_recovered *out = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    int ok = mgf != NULL && k > 0;
    if (ok) {
        /* public data; copied so that no critical region spans the RSA operation */
        in = skr.zalloc((size_t) k + (size_t) label_length + 1, __FILE__, __LINE__);
        sk_secret_heap_enter();
        out = skr.zalloc(sizeof *out + (size_t) k, __FILE__, __LINE__);
        sk_secret_heap_leave();
        ok = in != NULL && out != NULL;
    }
    if (ok) {
        (*env)->GetByteArrayRegion(env, ciphertext, 0, k, (jbyte *) in);
        label_copy = in + k;
        (*env)->GetByteArrayRegion(env, label, 0, label_length, (jbyte *) label_copy);
        out->capacity = (size_t) k;
        ctx = skr.ctx_from_pkey(NULL, PKEY(key), NULL);
        ok = ctx != NULL;
    }
    if (ok) {
        OSSL_PARAM params[5];
        int n = 0;
        params[n++] = skr.param_utf8(OSSL_ASYM_CIPHER_PARAM_PAD_MODE, OSSL_PKEY_RSA_PAD_MODE_OAEP, 0);
        params[n++] = skr.param_utf8(OSSL_ASYM_CIPHER_PARAM_OAEP_DIGEST, (char *) md, 0);
        params[n++] = skr.param_utf8(OSSL_ASYM_CIPHER_PARAM_MGF1_DIGEST, (char *) mgf, 0);
        if (label_length > 0) { /* no label is the empty label */
            params[n++] = skr.param_octets(OSSL_ASYM_CIPHER_PARAM_OAEP_LABEL, label_copy, (size_t) label_length);
        }
        params[n] = skr.param_end();
        ok = skr.decrypt_init_ex(ctx, params) == 1;
    }
    int decrypted = 0;
    if (ok) {
        size_t length = (size_t) k;
        decrypted = skr.decrypt(ctx, out->bytes, &length, in, (size_t) k) == 1 && length <= (size_t) k;
        out->length = decrypted ? length : 0;
    }
    if (ctx != NULL) {
        skr.ctx_free(ctx);
    }
    if (in != NULL) {
        skr.clear_free(in, (size_t) k + (size_t) label_length + 1, __FILE__, __LINE__);
    }
    if (mgf != NULL) {
        (*env)->ReleaseStringUTFChars(env, mgfDigest, mgf);
    }
    if (md != NULL) {
        (*env)->ReleaseStringUTFChars(env, digest, md);
    }
    /* Whatever went wrong: the error queue holds the reason, and nothing of it may leave here. */
    sk.clear_errors();
    if (!ok) {
        if (out != NULL) {
            skr.clear_free(out, sizeof *out + (size_t) k, __FILE__, __LINE__);
        }
        if (!(*env)->ExceptionCheck(env)) {
            fail(env, "OpenSSL: RSA-OAEP could not be set up");
        }
        return 0;
    }
    if (!decrypted) {
        skr.clear_free(out, sizeof *out + (size_t) k, __FILE__, __LINE__);
        return 0;
    }
    return (jlong) (intptr_t) out;
}

JNIEXPORT jint JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_length(
        JNIEnv *env, jclass cls, jlong recovered) {
    (void) env;
    (void) cls;
    return (jint) RECOVERED(recovered)->length;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_copyDirect(
        JNIEnv *env, jclass cls, jlong recovered, jobject out, jint index) {
    (void) cls;
    struct sk_recovered *r = RECOVERED(recovered);
    jlong capacity;
    unsigned char *p = sk_direct_region(env, out, &capacity);
    if (p == NULL || index < 0 || capacity - index < (jlong) r->length) {
        fail(env, "OpenSSL RSA: not a direct buffer with room for the recovered key");
        return;
    }
    memcpy(p + index, r->bytes, r->length);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_copyArray(
        JNIEnv *env, jclass cls, jlong recovered, jbyteArray out, jint offset) {
    (void) cls;
    struct sk_recovered *r = RECOVERED(recovered);
    (*env)->SetByteArrayRegion(env, out, offset, (jsize) r->length, (const jbyte *) r->bytes);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_freeRecovered(
        JNIEnv *env, jclass cls, jlong recovered) {
    (void) env;
    (void) cls;
    struct sk_recovered *r = RECOVERED(recovered);
    if (r != NULL) {
        skr.clear_free(r, sizeof *r + r->capacity, __FILE__, __LINE__);
    }
}

#else /* built against OpenSSL 1.1.1's headers: open() refuses, nothing else is ever called */

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_newKey(
        JNIEnv *env, jclass cls, jobjectArray parts) {
    (void) env; (void) cls; (void) parts;
    return 0;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_freeKey(
        JNIEnv *env, jclass cls, jlong key) {
    (void) env; (void) cls; (void) key;
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_decryptOaep(
        JNIEnv *env, jclass cls, jlong key, jstring digest, jstring mgfDigest, jbyteArray label,
        jbyteArray ciphertext) {
    (void) env; (void) cls; (void) key; (void) digest; (void) mgfDigest; (void) label; (void) ciphertext;
    return 0;
}

JNIEXPORT jint JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_length(
        JNIEnv *env, jclass cls, jlong recovered) {
    (void) env; (void) cls; (void) recovered;
    return 0;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_copyDirect(
        JNIEnv *env, jclass cls, jlong recovered, jobject out, jint index) {
    (void) env; (void) cls; (void) recovered; (void) out; (void) index;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_copyArray(
        JNIEnv *env, jclass cls, jlong recovered, jbyteArray out, jint offset) {
    (void) env; (void) cls; (void) recovered; (void) out; (void) offset;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_freeRecovered(
        JNIEnv *env, jclass cls, jlong recovered) {
    (void) env; (void) cls; (void) recovered;
}

#endif
