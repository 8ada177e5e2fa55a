/*
 * The GCM kernel (provider/src/main/c/gcm_kernel.c) on its own, without Java:
 *
 *   kernel_loop check [cases] [seed]
 *       compares it with OpenSSL's EVP AES-GCM on random keys, nonces, AAD and data (every length
 *       0..1100, many up to 5 KiB, some of 16 KiB and 1 MiB + odd sizes), split across calls in
 *       every way the API allows (exhaustively for data up to 135 bytes), in place and not, both
 *       directions, and through the one-shot seal/open (open must refuse a wrong tag and zero its
 *       output); also fails on a write outside the output or into the key state. Exits 1 on any
 *       mismatch. Default 300000 cases, seed from the clock (printed, to replay).
 *   kernel_loop [seconds per case]
 *       AES-256-GCM seal, a fresh 12-byte nonce per message; prints lines as evp_loop does
 *       (algorithm, bytes, MiB/s with MiB = 2^20) and the key setup cost to stderr.
 *
 * Build: gcc -O2 -I provider/src/main/c benchmarks/native/kernel_loop.c \
 *            provider/src/main/c/gcm_kernel.c provider/src/main/c/kernel_support.c -lcrypto
 * (check is also worth a run built with -fsanitize=address,undefined: it found one bug so far.)
 */
#include "loop_support.h"

#include "gcm_kernel.h"

#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- check ---- */

/* OpenSSL's answer: out = E(in) or D(in), tag over aad and the ciphertext. */
static void reference(int key_len, const unsigned char *key, const unsigned char *iv,
                      const unsigned char *aad, size_t aad_len, const unsigned char *in,
                      unsigned char *out, size_t len, int enc, unsigned char tag[16]) {
    const EVP_CIPHER *c = key_len == 16 ? EVP_aes_128_gcm()
                        : key_len == 24 ? EVP_aes_192_gcm() : EVP_aes_256_gcm();
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int n, ok = ctx != NULL && EVP_CipherInit_ex(ctx, c, NULL, key, iv, enc) == 1
                && (aad_len == 0 || EVP_CipherUpdate(ctx, NULL, &n, aad, (int) aad_len) == 1)
                && (len == 0 || EVP_CipherUpdate(ctx, out, &n, in, (int) len) == 1);
    if (ok && enc) {
        ok = EVP_CipherFinal_ex(ctx, out + len, &n) == 1
             && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag) == 1;
    }
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        fprintf(stderr, "OpenSSL failed\n");
        exit(2);
    }
}

/* Sizes of the calls for len bytes: multiples of 16 (zero included) and any last one. */
static size_t split(size_t len, size_t *parts, size_t max_parts, int mode) {
    size_t n = 0;
    while (len > 0 && n + 1 < max_parts) {
        size_t blocks = len / 16, take;
        if (mode == 0) {
            take = len; /* one call */
        } else if (mode == 1) {
            take = 16 * below(blocks + 1); /* anything */
        } else {
            take = 16 * below(blocks < 20 ? blocks + 1 : 20); /* small pieces */
        }
        if (take == 0 && below(4) != 0) {
            take = len < 16 ? len : 16 * (1 + below(blocks));
            if (take > len) take = len;
        }
        parts[n++] = take;
        len -= take;
    }
    if (len > 0) {
        parts[n++] = len;
    }
    return n;
}

#define MAX_PARTS 4096
#define GUARD 64

static size_t parts[MAX_PARTS];
static long reported;
static _Alignas(64) unsigned char state[SK_GCM_KERNEL_STATE_SIZE];
static unsigned char state_copy[SK_GCM_KERNEL_STATE_SIZE];

