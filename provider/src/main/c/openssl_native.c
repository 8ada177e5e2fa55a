/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.OpenSslNative.
 *
 * Handles cross as jlong: a key record (struct sk_key) or a lent context (struct sk_slot).
 * Key bytes never cross: a key record reads the raw key from its off-heap slot by address.
 * byte[] data is pinned with GetPrimitiveArrayCritical in chunks of at most CHUNK bytes, so no
 * critical region holds the garbage collector for long; nothing inside a region calls back
 * into the JVM. Plaintext of a decryption is written to the caller's array only after the tag
 * has been verified (it goes to a private scratch buffer first, cleansed afterwards).
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/opensslv.h>
#if OPENSSL_VERSION_MAJOR >= 3
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif

#include "direct_buffers.h"
#include "io_sessionkeys_internal_engine_openssl_OpenSslNative.h"
#include "gcm_kernel.h"
#include "kernel_blocks.h"
#include "kernel_messages.h"
#include "keys.h"
#include "libcrypto.h"

#define CHUNK (128 * 1024)
#define TAG_LENGTH 16
#define SMALL_SCRATCH 2048

#define SLOT(h) ((struct sk_slot *) (intptr_t) (h))
#define KEY(h) ((struct sk_key *) (intptr_t) (h))

static jclass illegal_state;

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass local = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (local == NULL) {
        return JNI_ERR;
    }
    illegal_state = (*env)->NewGlobalRef(env, local);
    sk_direct_buffers_init(env);
    return illegal_state == NULL ? JNI_ERR : JNI_VERSION_1_8;
}

