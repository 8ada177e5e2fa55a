/*
 * New session keys' bytes from OpenSSL's private DRBG (RAND_priv_bytes: NIST SP 800-90A
 * CTR_DRBG with AES-256, seeded from the operating system), written straight into the key's
 * off-heap slot: no copy of them is ever on the Java heap. See OpenSslKeyBytes.java for when the
 * generator uses it.
 *
 * OpenSSL 3.0 makes a system call (getpid, its fork check) on every draw, which costs more than
 * the rest of a key's making on a virtual machine (docs/engines/native.md, "Key generation").
 * So keys take their bytes from a pool that one draw fills: the pool is in the secret heap, and
 * each key's bytes are wiped from it as they are taken. A forked child must not hand out the
 * parent's unread bytes: it stops using the pool (pthread_atfork) and draws every key from
 * RAND_priv_bytes, which reseeds after a fork. The child touches no pool memory, which may be
 * shared with the parent (memfd_secret is mapped shared). The JVM itself never runs code in a
 * forked child (it execs at once); this is for native code in the same process that forks.
 */
#include "direct_buffers.h"
#include "io_sessionkeys_internal_engine_openssl_OpenSslKeyBytes.h"
#include "libcrypto.h"
#include "secret_memory.h"

#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <string.h>

/* One block of the secret heap's largest class (2 KiB with its header): 63 AES-256 keys. */
#define POOL_BYTES 2016

static int (*rand_priv_bytes)(unsigned char *buf, int num);
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char *pool;
static size_t pool_left; /* unread bytes, at the end of the pool */
static int forked;        /* set in a forked child: no pool */

static void forget_pool(void) {
    forked = 1;
    pool_left = 0;
    pthread_mutex_init(&pool_lock, NULL); /* another parent thread may have held it at the fork */
}

JNIEXPORT jstring JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslKeyBytes_open(JNIEnv *env, jclass cls) {
    (void) cls;
    void *handle = sk_crypto_library();
    if (handle == NULL) {
        return (*env)->NewStringUTF(env, "libcrypto is not open");
    }
    pthread_mutex_lock(&pool_lock);
    if (rand_priv_bytes == NULL) {
        *(void **) (&rand_priv_bytes) = dlsym(handle, "RAND_priv_bytes");
        if (rand_priv_bytes != NULL && pthread_atfork(NULL, NULL, forget_pool) != 0) {
            rand_priv_bytes = NULL;
        }
    }
    pthread_mutex_unlock(&pool_lock);
    return rand_priv_bytes != NULL ? NULL
                                   : (*env)->NewStringUTF(env, "this libcrypto lacks RAND_priv_bytes");
}

/*
 * A draw inside the secret heap: a thread's first draw instantiates its private DRBG, whose state
 * would let an image of the process predict the next keys until it reseeds; allocated there, it
 * lives in the keys' memory tier, as OpenSSL's keyed contexts do.
 */
static int drbg_draw(unsigned char *out, int length) {
    sk_secret_heap_enter();
    int ok = rand_priv_bytes(out, length) == 1;
    sk_secret_heap_leave();
    return ok;
}

/* Copies length bytes of the pool to out and wipes them there, filling the pool first if need be. */
static int take_from_pool(unsigned char *out, size_t length) {
    int ok = 1;
    pthread_mutex_lock(&pool_lock);
    if (pool == NULL) {
        pool = sk_secret_zalloc(POOL_BYTES);
        ok = pool != NULL;
    }
    if (ok && pool_left < length) {
        ok = drbg_draw(pool, POOL_BYTES);
        pool_left = ok ? POOL_BYTES : 0;
    }
    if (ok) {
        unsigned char *from = pool + (POOL_BYTES - pool_left);
        memcpy(out, from, length);
        explicit_bzero(from, length);
        pool_left -= length;
    }
    pthread_mutex_unlock(&pool_lock);
    return ok;
}

/* Fills the first length bytes of slot (a direct buffer); false if the DRBG or the slot fails. */
JNIEXPORT jboolean JNICALL Java_io_sessionkeys_internal_engine_openssl_OpenSslKeyBytes_draw(
        JNIEnv *env, jclass cls, jobject slot, jint length) {
    (void) cls;
    jlong capacity;
    unsigned char *address = sk_direct_region(env, slot, &capacity);
    if (rand_priv_bytes == NULL || address == NULL || length < 0 || capacity < length) {
        return JNI_FALSE;
    }
    int ok = !forked && (size_t) length <= POOL_BYTES / 4 ? take_from_pool(address, (size_t) length)
                                                         : drbg_draw(address, length);
    if (!ok) {
        sk.clear_errors();
    }
    return ok ? JNI_TRUE : JNI_FALSE;
}