/* One case through the kernel, checked against OpenSSL; returns 0 on a mismatch. */
static int one_case(int key_len, size_t aad_len, size_t len, int enc, int in_place, int mode,
                    const size_t *data_parts, size_t n_data_parts) {
    unsigned char key[32], iv[12], want_tag[16], tag[16];
    size_t off_in = below(64), off_out = below(64), off_aad = below(64);
    unsigned char *aad = malloc(aad_len + 64), *in = malloc(len + 64 + 16),
                  *want = malloc(len + 64 + 16), *buf = malloc(len + 128 + 2 * GUARD);
    fill(key, sizeof key);
    fill(iv, sizeof iv);
    fill(aad + off_aad, aad_len);
    fill(in + off_in, len);
    reference(key_len, key, iv, aad + off_aad, aad_len, in + off_in, want, len, enc, want_tag);
    if (!enc) { /* to check a decryption's tag, the tag of the encryption of want */
        unsigned char *tmp = malloc(len + 16);
        reference(key_len, key, iv, aad + off_aad, aad_len, want, tmp, len, 1, want_tag);
        free(tmp);
    }

    unsigned char *out = buf + GUARD + off_out;
    memset(buf, 0xA5, len + 128 + 2 * GUARD);
    const unsigned char *src = in + off_in;
    if (in_place) {
        memcpy(out, src, len);
        src = out;
    }
    sk_gcm_kernel_init(state, key, key_len);
    memcpy(state_copy, state, sizeof state);
    int open_ok = 1;
    if (mode == 3) { /* the one-shot forms, and open's refusal of a wrong tag */
        if (enc) {
            sk_gcm_kernel_seal(state, iv, aad + off_aad, aad_len, src, out, len, tag);
        } else {
            size_t tag_len = 12 + below(5);
            unsigned char *again = malloc(len + 1);
            memcpy(again, src, len);
            memcpy(tag, want_tag, 16);
            open_ok = sk_gcm_kernel_open(state, iv, aad + off_aad, aad_len, src, out, len, tag,
                                         tag_len) == 1;
            tag[below(tag_len)] ^= (unsigned char) (1u << below(8));
            open_ok &= sk_gcm_kernel_open(state, iv, aad + off_aad, aad_len, again, again, len,
                                          tag, tag_len) == 0;
            for (size_t i = 0; i < len; i++) open_ok &= again[i] == 0;
            free(again);
            memcpy(tag, want_tag, 16);
        }
    } else {
        struct sk_gcm_message m;
        sk_gcm_kernel_start(state, &m, iv);
        size_t n = split(aad_len, parts, MAX_PARTS, mode), at = 0;
        for (size_t i = 0; i < n; i++) {
            sk_gcm_kernel_aad(state, &m, aad + off_aad + at, parts[i]);
            at += parts[i];
        }
        if (data_parts == NULL) {
            n_data_parts = split(len, parts, MAX_PARTS, mode);
            data_parts = parts;
        }
        at = 0;
        if (!enc && mode == 1) { /* two passes: authenticate, then the keystream alone */
            for (size_t i = 0; i < n_data_parts; i++) {
                sk_gcm_kernel_authenticate(state, &m, src + at, data_parts[i]);
                at += data_parts[i];
            }
            sk_gcm_kernel_finish(state, &m, tag);
            struct sk_gcm_message second;
            unsigned char discarded[16];
            sk_gcm_kernel_start(state, &second, iv);
            at = 0;
            for (size_t i = 0; i < n_data_parts; i++) {
                sk_gcm_kernel_keystream(state, &second, src + at, out + at, data_parts[i]);
                at += data_parts[i];
            }
            sk_gcm_kernel_finish(state, &second, discarded);
        } else {
            for (size_t i = 0; i < n_data_parts; i++) {
                sk_gcm_kernel_update(state, &m, src + at, out + at, data_parts[i], enc);
                at += data_parts[i];
            }
            sk_gcm_kernel_finish(state, &m, tag);
        }
    }

    int data_ok = memcmp(out, want, len) == 0, tag_ok = memcmp(tag, want_tag, 16) == 0;
    int guard_ok = 1;
    for (size_t i = 0; i < GUARD + off_out; i++) guard_ok &= buf[i] == 0xA5;
    for (size_t i = 0; i < GUARD; i++) guard_ok &= out[len + i] == 0xA5;
    int state_ok = memcmp(state_copy, state, sizeof state) == 0; /* read-only after init */
    int ok = data_ok && tag_ok && guard_ok && state_ok && open_ok;
    if (!ok && ++reported <= 10) {
        fprintf(stderr, "MISMATCH key %d aad %zu data %zu %s %s mode %d:%s%s%s%s%s\n",
                key_len, aad_len, len, enc ? "encrypt" : "decrypt",
                in_place ? "in-place" : "out-of-place", mode, data_ok ? "" : " data",
                tag_ok ? "" : " tag", guard_ok ? "" : " wrote outside the output",
                state_ok ? "" : " changed the key state", open_ok ? "" : " open's verdict");
    }
    free(aad);
    free(in);
    free(want);
    free(buf);
    return ok;
}

