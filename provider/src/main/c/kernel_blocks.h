/*
 * Block-mode messages on a key record's own AES kernel (aes_kernel.h): AES-CTR, AES-CBC
 * decryption and AES-ECB, for records made with a block kernel (sk_key_on_block_kernel). The
 * JNI layers (openssl_native.c, block_modes.c) call these where other records use their
 * borrowed OpenSSL context; the message's state lives in the borrowed slot and is wiped when
 * the slot is given back.
 */
#ifndef SESSIONKEYS_KERNEL_BLOCKS_H
#define SESSIONKEYS_KERNEL_BLOCKS_H

#include <stddef.h>

#include "keys.h"

#define SK_BLOCK 16

/* Starts a message: CTR from the initial counter block iv, CBC decryption chaining from iv, ECB without one. */
void sk_kernel_block_start(struct sk_slot *slot, const unsigned char *iv);

/* Restarts a CBC decryption from the chaining block iv (a retried padded decryption). */
void sk_kernel_block_restart(struct sk_slot *slot, const unsigned char iv[SK_BLOCK]);

/*
 * Runs len bytes from in to out (in == out, or not overlapping): any length for CTR, whole
 * blocks for CBC and ECB. Returns the bytes written, or -1 if a CBC or ECB length is not a whole
 * number of blocks (the Java side keeps partial blocks, so that is a bug there).
 */
long sk_kernel_block_process(struct sk_slot *slot, const unsigned char *in, unsigned char *out, size_t len);

/*
 * One step of a block-mode message on its slot, wherever it runs: the key's own block kernel, or
 * the slot's OpenSSL context. Writes the byte count to *outl; returns 1, or 0 if the step failed.
 */
int sk_slot_update(struct sk_slot *slot, unsigned char *out, int *outl, const unsigned char *in, int inl);

#endif
