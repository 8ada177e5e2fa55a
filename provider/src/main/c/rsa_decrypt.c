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
 * OpenSSL 1.1.1 lacks EVP_PKEY_fromdata and the OAEP parameters by name: there, open() says so
 * and RSA stays on the Java engine.
 */
#include <jni.h>
#include <dlfcn.h>
#include <stdint.h>
#include <string.h>

#include "io_sessionkeys_internal_engine_openssl_OpenSslRsaNative.h"
#include "libcrypto.h"
#include "secret_memory.h"

#include <openssl/opensslv.h>

#if OPENSSL_VERSION_NUMBER >= 0x30000000L
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/params.h>

static struct {
    BIGNUM *(*bn_bin2bn)(const unsigned char *s, int len, BIGNUM *ret);
    void (*bn_clear_free)(BIGNUM *a);
    OSSL_PARAM_BLD *(*bld_new)(void);
    int (*bld_push_bn)(OSSL_PARAM_BLD *bld, const char *key, const BIGNUM *bn);
    OSSL_PARAM *(*bld_to_param)(OSSL_PARAM_BLD *bld);
    void (*bld_free)(OSSL_PARAM_BLD *bld);
    void (*param_free)(OSSL_PARAM *p);
    OSSL_PARAM (*param_utf8)(const char *key, char *buf, size_t bsize);
    OSSL_PARAM (*param_octets)(const char *key, void *buf, size_t bsize);
    OSSL_PARAM (*param_end)(void);
    EVP_PKEY_CTX *(*ctx_from_name)(OSSL_LIB_CTX *libctx, const char *name, const char *propquery);
    EVP_PKEY_CTX *(*ctx_from_pkey)(OSSL_LIB_CTX *libctx, EVP_PKEY *pkey, const char *propquery);
    void (*ctx_free)(EVP_PKEY_CTX *ctx);
    int (*fromdata_init)(EVP_PKEY_CTX *ctx);
    int (*fromdata)(EVP_PKEY_CTX *ctx, EVP_PKEY **ppkey, int selection, OSSL_PARAM params[]);
    void (*pkey_free)(EVP_PKEY *pkey);
    int (*pkey_size)(const EVP_PKEY *pkey);
    int (*decrypt_init_ex)(EVP_PKEY_CTX *ctx, const OSSL_PARAM params[]);
    int (*decrypt)(EVP_PKEY_CTX *ctx, unsigned char *out, size_t *outlen, const unsigned char *in, size_t inlen);
    void *(*zalloc)(size_t num, const char *file, int line);
    void (*clear_free)(void *ptr, size_t num, const char *file, int line);
    int ready;
} skr;

#define RESOLVE(field, name)                                                        \
    do {                                                                            \
        *(void **) (&skr.field) = dlsym(handle, name);                              \
        if (skr.field == NULL) {                                                    \
            return "this libcrypto lacks " name " (OpenSSL 3 is needed)";           \
        }                                                                           \
    } while (0)

static const char *resolve(void) {
    if (skr.ready) {
        return NULL;
    }
    void *handle = sk_crypto_library();
    if (handle == NULL) {
        return "libcrypto is not open";
    }
    if (sk.version_num() < 0x30000000UL) {
        return "this libcrypto has no EVP_PKEY_fromdata (OpenSSL 3 is needed)";
    }
    RESOLVE(bn_bin2bn, "BN_bin2bn");
    RESOLVE(bn_clear_free, "BN_clear_free");
    RESOLVE(bld_new, "OSSL_PARAM_BLD_new");
    RESOLVE(bld_push_bn, "OSSL_PARAM_BLD_push_BN");
    RESOLVE(bld_to_param, "OSSL_PARAM_BLD_to_param");
    RESOLVE(bld_free, "OSSL_PARAM_BLD_free");
    RESOLVE(param_free, "OSSL_PARAM_free");
    RESOLVE(param_utf8, "OSSL_PARAM_construct_utf8_string");
    RESOLVE(param_octets, "OSSL_PARAM_construct_octet_string");
    RESOLVE(param_end, "OSSL_PARAM_construct_end");
    RESOLVE(ctx_from_name, "EVP_PKEY_CTX_new_from_name");
    RESOLVE(ctx_from_pkey, "EVP_PKEY_CTX_new_from_pkey");
    RESOLVE(ctx_free, "EVP_PKEY_CTX_free");
    RESOLVE(fromdata_init, "EVP_PKEY_fromdata_init");
    RESOLVE(fromdata, "EVP_PKEY_fromdata");
    RESOLVE(pkey_free, "EVP_PKEY_free");
    RESOLVE(pkey_size, "EVP_PKEY_get_size");
    RESOLVE(decrypt_init_ex, "EVP_PKEY_decrypt_init_ex");
    RESOLVE(decrypt, "EVP_PKEY_decrypt");
    RESOLVE(zalloc, "CRYPTO_zalloc");
    RESOLVE(clear_free, "CRYPTO_clear_free");
    skr.ready = 1;
    return NULL;
}

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