static void put_be32(unsigned char *p, uint32_t v) {
    for (int j = 0; j < 4; j++) {
        p[j] = (unsigned char) (v >> (24 - 8 * j));
    }
}

/* inc32 at its wrap, which 12-byte nonces never reach within GCM's limits, so OpenSSL's GCM
 * cannot show it: the message's counter is set just below 2^32 by hand (its layout is in the
 * header) and the keystream compared with AES-ECB of the counter blocks GCM prescribes: the low
 * 32 bits wrap to 0, the nonce bytes never change. Returns the number of failures. */
static long check_inc32_wrap(void) {
    static const size_t lens[] = {16, 64, 200, 300, 512, 1024, 4096 + 48};
    long failed = 0;
    for (int key_len = 16; key_len <= 32; key_len += 8) {
        for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
            for (uint32_t below_wrap = 1; below_wrap <= 300; below_wrap += 37) {
                size_t len = lens[li], nb = (len + 15) / 16;
                unsigned char key[32], iv[12], tag[16];
                unsigned char *zero = calloc(len, 1), *ks = malloc(len), *blocks = malloc(16 * nb);
                unsigned char *want = malloc(16 * nb);
                fill(key, sizeof key);
                fill(iv, sizeof iv);
                uint32_t first = (uint32_t) (0 - below_wrap);
                for (size_t b = 0; b < nb; b++) {
                    uint32_t c = first + (uint32_t) b; /* mod 2^32 */
                    memcpy(blocks + 16 * b, iv, 12);
                    put_be32(blocks + 16 * b + 12, c);
                }
                const EVP_CIPHER *ecb = key_len == 16 ? EVP_aes_128_ecb()
                                      : key_len == 24 ? EVP_aes_192_ecb() : EVP_aes_256_ecb();
                EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
                int n;
                if (ctx == NULL || EVP_EncryptInit_ex(ctx, ecb, NULL, key, NULL) != 1
                        || EVP_CIPHER_CTX_set_padding(ctx, 0) != 1
                        || EVP_EncryptUpdate(ctx, want, &n, blocks, (int) (16 * nb)) != 1) {
                    fprintf(stderr, "OpenSSL failed\n");
                    exit(2);
                }
                EVP_CIPHER_CTX_free(ctx);
                struct sk_gcm_message m;
                sk_gcm_kernel_init(state, key, key_len);
                sk_gcm_kernel_start(state, &m, iv);
                put_be32(m.counter + 12, first);
                sk_gcm_kernel_update(state, &m, zero, ks, len, 1);
                sk_gcm_kernel_finish(state, &m, tag);
                if (memcmp(ks, want, len) != 0) {
                    if (++reported <= 10) {
                        fprintf(stderr, "MISMATCH inc32 wrap: key %d, data %zu, from 2^32 - %u\n",
                                key_len, len, below_wrap);
                    }
                    failed++;
                }
                free(zero);
                free(ks);
                free(blocks);
                free(want);
            }
        }
    }
    return failed;
}

