/*
 * An AES kernel of our own for the parallel block modes: CTR (both directions), CBC decryption and
 * ECB (both directions), with VAES on zmm registers, for CPUs with AVX-512 (F, BW, VL) and VAES.
 *
 * Why not OpenSSL: the system's OpenSSL 3.0 has no VAES code for these modes and runs them at a
 * quarter (CTR) to a half (CBC decryption) of what the CPU can do. CBC encryption is sequential
 * (each block waits for the one before), gains nothing from wide registers and stays on OpenSSL.
 *
 * Only the functions below touch AVX-512; they are compiled with a target attribute, so the rest
 * of the library stays baseline x86-64 and still loads anywhere. Call sk_aes_kernel_unavailable()
 * first and use the others only when it returns NULL.
 *
 * Constant time: AES only through AES instructions (no table), no branch on key or data. Branches
 * depend on lengths, the key size and the (public) counter only.
 */
#ifndef SESSIONKEYS_AES_KERNEL_H
#define SESSIONKEYS_AES_KERNEL_H

#include <stddef.h>

/* Bytes of a key's expanded state (15 round keys and the number of rounds), owned by the caller,
 * 64-byte aligned. */
#define SK_AES_KERNEL_STATE_SIZE 256

/* NULL if this CPU and OS can run the kernel, else a static string saying what is missing.
 * Thread-safe and cheap (the answer is computed once and cached). */
const char *sk_aes_kernel_unavailable(void);

/* Expands key (16, 24 or 32 bytes) into state: the encryption schedule (decrypt = 0; for CTR and
 * ECB encryption) or the decryption schedule (decrypt = 1; for CBC and ECB decryption: the round
 * keys of the equivalent inverse cipher). state is read-only afterwards and may be shared by
 * concurrent messages. */
void sk_aes_kernel_init(void *state, const unsigned char *key, int key_len, int decrypt);

/* Wipes state so that no round key survives (the compiler cannot drop the writes). */
void sk_aes_kernel_wipe(void *state);

/* The state of one CTR message, on the caller's side. The counter is a 128-bit big-endian integer
 * incremented once per block and wrapping at 2^128, as SunJCE's AES/CTR and OpenSSL's aes-*-ctr
 * do. keystream holds the block of the previous counter, of which the first `used` bytes are
 * spent (used == 16: nothing left, as after start). keystream is secret: wipe the message when
 * it ends. */
struct sk_ctr_message {
    _Alignas(16) unsigned char counter[16]; /* the next counter block, big-endian */
    unsigned char keystream[16];
    unsigned int used;
};

/* Starts a message at counter block iv. */
void sk_ctr_kernel_start(struct sk_ctr_message *m, const unsigned char iv[16]);

/* Encrypts or decrypts (the same operation) len bytes, any length, any split across calls (a
 * partial keystream block is kept between calls). state holds the encryption schedule. in == out
 * is allowed, otherwise the two must not overlap. */
void sk_ctr_kernel_update(const void *state, struct sk_ctr_message *m, const unsigned char *in,
                          unsigned char *out, size_t len);

/* Wipes *m (keystream included). */
void sk_ctr_kernel_wipe(struct sk_ctr_message *m);

/* CBC decryption of whole blocks, state holding the decryption schedule. chain is the IV or the
 * previous ciphertext block; it is updated to the last ciphertext block of this call (read before
 * any write, so in == out is allowed; otherwise the two must not overlap). */
void sk_cbc_kernel_decrypt(const void *state, unsigned char chain[16], const unsigned char *in,
                           unsigned char *out, size_t blocks);

/* ECB of whole blocks: encrypt with the encryption schedule, decrypt with the decryption
 * schedule. in == out is allowed, otherwise the two must not overlap. */
void sk_ecb_kernel_encrypt(const void *state, const unsigned char *in, unsigned char *out,
                           size_t blocks);
void sk_ecb_kernel_decrypt(const void *state, const unsigned char *in, unsigned char *out,
                           size_t blocks);

#endif
