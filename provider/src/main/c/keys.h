/*
 * Keyed OpenSSL contexts, owned by one session key.
 *
 * A key's expanded form lives only in EVP_CIPHER_CTX objects made from the raw key's off-heap
 * slot (read by address, never copied). One context serves one message at a time, so each key
 * keeps a small pool: a message borrows a context, re-initializes it with its nonce only
 * (key = NULL keeps the schedule), and gives it back. Contexts are never duplicated
 * (EVP_CIPHER_CTX_copy would leave an uncleansed copy of the round keys on the stack).
 *
 * Lifetime: the Java side calls sk_key_release from the key's zeroization, after every reader
 * has left the key's gate and before the raw bytes are zeroed. Release frees (and so cleanses)
 * every context, including those still lent to unfinished messages; a lent slot survives as an
 * empty shell until its holder gives it back, and the key record until the last shell is back.
 * Every use of a context happens inside the gate, so none can follow the release.
 *
 * An AES-GCM key record may also hold the state of SessionKeys' own GCM kernel (gcm_kernel.h):
 * round keys and powers of H, made once when the record is made, read-only afterwards and so
 * shared by concurrent messages without borrowing anything. It serves whole messages under a
 * 12-byte nonce; OpenSSL's contexts serve the rest. Release wipes and frees it with the contexts.
 */
#ifndef SESSIONKEYS_KEYS_H
#define SESSIONKEYS_KEYS_H

#include <pthread.h>
#include "libcrypto.h"

struct sk_key;

struct sk_slot {
    EVP_CIPHER_CTX *ctx;      /* NULL once the key is released */
    struct sk_key *owner;
    struct sk_slot *next_free;
    struct sk_slot *next_all;
    int lent;
    int ivlen;                /* the IV length the context is set up for */
    int whole;                /* lent by sk_key_borrow_whole: may come back as the parked slot */
};

struct sk_key {
    pthread_mutex_t lock;
    const unsigned char *raw; /* the key's off-heap slot; valid until release */
    const EVP_CIPHER *cipher;
    int enc;                  /* the direction the schedule is made for */
    int released;
    int lent;                 /* slots out on loan */
    struct sk_slot *free;
    struct sk_slot *all;
    struct sk_slot *parked;   /* one slot kept for whole messages; counted as lent; atomic */
    void *kernel;             /* the own GCM kernel's state (64-byte aligned), or NULL */
    void *kernel_block;       /* the allocation kernel lies in */
};

/*
 * A key record over raw (not copied); NULL if memory is short. No context is made yet. With
 * kernel_key_length (16, 24 or 32; 0: none) the record also gets the own GCM kernel's state,
 * expanded from raw now (the caller has checked that the CPU runs the kernel).
 */
struct sk_key *sk_key_new(const unsigned char *raw, const EVP_CIPHER *cipher, int enc, int kernel_key_length);

/* Lends a keyed context (making one if none is free); NULL if OpenSSL or memory fails. */
struct sk_slot *sk_key_borrow(struct sk_key *key);

/*
 * Lends a context to a call that runs whole inside the key's gate (one AEAD message, borrowed
 * and given back in the same native call): the key's parked slot, taken with one atomic
 * exchange, else as sk_key_borrow. Giving it back parks it again with one compare-and-swap.
 * One message then costs two atomic operations here instead of two rounds of the mutex. Only
 * such calls may use it: the release, which runs once the gate is empty, frees the parked slot
 * without racing them.
 */
struct sk_slot *sk_key_borrow_whole(struct sk_key *key);

/* Takes a slot back; frees it (and perhaps its key record) if the key was released meanwhile. */
void sk_key_give_back(struct sk_slot *slot);

/* Frees every context with cleansing; see the lifetime note above. */
void sk_key_release(struct sk_key *key);

#endif
