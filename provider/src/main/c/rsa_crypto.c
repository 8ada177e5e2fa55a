#include "rsa_crypto.h"
#include "libcrypto.h"

#include <dlfcn.h>

#ifdef SK_HAVE_RSA_FROMDATA

struct sk_rsa_crypto skr;

#define RESOLVE(field, name)                                                        \
    do {                                                                            \
        *(void **) (&skr.field) = dlsym(handle, name);                              \
        if (skr.field == NULL) {                                                    \
            return "this libcrypto lacks " name " (OpenSSL 3 is needed)";           \
        }                                                                           \
    } while (0)

const char *sk_rsa_open(void) {
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

/* The parts in the order sk_rsa_build takes them (and OpenSslRsaNative.newKey passes them). */
static const char *const PART_NAMES[SK_RSA_PARTS] = {
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

EVP_PKEY *sk_rsa_build(BIGNUM *const parts[SK_RSA_PARTS]) {
    OSSL_PARAM_BLD *bld = skr.bld_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *ctx = NULL;
    EVP_PKEY *pkey = NULL;
    int ok = bld != NULL;
    for (int i = 0; ok && i < SK_RSA_PARTS; i++) {
        ok = skr.bld_push_bn(bld, PART_NAMES[i], parts[i]) == 1;
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
    if (ok) {
        ok = warm_up(pkey);
    }
    if (!ok && pkey != NULL) {
        skr.pkey_free(pkey);
        pkey = NULL;
    }
    return pkey;
}

#else /* built against OpenSSL 1.1.1's headers */

const char *sk_rsa_open(void) {
    return "built against OpenSSL 1.1.1's headers (OpenSSL 3 is needed)";
}

#endif
