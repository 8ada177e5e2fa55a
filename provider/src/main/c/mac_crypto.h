/*
 * HMAC (RFC 2104) on libcrypto's SHA-2 block functions, for session keys and for HKDF.
 *
 * The SHA-256/384/512 functions (SHA256_Init/_Update/_Final and their SHA-512 family) are
 * resolved from the libcrypto that sk_crypto_open opened, into a table of their own; a
 * libcrypto without them leaves only HMAC and HKDF on the Java engine. They are the same
 * assembly (SHA extensions, AVX2) that OpenSSL's EVP digests run, but their state is a plain
 * struct: HMAC's keyed state (the digest states after K0 XOR ipad and K0 XOR opad) is kept
 * once per context, and a message restarts by copying it. OpenSSL 3's EVP_MAC instead
 * duplicates its digest contexts on the heap at every restart and every tag, which cost more
 * than hashing a 1 KiB message. OpenSSL's headers give the types only.
 *
 * Keyed contexts, per key: each key keeps a pool of contexts made from the raw key's off-heap
 * slot, read by address (as the ciphers do, keys.h). A message borrows a context, restarts it,
 * and gives it back after its tag. Contexts live in secret memory (secret_memory.h) and are
 * cleansed when freed; release frees every context, lent ones included (a lent slot survives as
 * an empty shell until given back, the key record until the last shell is back). Every use of
 * a context happens inside the key's gate, so none can follow the release.
 */
#ifndef SESSIONKEYS_MAC_CRYPTO_H
#define SESSIONKEYS_MAC_CRYPTO_H

#include <pthread.h>
#include <stddef.h>
#include <openssl/sha.h>

#define SK_HAVE_HMAC 1

/* The hashes the Java side asks for, by number (OpenSslMacNative.SHA* must match). */
enum sk_hash { SK_SHA256, SK_SHA384, SK_SHA512, SK_HASH_COUNT };

#define SK_MAX_DIGEST 64

union sk_sha_state {
    SHA256_CTX sha256;
    SHA512_CTX sha512; /* SHA-384 too */
};

/* One HMAC context: the keyed states, and the running digest of the current message. */
struct sk_hmac {
    int hash;
    union sk_sha_state inner; /* after K0 XOR ipad */
    union sk_sha_state outer; /* after K0 XOR opad */
    union sk_sha_state running;
};

struct sk_mac_crypto {
    int (*sha256_init)(SHA256_CTX *c);
    int (*sha256_update)(SHA256_CTX *c, const void *data, size_t length);
    int (*sha256_final)(unsigned char *digest, SHA256_CTX *c);
    int (*sha384_init)(SHA512_CTX *c);
    int (*sha384_update)(SHA512_CTX *c, const void *data, size_t length);
    int (*sha384_final)(unsigned char *digest, SHA512_CTX *c);
    int (*sha512_init)(SHA512_CTX *c);
    int (*sha512_update)(SHA512_CTX *c, const void *data, size_t length);
    int (*sha512_final)(unsigned char *digest, SHA512_CTX *c);
    void *(*zalloc)(size_t num, const char *file, int line);
    void (*clear_free)(void *ptr, size_t num, const char *file, int line);
    int open; /* 1 once every function is resolved */
};

extern struct sk_mac_crypto skm;

/* The digest's output length; 0 for an unknown number. */
size_t sk_hash_length(int hash);

/* A context in secret memory keyed with key (keylen may be 0) for hash, restarted; NULL on
 * failure. Free with sk_hmac_free. */
struct sk_hmac *sk_hmac_new(int hash, const unsigned char *key, size_t keylen);

/* Cleanses and frees a context from sk_hmac_new (NULL is ignored). */
void sk_hmac_free(struct sk_hmac *h);

/* Starts a new message with the context's key. */
void sk_hmac_restart(struct sk_hmac *h);

void sk_hmac_update(struct sk_hmac *h, const unsigned char *data, size_t length);

/* Writes the tag (sk_hash_length bytes) and leaves the context to be restarted. */
void sk_hmac_final(struct sk_hmac *h, unsigned char *tag);

struct sk_mac_key;

struct sk_mac_slot {
    struct sk_hmac *ctx;      /* NULL once the key is released */
    struct sk_mac_key *owner;
    struct sk_mac_slot *next_free;
    struct sk_mac_slot *next_all;
    int lent;
};

struct sk_mac_key {
    pthread_mutex_t lock;
    const unsigned char *raw; /* the key's off-heap slot; valid until release */
    size_t raw_length;
    int hash;
    int released;
    int lent;
    struct sk_mac_slot *free;
    struct sk_mac_slot *all;
};

struct sk_mac_key *sk_mac_key_new(const unsigned char *raw, size_t raw_length, int hash);

/* Lends a context, restarted, at the start of a message; NULL if memory fails. */
struct sk_mac_slot *sk_mac_key_borrow(struct sk_mac_key *key);

void sk_mac_key_give_back(struct sk_mac_slot *slot);

void sk_mac_key_release(struct sk_mac_key *key);

/* Resolves the table; NULL on success, else why not (a static string). */
const char *sk_mac_open(void);

#endif
