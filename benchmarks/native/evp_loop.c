/*
 * The reference row for the native engine's crossing cost: the same OpenSSL EVP calls the engine
 * makes per message (re-init a keyed context with a fresh IV, one update, final, read the tag),
 * in a plain C loop, without Java. Prints one tab-separated line per case: algorithm, message
 * bytes, MB/s (10^6 bytes per second), as the JMH tables count them.
 *
 *   evp_loop [seconds per case]      (default 3; one more second of warm-up before each)
 */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Seals messages of size bytes for about seconds; returns MB/s. */
static double run(const EVP_CIPHER *cipher, size_t size, double seconds) {
    unsigned char key[32] = {1}, iv[12] = {2}, tag[16];
    unsigned char *in = calloc(size, 1), *out = malloc(size + 16);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int outl;
    if (in == NULL || out == NULL || ctx == NULL || EVP_CipherInit_ex(ctx, cipher, NULL, key, NULL, 1) != 1) {
        fprintf(stderr, "setup failed\n");
        exit(1);
    }
    long count = 0;
    double start = now(), end = start + seconds;
    while (1) {
        for (int i = 0; i < 64; i++) {
            iv[0] = (unsigned char) count; /* a fresh IV per message, as the benchmark does */
            if (EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, 1) != 1
                    || EVP_CipherUpdate(ctx, out, &outl, in, (int) size) != 1
                    || EVP_CipherFinal_ex(ctx, out + outl, &outl) != 1
                    || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag) != 1) {
                fprintf(stderr, "encryption failed\n");
                exit(1);
            }
            count++;
        }
        if (now() >= end) {
            break;
        }
    }
    double elapsed = now() - start;
    EVP_CIPHER_CTX_free(ctx);
    free(in);
    free(out);
    return (double) count * size / elapsed / 1e6;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 3.0;
    struct { const char *name; const char *fetch; size_t size; } cases[] = {
        {"AES-256-GCM", "AES-256-GCM", 64},
        {"AES-256-GCM", "AES-256-GCM", 1024},
        {"AES-256-GCM", "AES-256-GCM", 16384},
        {"AES-256-GCM", "AES-256-GCM", 1048576},
        {"ChaCha20-Poly1305", "ChaCha20-Poly1305", 16384},
    };
    printf("# %s\n", OpenSSL_version(OPENSSL_VERSION));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, cases[i].fetch, NULL);
        if (cipher == NULL) {
            printf("%s\t%zu\tnot provided\n", cases[i].name, cases[i].size);
            continue;
        }
        run(cipher, cases[i].size, 1.0); /* warm-up */
        printf("%s\t%zu\t%.1f\n", cases[i].name, cases[i].size, run(cipher, cases[i].size, seconds));
        fflush(stdout);
        EVP_CIPHER_free(cipher);
    }
    return 0;
}
