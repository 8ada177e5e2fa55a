/*
 * Memory for secrets, in the strongest tier the platform gives.
 *
 *   SK_TIER_SECRET  memfd_secret(2) pages (Linux 5.14+): removed from the kernel's direct map,
 *                   locked, unreadable through /proc/<pid>/mem and ptrace, left out of core
 *                   dumps; hibernation is refused while such memory exists.
 *   SK_TIER_LOCKED  anonymous pages locked with mlock (never swapped), MADV_DONTDUMP (left
 *                   out of core dumps) and MADV_WIPEONFORK (a forked child sees zeros).
 *
 * Every region has an inaccessible guard page on each side, so a linear overrun from or into a
 * neighbouring allocation faults instead of reading or writing key bytes.
 */
#ifndef SESSIONKEYS_SECRET_MEMORY_H
#define SESSIONKEYS_SECRET_MEMORY_H

#include <stddef.h>

enum sk_tier { SK_TIER_SECRET = 0, SK_TIER_LOCKED = 1 };

/* A zero-filled region of bytes (a multiple of the page size) in tier; NULL with *err = errno. */
void *sk_region_map(enum sk_tier tier, size_t bytes, int *err);

/* Unmaps a region from sk_region_map (its guard pages too). The caller has zeroed it. */
void sk_region_unmap(void *region, size_t bytes);

/* Whether memfd_secret works in this process (0 or 1); *err says why not. */
int sk_secret_available(int *err);

/*
 * The locked-memory budget: regions of either tier are refused with ENOMEM once they would
 * take more than budget bytes in all (the Java side sets it from RLIMIT_MEMLOCK, which root
 * would otherwise not be held to). sk_locked_bytes: what the regions take now.
 */
void sk_set_locked_budget(size_t budget);
size_t sk_locked_bytes(void);

/*
 * OpenSSL's keyed contexts in secret memory.
 *
 * sk_secret_heap_install registers allocation functions with libcrypto before its first
 * allocation. From then on, allocations made while the calling thread is inside
 * sk_secret_heap_enter/leave (the keying of a context) come from regions of the heap's tier;
 * all others go to the C library's malloc. free and realloc tell the two apart by address.
 * Returns 1 if libcrypto accepted the functions, 0 if it had already allocated (then contexts
 * stay in ordinary memory, and the Java side reports it).
 */
int sk_secret_heap_install(int (*set_mem_functions)(void *(*)(size_t, const char *, int),
                                                    void *(*)(void *, size_t, const char *, int),
                                                    void (*)(void *, const char *, int)));

/* Whether sk_secret_heap_install succeeded (set when libcrypto is opened). */
extern int sk_heap_installed;

/* The tier the heap maps its regions from (set before the first keyed context; -1: plain). */
void sk_secret_heap_set_tier(int tier);

void sk_secret_heap_enter(void);
void sk_secret_heap_leave(void);

/*
 * Memory for state SessionKeys keeps itself (its own kernels' round keys and powers of H), which
 * libcrypto never sees: n zeroed bytes from the heap's tier, or from the C library's calloc where
 * the heap has no tier or no room (counted as a fallback). sk_secret_clear_free wipes n bytes
 * (the whole block, where it is secret) and frees it.
 */
void *sk_secret_zalloc(size_t n);
void sk_secret_clear_free(void *p, size_t n);

/* For reports: bytes of regions the heap holds, and allocations it could not place there. */
size_t sk_secret_heap_region_bytes(void);
size_t sk_secret_heap_fallbacks(void);

#endif
