/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.KeyWrapNative: AES-KW (RFC 3394),
 * AES-KW over PKCS#5-padded data (SunJCE's AES/KW/PKCS5Padding) and AES-KWP (RFC 5649), as
 * NIST SP 800-38F's W and W^-1 over single AES blocks of the KEK's pooled ECB contexts (keys.h).
 *
 * Why not OpenSSL's own key-wrap ciphers (EVP_aes_*_wrap, _wrap_pad): up to at least 3.0 they
 * run on AES_encrypt/AES_decrypt, OpenSSL's portable AES, which on x86-64 indexes tables with
 * key- and data-dependent values and does not use AES-NI, so they were both slower than this and
 * not constant-time; and their KWP unwrap returns at the first failed check. The ECB contexts
 * use AES-NI (or another constant-time implementation), and every check here is branch-free.
 *
 * The same rules as the other engines: every call that takes a key record runs inside the KEK's
 * gate; key bytes never cross. A session key being wrapped arrives as its off-heap slot (a direct
 * buffer, read by address inside that key's gate). An unwrapped key goes into a result held in
 * secret memory until the Java side has made the new key's slot and moved it there, so the
 * recovered bytes never exist on the Java heap. Every buffer that holds key data is in secret
 * memory and cleansed when freed. Messages name the step only, never data or key bytes.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "direct_buffers.h"
#include "io_sessionkeys_internal_engine_openssl_KeyWrapNative.h"
#include "keys.h"
#include "libcrypto.h"
#include "secret_memory.h"

#define SEMIBLOCK 8

/* KeyWrapNative.PAD_* */
enum { PAD_NONE = 0, PAD_PKCS5 = 1, PAD_KWP = 2 };

/* An unwrapped message, in secret memory until moved or copied out: A || R, the data at R. */
struct sk_kw_result {
    size_t capacity;     /* bytes of buffer[] */
    jint length;         /* recovered bytes, at buffer + SEMIBLOCK */
    unsigned char buffer[];
};

static void fail(JNIEnv *env, const char *what) {
    sk.clear_errors();
    jclass cls = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, what);
    }
}

static void *secret_zalloc(size_t n) {
    sk_secret_heap_enter();
    void *p = sk.zalloc(n, __FILE__, __LINE__);
    sk_secret_heap_leave();
    return p;
}

/* Reads the ICV (8 bytes for KW, 4 for KWP, as the cipher's IV length); 0 with an exception pending if not. */
static int read_icv(JNIEnv *env, jbyteArray icv, unsigned char *iv) {
    jsize n = (*env)->GetArrayLength(env, icv);
    if (n != 4 && n != SEMIBLOCK) {
        fail(env, "OpenSSL: a key-wrap ICV has 4 or 8 bytes");
        return 0;
    }
    (*env)->GetByteArrayRegion(env, icv, 0, n, (jbyte *) iv);
    return 1;
}

/* One AES block in place on an ECB context (3.x returns 16, 1.1.1 returns 1). */
static int block(EVP_CIPHER_CTX *ctx, unsigned char *b) {
    return sk.cipher(ctx, b, b, 16) > 0;
}

/* A ^= t, t as a 64-bit big-endian number. */
static void xor_counter(unsigned char *a, uint64_t t) {
    for (int k = 0; k < SEMIBLOCK; k++) {
        a[SEMIBLOCK - 1 - k] ^= (unsigned char) (t >> (8 * k));
    }
}

/* W (SP 800-38F 6.1): six rounds over the n semiblocks after A = buf[0..8), in place. */
static int forward(EVP_CIPHER_CTX *ctx, unsigned char *buf, size_t n) {
    unsigned char b[16];
    int ok = 1;
    memcpy(b, buf, SEMIBLOCK);
    uint64_t t = 1;
    for (int j = 0; j < 6; j++) {
        for (size_t i = 1; i <= n; i++, t++) {
            memcpy(b + SEMIBLOCK, buf + i * SEMIBLOCK, SEMIBLOCK);
            ok &= block(ctx, b);
            xor_counter(b, t);
            memcpy(buf + i * SEMIBLOCK, b + SEMIBLOCK, SEMIBLOCK);
        }
    }
    memcpy(buf, b, SEMIBLOCK);
    sk.cleanse(b, sizeof b);
    return ok;
}

/* W^-1: undoes forward, leaving the recovered A in buf[0..8). */
static int inverse(EVP_CIPHER_CTX *ctx, unsigned char *buf, size_t n) {
    unsigned char b[16];
    int ok = 1;
    memcpy(b, buf, SEMIBLOCK);
    uint64_t t = 6 * (uint64_t) n;
    for (int j = 5; j >= 0; j--) {
        for (size_t i = n; i >= 1; i--, t--) {
            xor_counter(b, t);
            memcpy(b + SEMIBLOCK, buf + i * SEMIBLOCK, SEMIBLOCK);
            ok &= block(ctx, b);
            memcpy(buf + i * SEMIBLOCK, b + SEMIBLOCK, SEMIBLOCK);
        }
    }
    memcpy(buf, b, SEMIBLOCK);
    sk.cleanse(b, sizeof b);
    return ok;
}

