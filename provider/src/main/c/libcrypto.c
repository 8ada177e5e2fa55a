#include "libcrypto.h"
#include "secret_memory.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

struct sk_crypto sk;

static void *library;

/* OpenSSL 3.x names (for EVP_CIPHER_fetch) and the 1.1.1 getters, in enum sk_cipher order. */
static const char *const FETCH_NAMES[SK_CIPHER_COUNT] = {
    "AES-128-GCM", "AES-192-GCM", "AES-256-GCM", "ChaCha20-Poly1305",
    "AES-128-CTR", "AES-192-CTR", "AES-256-CTR",
    "AES-128-CBC", "AES-192-CBC", "AES-256-CBC",
    "AES-128-ECB", "AES-192-ECB", "AES-256-ECB",
    "AES-128-CFB8", "AES-192-CFB8", "AES-256-CFB8",
    "AES-128-CFB", "AES-192-CFB", "AES-256-CFB",
    "AES-128-OFB", "AES-192-OFB", "AES-256-OFB",
};
static const char *const GETTER_NAMES[SK_CIPHER_COUNT] = {
    "EVP_aes_128_gcm", "EVP_aes_192_gcm", "EVP_aes_256_gcm", "EVP_chacha20_poly1305",
    "EVP_aes_128_ctr", "EVP_aes_192_ctr", "EVP_aes_256_ctr",
    "EVP_aes_128_cbc", "EVP_aes_192_cbc", "EVP_aes_256_cbc",
    "EVP_aes_128_ecb", "EVP_aes_192_ecb", "EVP_aes_256_ecb",
    "EVP_aes_128_cfb8", "EVP_aes_192_cfb8", "EVP_aes_256_cfb8",
    "EVP_aes_128_cfb128", "EVP_aes_192_cfb128", "EVP_aes_256_cfb128",
    "EVP_aes_128_ofb", "EVP_aes_192_ofb", "EVP_aes_256_ofb",
};

#define RESOLVE(field, name)                                                        \
    do {                                                                            \
        *(void **) (&sk.field) = dlsym(handle, name);                               \
        if (sk.field == NULL) {                                                     \
            snprintf(reason, reason_size, "%s lacks %s", opened, name);             \
            dlclose(handle);                                                        \
            return reason;                                                          \
        }                                                                           \
    } while (0)

const char *sk_crypto_open(const char *path, char *reason, size_t reason_size) {
    if (library != NULL) {
        return NULL;
    }
    const char *opened = path;
    void *handle = NULL;
    if (path != NULL) {
        handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    } else {
        opened = "libcrypto.so.3";
        handle = dlopen(opened, RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL) {
            opened = "libcrypto.so.1.1";
            handle = dlopen(opened, RTLD_NOW | RTLD_LOCAL);
        }
    }
    if (handle == NULL) {
        snprintf(reason, reason_size, "cannot open %s: %s",
                 path != NULL ? path : "libcrypto.so.3 or libcrypto.so.1.1", dlerror());
        return reason;
    }
    /* Before anything in libcrypto allocates: keyed contexts may then live in secret memory. */
    int (*set_mem_functions)(void *(*)(size_t, const char *, int),
                             void *(*)(void *, size_t, const char *, int),
                             void (*)(void *, const char *, int)) = NULL;
    *(void **) (&set_mem_functions) = dlsym(handle, "CRYPTO_set_mem_functions");
    sk_heap_installed = set_mem_functions != NULL && sk_secret_heap_install(set_mem_functions);
    RESOLVE(version_num, "OpenSSL_version_num");
    RESOLVE(version_text, "OpenSSL_version");
    unsigned long version = sk.version_num();
    if (version < 0x10101000UL) {
        snprintf(reason, reason_size, "%s is %s; 1.1.1 or later is needed", opened, sk.version_text(0));
        dlclose(handle);
        return reason;
    }
    RESOLVE(ctx_new, "EVP_CIPHER_CTX_new");
    RESOLVE(ctx_free, "EVP_CIPHER_CTX_free");
    RESOLVE(init, "EVP_CipherInit_ex");
    RESOLVE(update, "EVP_CipherUpdate");
    RESOLVE(final, "EVP_CipherFinal_ex");
    RESOLVE(ctrl, "EVP_CIPHER_CTX_ctrl");
    RESOLVE(set_padding, "EVP_CIPHER_CTX_set_padding");
    RESOLVE(cipher, "EVP_Cipher");
    RESOLVE(zalloc, "CRYPTO_zalloc");
    RESOLVE(clear_free, "CRYPTO_clear_free");
    RESOLVE(cleanse, "OPENSSL_cleanse");
    RESOLVE(clear_errors, "ERR_clear_error");

    /* Optional: where absent (1.1.1), tags are read with EVP_CIPHER_CTX_ctrl. */
    *(void **) (&sk.ctx_get_params) = dlsym(handle, "EVP_CIPHER_CTX_get_params");

    /* 3.x: fetch each cipher once, so that no init ever looks it up again. */
    EVP_CIPHER *(*fetch)(void *, const char *, const char *) = NULL;
    if (version >= 0x30000000UL) {
        *(void **) (&fetch) = dlsym(handle, "EVP_CIPHER_fetch");
    }
    for (int i = 0; i < SK_CIPHER_COUNT; i++) {
        if (fetch != NULL) {
            sk.ciphers[i] = fetch(NULL, FETCH_NAMES[i], NULL);
        } else {
            const EVP_CIPHER *(*getter)(void) = NULL;
            *(void **) (&getter) = dlsym(handle, GETTER_NAMES[i]);
            sk.ciphers[i] = getter != NULL ? getter() : NULL;
        }
    }
    /* CFB and OFB need their running IV read back (a padded decryption retried after a short
     * buffer restarts from it); without a way to read it they stay on Java. */
    *(void **) (&sk.get_updated_iv) = dlsym(handle, "EVP_CIPHER_CTX_get_updated_iv");
    *(void **) (&sk.ctx_iv) = dlsym(handle, "EVP_CIPHER_CTX_iv");
    if (sk.get_updated_iv == NULL && sk.ctx_iv == NULL) {
        for (int i = SK_AES_128_CFB8; i <= SK_AES_256_OFB; i++) {
            sk.ciphers[i] = NULL;
        }
    }
    library = handle;
    return NULL;
}

void *sk_crypto_library(void) {
    return library;
}
