/*
 * The GCM kernel's building blocks, private to gcm_kernel.c: AES rounds and GHASH products on
 * xmm (one block) and zmm (four blocks per register), all inlined into the kernel's entry points,
 * which carry the target attribute. Nothing here branches on or indexes by secret data.
 *
 * GHASH representation: blocks are byte-reversed on load, so that the field element's x^0
 * coefficient (GCM's leftmost bit) becomes the integer's top bit. A carry-less product of two such
 * values is then one bit short of the 256-bit reflected product; instead of shifting every
 * product, the powers of H are kept multiplied by x (once, at key setup). The 256-bit product is
 * folded to 128 bits by two multiplications by the reflected polynomial's high half
 * (0xC2 << 56): GCM's reduction by x^128 + x^7 + x^2 + x + 1 in this bit order.
 */
#ifndef SESSIONKEYS_GCM_KERNEL_OPS_H
#define SESSIONKEYS_GCM_KERNEL_OPS_H

#include <immintrin.h>
#include <stdint.h>

#define SK_TARGET __attribute__((target("aes,pclmul,avx512f,avx512bw,avx512vl,vaes,vpclmulqdq")))
#define SK_INLINE SK_TARGET static inline __attribute__((always_inline))

/* The layout of a key's state (the caller's SK_GCM_KERNEL_STATE_SIZE bytes). */
struct gcm_key {
    __m128i rk[15];      /* AES round keys, rk[0 .. rounds] used */
    uint32_t rounds;     /* 10, 12 or 14 */
    uint32_t unused[3];
    __m128i hpow[32];    /* hpow[i] = H^(32 - i) times x, byte-reversed: H^32 first, H^1 last */
};

#define GF_POLY_HI ((long long) 0xC200000000000000ULL)

/* ---- one block (xmm) ---- */

SK_INLINE __m128i bswap128(__m128i v) {
    return _mm_shuffle_epi8(v, _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
}

SK_INLINE __m128i aes_block(const struct gcm_key *k, __m128i b) {
    b = _mm_xor_si128(b, k->rk[0]);
    for (uint32_t i = 1; i < k->rounds; i++) {
        b = _mm_aesenc_si128(b, k->rk[i]);
    }
    return _mm_aesenclast_si128(b, k->rk[k->rounds]);
}

/* a * b where b is kept times x: the result is the field product. */
SK_INLINE __m128i gf_mul(__m128i a, __m128i b) {
    const __m128i poly = _mm_set_epi64x(GF_POLY_HI, 1);
    __m128i lo = _mm_clmulepi64_si128(a, b, 0x00);
    __m128i hi = _mm_clmulepi64_si128(a, b, 0x11);
    __m128i mi = _mm_clmulepi64_si128(a, b, 0x01) ^ _mm_clmulepi64_si128(a, b, 0x10);
    mi = mi ^ _mm_shuffle_epi32(lo, 0x4E) ^ _mm_clmulepi64_si128(lo, poly, 0x10);
    return hi ^ _mm_shuffle_epi32(mi, 0x4E) ^ _mm_clmulepi64_si128(mi, poly, 0x10);
}

/* ---- four blocks per register (zmm), up to 8 registers per step ---- */

/* gf_mul on each of four lanes (for key setup). */
SK_INLINE __m512i gf_mul_x4(__m512i a, __m512i b) {
    const __m512i poly = _mm512_broadcast_i32x4(_mm_set_epi64x(GF_POLY_HI, 1));
    __m512i lo = _mm512_clmulepi64_epi128(a, b, 0x00);
    __m512i hi = _mm512_clmulepi64_epi128(a, b, 0x11);
    __m512i mi = _mm512_clmulepi64_epi128(a, b, 0x01) ^ _mm512_clmulepi64_epi128(a, b, 0x10);
    mi ^= _mm512_shuffle_epi32(lo, _MM_PERM_BADC) ^ _mm512_clmulepi64_epi128(lo, poly, 0x10);
    return hi ^ _mm512_shuffle_epi32(mi, _MM_PERM_BADC) ^ _mm512_clmulepi64_epi128(mi, poly, 0x10);
}

SK_INLINE __m512i bswap512(__m512i v) {
    return _mm512_shuffle_epi8(v, _mm512_broadcast_i32x4(
        _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)));
}

/* Byte mask for the part of n bytes that falls into the 64-byte register at offset 64 q. */
SK_INLINE __mmask64 bytes_mask(size_t n, int q) {
    size_t at = 64 * (size_t) q;
    if (n <= at) {
        return 0;
    }
    return n - at >= 64 ? ~(__mmask64) 0 : ((__mmask64) 1 << (n - at)) - 1;
}

/* Blocks per step at most: 8 registers of 4. */
#define SK_MAX_REGS 8

/* Counter blocks for the 4 nz blocks from ctr (byte-reversed, so the 32-bit counter is lane 0
 * and a 32-bit add is GCM's inc32, mod 2^32 without carry into the nonce). */
SK_INLINE void counters(__m128i ctr, __m512i x[SK_MAX_REGS], int nz) {
    __m512i c = _mm512_add_epi32(_mm512_broadcast_i32x4(ctr),
                                 _mm512_set_epi32(0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0));
    const __m512i four = _mm512_set_epi32(0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0, 4, 0, 0, 0, 4);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = bswap512(c);
        c = _mm512_add_epi32(c, four);
    }
}

/* One AES round on x[0 .. nz-1]. The round key is broadcast from the state each time (never held
 * across the loop, so the compiler has no reason to spill it to the stack). */
