/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.BlockModesNative: what the
 * block modes (CTR, CBC, ECB, CFB8, CFB, OFB) need beyond the shared start/update/give-back of openssl_native.c.
 * The same rules hold: every call runs inside the key's gate, handles are lent contexts
 * (struct sk_slot; on a record with its own block kernel, a slot holding the message's state,
 * kernel_blocks.h), and messages never carry data. Direct buffers are read and written by
 * address: no copy, no critical region, nothing that holds the garbage collector.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "direct_buffers.h"
#include "io_sessionkeys_internal_engine_openssl_BlockModesNative.h"
#include "kernel_blocks.h"
#include "keys.h"
#include "libcrypto.h"

#define BLOCK 16

static void refuse(JNIEnv *env, const char *what) {
    sk.clear_errors();
    jclass cls = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, what);
    }
}

/* Restarts a CBC, CFB or OFB context from iv: same key schedule, same direction (enc = -1 keeps it). */
JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_BlockModesNative_restart(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray iv) {
    (void) cls;
    struct sk_slot *slot = (struct sk_slot *) (intptr_t) handle;
    unsigned char chain[BLOCK];
    if ((*env)->GetArrayLength(env, iv) != BLOCK) {
        refuse(env, "OpenSSL: a block-mode IV has 16 bytes");
        return;
    }
    (*env)->GetByteArrayRegion(env, iv, 0, BLOCK, (jbyte *) chain);
    if (sk_key_on_block_kernel(slot->owner)) {
        sk_kernel_block_restart(slot, chain);
    } else if (sk.init(slot->ctx, NULL, NULL, NULL, chain, -1) != 1 || sk.set_padding(slot->ctx, 0) != 1) {
        refuse(env, "OpenSSL: cannot restart the message");
    }
}

/*
 * Copies a CFB or OFB context's shift register (its running IV) into out (16 bytes), so that
 * restart can take the message back to this point. Java calls it only at a segment boundary,
 * where the register is all of the state (OpenSSL's partial-segment count is zero). The
 * register is ciphertext (CFB) or the last keystream block (OFB), whose plaintext the caller
 * already has.
 */
JNIEXPORT void JNICALL Java_io_sessionkeys_internal_engine_openssl_BlockModesNative_shiftRegister(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray out) {
    (void) cls;
    struct sk_slot *slot = (struct sk_slot *) (intptr_t) handle;
    unsigned char reg[BLOCK];
    int ok;
    if (sk.get_updated_iv != NULL) {
        ok = sk.get_updated_iv(slot->ctx, reg, BLOCK) == 1;
    } else {
        const unsigned char *iv = sk.ctx_iv(slot->ctx);
        ok = iv != NULL;
        if (ok) {
            memcpy(reg, iv, BLOCK);
        }
    }
    if (!ok || (*env)->GetArrayLength(env, out) != BLOCK) {
        refuse(env, "OpenSSL: cannot read the shift register");
    } else {
        (*env)->SetByteArrayRegion(env, out, 0, BLOCK, (jbyte *) reg);
    }
    sk.cleanse(reg, BLOCK);
}

/*
 * Runs length bytes from in + in_index to out + out_index (direct buffers; Java checked the
 * bounds). OpenSSL refuses input and output that overlap other than exactly, which two views of
 * one direct buffer can do: then the input is copied first and the copy cleansed afterwards.
 */
JNIEXPORT jint JNICALL Java_io_sessionkeys_internal_engine_openssl_BlockModesNative_update(
        JNIEnv *env, jclass cls, jlong handle, jobject in, jint in_index, jint length, jobject out,
        jint out_index) {
    (void) cls;
    struct sk_slot *slot = (struct sk_slot *) (intptr_t) handle;
    unsigned char *src = sk_direct_address(env, in);
    unsigned char *dst = sk_direct_address(env, out);
    if (src == NULL || dst == NULL) {
        refuse(env, "OpenSSL: not a direct buffer");
        return -1;
    }
    src += in_index;
    dst += out_index;
    unsigned char *copy = NULL;
    if (src != dst && src < dst + length && dst < src + length) {
        copy = malloc((size_t) length);
        if (copy == NULL) {
            refuse(env, "OpenSSL: out of memory for an overlapping buffer's copy");
            return -1;
        }
        memcpy(copy, src, (size_t) length);
        src = copy;
    }
    int outl = 0;
    int ok = sk_slot_update(slot, dst, &outl, src, length);
    if (copy != NULL) {
        sk.cleanse(copy, (size_t) length);
        free(copy);
    }
    if (!ok) {
        refuse(env, "OpenSSL: cipher update failed");
        return -1;
    }
    return outl;
}
