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
 * at most 240 bytes, 16-byte aligned, written in place: no copy on the stack); returns the number
 * of rounds. The schedule passes through vector registers: callers clear them before returning.
 * Call only where sk_kernel_cpu_missing says the CPU has AES-NI.
 */
uint32_t sk_kernel_expand_key(void *round_keys, const unsigned char *key, int key_len);

/* Zeroes every vector register before an entry point returns: round keys and keystream would
 * otherwise stay in them (the VZEROUPPER gcc adds on return clears only the upper halves of
 * zmm0-15) until other code happens to overwrite them, and could meanwhile reach memory, e.g. in
 * the register state the OS saves on a context switch. VZEROALL clears zmm0-15 whole; an EVEX
 * write to xmm16-31 clears the rest of those registers. */
__attribute__((target("avx512f"), always_inline)) static inline void sk_kernel_clear_vector_registers(void) {
    __asm__ volatile("vzeroall\n\t"
                     "vpxord %%xmm16, %%xmm16, %%xmm16\n\t"
                     "vpxord %%xmm17, %%xmm17, %%xmm17\n\t"
                     "vpxord %%xmm18, %%xmm18, %%xmm18\n\t"
                     "vpxord %%xmm19, %%xmm19, %%xmm19\n\t"
                     "vpxord %%xmm20, %%xmm20, %%xmm20\n\t"
                     "vpxord %%xmm21, %%xmm21, %%xmm21\n\t"
                     "vpxord %%xmm22, %%xmm22, %%xmm22\n\t"
                     "vpxord %%xmm23, %%xmm23, %%xmm23\n\t"
                     "vpxord %%xmm24, %%xmm24, %%xmm24\n\t"
                     "vpxord %%xmm25, %%xmm25, %%xmm25\n\t"
                     "vpxord %%xmm26, %%xmm26, %%xmm26\n\t"
                     "vpxord %%xmm27, %%xmm27, %%xmm27\n\t"
                     "vpxord %%xmm28, %%xmm28, %%xmm28\n\t"
                     "vpxord %%xmm29, %%xmm29, %%xmm29\n\t"
                     "vpxord %%xmm30, %%xmm30, %%xmm30\n\t"
                     "vpxord %%xmm31, %%xmm31, %%xmm31\n"
                     : : : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                       "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
                       "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22", "xmm23",
                       "xmm24", "xmm25", "xmm26", "xmm27", "xmm28", "xmm29", "xmm30", "xmm31");
}

/* Zeroes n bytes (a multiple of 8) with stores the compiler cannot treat as dead. */
void sk_kernel_wipe(void *p, size_t n);

#endif