SK_INLINE void aes_round(const struct gcm_key *k, int i, __m512i x[SK_MAX_REGS], int nz) {
    __m512i r = _mm512_broadcast_i32x4(k->rk[i]);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = _mm512_aesenc_epi128(x[q], r);
    }
}

/* Encrypts the blocks of x[0 .. nz-1] in place, rounds unrolled (the branches are on key size). */
SK_INLINE void aes_blocks(const struct gcm_key *k, __m512i x[SK_MAX_REGS], int nz) {
    __m512i r = _mm512_broadcast_i32x4(k->rk[0]);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = _mm512_xor_si512(x[q], r);
    }
    #pragma GCC unroll 9
    for (int i = 1; i < 10; i++) {
        aes_round(k, i, x, nz);
    }
    if (k->rounds > 10) {
        aes_round(k, 10, x, nz);
        aes_round(k, 11, x, nz);
        if (k->rounds > 12) {
            aes_round(k, 12, x, nz);
            aes_round(k, 13, x, nz);
        }
    }
    r = _mm512_broadcast_i32x4(k->rk[k->rounds]);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = _mm512_aesenclast_epi128(x[q], r);
    }
}

/* Unreduced GHASH sums (schoolbook): lo, hi and the middle terms of 256-bit products. */
struct gh_sums {
    __m512i lo, mi, hi;
};

/* Adds the products of four byte-reversed blocks d by four powers p. */
SK_INLINE void gh_add(struct gh_sums *s, __m512i d, __m512i p) {
    s->lo ^= _mm512_clmulepi64_epi128(d, p, 0x00);
    s->hi ^= _mm512_clmulepi64_epi128(d, p, 0x11);
    s->mi ^= _mm512_clmulepi64_epi128(d, p, 0x01) ^ _mm512_clmulepi64_epi128(d, p, 0x10);
    /* Keep the sums in this order: re-associated, all products would be live at once and spill
     * to the stack. */
    __asm__("" : "+v"(s->lo), "+v"(s->mi), "+v"(s->hi));
}

/* One reduction for all the sums, then the four lanes added: the new accumulator. */
SK_INLINE __m128i gh_reduce(struct gh_sums s) {
    const __m512i poly = _mm512_broadcast_i32x4(_mm_set_epi64x(GF_POLY_HI, 1));
    s.mi ^= _mm512_shuffle_epi32(s.lo, _MM_PERM_BADC) ^ _mm512_clmulepi64_epi128(s.lo, poly, 0x10);
    s.hi ^= _mm512_shuffle_epi32(s.mi, _MM_PERM_BADC) ^ _mm512_clmulepi64_epi128(s.mi, poly, 0x10);
    __m256i h = _mm512_castsi512_si256(s.hi) ^ _mm512_extracti64x4_epi64(s.hi, 1);
    return _mm256_castsi256_si128(h) ^ _mm256_extracti128_si256(h, 1);
}

/* The GHASH of up to 32 byte-reversed blocks d[0 .. nz-1] (the accumulator already added into
 * the first), block i multiplied by p's block i. */
SK_INLINE __m128i ghash_blocks(const __m512i d[SK_MAX_REGS], const __m512i p[SK_MAX_REGS],
                               int nz) {
    struct gh_sums s = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512()};
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        gh_add(&s, d[q], p[q]);
    }
    return gh_reduce(s);
}

/* The AES rounds of a full batch x[0 .. 7] interleaved with the GHASH of the previous batch
 * d[0 .. 7] (acc is added into its first block here), one register of GHASH per AES round, so
 * that the AES and carry-less-multiply units both always have independent work. Returns the
 * new accumulator. */
SK_INLINE __m128i aes_ghash_x8(const struct gcm_key *k, __m512i x[SK_MAX_REGS],
                               const __m512i d[SK_MAX_REGS], __m128i acc) {
    struct gh_sums s = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512()};
    __m512i r = _mm512_broadcast_i32x4(k->rk[0]);
    #pragma GCC unroll 8
    for (int q = 0; q < 8; q++) {
        x[q] = _mm512_xor_si512(x[q], r);
    }
    gh_add(&s, d[0] ^ _mm512_zextsi128_si512(acc), _mm512_loadu_si512(k->hpow));
    #pragma GCC unroll 9
    for (int i = 1; i < 10; i++) {
        aes_round(k, i, x, 8);
        if (i < 8) {
            gh_add(&s, d[i], _mm512_loadu_si512(k->hpow + 4 * i));
        }
    }
    acc = gh_reduce(s);
    if (k->rounds > 10) {
        aes_round(k, 10, x, 8);
        aes_round(k, 11, x, 8);
        if (k->rounds > 12) {
            aes_round(k, 12, x, 8);
            aes_round(k, 13, x, 8);
        }
    }
    r = _mm512_broadcast_i32x4(k->rk[k->rounds]);
    #pragma GCC unroll 8
    for (int q = 0; q < 8; q++) {
        x[q] = _mm512_aesenclast_epi128(x[q], r);
    }
    return acc;
}

/* The powers for nb (1 .. 4 nz) final blocks: block i gets H^(nb - i), blocks past nb get zero. */
SK_INLINE void powers_for(const struct gcm_key *k, int nb, __m512i p[SK_MAX_REGS], int nz) {
    /* Masked-off lanes may lie past hpow (inside the state); they are never read. */
    const char *from = (const char *) (k->hpow + (32 - nb));
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        int left = nb - 4 * q; /* blocks of this register that exist */
        if (left <= 0) {
            p[q] = _mm512_setzero_si512();
        } else {
            __mmask8 m = left >= 4 ? 0xFF : (__mmask8) ((1u << (2 * left)) - 1);
            p[q] = _mm512_maskz_loadu_epi64(m, from + 64 * q);
        }
    }
}

#endif
