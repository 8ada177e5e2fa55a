/*
 * The JNI entry points of io.sessionkeys.internal.engine.openssl.BlockModesNative: what the
 * block modes (CTR, CBC, ECB) need beyond the shared start/update/give-back of openssl_native.c.
 * The same rules hold: every call runs inside the key's gate, handles are lent contexts
 * (struct sk_slot), and messages never carry data.
 */
#include <jni.h>
#include <stdint.h>

#include "io_sessionkeys_internal_engine_openssl_BlockModesNative.h"
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

/* Restarts a CBC context from iv: same key schedule, same direction (enc = -1 keeps it). */
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
    if (sk.init(slot->ctx, NULL, NULL, NULL, chain, -1) != 1 || sk.set_padding(slot->ctx, 0) != 1) {
        refuse(env, "OpenSSL: cannot restart the message");
    }
}
