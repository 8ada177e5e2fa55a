#include "kernel_support.h"

#include <cpuid.h>
#include <immintrin.h>
#include <string.h>

static const char *check_cpu(int need_clmul) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) {
        return "CPUID leaf 1 missing";
    }
    if (!(c & bit_AES) || (need_clmul && !(c & bit_PCLMUL))) {
        return need_clmul ? "CPU lacks AES-NI or PCLMULQDQ" : "CPU lacks AES-NI";
    }
    if (!(c & bit_OSXSAVE) || !(c & bit_AVX)) {
        return "CPU lacks AVX or the OS does not enable XSAVE";
    }
    if (__get_cpuid_max(0, NULL) < 7) {
        return "CPUID leaf 7 missing";
    }
    __cpuid_count(7, 0, a, b, c, d);
    if (!(b & bit_AVX512F) || !(b & bit_AVX512BW) || !(b & bit_AVX512VL)) {
        return "CPU lacks AVX512F, AVX512BW or AVX512VL";
    }
    if (!(c & bit_VAES) || (need_clmul && !(c & bit_VPCLMULQDQ))) {
        return need_clmul ? "CPU lacks VAES or VPCLMULQDQ" : "CPU lacks VAES";
    }
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    /* XMM (bit 1), YMM (2), opmask (5), ZMM_Hi256 (6), Hi16_ZMM (7) must all be OS-saved. */
    if ((lo & 0xE6) != 0xE6) {
        return "the OS does not save AVX-512 state (XCR0)";
    }
    return NULL;
}

const char *sk_kernel_cpu_missing(int need_clmul) {
    /* per question: 0 = not asked yet, 1 = usable, 2 = not; a race only computes the same answer twice */
    static int cached[2];
    static const char *reason[2];
    int q = need_clmul ? 1 : 0;
    int v = __atomic_load_n(&cached[q], __ATOMIC_ACQUIRE);
    if (v == 0) {
        const char *r = check_cpu(q);
        __atomic_store_n(&reason[q], r, __ATOMIC_RELAXED);
        __atomic_store_n(&cached[q], r == NULL ? 1 : 2, __ATOMIC_RELEASE);
        return r;
    }
    return v == 1 ? NULL : __atomic_load_n(&reason[q], __ATOMIC_RELAXED);
}

/* SubWord through the AES instructions' S-box: with all four columns equal, ShiftRows changes
 * nothing, so AESENCLAST with a zero round key is SubBytes alone. No table, constant time. */
__attribute__((target("aes"))) static inline uint32_t sub_word(uint32_t w) {
    return (uint32_t) _mm_cvtsi128_si32(_mm_aesenclast_si128(_mm_set1_epi32((int) w), _mm_setzero_si128()));
}

/* The word-by-word schedule of FIPS 197 §5.2: used for AES-192 only, whose groups of six words
 * do not fall on the 16-byte round keys. The branches depend on the index only. */
__attribute__((target("aes"))) static void expand_by_words(uint32_t *w, int nk, int total) {
    uint32_t rcon = 1;
    for (int i = nk; i < total; i += nk) {
        uint32_t t = w[i - 1];
        t = sub_word((t >> 8) | (t << 24)) ^ rcon;
        rcon = (rcon << 1) ^ (0x11B & -(rcon >> 7));
        w[i] = w[i - nk] ^ t;
        for (int j = 1; j < nk && i + j < total; j++) {
            w[i + j] = w[i + j - nk] ^ w[i + j - 1];
        }
    }
}

/* Each word of k xored with every word below it: w0, w0^w1, w0^w1^w2, w0^w1^w2^w3. */
__attribute__((target("aes"))) static inline __m128i prefix_xor(__m128i k) {
    k = _mm_xor_si128(k, _mm_slli_si128(k, 4));
    return _mm_xor_si128(k, _mm_slli_si128(k, 8));
}

/* SubWord(RotWord(w3)) ^ rcon in every word: the last word rotated into all four columns (so
 * ShiftRows changes nothing) and AESENCLAST with the round constant as its round key. */
