/*
 * The AES kernel (provider/src/main/c/aes_kernel.c) on its own, without Java:
 *
 *   aes_kernel_loop check [cases] [seed]  compares it with OpenSSL's EVP (aes-*-ctr, aes-*-cbc
 *                                         decryption, aes-*-ecb both ways, no padding) on random
 *                                         keys, IVs (counters near 2^64 and 2^128 included) and
 *                                         data, split across calls in the ways the API allows, in
 *                                         place and not; exits 1 on a mismatch
 *   aes_kernel_loop [seconds per case]    the kernel and OpenSSL EVP in the same run, a fresh IV
 *                                         per message; prints lines as evp_loop does (algorithm,
 *                                         bytes, MiB/s, MiB = 2^20)
 *
 * Build: gcc -O2 -I provider/src/main/c benchmarks/native/aes_kernel_loop.c \
 *            provider/src/main/c/aes_kernel.c provider/src/main/c/kernel_support.c -lcrypto
 */
#include "loop_support.h"

#include "aes_kernel.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum mode { CTR, CBC_DECRYPT, ECB_ENCRYPT, ECB_DECRYPT, MODES };
static const char *const mode_names[MODES] = {"ctr", "cbc-decrypt", "ecb-encrypt", "ecb-decrypt"};

static const EVP_CIPHER *evp_cipher(enum mode mode, int key_len) {
    if (mode == CTR) {
        return key_len == 16 ? EVP_aes_128_ctr() : key_len == 24 ? EVP_aes_192_ctr()
                                                                  : EVP_aes_256_ctr();
    }
    if (mode == CBC_DECRYPT) {
        return key_len == 16 ? EVP_aes_128_cbc() : key_len == 24 ? EVP_aes_192_cbc()
                                                                  : EVP_aes_256_cbc();
    }
    return key_len == 16 ? EVP_aes_128_ecb() : key_len == 24 ? EVP_aes_192_ecb()
                                                              : EVP_aes_256_ecb();
}

/* ---- check ---- */

/* OpenSSL's answer for the whole message in one call. */
static void reference(enum mode mode, int key_len, const unsigned char *key,
                      const unsigned char *iv, const unsigned char *in, unsigned char *out,
                      size_t len) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int n, enc = mode == CTR || mode == ECB_ENCRYPT;
    int ok = ctx != NULL
             && EVP_CipherInit_ex(ctx, evp_cipher(mode, key_len), NULL, key,
                                  mode == CTR || mode == CBC_DECRYPT ? iv : NULL, enc) == 1
             && EVP_CIPHER_CTX_set_padding(ctx, 0) == 1
             && (len == 0 || EVP_CipherUpdate(ctx, out, &n, in, (int) len) == 1);
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        fprintf(stderr, "OpenSSL failed\n");
        exit(2);
    }
}

/* Sizes of the calls for len bytes, in units of `unit` (1 for CTR, 16 for the block modes): one
 * call (how 0), random pieces (1), pieces of 1 .. 4 units (2), a mix with empty calls (3), or one
 * unit per call (4: 1-byte calls for CTR). */
static size_t split(size_t len, size_t unit, size_t *parts, size_t max_parts, int how) {
    size_t n = 0, units = len / unit;
    while (units > 0 && n + 1 < max_parts) {
        size_t take;
        if (how == 0) {
            take = units;
        } else if (how == 1) {
            take = below(units + 1);
        } else if (how == 2) {
            take = 1 + below(units < 4 ? units : 4);
        } else if (how == 4) {
            take = 1;
        } else {
            take = below(4) == 0 ? 0 : 1 + below(units < 40 ? units : 40);
        }
        parts[n++] = take * unit;
        units -= take;
    }
    if (units > 0) {
        parts[n++] = units * unit;
    }
    return n;
}

#define MAX_PARTS (1 << 21)
#define GUARD 64

