/*
 * The JNI entry points of io.sessionkeys.internal.platform.SecretMemory: regions for the key
 * arena (see secret_memory.h) and the switches and counters of libcrypto's secret heap.
 */
#include <jni.h>
#include <stdint.h>
#include <sys/resource.h>

#include "direct_buffers.h"
#include "io_sessionkeys_internal_platform_SecretMemory.h"
#include "secret_memory.h"

int sk_heap_installed; /* set by sk_crypto_open */

JNIEXPORT jint JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_secretUnavailableErrno(
        JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    int err = 0;
    return sk_secret_available(&err) ? 0 : err;
}

JNIEXPORT jobject JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_map(
        JNIEnv *env, jclass cls, jint tier, jint bytes, jintArray error) {
    (void) cls;
    int err = 0;
    void *region = sk_region_map((enum sk_tier) tier, (size_t) bytes, &err);
    if (region == NULL) {
        jint e = err;
        (*env)->SetIntArrayRegion(env, error, 0, 1, &e);
        return NULL;
    }
    jobject buffer = (*env)->NewDirectByteBuffer(env, region, bytes);
    if (buffer == NULL) {
        sk_region_unmap(region, (size_t) bytes);
    }
    return buffer;
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_unmap(
        JNIEnv *env, jclass cls, jobject region) {
    (void) cls;
    jlong bytes;
    void *address = sk_direct_region(env, region, &bytes);
    if (address != NULL && bytes > 0) {
        sk_region_unmap(address, (size_t) bytes);
    }
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_setLockedBudget(
        JNIEnv *env, jclass cls, jlong budget) {
    (void) env;
    (void) cls;
    sk_set_locked_budget(budget < 0 ? SIZE_MAX : (size_t) budget);
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_lockedBytes(
        JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return (jlong) sk_locked_bytes();
}

JNIEXPORT void JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_setHeapTier(
        JNIEnv *env, jclass cls, jint tier) {
    (void) env;
    (void) cls;
    sk_secret_heap_set_tier(tier);
}

JNIEXPORT jboolean JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_heapInstalled(
        JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return sk_heap_installed ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_heapRegionBytes(
        JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return (jlong) sk_secret_heap_region_bytes();
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_heapFallbacks(
        JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return (jlong) sk_secret_heap_fallbacks();
}

JNIEXPORT jlong JNICALL Java_io_sessionkeys_internal_platform_SecretMemory_memlockLimit(
        JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    struct rlimit limit;
    if (getrlimit(RLIMIT_MEMLOCK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
        return -1;
    }
    return (jlong) limit.rlim_cur;
}
