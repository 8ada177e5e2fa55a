/*
 * What SessionKeys' own AES kernels (gcm_kernel.c, aes_kernel.c) share: the check that this CPU
 * and OS can run them, the AES key expansion, and a wipe the compiler cannot drop.
 */
#ifndef SESSIONKEYS_KERNEL_SUPPORT_H
#define SESSIONKEYS_KERNEL_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/*
 * NULL if the CPU has AES-NI, AVX512F/BW/VL and VAES (and PCLMULQDQ and VPCLMULQDQ if
 * need_clmul) and the OS saves the AVX-512 state; else a static string naming what is missing.
 * Computed once per question, then cached; thread-safe.
 */
const char *sk_kernel_cpu_missing(int need_clmul);

/*
 * FIPS-197 key expansion of key (16, 24 or 32 bytes) into round_keys (4 * (rounds + 1) words,
 * at most 240 bytes, written in place: no copy on the stack); returns the number of rounds.
 * Call only where sk_kernel_cpu_missing says the CPU has AES-NI.
 */
uint32_t sk_kernel_expand_key(void *round_keys, const unsigned char *key, int key_len);

/* Zeroes n bytes (a multiple of 8) with stores the compiler cannot treat as dead. */
void sk_kernel_wipe(void *p, size_t n);

#endif
