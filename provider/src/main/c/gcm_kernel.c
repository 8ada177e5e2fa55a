/*
 * AES-GCM kernel: see gcm_kernel.h. First stage: one block at a time on xmm (AES-NI, PCLMULQDQ).
 *
 * GHASH representation: blocks are byte-reversed on load, so that the field element's x^0
 * coefficient (GCM's leftmost bit) is the integer's top bit. A carry-less product of two such
 * values is then one bit short of the 256-bit reflected product; instead of shifting every
 * product we keep H multiplied by x once (at key setup). Reduction is the usual two folds by the
 * reflected polynomial 0xC2000000000000000000000000000001.
 */
#include "gcm_kernel.h"

#include <cpuid.h>
#include <immintrin.h>
#include <string.h>

#define SK_TARGET __attribute__((target("aes,pclmul,avx512f,avx512bw,avx512vl,vaes,vpclmulqdq")))

/* The layout of a key's state (the caller's SK_GCM_KERNEL_STATE_SIZE bytes). */
struct gcm_key {
    __m128i rk[15];      /* AES round keys, rk[0 .. rounds] used */
    uint32_t rounds;     /* 10, 12 or 14 */
    uint32_t unused[3];
    __m128i hpow[16];    /* hpow[i] = H^(16 - i) times x, byte-reversed: H^16 first, H^1 last */
};
_Static_assert(sizeof(struct gcm_key) <= SK_GCM_KERNEL_STATE_SIZE, "state too small");
_Static_assert(SK_GCM_KERNEL_STATE_SIZE % 64 == 0, "state size a multiple of 64");

/* ---- CPU check ---- */

static const char *check_cpu(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) {
        return "CPUID leaf 1 missing";
    }
    if (!(c & bit_AES) || !(c & bit_PCLMUL)) {
        return "CPU lacks AES-NI or PCLMULQDQ";
    }
    if (!(c & bit_OSXSAVE) || !(c & bit_AVX)) {
        return "CPU lacks AVX or the OS does not enable XSAVE";
    }
    unsigned max = __get_cpuid_max(0, NULL);
    if (max < 7) {
        return "CPUID leaf 7 missing";
    }
    __cpuid_count(7, 0, a, b, c, d);
    if (!(b & bit_AVX512F) || !(b & bit_AVX512BW) || !(b & bit_AVX512VL)) {
        return "CPU lacks AVX512F, AVX512BW or AVX512VL";
    }
    if (!(c & bit_VAES) || !(c & bit_VPCLMULQDQ)) {
        return "CPU lacks VAES or VPCLMULQDQ";
    }
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    /* XMM (bit 1), YMM (2), opmask (5), ZMM_Hi256 (6), Hi16_ZMM (7) must all be OS-saved. */
    if ((lo & 0xE6) != 0xE6) {
        return "the OS does not save AVX-512 state (XCR0)";
    }
    return NULL;
}

const char *sk_gcm_kernel_unavailable(void) {
    /* 1 = usable, 2 = not; a race only computes the same answer twice. */
    static int cached;
    static const char *reason;
    int v = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);
    if (v == 0) {
        const char *r = check_cpu();
        __atomic_store_n(&reason, r, __ATOMIC_RELAXED);
        __atomic_store_n(&cached, r == NULL ? 1 : 2, __ATOMIC_RELEASE);
        return r;
    }
    return v == 1 ? NULL : __atomic_load_n(&reason, __ATOMIC_RELAXED);
}

/* ---- primitives ---- */

