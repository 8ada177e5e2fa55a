#include "mac_crypto.h"
#include "libcrypto.h"
#include "secret_memory.h"

#include <dlfcn.h>
#include <stdlib.h>

#ifdef SK_HAVE_EVP_MAC

struct sk_mac_crypto skm;

static const char *const HASH_NAMES[SK_HASH_COUNT] = {"SHA256", "SHA384", "SHA512"};
static const size_t HASH_LENGTHS[SK_HASH_COUNT] = {32, 48, 64};

const char *sk_hash_name(int hash) {
    return hash >= 0 && hash < SK_HASH_COUNT ? HASH_NAMES[hash] : NULL;
}

size_t sk_hash_length(int hash) {
    return hash >= 0 && hash < SK_HASH_COUNT ? HASH_LENGTHS[hash] : 0;
}

#define RESOLVE(field, name)                                                        \
    do {                                                                            \
        *(void **) (&skm.field) = dlsym(handle, name);                              \
        if (skm.field == NULL) {                                                    \
            return "this libcrypto lacks " name " (OpenSSL 3 is needed)";           \
        }                                                                           \
    } while (0)

const char *sk_mac_open(void) {
    if (skm.hmac != NULL) {
        return NULL;
    }
    void *handle = sk_crypto_library();
    if (handle == NULL) {
        return "libcrypto is not open";
    }
    if (sk.version_num() < 0x30000000UL) {
        return "this libcrypto has no EVP_MAC (OpenSSL 3 is needed)";
    }
    EVP_MAC *(*fetch)(OSSL_LIB_CTX *, const char *, const char *) = NULL;
    *(void **) (&fetch) = dlsym(handle, "EVP_MAC_fetch");
    if (fetch == NULL) {
        return "this libcrypto lacks EVP_MAC_fetch (OpenSSL 3 is needed)";
    }
    RESOLVE(ctx_new, "EVP_MAC_CTX_new");
    RESOLVE(ctx_free, "EVP_MAC_CTX_free");
    RESOLVE(init, "EVP_MAC_init");
    RESOLVE(update, "EVP_MAC_update");
    RESOLVE(final, "EVP_MAC_final");
    RESOLVE(param_utf8, "OSSL_PARAM_construct_utf8_string");
    RESOLVE(param_end, "OSSL_PARAM_construct_end");
    RESOLVE(zalloc, "CRYPTO_zalloc");
    RESOLVE(clear_free, "CRYPTO_clear_free");
    EVP_MAC *hmac = fetch(NULL, "HMAC", NULL);
    if (hmac == NULL) {
        sk.clear_errors();
        return "this libcrypto has no HMAC in EVP_MAC";
    }
    skm.hmac = hmac;
    return NULL;
}

EVP_MAC_CTX *sk_mac_keyed(int hash, const unsigned char *key, size_t keylen) {
    const char *name = sk_hash_name(hash);
    if (name == NULL) {
        return NULL;
    }
    /* EVP_MAC_init takes a NULL key to mean "restart with the key you have": never pass NULL here. */
    static const unsigned char none[1];
    EVP_MAC_CTX *ctx = skm.ctx_new(skm.hmac);
    OSSL_PARAM params[2];
    params[0] = skm.param_utf8("digest", (char *) name, 0);
    params[1] = skm.param_end();
    if (ctx != NULL && skm.init(ctx, key != NULL ? key : none, keylen, params) != 1) {
        skm.ctx_free(ctx);
        ctx = NULL;
    }
    if (ctx == NULL) {
        sk.clear_errors();
    }
    return ctx;
}

struct sk_mac_key *sk_mac_key_new(const unsigned char *raw, size_t raw_length, int hash) {
    if (sk_hash_name(hash) == NULL) {
        return NULL;
    }
    struct sk_mac_key *key = calloc(1, sizeof *key);
    if (key == NULL) {
        return NULL;
    }
    if (pthread_mutex_init(&key->lock, NULL) != 0) {
        free(key);
        return NULL;
    }
    key->raw = raw;
    key->raw_length = raw_length;
    key->hash = hash;
    return key;
}

struct sk_mac_slot *sk_mac_key_borrow(struct sk_mac_key *key) {
    pthread_mutex_lock(&key->lock);
    struct sk_mac_slot *slot = key->free;
    if (slot != NULL) {
        key->free = slot->next_free;
        slot->next_free = NULL;
        slot->lent = 1;
        key->lent++;
    }
    pthread_mutex_unlock(&key->lock);
    if (slot != NULL) {
        return slot;
    }
    /* Callers hold the key's gate, so the key cannot be released while this runs. */
    slot = calloc(1, sizeof *slot);
    if (slot == NULL) {
        return NULL;
    }
    sk_secret_heap_enter();
    slot->ctx = sk_mac_keyed(key->hash, key->raw, key->raw_length);
    sk_secret_heap_leave();
    if (slot->ctx == NULL) {
        free(slot);
        return NULL;
    }
    slot->owner = key;
    slot->lent = 1;
    slot->fresh = 1;
    pthread_mutex_lock(&key->lock);
    slot->next_all = key->all;
    key->all = slot;
    key->lent++;
    pthread_mutex_unlock(&key->lock);
    return slot;
}

static void free_key(struct sk_mac_key *key) {
    pthread_mutex_destroy(&key->lock);
    free(key);
}

void sk_mac_key_give_back(struct sk_mac_slot *slot) {
    struct sk_mac_key *key = slot->owner;
    int last = 0;
    pthread_mutex_lock(&key->lock);
    key->lent--;
    if (key->released) {
        free(slot); /* its context was freed at release */
        last = key->lent == 0;
    } else {
        slot->lent = 0;
        slot->next_free = key->free;
        key->free = slot;
    }
    pthread_mutex_unlock(&key->lock);
    if (last) {
        free_key(key);
    }
}

void sk_mac_key_release(struct sk_mac_key *key) {
    pthread_mutex_lock(&key->lock);
    key->released = 1;
    key->raw = NULL;
    struct sk_mac_slot *slot = key->all;
    while (slot != NULL) {
        struct sk_mac_slot *next = slot->next_all;
        skm.ctx_free(slot->ctx);
        slot->ctx = NULL;
        if (!slot->lent) {
            free(slot);
        }
        slot = next;
    }
    key->all = NULL;
    key->free = NULL;
    int last = key->lent == 0;
    pthread_mutex_unlock(&key->lock);
    if (last) {
        free_key(key);
    }
}

#else /* built against OpenSSL 1.1.1 headers: HMAC and HKDF stay on the Java engine */

const char *sk_mac_open(void) {
    return "the native library was built without OpenSSL 3's headers (no EVP_MAC)";
}

#endif