static size_t *parts;
static long reported;
static _Alignas(64) unsigned char state[SK_AES_KERNEL_STATE_SIZE];

/* A random IV; often a counter close to a carry across the 64-bit halves or to 2^128. */
static void make_iv(unsigned char iv[16]) {
    fill(iv, 16);
    int kind = (int) below(8);
    if (kind == 1 || kind == 2) { /* low 8 bytes 0xFF.., minus a little */
        memset(iv + 8, 0xFF, 8);
        iv[15] = (unsigned char) (0xFF - below(80));
        if (kind == 2) iv[14] = (unsigned char) (0xFF - below(2));
    } else if (kind == 3) { /* all 16 bytes 0xFF.., minus a little: wraps to zero */
        memset(iv, 0xFF, 16);
        iv[15] = (unsigned char) (0xFF - below(80));
    } else if (kind == 4) { /* a carry across the halves that runs on into the high half */
        memset(iv + 4, 0xFF, 12);
        iv[15] = (unsigned char) (0xFF - below(80));
    } else if (kind == 5) { /* the low 32 bits about to carry (a 32-bit counter would wrap) */
        memset(iv + 12, 0xFF, 4);
        iv[15] = (unsigned char) (0xFF - below(80));
    }
}

/* One case through the kernel, checked against OpenSSL; returns 0 on a mismatch. data_parts
 * NULL: split at random (how = 0 .. 3). */
static int one_case(enum mode mode, int key_len, size_t len, int in_place, int how,
                    const size_t *data_parts, size_t n_data_parts) {
    unsigned char key[32], iv[16], chain[16];
    size_t off_in = below(64), off_out = below(64);
    unsigned char *in = malloc(len + 64), *want = malloc(len + 16),
                  *buf = malloc(len + 64 + 2 * GUARD);
    fill(key, sizeof key);
    make_iv(iv);
    fill(in + off_in, len);
    reference(mode, key_len, key, iv, in + off_in, want, len);

    unsigned char *out = buf + GUARD + off_out;
    memset(buf, 0xA5, len + 64 + 2 * GUARD);
    const unsigned char *src = in + off_in;
    if (in_place) {
        memcpy(out, src, len);
        src = out;
    }
    sk_aes_kernel_init(state, key, key_len, mode == CBC_DECRYPT || mode == ECB_DECRYPT);
    if (data_parts == NULL) {
        n_data_parts = split(len, mode == CTR ? 1 : 16, parts, MAX_PARTS, how);
        data_parts = parts;
    }
    struct sk_ctr_message m;
    sk_ctr_kernel_start(&m, iv);
    memcpy(chain, iv, 16);
    size_t at = 0;
    for (size_t i = 0; i < n_data_parts; i++) {
        size_t n = data_parts[i];
        switch (mode) {
        case CTR: sk_ctr_kernel_update(state, &m, src + at, out + at, n); break;
        case CBC_DECRYPT: sk_cbc_kernel_decrypt(state, chain, src + at, out + at, n / 16); break;
        case ECB_ENCRYPT: sk_ecb_kernel_encrypt(state, src + at, out + at, n / 16); break;
        default: sk_ecb_kernel_decrypt(state, src + at, out + at, n / 16); break;
        }
        at += n;
    }
    sk_ctr_kernel_wipe(&m);

    int data_ok = at == len && memcmp(out, want, len) == 0, chain_ok = 1, guard_ok = 1;
    if (mode == CBC_DECRYPT) { /* the chain is the last ciphertext block, or the IV */
        chain_ok = memcmp(chain, len >= 16 ? in + off_in + len - 16 : iv, 16) == 0;
    }
    for (size_t i = 0; i < GUARD + off_out; i++) guard_ok &= buf[i] == 0xA5;
    for (size_t i = 0; i < GUARD; i++) guard_ok &= out[len + i] == 0xA5;
    int ok = data_ok && chain_ok && guard_ok;
    if (!ok && ++reported <= 10) {
        fprintf(stderr, "MISMATCH %s key %d data %zu %s split %d (%zu calls) iv ", mode_names[mode],
                key_len, len, in_place ? "in-place" : "out-of-place", how, n_data_parts);
        for (int i = 0; i < 16; i++) fprintf(stderr, "%02x", iv[i]);
        fprintf(stderr, ":%s%s%s\n", data_ok ? "" : " data", chain_ok ? "" : " chain",
                guard_ok ? "" : " wrote outside the output");
    }
    free(in);
    free(want);
    free(buf);
    return ok;
}

