#include "kernel_blocks.h"

#include <string.h>

#include "libcrypto.h"

void sk_kernel_block_start(struct sk_slot *slot, const unsigned char *iv) {
    switch (slot->owner->kernel_mode) {
        case SK_KERNEL_CTR:
            sk_ctr_kernel_start(&slot->ctr, iv);
            break;
        case SK_KERNEL_CBC_DECRYPT:
            memcpy(slot->chain, iv, SK_BLOCK);
            break;
        default:
            break;
    }
}

void sk_kernel_block_restart(struct sk_slot *slot, const unsigned char iv[SK_BLOCK]) {
    memcpy(slot->chain, iv, SK_BLOCK);
}

long sk_kernel_block_process(struct sk_slot *slot, const unsigned char *in, unsigned char *out, size_t len) {
    const struct sk_key *key = slot->owner;
    if (key->kernel_mode == SK_KERNEL_CTR) {
        sk_ctr_kernel_update(key->kernel, &slot->ctr, in, out, len);
        return (long) len;
    }
    if (len % SK_BLOCK != 0) {
        return -1;
    }
    if (key->kernel_mode == SK_KERNEL_CBC_DECRYPT) {
        sk_cbc_kernel_decrypt(key->kernel, slot->chain, in, out, len / SK_BLOCK);
    } else if (key->enc) {
        sk_ecb_kernel_encrypt(key->kernel, in, out, len / SK_BLOCK);
    } else {
        sk_ecb_kernel_decrypt(key->kernel, in, out, len / SK_BLOCK);
    }
    return (long) len;
}

int sk_slot_update(struct sk_slot *slot, unsigned char *out, int *outl, const unsigned char *in, int inl) {
    if (!sk_key_on_block_kernel(slot->owner)) {
        return sk.update(slot->ctx, out, outl, in, inl) == 1;
    }
    long n = sk_kernel_block_process(slot, in, out, (size_t) inl);
    *outl = (int) n;
    return n >= 0;
}
