/*
 * AES-GCM kernel: see gcm_kernel.h; the AES and GHASH building blocks are in gcm_kernel_ops.h.
 *
 * Data goes 32 blocks (512 bytes) per step: eight zmm registers of counter blocks through VAES
 * (eight, because vaesenc's latency is four times its issue interval here), and their ciphertext
 * through one aggregated GHASH (each block times its own power of H, one reduction). From two
 * steps on, each step's AES runs interleaved with the previous step's GHASH. The rest of a call
 * (the last block possibly partial) goes through one more step of 1, 4 or 8 registers with masked
 * loads and stores, so a 64-byte message costs one register of AES and one of GHASH.
 *
 * No secret is copied to the stack: round keys are broadcast from the state at each round and the
 * GHASH sums are kept in an order that leaves room in the registers (checked in the generated
 * assembly: the only spills are the counter block and pointers). Every entry point clears the
 * vector registers before it returns, as the AES kernel's do.
 */
#include "gcm_kernel.h"
#include "kernel_support.h"
#include "gcm_kernel_ops.h"

#include <stddef.h>
#include <string.h>

_Static_assert(sizeof(struct gcm_key) <= SK_GCM_KERNEL_STATE_SIZE, "state too small");
_Static_assert(SK_GCM_KERNEL_STATE_SIZE % 64 == 0, "state size a multiple of 64");

const char *sk_gcm_kernel_unavailable(void) {
    return sk_kernel_cpu_missing(1);
}

/* ---- key setup ---- */

SK_TARGET void sk_gcm_kernel_init(void *state, const unsigned char *key, int key_len) {
    struct gcm_key *k = state;
    /* The unused bytes too, so that no earlier content of the caller's memory lingers there. */
    memset(k->unused, 0, sizeof k->unused);
    memset((char *) state + sizeof *k, 0, SK_GCM_KERNEL_STATE_SIZE - sizeof *k);
    k->rounds = sk_kernel_expand_key(k->rk, key, key_len);
    __m128i h = bswap128(aes_block(k, _mm_setzero_si128()));
    /* h times x: shift left one bit; if the top bit falls out, add the reflected polynomial. */
    __m128i top = _mm_srai_epi32(_mm_shuffle_epi32(h, 0xFF), 31);
    __m128i carry = _mm_slli_si128(_mm_srli_epi64(h, 63), 8);
    h = (_mm_slli_epi64(h, 1) | carry)
        ^ (top & _mm_set_epi64x(GF_POLY_HI, 1));
    /* The powers, doubling the count at each step so that the multiplications of a step run in
     * parallel: H^2; H^3, H^4; then H^8..H^5 from H^4..H^1 times H^4, and so on. */
    __m128i h2 = gf_mul(h, h);
    __m128i h4 = gf_mul(h2, h2);
    k->hpow[31] = h;
    k->hpow[30] = h2;
    k->hpow[29] = gf_mul(h2, h);
    k->hpow[28] = h4;
    __m512i p4 = _mm512_loadu_si512(k->hpow + 28);
    __m512i p8 = gf_mul_x4(p4, _mm512_broadcast_i32x4(h4));
    _mm512_storeu_si512(k->hpow + 24, p8);
    __m512i hh = _mm512_broadcast_i32x4(_mm512_castsi512_si128(p8)); /* H^8 */
    _mm512_storeu_si512(k->hpow + 20, gf_mul_x4(p4, hh));
    _mm512_storeu_si512(k->hpow + 16, gf_mul_x4(p8, hh));
    hh = _mm512_broadcast_i32x4(k->hpow[16]); /* H^16 */
    for (int i = 0; i < 4; i++) {
        __m512i lower = _mm512_loadu_si512(k->hpow + 16 + 4 * i);
        _mm512_storeu_si512(k->hpow + 4 * i, gf_mul_x4(lower, hh));
    }
    sk_kernel_clear_vector_registers();
}

void sk_gcm_kernel_wipe(void *state) {
    sk_kernel_wipe(state, SK_GCM_KERNEL_STATE_SIZE);
}

/* ---- messages ---- */

