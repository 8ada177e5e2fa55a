/*
 * HMAC on OpenSSL 3's EVP_MAC "HMAC", for session keys (and HKDF, built on the same HMAC).
 *
 * The functions are resolved from the libcrypto that sk_crypto_open opened, into a table of
 * their own, so a libcrypto without EVP_MAC (1.1.1) leaves only HMAC and HKDF on the Java
 * engine. OpenSSL's headers give the types only.
 *
 * Keyed contexts, per key: HMAC's keyed state (the digest states after K0 XOR ipad and
 * K0 XOR opad, and OpenSSL's own copy of the key) lives only in EVP_MAC_CTX objects made from
 * the raw key's off-heap slot, read by address. As for the ciphers (keys.h), each key keeps a
 * pool: a message borrows a context, restarts it with EVP_MAC_init(ctx, NULL, 0, NULL) (which
 * keeps the keyed state and only resets the running digest), and gives it back after its tag.
 * Release frees every context with cleansing (EVP_MAC_CTX_free), lent ones included; a lent
 * slot survives as an empty shell until given back, the key record until the last shell is back.
 * Every use of a context happens inside the key's gate, so none can follow the release.
 *
 * Allocations libcrypto makes while keying, restarting or finishing a context (the digest
 * states are duplicated on every restart and every tag) go to the secret heap
 * (secret_memory.h), like the cipher contexts' key schedules.
 */
#ifndef SESSIONKEYS_MAC_CRYPTO_H
#define SESSIONKEYS_MAC_CRYPTO_H

#include <pthread.h>
#include <stddef.h>
#include <openssl/opensslv.h>

#if OPENSSL_VERSION_NUMBER >= 0x30000000L
#define SK_HAVE_EVP_MAC 1
#include <openssl/evp.h>
#include <openssl/params.h>

/* The hashes the Java side asks for, by number (OpenSslMacNative.SHA* must match). */
enum sk_hash { SK_SHA256, SK_SHA384, SK_SHA512, SK_HASH_COUNT };

#define SK_MAX_DIGEST 64

struct sk_mac_crypto {
    EVP_MAC_CTX *(*ctx_new)(EVP_MAC *mac);
    void (*ctx_free)(EVP_MAC_CTX *ctx); /* cleanses: digest states and OpenSSL's copy of the key */
    int (*init)(EVP_MAC_CTX *ctx, const unsigned char *key, size_t keylen, const OSSL_PARAM params[]);
    int (*update)(EVP_MAC_CTX *ctx, const unsigned char *data, size_t datalen);
    int (*final)(EVP_MAC_CTX *ctx, unsigned char *out, size_t *outl, size_t outsize);
    OSSL_PARAM (*param_utf8)(const char *key, char *buf, size_t bsize);
    OSSL_PARAM (*param_end)(void);
    void *(*zalloc)(size_t num, const char *file, int line);
    void (*clear_free)(void *ptr, size_t num, const char *file, int line);
    EVP_MAC *hmac; /* fetched once */
};

extern struct sk_mac_crypto skm;

/* The digest's OpenSSL name and output length; NULL / 0 for an unknown number. */
const char *sk_hash_name(int hash);
size_t sk_hash_length(int hash);

/* A fresh context keyed with key (keylen may be 0) for hash; NULL on failure. Call inside
 * sk_secret_heap_enter/leave. */
EVP_MAC_CTX *sk_mac_keyed(int hash, const unsigned char *key, size_t keylen);

struct sk_mac_key;

struct sk_mac_slot {
    EVP_MAC_CTX *ctx;         /* NULL once the key is released */
    struct sk_mac_key *owner;
    struct sk_mac_slot *next_free;
    struct sk_mac_slot *next_all;
    int lent;
    int fresh;                /* keyed and not yet used: needs no restart */
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

/* Lends a context at the start of a message; NULL if OpenSSL or memory fails. */
struct sk_mac_slot *sk_mac_key_borrow(struct sk_mac_key *key);

void sk_mac_key_give_back(struct sk_mac_slot *slot);

void sk_mac_key_release(struct sk_mac_key *key);

#endif /* OpenSSL 3 headers */

/* Resolves the table; NULL on success, else why not (a static string). */
const char *sk_mac_open(void);

#endif
