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

__attribute__((target("aes"))) uint32_t sk_kernel_expand_key(void *round_keys, const unsigned char *key,
                                                               int key_len) {
    uint32_t *w = round_keys;
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
