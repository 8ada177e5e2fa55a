/*
 * The reference row for the native engine's crossing cost: the same OpenSSL EVP calls the engine
 * makes per message (re-init a keyed context with a fresh IV, one update, final, read the tag; for
 * the block modes re-init, one update and, encrypting, final), in a plain C loop, without Java. Prints one tab-separated line per case: algorithm, message
 * bytes, MiB/s (2^20 bytes per second), as the JMH tables count them.
 *
 *   evp_loop [seconds per case]      (default 3; one more second of warm-up before each)
 */
#include "loop_support.h"

#include <openssl/evp.h>
#include <openssl/opensslv.h>
#if OPENSSL_VERSION_MAJOR >= 3
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum kind { SEAL, ENCRYPT, DECRYPT };

/* Reads the tag as the engine does: a parameter read on OpenSSL 3, ctrl on 1.1.1. */
static int read_tag(EVP_CIPHER_CTX *ctx, unsigned char *tag) {
#if OPENSSL_VERSION_MAJOR >= 3
    OSSL_PARAM params[2] = {
        {OSSL_CIPHER_PARAM_AEAD_TAG, OSSL_PARAM_OCTET_STRING, tag, 16, OSSL_PARAM_UNMODIFIED},
        OSSL_PARAM_END
    };
    return EVP_CIPHER_CTX_get_params(ctx, params) == 1;
#else
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag) == 1;
#endif
}

/* One message: an AEAD seal, or a block-mode encryption (CBC padded as PKCS5Padding) or decryption
 * (padding off, as the native engine runs it: the ciphers remove padding in Java). */
static int message(EVP_CIPHER_CTX *ctx, enum kind kind, const unsigned char *iv, unsigned char *out,
                   const unsigned char *in, size_t size) {
    unsigned char tag[16];
    int outl, finl;
    if (EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, kind != DECRYPT) != 1
            || EVP_CipherUpdate(ctx, out, &outl, in, (int) size) != 1) {
        return 0;
    }
    if (kind == DECRYPT) {
        return 1;
    }
    return EVP_CipherFinal_ex(ctx, out + outl, &finl) == 1
           && (kind == ENCRYPT || read_tag(ctx, tag));
}

/* Runs messages of size bytes for about seconds; returns MiB/s. */
static double run(const EVP_CIPHER *cipher, enum kind kind, size_t size, double seconds) {
    unsigned char key[32] = {1}, iv[16] = {2};
    unsigned char *in = calloc(size, 1), *out = malloc(size + 32);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (in == NULL || out == NULL || ctx == NULL
            || EVP_CipherInit_ex(ctx, cipher, NULL, key, NULL, kind != DECRYPT) != 1
            || (kind == DECRYPT && EVP_CIPHER_CTX_set_padding(ctx, 0) != 1)) {
        fprintf(stderr, "setup failed\n");
        exit(1);
    }
    long count = 0;
    double start = now(), end = start + seconds;
    while (1) {
        for (int i = 0; i < 64; i++) {
            iv[0] = (unsigned char) count; /* a fresh IV per message, as the benchmark does */
            if (!message(ctx, kind, iv, out, in, size)) {
                fprintf(stderr, "a message failed\n");
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
    return (double) count * size / elapsed / 1048576.0;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 3.0;
    struct { const char *name; const char *fetch; enum kind kind; size_t size; } cases[] = {
        {"AES-256-GCM", "AES-256-GCM", SEAL, 64},
        {"AES-256-GCM", "AES-256-GCM", SEAL, 1024},
        {"AES-256-GCM", "AES-256-GCM", SEAL, 16384},
        {"AES-256-GCM", "AES-256-GCM", SEAL, 1048576},
        {"ChaCha20-Poly1305", "ChaCha20-Poly1305", SEAL, 16384},
        {"AES-256-CTR encrypt", "AES-256-CTR", ENCRYPT, 16384},
        {"AES-256-CBC encrypt", "AES-256-CBC", ENCRYPT, 16384},
        {"AES-256-CBC decrypt", "AES-256-CBC", DECRYPT, 16384},
    };
    printf("# %s\n", OpenSSL_version(OPENSSL_VERSION));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, cases[i].fetch, NULL);
        if (cipher == NULL) {
            printf("%s\t%zu\tnot provided\n", cases[i].name, cases[i].size);
            continue;
        }
        run(cipher, cases[i].kind, cases[i].size, 1.0); /* warm-up */
        printf("%s\t%zu\t%.1f\n", cases[i].name, cases[i].size,
               run(cipher, cases[i].kind, cases[i].size, seconds));
        fflush(stdout);
        EVP_CIPHER_free(cipher);
    }
    return 0;
}