static int check(long cases, uint64_t seed) {
    static const int keys[3] = {16, 24, 32};
    static const size_t big[] = {16384, 16384 + 1, 65536 + 15, 1048576, 1048576 + 1,
                                 1048576 + 7, 1048576 + 255, 1048576 + 4095};
    long done = 0, failed = 0;
    rng_state = seed;
    printf("check: seed %llu\n", (unsigned long long) seed);
    /* Every way to split short data: each composition of its whole blocks, then the tail. */
    for (size_t len = 0; len <= 135; len++) {
        size_t blocks = len / 16, tail = len % 16;
        for (unsigned long mask = 0; mask < (1ul << (blocks > 0 ? blocks - 1 : 0)); mask++) {
            size_t p[20], np = 0, run = 1;
            for (size_t b = 1; b < blocks; b++, run++) {
                if (mask & (1ul << (b - 1))) { p[np++] = 16 * run; run = 0; }
            }
            if (blocks > 0) p[np++] = 16 * run;
            if (tail > 0) p[np++] = tail;
            int ok = one_case(keys[done % 3], below(40), len, (int) (done & 1),
                              (int) ((done >> 1) & 1), 0, p, np);
            failed += !ok;
            done++;
        }
    }
    printf("check: %ld exhaustive splits of 0..135 bytes, %ld failed\n", done, failed);
    long wrap_failed = check_inc32_wrap();
    failed += wrap_failed;
    printf("check: inc32 wrap, %ld failed\n", wrap_failed);
    /* Random cases: every data length 0..1100 and AAD 0..70 many times over; some lengths up to
     * 5 KiB (several 512-byte batches, so the pipelined loop with every kind of rest), long AAD,
     * and a few big messages. */
    for (long i = 0; i < cases; i++) {
        size_t len = i % 1101, aad = below(71);
        if (i % 5 == 0) len = 1024 + below(4097);
        if (i % 97 == 0) aad = 70 + below(5000);
        if (i % 1009 == 0) len = big[below(sizeof big / sizeof big[0])];
        int ok = one_case(keys[below(3)], aad, len, (int) below(2), (int) below(2),
                          (int) below(4), NULL, 0);
        failed += !ok;
        done++;
        if (failed > 20) break;
    }
    printf("check: %ld cases, %ld failed\n", done, failed);
    return failed == 0 ? 0 : 1;
}

/* ---- benchmark ---- */

static double run(size_t size, double seconds) {
    unsigned char key[32] = {1}, iv[12] = {2}, tag[16];
    unsigned char *in = calloc(size, 1), *out = malloc(size + 32);
    sk_gcm_kernel_init(state, key, 32);
    long count = 0;
    double start = now(), end = start + seconds;
    while (1) {
        for (int i = 0; i < 64; i++) {
            struct sk_gcm_message m;
            /* A fresh nonce per message: a message counter in the first 8 bytes, as a caller
             * would make it. (evp_loop writes one byte; read as 8, a byte-wide store cannot be
             * forwarded and the load waits for the previous message to retire, which turns this
             * throughput loop into a latency loop.) */
            uint64_t c = (uint64_t) count;
            memcpy(iv, &c, sizeof c);
            sk_gcm_kernel_start(state, &m, iv);
            sk_gcm_kernel_update(state, &m, in, out, size, 1);
            sk_gcm_kernel_finish(state, &m, tag);
            count++;
        }
        if (now() >= end) break;
    }
    double elapsed = now() - start;
    free(in);
    free(out);
    return (double) count * size / elapsed / 1048576.0;
}

static void key_setup_cost(void) {
    unsigned char key[32] = {3};
    long n = 0;
    double start = now(), t;
    do {
        for (int i = 0; i < 1000; i++) {
            key[0] = (unsigned char) i;
            sk_gcm_kernel_init(state, key, 32);
        }
        n += 1000;
    } while ((t = now()) - start < 0.3);
    fprintf(stderr, "key setup (AES-256): %.1f ns per sk_gcm_kernel_init\n", (t - start) / n * 1e9);
}

int main(int argc, char **argv) {
    const char *why = sk_gcm_kernel_unavailable();
    if (why != NULL) {
        fprintf(stderr, "kernel unavailable: %s\n", why);
        return 3;
    }
    if (argc > 1 && strcmp(argv[1], "check") == 0) {
        long cases = argc > 2 ? atol(argv[2]) : 300000;
        uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : (uint64_t) time(NULL);
        return check(cases, seed);
    }
    double seconds = argc > 1 ? atof(argv[1]) : 3.0;
    static const size_t sizes[] = {64, 1024, 16384, 1048576};
    printf("# gcm_kernel\n");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        run(sizes[i], seconds / 3 < 1.0 ? seconds / 3 : 1.0); /* warm-up */
        printf("AES-256-GCM-kernel\t%zu\t%.1f\n", sizes[i], run(sizes[i], seconds));
        fflush(stdout);
    }
    key_setup_cost();
    sk_gcm_kernel_wipe(state);
    return 0;
}
