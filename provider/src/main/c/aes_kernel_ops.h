/*
 * The AES kernel's building blocks, private to aes_kernel.c: round keys broadcast to zmm, AES
 * rounds on up to 8 registers of 4 blocks, masks for the part of a call that fills no whole step.
 * All inlined into the kernel's entry points, which carry the target attribute; the number of
 * rounds is a constant at every use (the entry points dispatch on it once), so the round loops
 * unroll and every round key stays in its own register. Nothing here branches on or indexes by
 * secret data.
 */
#ifndef SESSIONKEYS_AES_KERNEL_OPS_H
#define SESSIONKEYS_AES_KERNEL_OPS_H

#include <immintrin.h>
#include <stdint.h>

#define SK_AES_TARGET __attribute__((target("aes,avx512f,avx512bw,avx512vl,vaes")))
#define SK_AES_INLINE SK_AES_TARGET static inline __attribute__((always_inline))

/* The layout of a key's state (the caller's SK_AES_KERNEL_STATE_SIZE bytes). */
struct aes_key {
    __m128i rk[15];  /* round keys rk[0 .. rounds], in the order they are applied */
    uint32_t rounds; /* 10, 12 or 14 */
    uint32_t unused[3];
};

/* Registers of 4 blocks per step at most: 32 blocks, 512 bytes. With 15 round keys that leaves
 * enough of the 32 zmm registers for counters and temporaries, and 8 independent chains cover
 * the latency of VAESENC. */
#define SK_AES_REGS 8
#define SK_AES_STEP (64 * SK_AES_REGS)

/* Each round key in all four lanes of a register, loaded once per call. */
SK_AES_INLINE void broadcast_keys(const struct aes_key *k, int rounds, __m512i rk[15]) {
    #pragma GCC unroll 15
    for (int i = 0; i <= rounds; i++) {
        rk[i] = _mm512_broadcast_i32x4(k->rk[i]);
    }
}

/* Encrypts (dec = 0) or decrypts with the equivalent inverse cipher (dec = 1) x[0 .. nz-1]. */
SK_AES_INLINE void aes_regs(const __m512i rk[15], int rounds, int dec, __m512i x[SK_AES_REGS],
                            int nz) {
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = _mm512_xor_si512(x[q], rk[0]);
    }
    #pragma GCC unroll 13
    for (int i = 1; i < rounds; i++) {
        #pragma GCC unroll 8
        for (int q = 0; q < nz; q++) {
            x[q] = dec ? _mm512_aesdec_epi128(x[q], rk[i]) : _mm512_aesenc_epi128(x[q], rk[i]);
        }
    }
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = dec ? _mm512_aesdeclast_epi128(x[q], rk[rounds])
                   : _mm512_aesenclast_epi128(x[q], rk[rounds]);
    }
}

/* Byte mask for the part of n bytes that falls into the register at offset 64 q. */
SK_AES_INLINE __mmask64 bytes_mask(size_t n, int q) {
    size_t at = 64 * (size_t) q;
    if (n <= at) {
        return 0;
    }
    return n - at >= 64 ? ~(__mmask64) 0 : ((__mmask64) 1 << (n - at)) - 1;
}

/* Quadword mask for the part of n blocks that falls into the register of blocks 4q .. 4q+3. */
SK_AES_INLINE __mmask8 blocks_mask(size_t n, int q) {
    size_t at = 4 * (size_t) q;
    if (n <= at) {
        return 0;
    }
    return n - at >= 4 ? (__mmask8) 0xFF : (__mmask8) ((1u << (2 * (n - at))) - 1);
}

/* Reverses the bytes of each 128-bit lane: a big-endian counter block to a little-endian 128-bit
 * integer (low quadword first) and back. */
SK_AES_INLINE __m512i bswap_lanes(__m512i v) {
    return _mm512_shuffle_epi8(v, _mm512_broadcast_i32x4(
        _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)));
}

/* Adds inc (in the low quadwords only) to the four little-endian 128-bit counters of c. With
 * carry = 0 the caller has made sure no low quadword wraps; with carry = 1 a wrap adds one to the
 * high quadword (which wraps in turn: the counter is taken mod 2^128). */
SK_AES_INLINE __m512i counter_add(__m512i c, __m512i inc, int carry) {
    __m512i t = _mm512_add_epi64(c, inc);
    if (carry) {
        __mmask8 wrapped = _mm512_cmplt_epu64_mask(t, c) & 0x55;
        t = _mm512_mask_add_epi64(t, (__mmask8) (wrapped << 1), t, _mm512_set1_epi64(1));
    }
    return t;
}


#endif