/* Messages name the step only: never data, never key bytes. */
static void fail(JNIEnv *env, const char *what) {
    sk.clear_errors();
    (*env)->ThrowNew(env, illegal_state, what);
}

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_open(
        JNIEnv *env, jclass cls, jstring path) {
    (void) cls;
    char reason[512];
    const char *cpath = NULL;
    if (path != NULL) {
        cpath = (*env)->GetStringUTFChars(env, path, NULL);
        if (cpath == NULL) {
            return NULL; /* OutOfMemoryError pending */
        }
    }
    const char *why = sk_crypto_open(cpath, reason, sizeof reason);
    if (cpath != NULL) {
        (*env)->ReleaseStringUTFChars(env, path, cpath);
    }
    return why == NULL ? NULL : (*env)->NewStringUTF(env, why);
}

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_version(
        JNIEnv *env, jclass cls) {
    (void) cls;
    return (*env)->NewStringUTF(env, sk.version_text(0));
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_versionNumber(
        JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return (jlong) sk.version_num();
}

JNIEXPORT jboolean JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_hasCipher(
        JNIEnv *env, jclass cls, jint cipher) {
    (void) env;
    (void) cls;
    return cipher >= 0 && cipher < SK_CIPHER_COUNT && sk.ciphers[cipher] != NULL;
}

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_gcmKernelUnavailable(
        JNIEnv *env, jclass cls) {
    (void) cls;
    const char *why = sk_gcm_kernel_unavailable();
    return why == NULL ? NULL : (*env)->NewStringUTF(env, why);
}

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_aesKernelUnavailable(
        JNIEnv *env, jclass cls) {
    (void) cls;
    const char *why = sk_aes_kernel_unavailable();
    return why == NULL ? NULL : (*env)->NewStringUTF(env, why);
}

/*
 * The own kernel a record of this cipher and direction would have, and the AES key length, or
 * SK_KERNEL_NONE: AES-GCM, AES-CTR, AES-CBC decryption and AES-ECB have one (CBC encryption
 * is sequential, so it gains nothing from one).
 */
static enum sk_kernel_mode kernel_for(jint cipher, int enc, int *key_length) {
    static const struct { int first; enum sk_kernel_mode mode; } families[] = {
        {SK_AES_128_GCM, SK_KERNEL_GCM}, {SK_AES_128_CTR, SK_KERNEL_CTR},
        {SK_AES_128_CBC, SK_KERNEL_CBC_DECRYPT}, {SK_AES_128_ECB, SK_KERNEL_ECB},
    };
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        int size = cipher - families[i].first; /* the 128-, 192- and 256-bit ciphers follow one another */
        if (size >= 0 && size < 3 && !(families[i].mode == SK_KERNEL_CBC_DECRYPT && enc)) {
            *key_length = 16 + 8 * size;
            return families[i].mode;
        }
    }
    return SK_KERNEL_NONE;
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_newKey(
        JNIEnv *env, jclass cls, jobject raw, jint cipher, jboolean encrypt, jboolean kernel) {
    (void) cls;
    const unsigned char *address = sk_direct_address(env, raw);
    if (address == NULL || cipher < 0 || cipher >= SK_CIPHER_COUNT || sk.ciphers[cipher] == NULL) {
        fail(env, "OpenSSL key record: no such cipher or not a direct buffer");
        return 0;
    }
    int key_length = 0;
    enum sk_kernel_mode mode = kernel ? kernel_for(cipher, encrypt ? 1 : 0, &key_length) : SK_KERNEL_NONE;
    if (kernel && (mode == SK_KERNEL_NONE || (mode == SK_KERNEL_GCM ? sk_gcm_kernel_unavailable()
                                                                    : sk_aes_kernel_unavailable()) != NULL)) {
        fail(env, "OpenSSL key record: no own kernel can serve this cipher here");
        return 0;
    }
    struct sk_key *key = sk_key_new(address, sk.ciphers[cipher], encrypt ? 1 : 0, mode, key_length);
    if (key == NULL) {
        fail(env, "OpenSSL key record: out of memory");
        return 0;
    }
    return (jlong) (intptr_t) key;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_releaseKey(
        JNIEnv *env, jclass cls, jlong key) {
    (void) env;
    (void) cls;
    if (key != 0) {
        sk_key_release(KEY(key));
    }
}

/*
 * Borrows a context and starts a message with the n-byte iv (NULL: none, as in ECB); whole: the
 * message ends within this native call (see sk_key_borrow_whole).
 */
static struct sk_slot *start_with(JNIEnv *env, jlong key, const unsigned char *iv, int n, int enc, int aead,
                                  int whole) {
    struct sk_slot *slot = whole ? sk_key_borrow_whole(KEY(key)) : sk_key_borrow(KEY(key));
    if (slot == NULL) {
        fail(env, "OpenSSL: cannot make a keyed context");
        return NULL;
    }
    if (sk_key_on_block_kernel(KEY(key))) {
        sk_kernel_block_start(slot, iv);
        return slot;
    }
    int ok = 1;
    if (aead && slot->ivlen != n) {
        ok = sk.ctrl(slot->ctx, EVP_CTRL_AEAD_SET_IVLEN, n, NULL) == 1;
        slot->ivlen = ok ? n : -1;
    }
    ok = ok && sk.init(slot->ctx, NULL, NULL, NULL, iv, enc) == 1;
    if (!aead) {
        ok = ok && sk.set_padding(slot->ctx, 0) == 1;
    }
    if (!ok) {
        sk_key_give_back(slot);
        fail(env, "OpenSSL: cannot start a message");
        return NULL;
    }
    return slot;
}

/* Reads iv (1 to 128 bytes) into nonce; returns its length, or -1 with an exception pending. */
static jsize read_iv(JNIEnv *env, jbyteArray iv, unsigned char nonce[128]) {
    jsize n = (*env)->GetArrayLength(env, iv);
    if (n < 1 || n > 128) {
        fail(env, "OpenSSL: unsupported IV length");
        return -1;
    }
    (*env)->GetByteArrayRegion(env, iv, 0, n, (jbyte *) nonce);
    return n;
}

/* Borrows a context and starts a message with iv (NULL: none, as in ECB). */
static struct sk_slot *start(JNIEnv *env, jlong key, jbyteArray iv, int enc, int aead) {
    unsigned char nonce[128];
    jsize n = 0;
    if (iv != NULL && (n = read_iv(env, iv, nonce)) < 0) {
        return NULL;
    }
    return start_with(env, key, iv != NULL ? nonce : NULL, n, enc, aead, 0);
}

/*
 * Starts an AEAD message under a nonce given as the array nonce, or, when that is NULL, as the
 * 12 bytes head (big-endian) then tail: the usual nonce then costs no call back into the JVM
 * (each costs about as much as encrypting 64 bytes' worth of GHASH).
 */
/*
 * The 12 nonce bytes from their two numbers, written as two wide stores: the own GCM kernel reads
 * the nonce with one 16-byte load, which must wait for twelve single-byte stores to drain (it
 * halved the rate of 64-byte messages) but is forwarded from two.
 */
static void nonce_bytes(jlong head, jint tail, unsigned char twelve[12]) {
    uint64_t h = __builtin_bswap64((uint64_t) head);
    uint32_t t = __builtin_bswap32((uint32_t) tail);
    memcpy(twelve, &h, sizeof h);
    memcpy(twelve + 8, &t, sizeof t);
}

static struct sk_slot *start_aead(JNIEnv *env, jlong key, jlong head, jint tail, jbyteArray nonce, int enc) {
    if (nonce != NULL) {
        unsigned char bytes[128];
        jsize n = read_iv(env, nonce, bytes);
        return n < 0 ? NULL : start_with(env, key, bytes, n, enc, 1, 1);
    }
    unsigned char twelve[12];
    nonce_bytes(head, tail, twelve);
    return start_with(env, key, twelve, 12, enc, 1, 1);
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_startAead(
        JNIEnv *env, jclass cls, jlong key, jbyteArray nonce, jboolean encrypt) {
    (void) cls;
    return (jlong) (intptr_t) start(env, key, nonce, encrypt ? 1 : 0, 1);
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_start(
        JNIEnv *env, jclass cls, jlong key, jbyteArray iv, jboolean encrypt) {
    (void) cls;
    return (jlong) (intptr_t) start(env, key, iv, encrypt ? 1 : 0, 0);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_giveBack(
        JNIEnv *env, jclass cls, jlong slot) {
    (void) env;
    (void) cls;
    if (slot != 0) {
        sk_key_give_back(SLOT(slot));
    }
}

/* Adds AAD to the context; returns 1, or 0 with an exception pending. */
static int feed_aad(JNIEnv *env, EVP_CIPHER_CTX *ctx, jbyteArray aad, jint offset, jint length) {
    while (length > 0) {
        int n = length < CHUNK ? length : CHUNK;
        int outl;
        unsigned char *p = (*env)->GetPrimitiveArrayCritical(env, aad, NULL);
        if (p == NULL) {
            return 0;
        }
        int ok = sk.update(ctx, NULL, &outl, p + offset, n);
        (*env)->ReleasePrimitiveArrayCritical(env, aad, p, JNI_ABORT);
        if (ok != 1) {
            fail(env, "OpenSSL: AAD update failed");
            return 0;
        }
        offset += n;
        length -= n;
    }
    return 1;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_aad(
        JNIEnv *env, jclass cls, jlong slot, jbyteArray aad, jint offset, jint length) {
    (void) cls;
    feed_aad(env, SLOT(slot)->ctx, aad, offset, length);
}

/* Runs data through the slot's message; returns the bytes written, or -1 with an exception pending. */
static jint run(JNIEnv *env, struct sk_slot *slot, jbyteArray in, jint in_off, jint length,
                jbyteArray out, jint out_off) {
    jint written = 0;
    jboolean same = (*env)->IsSameObject(env, in, out);
    while (length > 0) {
        int n = length < CHUNK ? length : CHUNK;
        int outl = 0;
        unsigned char *src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
        if (src == NULL) {
            return -1;
        }
        unsigned char *dst = same ? src : (*env)->GetPrimitiveArrayCritical(env, out, NULL);
        if (dst == NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
            return -1;
        }
        int ok = sk_slot_update(slot, dst + out_off + written, &outl, src + in_off, n);
        if (!same) {
            (*env)->ReleasePrimitiveArrayCritical(env, out, dst, 0);
        }
        (*env)->ReleasePrimitiveArrayCritical(env, in, src, same ? 0 : JNI_ABORT);
        if (ok != 1) {
            fail(env, "OpenSSL: cipher update failed");
            return -1;
        }
        written += outl;
        in_off += n;
        length -= n;
    }
    return written;
}

JNIEXPORT jint JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_update(
        JNIEnv *env, jclass cls, jlong slot, jbyteArray in, jint in_off, jint length,
        jbyteArray out, jint out_off) {
    (void) cls;
    return run(env, SLOT(slot), in, in_off, length, out, out_off);
}

/*
 * Reads the full tag of a finished encryption into tag. OpenSSL 3's EVP_CIPHER_CTX_ctrl turns
 * the request into this same parameter read, with more work around it (measured on OpenSSL
 * 3.0: about 15 of the 190 ns that the EVP calls of a 64-byte message take), so 3.x is asked
 * directly.
 */
static int read_tag(EVP_CIPHER_CTX *ctx, unsigned char *tag) {
#if OPENSSL_VERSION_MAJOR >= 3
    if (sk.ctx_get_params != NULL) {
        OSSL_PARAM params[2] = {
            {OSSL_CIPHER_PARAM_AEAD_TAG, OSSL_PARAM_OCTET_STRING, tag, TAG_LENGTH, OSSL_PARAM_UNMODIFIED},
            OSSL_PARAM_END
        };
        return sk.ctx_get_params(ctx, params) == 1;
    }
#endif
    return sk.ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, TAG_LENGTH, tag) == 1;
}

/* Finishes an encryption, writes tag_length bytes of its tag and gives the context back. */
static void seal_tag(JNIEnv *env, struct sk_slot *slot, jbyteArray tag, jint tag_off, jint tag_length) {
    unsigned char buffer[TAG_LENGTH];
    int outl = 0;
    int ok = sk.final(slot->ctx, buffer, &outl) == 1
             && read_tag(slot->ctx, buffer);
    sk_key_give_back(slot);
    if (!ok) {
        fail(env, "OpenSSL: cannot finish the tag");
        return;
    }
    (*env)->SetByteArrayRegion(env, tag, tag_off, tag_length, (jbyte *) buffer);
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_sealTag(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray tag, jint tag_off) {
    (void) cls;
    seal_tag(env, SLOT(handle), tag, tag_off, TAG_LENGTH);
}

/*
 * Encrypts a small message in a stack buffer and writes ciphertext and tag with one copy: for
 * small messages two plain array copies cost less than pinning two arrays. The Java side has
 * checked both ranges, so the copies cannot fail, and on success the buffer holds only
 * ciphertext and tag (the plaintext was encrypted in place): only a failed step leaves
 * plaintext to cleanse. Gives the context back.
 */
static void seal_small(JNIEnv *env, struct sk_slot *slot, jbyteArray in, jint in_off, jint length,
                       jbyteArray out, jint out_off, jint tag_length) {
    unsigned char buffer[SMALL_SCRATCH + TAG_LENGTH];
    int outl = 0;
    int finl = 0;
    int ok = 1;
    if (length > 0) {
        (*env)->GetByteArrayRegion(env, in, in_off, length, (jbyte *) buffer);
        ok = sk.update(slot->ctx, buffer, &outl, buffer, length) == 1 && outl == length;
    }
    ok = ok && sk.final(slot->ctx, buffer + length, &finl) == 1
         && read_tag(slot->ctx, buffer + length);
    sk_key_give_back(slot);
    if (ok) {
        (*env)->SetByteArrayRegion(env, out, out_off, length + tag_length, (jbyte *) buffer);
    } else {
        sk.cleanse(buffer, (size_t) length + TAG_LENGTH);
        fail(env, "OpenSSL: cannot seal the message");
    }
}

/*
 * A whole encryption in one crossing: start under nonce, AAD, data, tag (tag_length bytes right
 * after the ciphertext). One JNI transition instead of four is most of a small message's cost.
 */
JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_sealMessage(
        JNIEnv *env, jclass cls, jlong key, jlong nonce_head, jint nonce_tail, jbyteArray nonce, jbyteArray aad,
        jint aad_off, jint aad_length, jbyteArray in, jint in_off, jint length, jbyteArray out, jint out_off,
        jint tag_length) {
    (void) cls;
    if (nonce == NULL && KEY(key)->kernel != NULL) {
        unsigned char twelve[12];
        nonce_bytes(nonce_head, nonce_tail, twelve);
        sk_kernel_seal_array(env, KEY(key)->kernel, twelve, aad, aad_off, aad_length, in, in_off, length, out,
                             out_off, tag_length);
        return;
    }
    struct sk_slot *slot = start_aead(env, key, nonce_head, nonce_tail, nonce, 1);
    if (slot == NULL) {
        return;
    }
    if (aad_length > 0 && !feed_aad(env, slot->ctx, aad, aad_off, aad_length)) {
        sk_key_give_back(slot);
        return;
    }
    if (length <= SMALL_SCRATCH) {
        seal_small(env, slot, in, in_off, length, out, out_off, tag_length);
        return;
    }
    if (run(env, slot, in, in_off, length, out, out_off) != length) {
        sk_key_give_back(slot);
        if (!(*env)->ExceptionCheck(env)) {
            fail(env, "OpenSSL: cipher update failed");
        }
        return;
    }
    seal_tag(env, slot, out, out_off + length, tag_length);
}

/* Decrypts into scratch, checks the tag, copies out only on a match; gives the context back. */
static jboolean open_verified(JNIEnv *env, struct sk_slot *slot, jbyteArray in, jint in_off, jint length,
        jbyteArray tag, jint tag_off, jint tag_length, jbyteArray out, jint out_off) {
    unsigned char small[SMALL_SCRATCH];
    unsigned char *scratch = length <= SMALL_SCRATCH ? small : malloc((size_t) length);
    if (scratch == NULL) {
        sk_key_give_back(slot);
        fail(env, "OpenSSL: out of memory for the decryption scratch");
        return JNI_FALSE;
    }
    unsigned char expected[TAG_LENGTH];
    (*env)->GetByteArrayRegion(env, tag, tag_off, tag_length, (jbyte *) expected);
    int ok = 0;
    int done = 0;
    if (scratch == small && length > 0) {
        /* a small message: one copy into the scratch, decrypted in place, instead of pinning */
        int n = 0;
        (*env)->GetByteArrayRegion(env, in, in_off, length, (jbyte *) scratch);
        if ((*env)->ExceptionCheck(env)) {
            goto out;
        }
        if (sk.update(slot->ctx, scratch, &n, scratch, length) != 1 || n != length) {
            fail(env, "OpenSSL: decryption update failed");
            goto out;
        }
        done = length;
    }
    while (done < length) {
        int n = length - done < CHUNK ? length - done : CHUNK;
        int outl = 0;
        unsigned char *src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
        if (src == NULL) {
            goto out; /* OutOfMemoryError pending */
        }
        int step = sk.update(slot->ctx, scratch + done, &outl, src + in_off + done, n);
        (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
        if (step != 1 || outl != n) {
            fail(env, "OpenSSL: decryption update failed");
            goto out;
        }
        done += n;
    }
    int outl = 0;
    ok = sk.ctrl(slot->ctx, EVP_CTRL_AEAD_SET_TAG, tag_length, expected) == 1
         && sk.final(slot->ctx, scratch + length, &outl) == 1;
    if (ok) {
        (*env)->SetByteArrayRegion(env, out, out_off, length, (jbyte *) scratch);
    } else {
        sk.clear_errors(); /* a wrong tag may leave an entry on this thread's error queue */
    }
out:
    sk.cleanse(scratch, (size_t) length);
    if (scratch != small) {
        free(scratch);
    }
    sk_key_give_back(slot);
    return ok ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jboolean JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_openVerified(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray in, jint in_off, jint length,
        jbyteArray tag, jint tag_off, jint tag_length, jbyteArray out, jint out_off) {
    (void) cls;
    return open_verified(env, SLOT(handle), in, in_off, length, tag, tag_off, tag_length, out, out_off);
}

/* A whole verified decryption in one crossing: start under nonce, AAD, then as openVerified. */
JNIEXPORT jboolean JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslNative_openMessage(
        JNIEnv *env, jclass cls, jlong key, jlong nonce_head, jint nonce_tail, jbyteArray nonce, jbyteArray aad,
        jint aad_off, jint aad_length, jbyteArray in, jint in_off, jint length, jbyteArray tag, jint tag_off,
        jint tag_length, jbyteArray out, jint out_off) {
    (void) cls;
    if (nonce == NULL && KEY(key)->kernel != NULL) {
        unsigned char twelve[12];
        nonce_bytes(nonce_head, nonce_tail, twelve);
        return sk_kernel_open_array(env, KEY(key)->kernel, twelve, aad, aad_off, aad_length, in, in_off, length,
                                    tag, tag_off, tag_length, out, out_off);
    }
    struct sk_slot *slot = start_aead(env, key, nonce_head, nonce_tail, nonce, 0);
    if (slot == NULL) {
        return JNI_FALSE;
    }
    if (aad_length > 0 && !feed_aad(env, slot->ctx, aad, aad_off, aad_length)) {
        sk_key_give_back(slot);
        return JNI_FALSE;
    }
    return open_verified(env, slot, in, in_off, length, tag, tag_off, tag_length, out, out_off);
}