/*
 * Runs W (wrap) or W^-1 over buf (A || R, total bytes) on a context borrowed from the KEK's
 * record; KWP with a single semiblock of data is one AES block (RFC 5649 4.1, 4.2).
 */
static int run(struct sk_key *key, int wrap, int single_block, unsigned char *buf, size_t total) {
    struct sk_slot *slot = sk_key_borrow(key);
    if (slot == NULL) {
        return 0;
    }
    int ok;
    if (single_block) {
        ok = block(slot->ctx, buf);
    } else {
        size_t n = total / SEMIBLOCK - 1;
        ok = wrap ? forward(slot->ctx, buf, n) : inverse(slot->ctx, buf, n);
    }
    sk_key_give_back(slot);
    return ok;
}

/* Masks for values below 2^63: all ones or zero, no branch. */
static uint64_t mask_less(uint64_t a, uint64_t b) {
    return 0 - ((a - b) >> 63);
}

static uint64_t mask_zero(uint64_t a) {
    return 0 - (((a | (0 - a)) >> 63) ^ 1);
}

/*
 * The message length of data[0, length) without its PKCS#5 padding, or -1: 1 to min(length, 16)
 * pad bytes each equal to their count (16, so that JDK 17's AES/KW/PKCS5Padding blobs unwrap).
 * Every tail byte is read and the checks combined with masks, as the Java engine does; it runs
 * only after the KW integrity check passed.
 */
static int64_t unpadded_length(const unsigned char *data, uint64_t length) {
    uint64_t tail = length < 16 ? length : 16; /* public */
    uint64_t pad = data[length - 1];
    uint64_t bad = mask_zero(pad) | mask_less(tail, pad);
    for (uint64_t k = 1; k <= tail; k++) {
        uint64_t in_padding = ~mask_less(pad, k);
        uint64_t differs = ~mask_zero((uint64_t) (data[length - k] ^ pad));
        bad |= in_padding & differs;
    }
    return (int64_t) ((bad & (uint64_t) -1) | (~bad & (length - pad)));
}

/*
 * The outcome of W^-1 over buf (A || R, total bytes): the recovered length, or -1 if the ICV
 * (KWP: also the length range and the zero padding) is wrong. Every check is computed and the
 * results combined with masks; nothing branches on the data before the one result.
 */