__attribute__((target("aes,ssse3"))) static inline __m128i rot_sub_last(__m128i k, int rcon) {
    const __m128i rot_last = _mm_setr_epi8(13, 14, 15, 12, 13, 14, 15, 12, 13, 14, 15, 12, 13, 14, 15, 12);
    return _mm_aesenclast_si128(_mm_shuffle_epi8(k, rot_last), _mm_set1_epi32(rcon));
}

/* SubWord(w3) in every word (AES-256's middle step). */
__attribute__((target("aes"))) static inline __m128i sub_last(__m128i k) {
    return _mm_aesenclast_si128(_mm_shuffle_epi32(k, 0xFF), _mm_setzero_si128());
}

/* AES-128 and AES-256 keep the schedule in registers, a round key per step. Word by word through
 * memory took three times as long (each word waits for the store of the one before it), and
 * AESKEYGENASSIST is slow on some CPUs (microcoded on AMD's), as OpenSSL's AES-NI code notes. */
#define NEXT_128(prev, rcon) _mm_xor_si128(prefix_xor(prev), rot_sub_last((prev), (rcon)))
#define NEXT_256_EVEN(two_back, prev, rcon) _mm_xor_si128(prefix_xor(two_back), rot_sub_last((prev), (rcon)))
#define NEXT_256_ODD(two_back, prev) _mm_xor_si128(prefix_xor(two_back), sub_last(prev))

__attribute__((target("aes,ssse3"))) static void expand_128(__m128i *rk) {
    rk[1] = NEXT_128(rk[0], 0x01);
    rk[2] = NEXT_128(rk[1], 0x02);
    rk[3] = NEXT_128(rk[2], 0x04);
    rk[4] = NEXT_128(rk[3], 0x08);
    rk[5] = NEXT_128(rk[4], 0x10);
    rk[6] = NEXT_128(rk[5], 0x20);
    rk[7] = NEXT_128(rk[6], 0x40);
    rk[8] = NEXT_128(rk[7], 0x80);
    rk[9] = NEXT_128(rk[8], 0x1B);
    rk[10] = NEXT_128(rk[9], 0x36);
}

__attribute__((target("aes,ssse3"))) static void expand_256(__m128i *rk) {
    rk[2] = NEXT_256_EVEN(rk[0], rk[1], 0x01);
    rk[3] = NEXT_256_ODD(rk[1], rk[2]);
    rk[4] = NEXT_256_EVEN(rk[2], rk[3], 0x02);
    rk[5] = NEXT_256_ODD(rk[3], rk[4]);
    rk[6] = NEXT_256_EVEN(rk[4], rk[5], 0x04);
    rk[7] = NEXT_256_ODD(rk[5], rk[6]);
    rk[8] = NEXT_256_EVEN(rk[6], rk[7], 0x08);
    rk[9] = NEXT_256_ODD(rk[7], rk[8]);
    rk[10] = NEXT_256_EVEN(rk[8], rk[9], 0x10);
    rk[11] = NEXT_256_ODD(rk[9], rk[10]);
    rk[12] = NEXT_256_EVEN(rk[10], rk[11], 0x20);
    rk[13] = NEXT_256_ODD(rk[11], rk[12]);
    rk[14] = NEXT_256_EVEN(rk[12], rk[13], 0x40);
}

uint32_t sk_kernel_expand_key(void *round_keys, const unsigned char *key, int key_len) {
    int nk = key_len / 4;
    memcpy(round_keys, key, (size_t) key_len);
    if (nk == 4) {
        expand_128(round_keys);
    } else if (nk == 8) {
        expand_256(round_keys);
    } else {
        expand_by_words(round_keys, nk, 4 * (nk + 7));
    }
    return (uint32_t) nk + 6;
}

void sk_kernel_wipe(void *p, size_t n) {
    uint64_t *w = p;
    for (size_t i = 0; i < n / 8; i++) {
        w[i] = 0;
    }
    /* the empty asm "reads" p after the stores, so they are not dead (as in explicit_bzero) */
    __asm__ volatile("" : : "r"(p) : "memory");
}