SK_TARGET void sk_gcm_kernel_start(const void *state, struct sk_gcm_message *m,
                                   const unsigned char iv[12]) {
    const struct gcm_key *k = state;
    /* Two plain loads rather than a masked one: a masked load cannot take its bytes from a
     * store still in flight (the caller has often just written the nonce), and waits. */
    uint64_t iv_lo;
    uint32_t iv_hi;
    memcpy(&iv_lo, iv, 8);
    memcpy(&iv_hi, iv + 8, 4);
    __m128i j0 = _mm_insert_epi32(_mm_insert_epi32(_mm_cvtsi64_si128((long long) iv_lo),
                                                   (int) iv_hi, 2), (int) 0x01000000, 3);
    _mm_store_si128((__m128i *) m->ej0, aes_block(k, j0));
    _mm_store_si128((__m128i *) m->counter, _mm_insert_epi32(j0, (int) 0x02000000, 3));
    _mm_storeu_si128((__m128i *) m->ghash, _mm_setzero_si128());
    m->aad_bytes = 0;
    m->data_bytes = 0;
    sk_kernel_clear_vector_registers();
}

/* GHASH over the 4 nz blocks at a (len bytes: all of them if full, else 1 .. 64 nz, the last
 * block zero-padded). */
SK_INLINE __m128i hash_step(const struct gcm_key *k, __m128i acc, const unsigned char *a,
                            size_t len, int nz, int full) {
    __m512i d[SK_MAX_REGS], p[SK_MAX_REGS];
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        if (full) {
            d[q] = bswap512(_mm512_loadu_si512(a + 64 * q));
        } else if (64 * (size_t) q < len) { /* registers past the end stay clear of memory */
            d[q] = bswap512(_mm512_maskz_loadu_epi8(bytes_mask(len, q), a + 64 * q));
        } else {
            d[q] = _mm512_setzero_si512();
        }
    }
    d[0] ^= _mm512_zextsi128_si512(acc);
    powers_for(k, full ? 4 * nz : (int) ((len + 15) / 16), p, nz);
    return ghash_blocks(d, p, nz);
}

SK_TARGET void sk_gcm_kernel_aad(const void *state, struct sk_gcm_message *m,
                                 const unsigned char *aad, size_t len) {
    const struct gcm_key *k = state;
    __m128i acc = _mm_loadu_si128((const __m128i *) m->ghash);
    m->aad_bytes += len;
    for (; len >= 512; len -= 512, aad += 512) {
        acc = hash_step(k, acc, aad, len, 8, 1);
    }
    if (len > 256) {
        acc = hash_step(k, acc, aad, len, 8, 0);
    } else if (len > 64) {
        acc = hash_step(k, acc, aad, len, 4, 0);
    } else if (len > 0) {
        acc = hash_step(k, acc, aad, len, 1, 0);
    }
    _mm_storeu_si128((__m128i *) m->ghash, acc);
    sk_kernel_clear_vector_registers();
}

void sk_gcm_kernel_authenticate(const void *state, struct sk_gcm_message *m, const unsigned char *in,
                                size_t len) {
    /* GHASH runs over the AAD and then the ciphertext, each zero-padded to whole blocks: the
     * AAD's code does the same to the ciphertext; only the length block tells them apart. */
    uint64_t aad_bytes = m->aad_bytes;
    sk_gcm_kernel_aad(state, m, in, len);
    m->aad_bytes = aad_bytes;
    m->data_bytes += len;
}

/* out = in ^ keystream x for one full register; returns the ciphertext byte-reversed for GHASH. */
SK_INLINE __m512i xor_store(const unsigned char *in, unsigned char *out, __m512i x, int enc) {
    __m512i v = _mm512_loadu_si512(in), y = x ^ v;
    _mm512_storeu_si512(out, y);
    return bswap512(enc ? y : v);
}

/* CTR and GHASH over the 4 nz blocks at in (len bytes: all of them if full, else 1 .. 64 nz, the
 * last block possibly partial); returns the new GHASH accumulator. */
