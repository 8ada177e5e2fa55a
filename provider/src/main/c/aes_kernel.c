/*
 * AES kernel for CTR, CBC decryption and ECB: see aes_kernel.h; the building blocks are in
 * aes_kernel_ops.h.
 *
 * Data goes 32 blocks (512 bytes) per step: eight zmm registers of four blocks each through VAES,
 * with all round keys in registers (broadcast once per call). The rest of a call (under 512
 * bytes) goes through the same code once more with masked loads and stores, on 8, 4 or 1
 * registers as needed, so a 64-byte message costs one register's worth of rounds.
 *
 * Every entry point dispatches once on the number of rounds (the key size, public), so each mode
 * is compiled three times with its round loop fully unrolled.
 */
#include "aes_kernel.h"
#include "kernel_support.h"
#include "aes_kernel_ops.h"

#include <string.h>

_Static_assert(sizeof(struct aes_key) <= SK_AES_KERNEL_STATE_SIZE, "state too small");
_Static_assert(SK_AES_KERNEL_STATE_SIZE % 64 == 0, "state size a multiple of 64");

const char *sk_aes_kernel_unavailable(void) {
    return sk_kernel_cpu_missing(0);
}

/* ---- key setup ---- */

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
    k->rounds = sk_kernel_expand_key(k->rk, key, key_len);
    if (decrypt) {
        invert_schedule(k);
    }
    sk_kernel_clear_vector_registers();
}

void sk_aes_kernel_wipe(void *state) {
    sk_kernel_wipe(state, SK_AES_KERNEL_STATE_SIZE);
}

/* Calls body with the number of rounds as a constant: three copies, each fully unrolled. The
 * branch is on the key size, which is public. */
#define BY_ROUNDS(k, body)             \
    do {                               \
        if ((k)->rounds == 10) {       \
            enum { ROUNDS = 10 };      \
            body;                      \
        } else if ((k)->rounds == 12) { \
            enum { ROUNDS = 12 };      \
            body;                      \
        } else {                       \
            enum { ROUNDS = 14 };      \
            body;                      \
        }                              \
    } while (0)

/* ---- CTR ---- */

void sk_ctr_kernel_start(struct sk_ctr_message *m, const unsigned char iv[16]) {
    memcpy(m->counter, iv, 16);
    memset(m->keystream, 0, 16);
    m->used = 16;
}

_Static_assert(sizeof(struct sk_ctr_message) % 8 == 0, "a message wipes in words");

void sk_ctr_kernel_wipe(struct sk_ctr_message *m) {
    sk_kernel_wipe(m, sizeof *m);
}

static inline uint64_t load_be64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return __builtin_bswap64(v);
}

static inline void store_be64(unsigned char *p, uint64_t v) {
    v = __builtin_bswap64(v);
    memcpy(p, &v, 8);
}

/* CTR over the nz registers at in (len bytes: all 4 nz blocks if full, else 1 .. 64 nz bytes, the
 * last block possibly partial). *c holds the next four counters (little-endian 128-bit) and is
 * advanced by 4 nz. The keystream of a partial last block goes to ks, for the next call. */
SK_AES_INLINE void ctr_step(const __m512i rk[15], int rounds, int carry, __m512i *c,
                            const unsigned char *in, unsigned char *out, size_t len, int nz,
                            int full, unsigned char ks[16]) {
    const __m512i four = _mm512_set_epi64(0, 4, 0, 4, 0, 4, 0, 4);
    __m512i x[SK_AES_REGS];
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = bswap_lanes(*c);
        *c = counter_add(*c, four, carry);
        /* One add per register: folded into c + 4q, the eight offsets would each hold a register
         * and push round keys out to the stack. */
        __asm__("" : "+v"(*c));
    }
    aes_regs(rk, rounds, 0, x, nz);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        if (full) {
            _mm512_storeu_si512(out + 64 * q, x[q] ^ _mm512_loadu_si512(in + 64 * q));
        } else {
            __mmask64 m = bytes_mask(len, q);
            __m512i v = _mm512_maskz_loadu_epi8(m, in + 64 * q);
            _mm512_mask_storeu_epi8(out + 64 * q, m, x[q] ^ v);
        }
    }
    if (!full && len % 16 != 0) {
        /* The last block's keystream, moved down to lane 0 (which register and lane: lengths). */
        size_t last = (len - 1) / 16;
        #pragma GCC unroll 8
        for (int q = 0; q < nz; q++) {
            if ((size_t) q == last / 4) {
                __mmask8 lane = (__mmask8) (3u << (2 * (last % 4)));
                _mm_storeu_si128((__m128i *) ks,
                                 _mm512_castsi512_si128(_mm512_maskz_compress_epi64(lane, x[q])));
            }
        }
    }
}

