/*
 * AES kernel for CTR, CBC decryption and ECB: see aes_kernel.h.
 *
 * Stage 1: one block at a time on xmm with AES-NI; correct, not yet fast.
 */
#include "aes_kernel.h"

#include <cpuid.h>
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#define SK_AES_TARGET __attribute__((target("aes,avx512f,avx512bw,avx512vl,vaes")))

/* The layout of a key's state (the caller's SK_AES_KERNEL_STATE_SIZE bytes). */
struct aes_key {
    __m128i rk[15];  /* round keys rk[0 .. rounds], in the order they are applied */
    uint32_t rounds; /* 10, 12 or 14 */
    uint32_t unused[3];
};
_Static_assert(sizeof(struct aes_key) <= SK_AES_KERNEL_STATE_SIZE, "state too small");

/* ---- CPU check ---- */

static const char *check_cpu(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) {
        return "CPUID leaf 1 missing";
    }
    if (!(c & bit_AES)) {
        return "CPU lacks AES-NI";
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
    if (!(c & bit_VAES)) {
        return "CPU lacks VAES";
    }
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    /* XMM (bit 1), YMM (2), opmask (5), ZMM_Hi256 (6), Hi16_ZMM (7) must all be OS-saved. */
    if ((lo & 0xE6) != 0xE6) {
        return "the OS does not save AVX-512 state (XCR0)";
    }
    return NULL;
}

const char *sk_aes_kernel_unavailable(void) {
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

/* ---- key setup ---- */

/* SubWord through the AES instructions' S-box: with all four columns equal, ShiftRows changes
 * nothing, so AESENCLAST with a zero round key is SubBytes alone. No table, constant time. */
SK_AES_TARGET static inline uint32_t sub_word(uint32_t w) {
    return (uint32_t) _mm_cvtsi128_si32(_mm_aesenclast_si128(_mm_set1_epi32((int) w),
                                                              _mm_setzero_si128()));
}

/* FIPS-197 key expansion for every key size, written straight into the state (no stack copy). */
SK_AES_TARGET static void expand_key(struct aes_key *k, const unsigned char *key, int key_len) {
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

/* The equivalent inverse cipher (FIPS-197 5.3.5): the encryption round keys in reverse order,
 * InvMixColumns applied to all but the first and last, so that AESDEC can run the rounds. Done in
 * place, swapping from both ends. */
SK_AES_TARGET static void invert_schedule(struct aes_key *k) {
    int n = (int) k->rounds;
    for (int i = 0, j = n; i < j; i++, j--) {
        __m128i a = k->rk[i], b = k->rk[j];
        k->rk[i] = (i == 0) ? b : _mm_aesimc_si128(b);
        k->rk[j] = (i == 0) ? a : _mm_aesimc_si128(a);
    }
    k->rk[n / 2] = _mm_aesimc_si128(k->rk[n / 2]); /* the middle one (n is even) */
}

SK_AES_TARGET void sk_aes_kernel_init(void *state, const unsigned char *key, int key_len,
                                      int decrypt) {
    struct aes_key *k = state;
    expand_key(k, key, key_len);
    if (decrypt) {
        invert_schedule(k);
    }
}

/* Zeroes n bytes (a multiple of 8). The empty asm that "reads" p after the stores keeps the
 * compiler from treating them as dead, as explicit_bzero does. */
static inline void wipe(void *p, size_t n) {
    uint64_t *w = p;
    for (size_t i = 0; i < n / 8; i++) {
        w[i] = 0;
    }
    __asm__ volatile("" : : "r"(p) : "memory");
}

void sk_aes_kernel_wipe(void *state) {
    wipe(state, SK_AES_KERNEL_STATE_SIZE);
}

/* ---- one block ---- */

SK_AES_TARGET static inline __m128i encrypt_block(const struct aes_key *k, __m128i b) {
    b = _mm_xor_si128(b, k->rk[0]);
    for (uint32_t i = 1; i < k->rounds; i++) {
        b = _mm_aesenc_si128(b, k->rk[i]);
    }
    return _mm_aesenclast_si128(b, k->rk[k->rounds]);
}

SK_AES_TARGET static inline __m128i decrypt_block(const struct aes_key *k, __m128i b) {
    b = _mm_xor_si128(b, k->rk[0]);
    for (uint32_t i = 1; i < k->rounds; i++) {
        b = _mm_aesdec_si128(b, k->rk[i]);
    }
    return _mm_aesdeclast_si128(b, k->rk[k->rounds]);
}

/* ---- CTR ---- */

void sk_ctr_kernel_start(struct sk_ctr_message *m, const unsigned char iv[16]) {
    memcpy(m->counter, iv, 16);
    memset(m->keystream, 0, 16);
    m->used = 16;
}

void sk_ctr_kernel_wipe(struct sk_ctr_message *m) {
    volatile unsigned char *p = (volatile unsigned char *) m;
    for (size_t i = 0; i < sizeof *m; i++) {
        p[i] = 0;
    }
}

/* Adds one to the big-endian 128-bit counter, wrapping at 2^128. The loop's length depends on the
 * counter's value, which is public (it travels with the ciphertext). */
static void increment(unsigned char c[16]) {
    for (int i = 15; i >= 0; i--) {
        if (++c[i] != 0) {
            break;
        }
    }
}

SK_AES_TARGET void sk_ctr_kernel_update(const void *state, struct sk_ctr_message *m,
                                        const unsigned char *in, unsigned char *out, size_t len) {
    const struct aes_key *k = state;
    for (size_t i = 0; i < len; i++) {
        if (m->used == 16) {
            __m128i ks = encrypt_block(k, _mm_load_si128((const __m128i *) m->counter));
            _mm_storeu_si128((__m128i *) m->keystream, ks);
            increment(m->counter);
            m->used = 0;
        }
        out[i] = in[i] ^ m->keystream[m->used++];
    }
}

/* ---- CBC decryption and ECB ---- */

SK_AES_TARGET void sk_cbc_kernel_decrypt(const void *state, unsigned char chain[16],
                                         const unsigned char *in, unsigned char *out,
                                         size_t blocks) {
    const struct aes_key *k = state;
    __m128i prev = _mm_loadu_si128((const __m128i *) chain);
    for (size_t i = 0; i < blocks; i++) {
        __m128i c = _mm_loadu_si128((const __m128i *) (in + 16 * i));
        _mm_storeu_si128((__m128i *) (out + 16 * i), decrypt_block(k, c) ^ prev);
        prev = c;
    }
    _mm_storeu_si128((__m128i *) chain, prev);
}

SK_AES_TARGET void sk_ecb_kernel_encrypt(const void *state, const unsigned char *in,
                                         unsigned char *out, size_t blocks) {
    const struct aes_key *k = state;
    for (size_t i = 0; i < blocks; i++) {
        __m128i b = _mm_loadu_si128((const __m128i *) (in + 16 * i));
        _mm_storeu_si128((__m128i *) (out + 16 * i), encrypt_block(k, b));
    }
}

SK_AES_TARGET void sk_ecb_kernel_decrypt(const void *state, const unsigned char *in,
                                         unsigned char *out, size_t blocks) {
    const struct aes_key *k = state;
    for (size_t i = 0; i < blocks; i++) {
        __m128i b = _mm_loadu_si128((const __m128i *) (in + 16 * i));
        _mm_storeu_si128((__m128i *) (out + 16 * i), decrypt_block(k, b));
    }
}