static int check(long cases, uint64_t seed) {
    static const int keys[3] = {16, 24, 32};
    static const size_t big[] = {16384, 16384 + 1, 16384 + 15, 65536 + 7, 1048576, 1048576 + 1,
                                 1048576 + 13, 1048576 + 4095, 100000 + 3};
    long done = 0, failed = 0;
    parts = malloc(MAX_PARTS * sizeof *parts);
    rng_state = seed;
    printf("check: seed %llu\n", (unsigned long long) seed);
    /* CTR: every way to split 0 .. 13 bytes, each composition of the length into calls. */
    for (size_t len = 0; len <= 13; len++) {
        for (unsigned long mask = 0; mask < (1ul << (len > 0 ? len - 1 : 0)); mask++) {
            size_t p[16], np = 0, run = 1;
            for (size_t b = 1; b < len; b++, run++) {
                if (mask & (1ul << (b - 1))) { p[np++] = run; run = 0; }
            }
            if (len > 0) p[np++] = run;
            failed += !one_case(CTR, keys[done % 3], len, (int) (done & 1), 0, p, np);
            done++;
        }
    }
    /* CTR: a first call of every length 0 .. 40, then a second of every length 0 .. 600. */
    for (size_t a = 0; a <= 40; a++) {
        for (size_t b = 0; b <= 600; b++) {
            size_t p[2] = {a, b};
            failed += !one_case(CTR, keys[done % 3], a + b, (int) (done & 1), 0, p, 2);
            done++;
        }
    }
    /* Block modes: every composition of 0 .. 12 blocks into calls. */
    for (int mode = CBC_DECRYPT; mode < MODES; mode++) {
        for (size_t blocks = 0; blocks <= 12; blocks++) {
            for (unsigned long mask = 0; mask < (1ul << (blocks > 0 ? blocks - 1 : 0)); mask++) {
                size_t p[16], np = 0, run = 1;
                for (size_t b = 1; b < blocks; b++, run++) {
                    if (mask & (1ul << (b - 1))) { p[np++] = 16 * run; run = 0; }
                }
                if (blocks > 0) p[np++] = 16 * run;
                failed += !one_case((enum mode) mode, keys[done % 3], 16 * blocks,
                                    (int) (done & 1), 0, p, np);
                done++;
            }
        }
    }
    printf("check: %ld exhaustive splits, %ld failed\n", done, failed);
    /* Random cases: every length 0 .. 1100 (CTR: bytes; block modes: 0 .. 1100 bytes rounded
     * down to blocks, and 0 .. 1100 blocks), then big ones. */
    for (long i = 0; i < cases && failed <= 20; i++) {
        enum mode mode = (enum mode) (i % MODES);
        size_t len = (size_t) (i / MODES) % 1101;
        if (mode != CTR) len = (i / MODES) % 2 ? 16 * len : len / 16 * 16;
        if (i % 1009 == 0) len = big[below(sizeof big / sizeof big[0])];
        if (mode != CTR) len = len / 16 * 16;
        failed += !one_case(mode, keys[below(3)], len, (int) below(2), (int) below(5), NULL, 0);
        done++;
    }
    printf("check: %ld cases, %ld failed\n", done, failed);
    free(parts);
    return failed == 0 ? 0 : 1;
}

/* ---- benchmark ---- */