/* CTR over len (> 0) bytes from counter ctr (little-endian 128-bit). */
SK_AES_INLINE void ctr_blocks(const struct aes_key *k, int rounds, int carry, __m128i ctr,
                              const unsigned char *in, unsigned char *out, size_t len,
                              unsigned char ks[16]) {
    __m512i c = counter_add(_mm512_broadcast_i32x4(ctr), _mm512_set_epi64(0, 3, 0, 2, 0, 1, 0, 0),
                            carry);
    if (len >= SK_AES_STEP) {
        __m512i rk[15];
        broadcast_keys(k, rounds, rk);
        do {
            ctr_step(rk, rounds, carry, &c, in, out, len, SK_AES_REGS, 1, ks);
            len -= SK_AES_STEP;
            in += SK_AES_STEP;
            out += SK_AES_STEP;
        } while (len >= SK_AES_STEP);
    }
    if (len == 0) {
        return;
    }
    /* Broadcast again rather than kept across the loop: kept, they would be spilled to the
     * stack while the loop needs the registers. */
    __m512i rk[15];
    broadcast_keys(k, rounds, rk);
    if (len > 256) {
        ctr_step(rk, rounds, carry, &c, in, out, len, 8, 0, ks);
    } else if (len > 64) {
        ctr_step(rk, rounds, carry, &c, in, out, len, 4, 0, ks);
    } else {
        ctr_step(rk, rounds, carry, &c, in, out, len, 1, 0, ks);
    }
}

SK_AES_INLINE void ctr_update(const void *state, struct sk_ctr_message *m,
                              const unsigned char *in, unsigned char *out, size_t len) {
    const struct aes_key *k = state;
    if (m->used < 16 && len > 0) { /* first the rest of the previous call's last block */
        size_t take = 16 - m->used < len ? 16 - m->used : len;
        __mmask16 mask = (__mmask16) ((1u << take) - 1);
        __m128i ks = _mm_maskz_loadu_epi8(mask, m->keystream + m->used);
        _mm_mask_storeu_epi8(out, mask, _mm_maskz_loadu_epi8(mask, in) ^ ks);
        m->used += (unsigned) take;
        in += take;
        out += take;
        len -= take;
    }
    if (len == 0) {
        return;
    }
    uint64_t hi = load_be64(m->counter), lo = load_be64(m->counter + 8);
    uint64_t blocks = len / 16 + (len % 16 != 0);
    __m128i ctr = _mm_set_epi64x((long long) hi, (long long) lo);
    /* The counter is public: a call whose blocks carry out of the low 64 bits takes the slower
     * counter arithmetic, every other call adds to the low halves only. */
    if (lo > UINT64_MAX - blocks) {
        BY_ROUNDS(k, ctr_blocks(k, ROUNDS, 1, ctr, in, out, len, m->keystream));
    } else {
        BY_ROUNDS(k, ctr_blocks(k, ROUNDS, 0, ctr, in, out, len, m->keystream));
    }
    lo += blocks;
    hi += lo < blocks;
    store_be64(m->counter, hi);
    store_be64(m->counter + 8, lo);
    m->used = len % 16 == 0 ? 16 : (unsigned) (len % 16);
}

SK_AES_TARGET void sk_ctr_kernel_update(const void *state, struct sk_ctr_message *m,
                                        const unsigned char *in, unsigned char *out, size_t len) {
    ctr_update(state, m, in, out, len);
    sk_kernel_clear_vector_registers();
}

/* ---- CBC decryption ---- */

/* CBC decryption of the nz registers at in (blocks: 4 nz if full, else 1 .. 4 nz). *prev is the
 * ciphertext block before in; a full step sets it to its own last one. */
SK_AES_INLINE void cbc_step(const __m512i rk[15], int rounds, __m128i *prev,
                            const unsigned char *in, unsigned char *out, size_t blocks, int nz,
                            int full) {
    __m512i x[SK_AES_REGS];
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = full ? _mm512_loadu_si512(in + 64 * q)
                    : _mm512_maskz_loadu_epi64(blocks_mask(blocks, q), in + 64 * q);
    }
    /* Read before any store (in may be out): the first register's ciphertext, for the block
     * before each of its lanes, and the step's last block, the next step's chain. */
    __m512i first = x[0];
    __m128i next = full ? _mm_loadu_si128((const __m128i *) (in + 64 * nz - 16)) : *prev;
    aes_regs(rk, rounds, 1, x, nz);
    /* From the last register back: in place, register q's store then overwrites only ciphertext
     * that the registers still to come (below it) do not read. */
    #pragma GCC unroll 8
    for (int q = nz - 1; q >= 0; q--) {
        __mmask8 m = full ? (__mmask8) 0xFF : blocks_mask(blocks, q);
        __m512i p = q == 0 ? _mm512_alignr_epi64(first, _mm512_broadcast_i32x4(*prev), 6)
                           : _mm512_maskz_loadu_epi64(m, in + 64 * q - 16);
        if (full) {
            _mm512_storeu_si512(out + 64 * q, x[q] ^ p);
        } else {
            _mm512_mask_storeu_epi64(out + 64 * q, m, x[q] ^ p);
        }
    }
    *prev = next;
}