SK_INLINE __m128i crypt_step(const struct gcm_key *k, __m128i ctr, __m128i acc,
                             const unsigned char *in, unsigned char *out, size_t len, int enc,
                             int nz, int full) {
    __m512i x[SK_MAX_REGS], d[SK_MAX_REGS], p[SK_MAX_REGS];
    counters(ctr, x, nz);
    aes_blocks(k, x, nz);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        if (full) {
            d[q] = xor_store(in + 64 * q, out + 64 * q, x[q], enc);
        } else if (64 * (size_t) q >= len) { /* registers past the end stay clear of memory */
            d[q] = _mm512_setzero_si512();
        } else {
            __mmask64 m = bytes_mask(len, q);
            __m512i v = _mm512_maskz_loadu_epi8(m, in + 64 * q), y = x[q] ^ v;
            _mm512_mask_storeu_epi8(out + 64 * q, m, y);
            /* GHASH covers the ciphertext zero-padded; y beyond len holds keystream: mask it. */
            d[q] = bswap512(enc ? _mm512_maskz_mov_epi8(m, y) : v);
        }
    }
    d[0] ^= _mm512_zextsi128_si512(acc);
    powers_for(k, full ? 4 * nz : (int) ((len + 15) / 16), p, nz);
    return ghash_blocks(d, p, nz);
}

SK_TARGET void sk_gcm_kernel_update(const void *state, struct sk_gcm_message *m,
                                    const unsigned char *in, unsigned char *out, size_t len,
                                    int enc) {
    const struct gcm_key *k = state;
    __m128i acc = _mm_loadu_si128((const __m128i *) m->ghash);
    __m128i ctr = bswap128(_mm_load_si128((const __m128i *) m->counter));
    __m128i next = _mm_add_epi32(ctr, _mm_cvtsi32_si128((int) (uint32_t) ((len + 15) / 16)));
    m->data_bytes += len;
    if (len >= 1024) {
        /* Software-pipelined: each batch's AES runs alongside the previous batch's GHASH. */
        __m512i x[SK_MAX_REGS], d[SK_MAX_REGS], p[SK_MAX_REGS];
        counters(ctr, x, 8);
        aes_blocks(k, x, 8);
        for (;;) {
            ctr = _mm_add_epi32(ctr, _mm_cvtsi32_si128(32));
            #pragma GCC unroll 8
            for (int q = 0; q < 8; q++) {
                d[q] = xor_store(in + 64 * q, out + 64 * q, x[q], enc);
            }
            in += 512;
            out += 512;
            len -= 512;
            if (len < 512) {
                break;
            }
            counters(ctr, x, 8);
            acc = aes_ghash_x8(k, x, d, acc);
        }
        d[0] ^= _mm512_zextsi128_si512(acc);
        powers_for(k, 32, p, 8);
        acc = ghash_blocks(d, p, 8);
    }
    for (; len >= 512; len -= 512, in += 512, out += 512) {
        acc = crypt_step(k, ctr, acc, in, out, len, enc, 8, 1);
        ctr = _mm_add_epi32(ctr, _mm_cvtsi32_si128(32));
    }
    if (len > 256) {
        acc = crypt_step(k, ctr, acc, in, out, len, enc, 8, 0);
    } else if (len > 64) {
        acc = crypt_step(k, ctr, acc, in, out, len, enc, 4, 0);
    } else if (len > 0) {
        acc = crypt_step(k, ctr, acc, in, out, len, enc, 1, 0);
    }
    _mm_store_si128((__m128i *) m->counter, bswap128(next));
    _mm_storeu_si128((__m128i *) m->ghash, acc);
    sk_kernel_clear_vector_registers();
}

/* out = in ^ keystream for the 4 nz blocks at in (1 .. 64 nz bytes; registers past the end stay
 * clear of memory). */
SK_INLINE void keystream_step(const struct gcm_key *k, __m128i ctr, const unsigned char *in,
                              unsigned char *out, size_t len, int nz) {
    __m512i x[SK_MAX_REGS];
    counters(ctr, x, nz);
    aes_blocks(k, x, nz);
    #pragma GCC unroll 8
    for (int q = 0; q < nz; q++) {
        __mmask64 m = bytes_mask(len, q);
        _mm512_mask_storeu_epi8(out + 64 * q, m, x[q] ^ _mm512_maskz_loadu_epi8(m, in + 64 * q));
    }
}

