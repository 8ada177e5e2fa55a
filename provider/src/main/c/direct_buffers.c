#include "direct_buffers.h"

#include <stdint.h>

static jfieldID address_field;   /* long java.nio.Buffer.address */
static jfieldID capacity_field;  /* int java.nio.Buffer.capacity */
static jfieldID array_field;     /* byte[] java.nio.ByteBuffer.hb, null in direct buffers */

static jfieldID field(JNIEnv *env, const char *class_name, const char *name, const char *signature) {
    jclass c = (*env)->FindClass(env, class_name);
    jfieldID id = c == NULL ? NULL : (*env)->GetFieldID(env, c, name, signature);
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        id = NULL;
    }
    if (c != NULL) {
        (*env)->DeleteLocalRef(env, c);
    }
    return id;
}

void sk_direct_buffers_init(JNIEnv *env) {
    jfieldID address = field(env, "java/nio/Buffer", "address", "J");
    jfieldID capacity = field(env, "java/nio/Buffer", "capacity", "I");
    jfieldID array = field(env, "java/nio/ByteBuffer", "hb", "[B");
    if (address != NULL && capacity != NULL && array != NULL) {
        address_field = address;
        capacity_field = capacity;
        array_field = array;
    }
}

static int is_direct(JNIEnv *env, jobject buffer) {
    if (buffer == NULL) {
        return 0;
    }
    jobject array = (*env)->GetObjectField(env, buffer, array_field);
    if (array != NULL) {
        (*env)->DeleteLocalRef(env, array);
        return 0;
    }
    return 1;
}

unsigned char *sk_direct_address(JNIEnv *env, jobject buffer) {
    if (array_field == NULL) {
        return (*env)->GetDirectBufferAddress(env, buffer);
    }
    return is_direct(env, buffer) ? (unsigned char *) (intptr_t) (*env)->GetLongField(env, buffer, address_field)
                                  : NULL;
}

unsigned char *sk_direct_region(JNIEnv *env, jobject buffer, jlong *capacity) {
    if (array_field == NULL) {
        *capacity = (*env)->GetDirectBufferCapacity(env, buffer);
        return (*env)->GetDirectBufferAddress(env, buffer);
    }
    if (!is_direct(env, buffer)) {
        *capacity = -1;
        return NULL;
    }
    *capacity = (*env)->GetIntField(env, buffer, capacity_field);
    return (unsigned char *) (intptr_t) (*env)->GetLongField(env, buffer, address_field);
}