SK_AES_INLINE void cbc_blocks(const struct aes_key *k, int rounds, __m128i prev,
                              const unsigned char *in, unsigned char *out, size_t blocks) {
    if (blocks >= 4 * SK_AES_REGS) {
        __m512i rk[15];
        broadcast_keys(k, rounds, rk);
        do {
            cbc_step(rk, rounds, &prev, in, out, blocks, SK_AES_REGS, 1);
            blocks -= 4 * SK_AES_REGS;
            in += SK_AES_STEP;
            out += SK_AES_STEP;
        } while (blocks >= 4 * SK_AES_REGS);
    }
    if (blocks == 0) {
        return;
    }
    __m512i rk[15]; /* broadcast again, as in ctr_blocks */
    broadcast_keys(k, rounds, rk);
    if (blocks > 16) {
        cbc_step(rk, rounds, &prev, in, out, blocks, 8, 0);
    } else if (blocks > 4) {
        cbc_step(rk, rounds, &prev, in, out, blocks, 4, 0);
    } else {
        cbc_step(rk, rounds, &prev, in, out, blocks, 1, 0);
    }
}

SK_AES_TARGET void sk_cbc_kernel_decrypt(const void *state, unsigned char chain[16],
                                         const unsigned char *in, unsigned char *out,
                                         size_t blocks) {
    const struct aes_key *k = state;
    if (blocks == 0) {
        return;
    }
    __m128i prev = _mm_loadu_si128((const __m128i *) chain);
    __m128i last = _mm_loadu_si128((const __m128i *) (in + 16 * (blocks - 1)));
    BY_ROUNDS(k, cbc_blocks(k, ROUNDS, prev, in, out, blocks));
    _mm_storeu_si128((__m128i *) chain, last);
    sk_kernel_clear_vector_registers();
}

/* ---- ECB ---- */

SK_AES_INLINE void ecb_step(const __m512i rk[15], int rounds, int dec, const unsigned char *in,
                            unsigned char *out, size_t blocks, int nz, int full) {
    __m512i x[SK_AES_REGS];
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        x[q] = full ? _mm512_loadu_si512(in + 64 * q)
                    : _mm512_maskz_loadu_epi64(blocks_mask(blocks, q), in + 64 * q);
    }
    aes_regs(rk, rounds, dec, x, nz);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        if (full) {
            _mm512_storeu_si512(out + 64 * q, x[q]);
        } else {
            _mm512_mask_storeu_epi64(out + 64 * q, blocks_mask(blocks, q), x[q]);
        }
    }
}

SK_AES_INLINE void ecb_blocks(const struct aes_key *k, int rounds, int dec,
                              const unsigned char *in, unsigned char *out, size_t blocks) {
    if (blocks >= 4 * SK_AES_REGS) {
        __m512i rk[15];
        broadcast_keys(k, rounds, rk);
        do {
            ecb_step(rk, rounds, dec, in, out, blocks, SK_AES_REGS, 1);
            blocks -= 4 * SK_AES_REGS;
            in += SK_AES_STEP;
            out += SK_AES_STEP;
        } while (blocks >= 4 * SK_AES_REGS);
    }
    if (blocks == 0) {
        return;
    }
    __m512i rk[15]; /* broadcast again, as in ctr_blocks */
    broadcast_keys(k, rounds, rk);
    if (blocks > 16) {
        ecb_step(rk, rounds, dec, in, out, blocks, 8, 0);
    } else if (blocks > 4) {
        ecb_step(rk, rounds, dec, in, out, blocks, 4, 0);
    } else {
        ecb_step(rk, rounds, dec, in, out, blocks, 1, 0);
    }
}

SK_AES_TARGET void sk_ecb_kernel_encrypt(const void *state, const unsigned char *in,
                                         unsigned char *out, size_t blocks) {
    const struct aes_key *k = state;
    BY_ROUNDS(k, ecb_blocks(k, ROUNDS, 0, in, out, blocks));
    sk_kernel_clear_vector_registers();
}

SK_AES_TARGET void sk_ecb_kernel_decrypt(const void *state, const unsigned char *in,
                                         unsigned char *out, size_t blocks) {
    const struct aes_key *k = state;
    BY_ROUNDS(k, ecb_blocks(k, ROUNDS, 1, in, out, blocks));
    sk_kernel_clear_vector_registers();
}
