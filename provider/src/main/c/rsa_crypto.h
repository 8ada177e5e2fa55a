/*
 * RSA on OpenSSL 3 for the native RSA-OAEP engine: the functions resolved at run time (as in
 * libcrypto.h, from the libcrypto that sk_crypto_open opened) and the building of an EVP_PKEY from
 * a Java key's CRT parts. rsa_decrypt.c holds the JNI entry points. Built against OpenSSL 1.1.1's
 * headers, only sk_rsa_open exists, and it says why RSA stays on the Java engine.
 */
#ifndef SESSIONKEYS_RSA_CRYPTO_H
#define SESSIONKEYS_RSA_CRYPTO_H

#include <openssl/opensslv.h>

/* Resolves the table; NULL on success, else why not (a static string). */
const char *sk_rsa_open(void);

#if OPENSSL_VERSION_NUMBER >= 0x30000000L
#define SK_HAVE_RSA_FROMDATA 1
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>

struct sk_rsa_crypto {
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
};

extern struct sk_rsa_crypto skr;

/* The number of parts sk_rsa_build takes: n, e, d, p, q, dP, dQ, qInv, in that order. */
#define SK_RSA_PARTS 8

/*
 * An EVP_PKEY from the parts (not freed here), warmed up (see rsa_crypto.c); NULL on failure.
 * Call inside sk_secret_heap_enter/leave.
 */
EVP_PKEY *sk_rsa_build(BIGNUM *const parts[SK_RSA_PARTS]);

#endif /* OpenSSL 3 headers */

#endif