/* The order of the parts OpenSslRsaNative.newKey passes, and their OpenSSL names. */
#define PARTS 8
static const char *const PART_NAMES[PARTS] = {
    OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
    OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
    OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1,
};

/*
 * One raw private-key operation (on the number 2) while the caller is inside the secret heap: the
 * state OpenSSL derives from the key on first use and keeps with it (the Montgomery forms of the
 * primes and the modulus, the first blinding) is then made in secret memory too. Later
 * decryptions run outside the secret heap (it would cost a third of each decryption), and make
 * only temporaries there, which OpenSSL cleanses as it frees them.
 */
static int warm_up(EVP_PKEY *pkey) {
    int ok = 0;
    EVP_PKEY_CTX *ctx = skr.ctx_from_pkey(NULL, pkey, NULL);
    int k = ctx == NULL ? 0 : skr.pkey_size(pkey);
    unsigned char *buf = k <= 0 ? NULL : skr.zalloc(2 * (size_t) k, __FILE__, __LINE__);
    if (buf != NULL) {
        OSSL_PARAM params[2];
        params[0] = skr.param_utf8(OSSL_ASYM_CIPHER_PARAM_PAD_MODE, OSSL_PKEY_RSA_PAD_MODE_NONE, 0);
        params[1] = skr.param_end();
        buf[k - 1] = 2;
        size_t length = (size_t) k;
        ok = skr.decrypt_init_ex(ctx, params) == 1 && skr.decrypt(ctx, buf + k, &length, buf, (size_t) k) == 1;
        skr.clear_free(buf, 2 * (size_t) k, __FILE__, __LINE__);
    }
    if (ctx != NULL) {
        skr.ctx_free(ctx);
    }
    return ok;
}

/* BIGNUMs of the parts (big-endian, unsigned) and the EVP_PKEY made of them; NULL on failure. */
static EVP_PKEY *build(JNIEnv *env, jobjectArray parts) {
    BIGNUM *bn[PARTS] = {0};
    OSSL_PARAM_BLD *bld = NULL;
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    EVP_PKEY *pkey = NULL;
    int ok = 1;
    for (int i = 0; ok && i < PARTS; i++) {
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
    if (ok) {
        bld = skr.bld_new();
        ok = bld != NULL;
    }
    for (int i = 0; ok && i < PARTS; i++) {
        ok = skr.bld_push_bn(bld, PART_NAMES[i], bn[i]) == 1;
    }
    if (ok) {
        params = skr.bld_to_param(bld);
        ctx = params == NULL ? NULL : skr.ctx_from_name(NULL, "RSA", NULL);
        ok = ctx != NULL && skr.fromdata_init(ctx) == 1
                && skr.fromdata(ctx, &pkey, EVP_PKEY_KEYPAIR, params) == 1;
    }
    if (ctx != NULL) {
        skr.ctx_free(ctx);
    }
    if (params != NULL) {
        skr.param_free(params); /* in secret memory, whose free cleanses: it carries the private parts */
    }
    if (bld != NULL) {
        skr.bld_free(bld);
    }
    for (int i = 0; i < PARTS; i++) {
        if (bn[i] != NULL) {
            skr.bn_clear_free(bn[i]);
        }
    }
    if (ok) {
        ok = warm_up(pkey);
    }
    if (!ok && pkey != NULL) {
        skr.pkey_free(pkey);
        pkey = NULL;
    }
    return pkey;
}

#endif /* OpenSSL 3 headers */

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslRsaNative_open(
        JNIEnv *env, jclass cls) {
    (void) cls;
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    const char *why = resolve();
#else
    const char *why = "built against OpenSSL 1.1.1's headers (OpenSSL 3 is needed)";
#endif
    return why == NULL ? NULL : (*env)->NewStringUTF(env, why);
}

#if OPENSSL_VERSION_NUMBER >= 0x30000000L

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
    unsigned char *p = (*env)->GetDirectBufferAddress(env, out);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, out);
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
