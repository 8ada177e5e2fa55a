/*
 * The part of OpenSSL's libcrypto that SessionKeys calls, resolved at run time.
 *
 * The library is opened with dlopen and every function is called through the table below, so
 * libsessionkeys.so has no link-time dependency on libcrypto: it loads on any Linux, and only
 * the call to sk_crypto_open decides whether (and which) libcrypto is used. OpenSSL's headers
 * are included for types and constants only; the ABI of these functions is the same in 1.1.1
 * and 3.x.
 */
#ifndef SESSIONKEYS_LIBCRYPTO_H
#define SESSIONKEYS_LIBCRYPTO_H

#include <stddef.h>
#include <openssl/evp.h>

/* The ciphers the Java side asks for, by number (OpenSslNative.CIPHER_* must match). */
enum sk_cipher {
    SK_AES_128_GCM, SK_AES_192_GCM, SK_AES_256_GCM, SK_CHACHA20_POLY1305,
    SK_AES_128_CTR, SK_AES_192_CTR, SK_AES_256_CTR,
    SK_AES_128_CBC, SK_AES_192_CBC, SK_AES_256_CBC,
    SK_AES_128_ECB, SK_AES_192_ECB, SK_AES_256_ECB,
    SK_AES_128_CFB8, SK_AES_192_CFB8, SK_AES_256_CFB8,
    SK_AES_128_CFB128, SK_AES_192_CFB128, SK_AES_256_CFB128,
    SK_AES_128_OFB, SK_AES_192_OFB, SK_AES_256_OFB,
    SK_CIPHER_COUNT
};

struct sk_crypto {
    EVP_CIPHER_CTX *(*ctx_new)(void);
    void (*ctx_free)(EVP_CIPHER_CTX *ctx); /* cleanses the context, round keys included */
    int (*init)(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, ENGINE *impl,
                const unsigned char *key, const unsigned char *iv, int enc);
    int (*update)(EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl);
    int (*final)(EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl);
    int (*ctrl)(EVP_CIPHER_CTX *ctx, int type, int arg, void *ptr);
    int (*set_padding)(EVP_CIPHER_CTX *ctx, int pad);
    /* one call straight to the cipher (no buffering): 3.x returns the bytes written, 1.1.1 1 */
    int (*cipher)(EVP_CIPHER_CTX *ctx, unsigned char *out, const unsigned char *in, unsigned int inl);
    void *(*zalloc)(size_t num, const char *file, int line);
    void (*clear_free)(void *ptr, size_t num, const char *file, int line);
    void (*cleanse)(void *ptr, size_t len);
    void (*clear_errors)(void);
    unsigned long (*version_num)(void);
    const char *(*version_text)(int type);
    /* The running IV of a context (the CFB and OFB shift register): 3.x has get_updated_iv,
     * 1.1.1 only ctx_iv; NULL where absent, and then the CFB and OFB ciphers are left out. */
    int (*get_updated_iv)(EVP_CIPHER_CTX *ctx, void *buf, size_t len);
    const unsigned char *(*ctx_iv)(const EVP_CIPHER_CTX *ctx);
    /* EVP_CIPHER_CTX_get_params (3.x; NULL on 1.1.1): reads a tag with less work than ctrl */
    int (*ctx_get_params)(EVP_CIPHER_CTX *ctx, void *params);
    /* Fetched (3.x) or looked up (1.1.1) once, at open; NULL where this libcrypto lacks it. */
    const EVP_CIPHER *ciphers[SK_CIPHER_COUNT];
};

/* The table, valid once sk_crypto_open has returned NULL. */
extern struct sk_crypto sk;

/*
 * Opens libcrypto (path, or the system's libcrypto.so.3, then libcrypto.so.1.1) and fills the
 * table. Returns NULL on success, else why not (a static string, or one written into reason).
 * Not thread-safe: the Java side calls it once, under a lock.
 */
const char *sk_crypto_open(const char *path, char *reason, size_t reason_size);

/* The dlopen handle of the opened libcrypto (NULL before sk_crypto_open succeeded), for the
 * parts of the engine that resolve their own functions (mac_crypto.c). */
void *sk_crypto_library(void);

#endif