SK_TARGET static inline __m128i bswap128(__m128i v) {
    return _mm_shuffle_epi8(v, _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
}

SK_TARGET static inline __m128i aes_block(const struct gcm_key *k, __m128i b) {
    b = _mm_xor_si128(b, k->rk[0]);
    for (uint32_t i = 1; i < k->rounds; i++) {
        b = _mm_aesenc_si128(b, k->rk[i]);
    }
    return _mm_aesenclast_si128(b, k->rk[k->rounds]);
}

/* Folds the 256-bit product hi:mi:lo (mi straddling the middle) to 128 bits. */
SK_TARGET static inline __m128i gf_reduce(__m128i lo, __m128i mi, __m128i hi) {
    const __m128i poly = _mm_set_epi64x((long long) 0xC200000000000000ULL, 1);
    mi = mi ^ _mm_shuffle_epi32(lo, 0x4E) ^ _mm_clmulepi64_si128(lo, poly, 0x10);
    return hi ^ _mm_shuffle_epi32(mi, 0x4E) ^ _mm_clmulepi64_si128(mi, poly, 0x10);
}

/* a * b where b is a power of H kept times x: the result is the plain field product. */
SK_TARGET static inline __m128i gf_mul(__m128i a, __m128i b) {
    __m128i lo = _mm_clmulepi64_si128(a, b, 0x00);
    __m128i hi = _mm_clmulepi64_si128(a, b, 0x11);
    __m128i mi = _mm_clmulepi64_si128(a, b, 0x01) ^ _mm_clmulepi64_si128(a, b, 0x10);
    return gf_reduce(lo, mi, hi);
}

SK_TARGET static inline __m128i load_partial(const unsigned char *p, size_t n) {
    return _mm_maskz_loadu_epi8((__mmask16) ((1u << n) - 1), p);
}

SK_TARGET static inline void store_partial(unsigned char *p, size_t n, __m128i v) {
    _mm_mask_storeu_epi8(p, (__mmask16) ((1u << n) - 1), v);
}

/* ---- key setup ---- */

/* SubWord on the S-box of the AES instructions: with all four columns equal, ShiftRows is the
 * identity, so AESENCLAST with a zero round key is SubBytes alone. No table, constant time. */
SK_TARGET static inline uint32_t sub_word(uint32_t w) {
    return (uint32_t) _mm_cvtsi128_si32(_mm_aesenclast_si128(_mm_set1_epi32((int) w),
                                                              _mm_setzero_si128()));
}

/* FIPS-197 key expansion for every key size, written straight into the state (no stack copy). */
SK_TARGET static void expand_key(struct gcm_key *k, const unsigned char *key, int key_len) {
    uint32_t *w = (uint32_t *) k->rk;
    int nk = key_len / 4, total = 4 * (nk + 7);
    uint32_t rcon = 1;
    memcpy(w, key, (size_t) key_len);
    for (int i = nk; i < total; i++) {
        uint32_t t = w[i - 1];
        if (i % nk == 0) {
            t = sub_word((t >> 8) | (t << 24)) ^ rcon;
            rcon = (rcon << 1) ^ (0x11B & -(rcon >> 7));
        } else if (nk > 6 && i % nk == 4) {
            t = sub_word(t);
        }
        w[i] = w[i - nk] ^ t;
    }
    k->rounds = (uint32_t) nk + 6;
}

SK_TARGET void sk_gcm_kernel_init(void *state, const unsigned char *key, int key_len) {
    struct gcm_key *k = state;
    expand_key(k, key, key_len);
    __m128i h = bswap128(aes_block(k, _mm_setzero_si128()));
    /* h times x: shift left one bit; if the top bit falls out, add the reflected polynomial. */
    __m128i top = _mm_srai_epi32(_mm_shuffle_epi32(h, 0xFF), 31);
    __m128i carry = _mm_slli_si128(_mm_srli_epi64(h, 63), 8);
    h = (_mm_slli_epi64(h, 1) | carry)
        ^ (top & _mm_set_epi64x((long long) 0xC200000000000000ULL, 1));
    k->hpow[15] = h;
    for (int i = 14; i >= 0; i--) {
        k->hpow[i] = gf_mul(k->hpow[i + 1], h);
    }
}

void sk_gcm_kernel_wipe(void *state) {
    volatile unsigned char *p = state;
    for (size_t i = 0; i < SK_GCM_KERNEL_STATE_SIZE; i++) {
        p[i] = 0;
    }
}

/* ---- messages ---- */

SK_TARGET void sk_gcm_kernel_start(const void *state, struct sk_gcm_message *m,
                                   const unsigned char iv[12]) {
    const struct gcm_key *k = state;
    __m128i j0 = _mm_insert_epi32(load_partial(iv, 12), (int) 0x01000000, 3);
    _mm_store_si128((__m128i *) m->ej0, aes_block(k, j0));
    _mm_store_si128((__m128i *) m->counter, _mm_insert_epi32(j0, (int) 0x02000000, 3));
    _mm_storeu_si128((__m128i *) m->ghash, _mm_setzero_si128());
    m->aad_bytes = 0;
    m->data_bytes = 0;
}

SK_TARGET void sk_gcm_kernel_aad(const void *state, struct sk_gcm_message *m,
                                 const unsigned char *aad, size_t len) {
    const struct gcm_key *k = state;
    __m128i acc = _mm_loadu_si128((const __m128i *) m->ghash), h = k->hpow[15];
    m->aad_bytes += len;
    for (; len >= 16; len -= 16, aad += 16) {
        acc = gf_mul(acc ^ bswap128(_mm_loadu_si128((const __m128i *) aad)), h);
    }
    if (len > 0) {
        acc = gf_mul(acc ^ bswap128(load_partial(aad, len)), h);
    }
    _mm_storeu_si128((__m128i *) m->ghash, acc);
}

SK_TARGET void sk_gcm_kernel_update(const void *state, struct sk_gcm_message *m,
                                    const unsigned char *in, unsigned char *out, size_t len,
                                    int enc) {
    const struct gcm_key *k = state;
    __m128i acc = _mm_loadu_si128((const __m128i *) m->ghash), h = k->hpow[15];
    /* The counter block byte-reversed: its 32-bit counter is then lane 0, and adding 1 there is
     * GCM's inc32 (mod 2^32, no carry into the nonce). */
    __m128i ctr = bswap128(_mm_load_si128((const __m128i *) m->counter));
    const __m128i one = _mm_set_epi32(0, 0, 0, 1);
    m->data_bytes += len;
    while (len > 0) {
        size_t n = len < 16 ? len : 16;
        __m128i x = load_partial(in, n);
        __m128i y = x ^ aes_block(k, bswap128(ctr));
        ctr = _mm_add_epi32(ctr, one);
        store_partial(out, n, y);
        /* GHASH runs over the ciphertext, zero-padded: y beyond n holds keystream, so mask it. */
        __m128i c = enc ? _mm_maskz_mov_epi8((__mmask16) ((1u << n) - 1), y) : x;
        acc = gf_mul(acc ^ bswap128(c), h);
        in += n;
        out += n;
        len -= n;
    }
    _mm_store_si128((__m128i *) m->counter, bswap128(ctr));
    _mm_storeu_si128((__m128i *) m->ghash, acc);
}

SK_TARGET void sk_gcm_kernel_finish(const void *state, struct sk_gcm_message *m,
                                    unsigned char tag[16]) {
    const struct gcm_key *k = state;
    __m128i acc = _mm_loadu_si128((const __m128i *) m->ghash);
    /* The length block, byte-reversed: bit counts of AAD (high half) and data (low half). */
    __m128i lens = _mm_set_epi64x((long long) (m->aad_bytes * 8), (long long) (m->data_bytes * 8));
    acc = gf_mul(acc ^ lens, k->hpow[15]);
    _mm_storeu_si128((__m128i *) tag,
                     bswap128(acc) ^ _mm_load_si128((const __m128i *) m->ej0));
    volatile unsigned char *p = (volatile unsigned char *) m;
    for (size_t i = 0; i < sizeof *m; i++) {
        p[i] = 0;
    }
}
