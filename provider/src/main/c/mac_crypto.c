#include "mac_crypto.h"
#include "libcrypto.h"
#include "secret_memory.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

struct sk_mac_crypto skm;

static const size_t HASH_LENGTHS[SK_HASH_COUNT] = {32, 48, 64};
static const size_t BLOCK_LENGTHS[SK_HASH_COUNT] = {64, 128, 128};
#define SK_MAX_BLOCK 128

size_t sk_hash_length(int hash) {
    return hash >= 0 && hash < SK_HASH_COUNT ? HASH_LENGTHS[hash] : 0;
}

#define RESOLVE(field, name)                                                        \
    do {                                                                            \
        *(void **) (&skm.field) = dlsym(handle, name);                              \
        if (skm.field == NULL) {                                                    \
            return "this libcrypto lacks " name;                                    \
        }                                                                           \
    } while (0)

const char *sk_mac_open(void) {
    if (skm.open) {
        return NULL;
    }
    void *handle = sk_crypto_library();
    if (handle == NULL) {
        return "libcrypto is not open";
    }
    RESOLVE(sha256_init, "SHA256_Init");
    RESOLVE(sha256_update, "SHA256_Update");
    RESOLVE(sha256_final, "SHA256_Final");
    RESOLVE(sha384_init, "SHA384_Init");
    RESOLVE(sha384_update, "SHA384_Update");
    RESOLVE(sha384_final, "SHA384_Final");
    RESOLVE(sha512_init, "SHA512_Init");
    RESOLVE(sha512_update, "SHA512_Update");
    RESOLVE(sha512_final, "SHA512_Final");
    RESOLVE(zalloc, "CRYPTO_zalloc");
    RESOLVE(clear_free, "CRYPTO_clear_free");
    skm.open = 1;
    return NULL;
}

/* ---- the three hashes behind one interface (the SHA functions cannot fail on these inputs) ---- */

static void sha_init(int hash, union sk_sha_state *s) {
    switch (hash) {
    case SK_SHA256: skm.sha256_init(&s->sha256); break;
    case SK_SHA384: skm.sha384_init(&s->sha512); break;
    default: skm.sha512_init(&s->sha512); break;
    }
}

static void sha_update(int hash, union sk_sha_state *s, const unsigned char *data, size_t length) {
    switch (hash) {
    case SK_SHA256: skm.sha256_update(&s->sha256, data, length); break;
    case SK_SHA384: skm.sha384_update(&s->sha512, data, length); break;
    default: skm.sha512_update(&s->sha512, data, length); break;
    }
}

static void sha_final(int hash, union sk_sha_state *s, unsigned char *digest) {
    switch (hash) {
    case SK_SHA256: skm.sha256_final(digest, &s->sha256); break;
    case SK_SHA384: skm.sha384_final(digest, &s->sha512); break;
    default: skm.sha512_final(digest, &s->sha512); break;
    }
}

/* ---- HMAC ---- */

struct sk_hmac *sk_hmac_new(int hash, const unsigned char *key, size_t keylen) {
    if (sk_hash_length(hash) == 0) {
        return NULL;
    }
    sk_secret_heap_enter();
    struct sk_hmac *h = skm.zalloc(sizeof *h, __FILE__, __LINE__);
    sk_secret_heap_leave();
    if (h == NULL) {
        return NULL;
    }
    h->hash = hash;
    /* K0: the key, or its digest when longer than a block, zero-padded to the block (RFC 2104). */
    size_t block = BLOCK_LENGTHS[hash];
    unsigned char k0[SK_MAX_BLOCK] = {0};
    if (keylen > block) {
        sha_init(hash, &h->running);
        sha_update(hash, &h->running, key, keylen);
        sha_final(hash, &h->running, k0);
    } else if (keylen > 0) {
        memcpy(k0, key, keylen);
    }
    unsigned char pad[SK_MAX_BLOCK];
    for (size_t i = 0; i < block; i++) {
        pad[i] = k0[i] ^ 0x36;
    }
    sha_init(hash, &h->inner);
    sha_update(hash, &h->inner, pad, block);
    for (size_t i = 0; i < block; i++) {
        pad[i] = k0[i] ^ 0x5c;
    }
    sha_init(hash, &h->outer);
    sha_update(hash, &h->outer, pad, block);
    sk.cleanse(pad, sizeof pad);
    sk.cleanse(k0, sizeof k0);
    sk_hmac_restart(h);
    return h;
}

void sk_hmac_free(struct sk_hmac *h) {
    if (h != NULL) {
        skm.clear_free(h, sizeof *h, __FILE__, __LINE__);
    }
}

void sk_hmac_restart(struct sk_hmac *h) {
    h->running = h->inner;
}

void sk_hmac_update(struct sk_hmac *h, const unsigned char *data, size_t length) {
    sha_update(h->hash, &h->running, data, length);
}

void sk_hmac_final(struct sk_hmac *h, unsigned char *tag) {
    unsigned char inner[SK_MAX_DIGEST];
    sha_final(h->hash, &h->running, inner);
    h->running = h->outer;
    sha_update(h->hash, &h->running, inner, HASH_LENGTHS[h->hash]);
    sha_final(h->hash, &h->running, tag);
    sk.cleanse(inner, sizeof inner);
}

/* ---- per-key pools ---- */

struct sk_mac_key *sk_mac_key_new(const unsigned char *raw, size_t raw_length, int hash) {
    if (sk_hash_length(hash) == 0) {
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
        sk_hmac_restart(slot->ctx);
        return slot;
    }
    /* Callers hold the key's gate, so the key cannot be released while this runs. */
    slot = calloc(1, sizeof *slot);
    if (slot == NULL) {
        return NULL;
    }
    slot->ctx = sk_hmac_new(key->hash, key->raw, key->raw_length);
    if (slot->ctx == NULL) {
        free(slot);
        return NULL;
    }
    slot->owner = key;
    slot->lent = 1;
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
        sk_hmac_free(slot->ctx);
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
