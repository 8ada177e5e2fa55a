/*
 * The allocator libcrypto uses once sk_secret_heap_install has run (see secret_memory.h).
 *
 * Small blocks come from 64 KiB regions, one size class per region (32 B to 2 KiB, a 16-byte
 * header in front of each block saying its class); larger blocks get a region of their own.
 * Blocks are cleansed when freed, and stay in their class for reuse: the regions follow the
 * peak of live contexts, as the Java arena's chunks follow the peak of live keys.
 */
#include "secret_memory.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HEADER 16
#define CLASSES 7               /* 32, 64, ... 2048 bytes including the header */
#define SMALLEST_SHIFT 5
#define REGION_BYTES (64 * 1024)
#define MAX_REGIONS 4096
#define LARGE ((uint32_t) 0xFFFFFFFF)

struct region {
    uint8_t *base;
    size_t bytes;
};

struct free_block {
    struct free_block *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct region regions[MAX_REGIONS];
static int region_count;
static struct free_block *free_lists[CLASSES];
static atomic_int heap_tier = -1;
static atomic_size_t region_bytes;
static atomic_size_t fallbacks;
static __thread int inside;

void sk_secret_heap_set_tier(int tier) {
    atomic_store(&heap_tier, tier);
}

void sk_secret_heap_enter(void) {
    inside++;
}

void sk_secret_heap_leave(void) {
    inside--;
}

size_t sk_secret_heap_region_bytes(void) {
    return atomic_load(&region_bytes);
}

size_t sk_secret_heap_fallbacks(void) {
    return atomic_load(&fallbacks);
}

/* The region holding p, or -1 (p came from the C library). Caller holds the lock. */
static int region_of(const void *p) {
    const uint8_t *b = p;
    for (int i = 0; i < region_count; i++) {
        if (b >= regions[i].base && b < regions[i].base + regions[i].bytes) {
            return i;
        }
    }
    return -1;
}

/* Maps a region and records it; NULL if the tier, the budget or the table says no. */
static uint8_t *new_region(size_t bytes) {
    int tier = atomic_load(&heap_tier);
    if (tier < 0 || region_count == MAX_REGIONS) {
        return NULL;
    }
    int err;
    uint8_t *base = sk_region_map((enum sk_tier) tier, bytes, &err);
    if (base == NULL) {
        return NULL;
    }
    regions[region_count].base = base;
    regions[region_count].bytes = bytes;
    region_count++;
    atomic_fetch_add(&region_bytes, bytes);
    return base;
}

static int class_for(size_t n) {
    for (int c = 0; c < CLASSES; c++) {
        if (n + HEADER <= ((size_t) 1 << (SMALLEST_SHIFT + c))) {
            return c;
        }
    }
    return -1;
}

static void *secret_alloc(size_t n) {
    int c = class_for(n);
    uint8_t *block = NULL;
    pthread_mutex_lock(&lock);
    if (c < 0) {
        size_t page = 4096;
        size_t bytes = (n + HEADER + page - 1) / page * page;
        block = new_region(bytes);
        if (block != NULL) {
            *(uint32_t *) block = LARGE;
        }
    } else {
        if (free_lists[c] == NULL) {
            uint8_t *base = new_region(REGION_BYTES);
            size_t size = (size_t) 1 << (SMALLEST_SHIFT + c);
            for (size_t off = 0; base != NULL && off + size <= REGION_BYTES; off += size) {
                struct free_block *f = (struct free_block *) (base + off);
                f->next = free_lists[c];
                free_lists[c] = f;
            }
        }
        if (free_lists[c] != NULL) {
            block = (uint8_t *) free_lists[c];
            free_lists[c] = free_lists[c]->next;
            memset(block, 0, HEADER);
            *(uint32_t *) block = (uint32_t) c;
        }
    }
    pthread_mutex_unlock(&lock);
    return block == NULL ? NULL : block + HEADER;
}

/* The bytes usable in a secret block. Caller holds the lock. */
static size_t usable(const uint8_t *block, int region) {
    uint32_t c = *(const uint32_t *) block;
    return c == LARGE ? regions[region].bytes - HEADER : ((size_t) 1 << (SMALLEST_SHIFT + c)) - HEADER;
}

/* Wipes and frees p, a block of region r. Caller holds the lock. */
static void secret_free_locked(void *p, int r) {
    uint8_t *block = (uint8_t *) p - HEADER;
    size_t n = usable(block, r);
    explicit_bzero(p, n);
    if (*(uint32_t *) block == LARGE) {
        uint8_t *base = regions[r].base;
        size_t bytes = regions[r].bytes;
        regions[r] = regions[--region_count];
        atomic_fetch_sub(&region_bytes, bytes);
        explicit_bzero(base, HEADER);
        sk_region_unmap(base, bytes);
    } else {
        uint32_t c = *(uint32_t *) block;
        struct free_block *f = (struct free_block *) block;
        f->next = free_lists[c];
        free_lists[c] = f;
    }
}

/* Frees p if it is a secret block (one lookup, one lock); returns 0 if it came from malloc. */
static int free_if_secret(void *p) {
    pthread_mutex_lock(&lock);
    int r = region_of(p);
    if (r >= 0) {
        secret_free_locked(p, r);
    }
    pthread_mutex_unlock(&lock);
    return r >= 0;
}

void *sk_secret_zalloc(size_t n) {
    if (atomic_load(&heap_tier) >= 0) {
        /* Already zero: a freed block was wiped, and new regions are fresh zero pages. */
        void *p = secret_alloc(n);
        if (p != NULL) {
            return p;
        }
        atomic_fetch_add(&fallbacks, 1);
    }
    return calloc(1, n);
}

void sk_secret_clear_free(void *p, size_t n) {
    if (p != NULL && !free_if_secret(p)) {
        explicit_bzero(p, n);
        free(p);
    }
}

static void *hook_malloc(size_t n, const char *file, int line) {
    (void) file;
    (void) line;
    if (inside > 0 && atomic_load(&heap_tier) >= 0) {
        void *p = secret_alloc(n);
        if (p != NULL) {
            return p;
        }
        atomic_fetch_add(&fallbacks, 1);
    }
    return malloc(n);
}

static void hook_free(void *p, const char *file, int line) {
    (void) file;
    (void) line;
    if (p == NULL) {
        return;
    }
    if (!free_if_secret(p)) {
        free(p);
    }
}

static void *hook_realloc(void *p, size_t n, const char *file, int line) {
    if (p == NULL) {
        return hook_malloc(n, file, line);
    }
    if (n == 0) {
        hook_free(p, file, line);
        return NULL;
    }
    pthread_mutex_lock(&lock);
    int secret = region_of(p) >= 0;
    pthread_mutex_unlock(&lock);
    if (!secret && !(inside > 0 && atomic_load(&heap_tier) >= 0)) {
        return realloc(p, n);
    }
    size_t have;
    if (secret) {
        pthread_mutex_lock(&lock);
        have = usable((uint8_t *) p - HEADER, region_of((uint8_t *) p - HEADER));
        pthread_mutex_unlock(&lock);
        if (n <= have) {
            return p;
        }
    } else {
        have = malloc_usable_size(p);
    }
    /* A block that held secrets stays secret; a plain one moves in while keying. */
    inside++;
    void *q = hook_malloc(n, file, line);
    inside--;
    if (q == NULL) {
        return NULL;
    }
    memcpy(q, p, have < n ? have : n);
    if (secret) {
        free_if_secret(p);
    } else {
        explicit_bzero(p, have);
        free(p);
    }
    return q;
}

int sk_secret_heap_install(int (*set_mem_functions)(void *(*)(size_t, const char *, int),
                                                    void *(*)(void *, size_t, const char *, int),
                                                    void (*)(void *, const char *, int))) {
    return set_mem_functions(hook_malloc, hook_realloc, hook_free) == 1;
}