SK_TARGET void sk_gcm_kernel_keystream(const void *state, struct sk_gcm_message *m,
                                       const unsigned char *in, unsigned char *out, size_t len) {
    const struct gcm_key *k = state;
    __m128i ctr = bswap128(_mm_load_si128((const __m128i *) m->counter));
    __m128i next = _mm_add_epi32(ctr, _mm_cvtsi32_si128((int) (uint32_t) ((len + 15) / 16)));
    m->data_bytes += len;
    for (; len >= 512; len -= 512, in += 512, out += 512) {
        __m512i x[SK_MAX_REGS];
        counters(ctr, x, 8);
        aes_blocks(k, x, 8);
        #pragma GCC unroll 8
        for (int q = 0; q < 8; q++) {
            _mm512_storeu_si512(out + 64 * q, x[q] ^ _mm512_loadu_si512(in + 64 * q));
        }
        ctr = _mm_add_epi32(ctr, _mm_cvtsi32_si128(32));
    }
    if (len > 256) {
        keystream_step(k, ctr, in, out, len, 8);
    } else if (len > 64) {
        keystream_step(k, ctr, in, out, len, 4);
    } else if (len > 0) {
        keystream_step(k, ctr, in, out, len, 1);
    }
    _mm_store_si128((__m128i *) m->counter, bswap128(next));
    sk_kernel_clear_vector_registers();
}

SK_TARGET void sk_gcm_kernel_finish(const void *state, struct sk_gcm_message *m,
                                    unsigned char tag[16]) {
    const struct gcm_key *k = state;
    __m128i acc = _mm_loadu_si128((const __m128i *) m->ghash);
    /* The length block, byte-reversed: bit counts of AAD (high half) and data (low half). */
    __m128i lens = _mm_insert_epi64(_mm_cvtsi64_si128((long long) (m->data_bytes * 8)),
                                    (long long) (m->aad_bytes * 8), 1);
    acc = gf_mul(acc ^ lens, k->hpow[31]);
    _mm_storeu_si128((__m128i *) tag,
                     bswap128(acc) ^ _mm_load_si128((const __m128i *) m->ej0));
    sk_kernel_wipe(m, sizeof *m);
    sk_kernel_clear_vector_registers();
}

/* ---- one-shot forms ---- */

void sk_gcm_kernel_seal(const void *state, const unsigned char iv[12], const unsigned char *aad,
                        size_t aad_len, const unsigned char *in, unsigned char *out, size_t len,
                        unsigned char tag[16]) {
    struct sk_gcm_message m;
    sk_gcm_kernel_start(state, &m, iv);
    sk_gcm_kernel_aad(state, &m, aad, aad_len);
    sk_gcm_kernel_update(state, &m, in, out, len, 1);
    sk_gcm_kernel_finish(state, &m, tag);
}

int sk_gcm_kernel_open(const void *state, const unsigned char iv[12], const unsigned char *aad,
                       size_t aad_len, const unsigned char *in, unsigned char *out, size_t len,
                       const unsigned char *tag, size_t tag_len) {
    struct sk_gcm_message m;
    unsigned char want[16];
    sk_gcm_kernel_start(state, &m, iv);
    sk_gcm_kernel_aad(state, &m, aad, aad_len);
    sk_gcm_kernel_update(state, &m, in, out, len, 0);
    sk_gcm_kernel_finish(state, &m, want);
    unsigned diff = tag_len == 0 || tag_len > 16; /* lengths are public */
    for (size_t i = 0; i < tag_len && i < 16; i++) {
        diff |= (unsigned) (want[i] ^ tag[i]); /* no early exit: constant time in the bytes */
    }
    sk_kernel_wipe(want, sizeof want);
    if (diff != 0) { /* only the verdict is branched on, and it is public from here on */
        memset(out, 0, len);
        return 0;
    }
    return 1;
}
