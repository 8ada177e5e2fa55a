/*
 * An AES-GCM kernel of our own: AES with AES-NI/VAES, GHASH with carry-less multiply
 * (PCLMULQDQ/VPCLMULQDQ), for CPUs with AVX-512 (F, BW, VL) plus VAES and VPCLMULQDQ.
 *
 * Why not OpenSSL: the system's OpenSSL 3.0 has no VAES code for GCM, and for small messages its
 * per-message work (parameter lookups by name, a context per key) costs more than the crypto.
 *
 * Only the functions below touch AVX-512; they are compiled with a target attribute, so the rest
 * of the library stays baseline x86-64 and still loads anywhere. Call sk_gcm_kernel_unavailable()
 * first and use the others only when it returns NULL.
 *
 * Constant time: AES only through AES instructions, GHASH only through carry-less multiplies; no
 * table lookups and no branch on key, H, data or tag. Branches depend on lengths only (public).
 *
 * Limits the caller enforces (the kernel assumes them): keys of 16, 24 or 32 bytes; nonces of
 * exactly 12 bytes (use OpenSSL for others); at most 2^36 - 32 bytes of data per message (GCM's
 * 2^39 - 256 bits), which also means the 32-bit block counter never wraps; at most 2^61 - 1 bytes
 * of AAD; the call order start, aad*, update*, finish, with the lengths described below.
 *
 * Residue: no secret outlives a call on the kernel's stack (secrets live in the state and in the
 * caller's message struct, which wipe and finish clear), and every entry point clears the vector
 * registers before it returns, so that no round key, power of H or keystream waits in them for
 * later code to overwrite it.
 */
#ifndef SESSIONKEYS_GCM_KERNEL_H
#define SESSIONKEYS_GCM_KERNEL_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of a key's expanded state: round keys and H^1..H^32 (768 bytes used), with room to spare
 * so that a different layout later needs no change on the caller's side. Must be 64-byte
 * aligned (16 is the hard minimum). */
#define SK_GCM_KERNEL_STATE_SIZE 1024

/* The state of one message (64 bytes). Lives on the caller's stack; holds no key material, but
 * the GHASH accumulator and E(J0) are secret until the tag is out: finish wipes them, so end every
 * started message with finish (or wipe the struct). The fields are private to the kernel. */
struct sk_gcm_message {
    _Alignas(16) unsigned char counter[16]; /* the next counter block, in GCM's byte order */
    unsigned char ghash[16];                /* GHASH accumulator, byte-reflected */
    unsigned char ej0[16];                  /* E(K, J0), xored into the tag */
    uint64_t aad_bytes;
    uint64_t data_bytes;
};

/* NULL if this CPU and OS can run the kernel, else a static string saying what is missing.
 * Thread-safe and cheap (the answer is computed once and cached). */
const char *sk_gcm_kernel_unavailable(void);

/* Expands key (16, 24 or 32 bytes) into state (SK_GCM_KERNEL_STATE_SIZE bytes, 64-byte aligned,
 * owned by the caller): round keys and the powers of H. state is read-only afterwards and may be
 * shared by concurrent messages. */
void sk_gcm_kernel_init(void *state, const unsigned char *key, int key_len);

/* Starts a message under a 12-byte nonce. The nonce is read with one 8-byte and one 4-byte load:
 * if the caller has just written it byte by byte, those loads cannot be served from the pending
 * stores and wait for them to retire (measured: a 64-byte seal loop at half speed); memcpy, or
 * any write at least that wide, is fine. */
void sk_gcm_kernel_start(const void *state, struct sk_gcm_message *m, const unsigned char iv[12]);

/* AAD, in any number of calls before the first data call, each a multiple of 16 bytes except the
 * last (a call of 0 bytes is allowed anywhere). */
void sk_gcm_kernel_aad(const void *state, struct sk_gcm_message *m, const unsigned char *aad,
                       size_t len);

/* Data, enc = 1 encrypt, 0 decrypt, in any number of calls, each a multiple of 16 bytes except
 * the last; in == out is allowed (otherwise the two must not overlap). */
void sk_gcm_kernel_update(const void *state, struct sk_gcm_message *m, const unsigned char *in,
                          unsigned char *out, size_t len, int enc);

/* Ciphertext to authenticate without decrypting it, in calls as for update: the first pass of a
 * decryption that writes nothing before the tag has been checked (the second pass decrypts
 * under a new message started with the same nonce, whose own tag is then discarded). */
void sk_gcm_kernel_authenticate(const void *state, struct sk_gcm_message *m, const unsigned char *in,
                                size_t len);

/* Data through the keystream alone, GHASH skipped, in calls as for update: the second pass of such
 * a decryption, once the tag over the same ciphertext has been checked. Its message's tag means
 * nothing; end it with finish all the same, which wipes *m. */
void sk_gcm_kernel_keystream(const void *state, struct sk_gcm_message *m, const unsigned char *in,
                             unsigned char *out, size_t len);

/* Writes the full 16-byte tag (over AAD and ciphertext) and wipes *m. The caller compares (in
 * constant time) or truncates. */
void sk_gcm_kernel_finish(const void *state, struct sk_gcm_message *m, unsigned char tag[16]);

/* One-shot forms of the five calls above, for a whole message in one buffer. */
void sk_gcm_kernel_seal(const void *state, const unsigned char iv[12], const unsigned char *aad,
                        size_t aad_len, const unsigned char *in, unsigned char *out, size_t len,
                        unsigned char tag[16]);

/* Decrypts and checks the first tag_len (1 .. 16) bytes of the tag in constant time. Returns 1 if
 * the tag matches; else 0, with out zeroed so that no unauthenticated plaintext is released
 * (in == out allowed). The caller enforces which tag lengths it accepts. */
int sk_gcm_kernel_open(const void *state, const unsigned char iv[12], const unsigned char *aad,
                       size_t aad_len, const unsigned char *in, unsigned char *out, size_t len,
                       const unsigned char *tag, size_t tag_len);

/* Wipes state so that no round key or power of H survives (the compiler cannot drop the writes). */
void sk_gcm_kernel_wipe(void *state);

#endif
