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
 * A key record may also hold the state of one of SessionKeys' own kernels, made once when the
 * record is made, read-only afterwards and so shared by concurrent messages; release wipes and
 * frees it with the contexts:
 *   - AES-GCM (gcm_kernel.h): round keys and powers of H. It serves whole messages under a
 *     12-byte nonce without borrowing anything; OpenSSL's contexts serve the rest.
 *   - AES-CTR, AES-CBC decryption, AES-ECB (aes_kernel.h): a round-key schedule. Every message
 *     of such a record runs on it: a borrowed slot then carries the message's state (the CTR
 *     counter and partial keystream block, or the CBC chaining block) and no OpenSSL context.
 */
#ifndef SESSIONKEYS_KEYS_H
#define SESSIONKEYS_KEYS_H

#include <pthread.h>
#include "aes_kernel.h"
#include "libcrypto.h"

/* Which of SessionKeys' own kernels a key record has. */
enum sk_kernel_mode { SK_KERNEL_NONE, SK_KERNEL_GCM, SK_KERNEL_CTR, SK_KERNEL_CBC_DECRYPT, SK_KERNEL_ECB };

struct sk_key;

struct sk_slot {
    EVP_CIPHER_CTX *ctx;      /* NULL once the key is released, and on a block kernel's record */
    struct sk_key *owner;
    struct sk_slot *next_free;
    struct sk_slot *next_all;
    int lent;
    int ivlen;                /* the IV length the context is set up for */
    int whole;                /* lent by sk_key_borrow_whole: may come back as the parked slot */
    struct sk_ctr_message ctr;  /* a CTR message on the block kernel (wiped when given back) */
    unsigned char chain[16];    /* a CBC decryption on the block kernel: the chaining block */
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
    enum sk_kernel_mode kernel_mode;
    void *kernel;             /* that kernel's state (64-byte aligned), or NULL */
    void *kernel_block;       /* the allocation kernel lies in */
    size_t kernel_bytes;      /* and its size */
};

/*
 * A key record over raw (not copied); NULL if memory is short. No context is made yet. With a
 * kernel (not SK_KERNEL_NONE) the record also gets that kernel's state, expanded now from the
 * key_length bytes at raw, for direction enc (the caller has checked that the CPU runs it).
 */
struct sk_key *sk_key_new(const unsigned char *raw, const EVP_CIPHER *cipher, int enc, enum sk_kernel_mode kernel,
                          int key_length);

/* Whether the record's messages run on a block kernel (CTR, CBC decryption, ECB) rather than contexts. */
static inline int sk_key_on_block_kernel(const struct sk_key *key) {
    return key->kernel_mode >= SK_KERNEL_CTR;
}

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