static int64_t check_unwrapped(const unsigned char *buf, uint64_t total, int padding, const unsigned char *icv) {
    uint64_t differs = 0;
    int icv_length = padding == PAD_KWP ? 4 : SEMIBLOCK;
    for (int k = 0; k < icv_length; k++) {
        differs |= (uint64_t) (buf[k] ^ icv[k]);
    }
    uint64_t ok = mask_zero(differs);
    uint64_t padded = total - SEMIBLOCK; /* public */
    if (padding != PAD_KWP) {
        if (padding == PAD_PKCS5) {
            /* the padding is read only if the ICV matched: not an oracle on data that failed it */
            int64_t unpadded = unpadded_length(buf + SEMIBLOCK, padded);
            ok &= mask_zero((uint64_t) unpadded >> 63);
            return (int64_t) ((ok & (uint64_t) unpadded) | (~ok & (uint64_t) -1));
        }
        return (int64_t) ((ok & padded) | (~ok & (uint64_t) -1));
    }
    uint64_t mli = ((uint64_t) buf[4] << 24) | ((uint64_t) buf[5] << 16) | ((uint64_t) buf[6] << 8) | buf[7];
    /* SP 800-38F 6.3 step 3: 8(n-1) < MLI <= 8n */
    ok &= ~mask_less(mli, padded - SEMIBLOCK + 1) & ~mask_less(padded, mli);
    uint64_t pad_bits = 0;
    for (uint64_t k = 0; k < SEMIBLOCK; k++) {
        uint64_t position = padded - SEMIBLOCK + k; /* within the data */
        pad_bits |= ~mask_less(position, mli) & buf[SEMIBLOCK + position];
    }
    ok &= mask_zero(pad_bits);
    return (int64_t) ((ok & mli) | (~ok & (uint64_t) -1));
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_wrap(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray icv, jint padding, jobject source,
        jbyteArray data, jint offset, jint length, jbyteArray out) {
    (void) cls;
    unsigned char iv[SEMIBLOCK];
    if (!read_icv(env, icv, iv)) {
        return;
    }
    const unsigned char *slot = NULL;
    if (source != NULL && (slot = sk_direct_address(env, source)) == NULL) {
        fail(env, "OpenSSL: not a direct buffer");
        return;
    }
    /* A || the data, padded to whole semiblocks (PKCS#5, or zeros for KWP) */
    size_t padded = padding == PAD_PKCS5 ? (size_t) length + (SEMIBLOCK - (size_t) length % SEMIBLOCK)
                                         : ((size_t) length + SEMIBLOCK - 1) / SEMIBLOCK * SEMIBLOCK;
    size_t total = SEMIBLOCK + padded;
    if ((*env)->GetArrayLength(env, out) != (jsize) total) {
        fail(env, "OpenSSL: the output does not have the wrapped length");
        return;
    }
    unsigned char *buf = secret_zalloc(total);
    if (buf == NULL) {
        fail(env, "OpenSSL: out of memory for the key to wrap");
        return;
    }
    if (slot != NULL) {
        memcpy(buf + SEMIBLOCK, slot, (size_t) length);
    } else {
        (*env)->GetByteArrayRegion(env, data, offset, length, (jbyte *) (buf + SEMIBLOCK));
    }
    if (padding == PAD_KWP) {
        memcpy(buf, iv, 4);
        buf[4] = (unsigned char) ((uint32_t) length >> 24);
        buf[5] = (unsigned char) ((uint32_t) length >> 16);
        buf[6] = (unsigned char) ((uint32_t) length >> 8);
        buf[7] = (unsigned char) length;
    } else {
        memcpy(buf, iv, SEMIBLOCK);
        memset(buf + SEMIBLOCK + length, (int) (padded - (size_t) length), padded - (size_t) length);
    }
    int ok = run((struct sk_key *) (intptr_t) handle, 1, padding == PAD_KWP && total == 16, buf, total);
    if (ok) {
        (*env)->SetByteArrayRegion(env, out, 0, (jsize) total, (jbyte *) buf);
    }
    sk.clear_free(buf, total, __FILE__, __LINE__);
    if (!ok) {
        fail(env, "OpenSSL: key wrapping failed");
    }
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_unwrap(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray icv, jint padding, jbyteArray in,
        jint offset, jint length) {
    (void) cls;
    unsigned char iv[SEMIBLOCK];
    if (!read_icv(env, icv, iv)) {
        return 0;
    }
    size_t total = (size_t) length; /* a multiple of 8, at least 16 (KWP) or 24 (KW): checked in Java */
    struct sk_kw_result *result = secret_zalloc(sizeof *result + total);
    if (result == NULL) {
        fail(env, "OpenSSL: out of memory for the unwrapped key");
        return 0;
    }
    result->capacity = total;
    (*env)->GetByteArrayRegion(env, in, offset, length, (jbyte *) result->buffer);
    if (!run((struct sk_key *) (intptr_t) handle, 0, padding == PAD_KWP && total == 16, result->buffer, total)) {
        sk.clear_free(result, sizeof *result + total, __FILE__, __LINE__);
        fail(env, "OpenSSL: key unwrapping failed");
        return 0;
    }
    int64_t recovered = check_unwrapped(result->buffer, total, padding, iv);
    if (recovered < 0) {
        /* The integrity check (or the padding) failed: nothing leaves. */
        sk.clear_free(result, sizeof *result + total, __FILE__, __LINE__);
        return 0;
    }
    result->length = (jint) recovered;
    return (jlong) (intptr_t) result;
}

JNIEXPORT jint JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_resultLength(
        JNIEnv *env, jclass cls, jlong handle) {
    (void) env;
    (void) cls;
    return ((struct sk_kw_result *) (intptr_t) handle)->length;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_moveResult(
        JNIEnv *env, jclass cls, jlong handle, jobject slot) {
    (void) cls;
    struct sk_kw_result *result = (struct sk_kw_result *) (intptr_t) handle;
    jlong capacity;
    unsigned char *address = sk_direct_region(env, slot, &capacity);
    if (address == NULL || capacity < result->length) {
        fail(env, "OpenSSL: the new key's slot is not a direct buffer of the recovered length");
        return;
    }
    memcpy(address, result->buffer + SEMIBLOCK, (size_t) result->length);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_copyResult(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray out, jint offset) {
    (void) cls;
    struct sk_kw_result *result = (struct sk_kw_result *) (intptr_t) handle;
    (*env)->SetByteArrayRegion(env, out, offset, result->length, (jbyte *) (result->buffer + SEMIBLOCK));
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_KeyWrapNative_freeResult(
        JNIEnv *env, jclass cls, jlong handle) {
    (void) env;
    (void) cls;
    struct sk_kw_result *result = (struct sk_kw_result *) (intptr_t) handle;
    if (result != NULL) {
        sk.clear_free(result, sizeof *result + result->capacity, __FILE__, __LINE__);
    }
}