/* Messages of size bytes for about seconds through the kernel (evp == 0) or OpenSSL's EVP, keyed
 * once, a fresh IV per message; returns MiB/s. */
static double run(enum mode mode, int evp, size_t size, double seconds) {
    /* A fresh IV per message, from a table written beforehand: writing one byte of the IV just
     * before each message would make the 16-byte load of it wait for that store to commit (no
     * store forwarding from a narrower store), a stall of the harness, not of the code measured. */
    unsigned char key[32] = {1}, ivs[64][16], chain[16];
    for (int i = 0; i < 64; i++) {
        memset(ivs[i], 2, 16);
        ivs[i][0] = (unsigned char) i;
    }
    /* Both buffers page-aligned: placed at other offsets, a store to out and a load from in 4 KiB
     * apart in the low address bits slow every step down (4K aliasing), for both contenders. */
    size_t room = (size + 4095) / 4096 * 4096;
    unsigned char *in = aligned_alloc(4096, room), *out = aligned_alloc(4096, room);
    int enc = mode == CTR || mode == ECB_ENCRYPT, n;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (in == NULL || out == NULL || ctx == NULL
            || EVP_CipherInit_ex(ctx, evp_cipher(mode, 32), NULL, key, NULL, enc) != 1
            || EVP_CIPHER_CTX_set_padding(ctx, 0) != 1) {
        fprintf(stderr, "setup failed\n");
        exit(1);
    }
    memset(in, 0, room);
    sk_aes_kernel_init(state, key, 32, !enc);
    long count = 0;
    double start = now(), end = start + seconds;
    while (1) {
        for (int i = 0; i < 64; i++) {
            const unsigned char *iv = ivs[i];
            if (evp) {
                if (EVP_CipherInit_ex(ctx, NULL, NULL, NULL, mode == ECB_ENCRYPT
                                      || mode == ECB_DECRYPT ? NULL : iv, enc) != 1
                        || EVP_CipherUpdate(ctx, out, &n, in, (int) size) != 1) {
                    fprintf(stderr, "a message failed\n");
                    exit(1);
                }
            } else if (mode == CTR) {
                struct sk_ctr_message m;
                sk_ctr_kernel_start(&m, iv);
                sk_ctr_kernel_update(state, &m, in, out, size);
                sk_ctr_kernel_wipe(&m);
            } else if (mode == CBC_DECRYPT) {
                memcpy(chain, iv, 16);
                sk_cbc_kernel_decrypt(state, chain, in, out, size / 16);
            } else if (mode == ECB_ENCRYPT) {
                sk_ecb_kernel_encrypt(state, in, out, size / 16);
            } else {
                sk_ecb_kernel_decrypt(state, in, out, size / 16);
            }
            count++;
        }
        if (now() >= end) break;
    }
    double elapsed = now() - start;
    EVP_CIPHER_CTX_free(ctx);
    free(in);
    free(out);
    return (double) count * size / elapsed / 1048576.0;
}

int main(int argc, char **argv) {
    const char *why = sk_aes_kernel_unavailable();
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
    static const char *const names[MODES] = {"AES-256-CTR", "AES-256-CBC-decrypt",
                                             "AES-256-ECB-encrypt", "AES-256-ECB-decrypt"};
    printf("# aes_kernel vs %s\n", OpenSSL_version(OPENSSL_VERSION));
    for (int mode = 0; mode < MODES; mode++) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            for (int evp = 0; evp <= 1; evp++) {
                run((enum mode) mode, evp, sizes[i], seconds / 3 < 0.5 ? seconds / 3 : 0.5);
                printf("%s-%s\t%zu\t%.1f\n", names[mode], evp ? "EVP" : "kernel", sizes[i],
                       run((enum mode) mode, evp, sizes[i], seconds));
                fflush(stdout);
            }
        }
    }
    sk_aes_kernel_wipe(state);
    return 0;
}
