#include "keys.h"
#include "gcm_kernel.h"
#include "secret_memory.h"

#include <stdint.h>
#include <stdlib.h>

#define KERNEL_ALIGN 64

/*
 * Expands the kernel's state from the raw key into the secret heap (where OpenSSL's own contexts
 * live too), taken directly: libcrypto's allocator would only pass the call on.
 */
static int make_kernel(struct sk_key *key, enum sk_kernel_mode mode, int key_length) {
    size_t bytes = (mode == SK_KERNEL_GCM ? SK_GCM_KERNEL_STATE_SIZE : SK_AES_KERNEL_STATE_SIZE) + KERNEL_ALIGN;
    void *block = sk_secret_zalloc(bytes);
    if (block == NULL) {
        return 0;
    }
    uintptr_t at = ((uintptr_t) block + KERNEL_ALIGN - 1) & ~(uintptr_t) (KERNEL_ALIGN - 1);
    key->kernel_mode = mode;
    key->kernel_block = block;
    key->kernel_bytes = bytes;
    key->kernel = (void *) at;
    if (mode == SK_KERNEL_GCM) {
        sk_gcm_kernel_init(key->kernel, key->raw, key_length);
    } else {
        sk_aes_kernel_init(key->kernel, key->raw, key_length, !key->enc);
    }
    return 1;
}

static void free_kernel(struct sk_key *key) {
    if (key->kernel != NULL) {
        if (key->kernel_mode == SK_KERNEL_GCM) {
            sk_gcm_kernel_wipe(key->kernel);
        } else {
            sk_aes_kernel_wipe(key->kernel);
        }
        sk_secret_clear_free(key->kernel_block, key->kernel_bytes);
        key->kernel = NULL;
        key->kernel_block = NULL;
    }
}

struct sk_key *sk_key_new(const unsigned char *raw, const EVP_CIPHER *cipher, int enc, enum sk_kernel_mode kernel,
                          int key_length) {
    struct sk_key *key = calloc(1, sizeof *key);
    if (key == NULL) {
        return NULL;
    }
    if (pthread_mutex_init(&key->lock, NULL) != 0) {
        free(key);
        return NULL;
    }
    key->raw = raw;
    key->cipher = cipher;
    key->enc = enc;
    if (kernel != SK_KERNEL_NONE && !make_kernel(key, kernel, key_length)) {
        pthread_mutex_destroy(&key->lock);
        free(key);
        return NULL;
    }
    return key;
}

/* Makes a context keyed from the raw slot; runs outside the lock (key expansion takes a while). */
/* The context and the schedule in it are allocated in secret memory where the heap has it. */
static EVP_CIPHER_CTX *keyed_context(const struct sk_key *key) {
    sk_secret_heap_enter();
    EVP_CIPHER_CTX *ctx = sk.ctx_new();
    if (ctx != NULL && sk.init(ctx, key->cipher, NULL, key->raw, NULL, key->enc) != 1) {
        sk.ctx_free(ctx);
        ctx = NULL;
    }
    sk_secret_heap_leave();
    return ctx;
}

struct sk_slot *sk_key_borrow(struct sk_key *key) {
    pthread_mutex_lock(&key->lock);
    struct sk_slot *slot = key->free;
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
    if (!sk_key_on_block_kernel(key)) { /* a block kernel's messages need no context */
        slot->ctx = keyed_context(key);
        if (slot->ctx == NULL) {
            free(slot);
            return NULL;
        }
    }
    slot->owner = key;
    slot->ivlen = -1; /* unknown: an AEAD message sets it before its first nonce */
    slot->lent = 1;
    pthread_mutex_lock(&key->lock);
    slot->next_all = key->all;
    key->all = slot;
    key->lent++;
    pthread_mutex_unlock(&key->lock);
    return slot;
}

struct sk_slot *sk_key_borrow_whole(struct sk_key *key) {
    struct sk_slot *slot = __atomic_exchange_n(&key->parked, NULL, __ATOMIC_ACQUIRE);
    if (slot == NULL) {
        slot = sk_key_borrow(key);
    }
    if (slot != NULL) {
        slot->whole = 1;
    }
    return slot;
}

static void free_key(struct sk_key *key) {
    pthread_mutex_destroy(&key->lock);
    free(key);
}

/* Wipes a block kernel's message state: the partial keystream block, the chaining block. */
static void end_block_message(struct sk_slot *slot) {
    sk_ctr_kernel_wipe(&slot->ctr);
    sk.cleanse(slot->chain, sizeof slot->chain);
}

void sk_key_give_back(struct sk_slot *slot) {
    struct sk_key *key = slot->owner;
    if (sk_key_on_block_kernel(key)) { /* the record outlives its lent slots, released or not */
        end_block_message(slot);
    }
    if (slot->whole) {
        /* inside the gate, so the key is not released: park it if the place is free (it stays lent) */
        slot->whole = 0;
        struct sk_slot *none = NULL;
        if (__atomic_compare_exchange_n(&key->parked, &none, slot, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
            return;
        }
    }
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

void sk_key_release(struct sk_key *key) {
    pthread_mutex_lock(&key->lock);
    key->released = 1;
    key->raw = NULL;
    free_kernel(key);
    /* The gate is empty, so no whole message holds or parks a slot now: un-lend the parked one. */
    struct sk_slot *parked = __atomic_exchange_n(&key->parked, NULL, __ATOMIC_ACQUIRE);
    if (parked != NULL) {
        parked->lent = 0;
        key->lent--;
    }
    struct sk_slot *slot = key->all;
    while (slot != NULL) {
        struct sk_slot *next = slot->next_all;
        sk.ctx_free(slot->ctx);
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
