#include "secret_memory.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_memfd_secret
#define SYS_memfd_secret 447 /* x86_64; the only platform the library is built for */
#endif

static atomic_size_t locked_bytes;
static atomic_size_t locked_budget = SIZE_MAX;

void sk_set_locked_budget(size_t budget) {
    atomic_store(&locked_budget, budget);
}

size_t sk_locked_bytes(void) {
    return atomic_load(&locked_bytes);
}

static size_t page_size(void) {
    static size_t page;
    if (page == 0) {
        page = (size_t) sysconf(_SC_PAGESIZE);
    }
    return page;
}

/* Charges bytes against the budget, or refuses (0) without charging. */
static int charge(size_t bytes) {
    size_t budget = atomic_load(&locked_budget);
    size_t now = atomic_load(&locked_bytes);
    do {
        if (now > budget || bytes > budget - now) {
            return 0;
        }
    } while (!atomic_compare_exchange_weak(&locked_bytes, &now, now + bytes));
    return 1;
}

static void refund(size_t bytes) {
    atomic_fetch_sub(&locked_bytes, bytes);
}

/* The pages of a secret file mapped over the middle of a reserved range. */
static int map_secret(void *at, size_t bytes) {
    int fd = (int) syscall(SYS_memfd_secret, O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    int err = 0;
    if (ftruncate(fd, (off_t) bytes) != 0
            || mmap(at, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0) == MAP_FAILED) {
        err = errno;
    }
    close(fd); /* the mapping keeps the memory; no descriptor is left to find it by */
    return err;
}

static int map_locked(void *at, size_t bytes) {
    if (mprotect(at, bytes, PROT_READ | PROT_WRITE) != 0 || mlock(at, bytes) != 0) {
        return errno;
    }
    /* Best effort: an older kernel without these still gives locked memory. */
    (void) madvise(at, bytes, MADV_DONTDUMP);
#ifdef MADV_WIPEONFORK
    (void) madvise(at, bytes, MADV_WIPEONFORK);
#endif
    return 0;
}

void *sk_region_map(enum sk_tier tier, size_t bytes, int *err) {
    size_t page = page_size();
    if (bytes == 0 || bytes % page != 0) {
        *err = EINVAL;
        return NULL;
    }
    if (!charge(bytes)) {
        *err = ENOMEM;
        return NULL;
    }
    /* Reserve the region and its two guard pages inaccessible, then open up the middle. */
    uint8_t *reserved = mmap(NULL, bytes + 2 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (reserved == MAP_FAILED) {
        *err = errno;
        refund(bytes);
        return NULL;
    }
    uint8_t *region = reserved + page;
    int failure = tier == SK_TIER_SECRET ? map_secret(region, bytes) : map_locked(region, bytes);
    if (failure != 0) {
        munmap(reserved, bytes + 2 * page);
        refund(bytes);
        *err = failure;
        return NULL;
    }
    return region;
}

void sk_region_unmap(void *region, size_t bytes) {
    size_t page = page_size();
    munmap((uint8_t *) region - page, bytes + 2 * page);
    refund(bytes);
}

int sk_secret_available(int *err) {
    int fd = (int) syscall(SYS_memfd_secret, O_CLOEXEC);
    if (fd < 0) {
        *err = errno;
        return 0;
    }
    close(fd);
    return 1;
}
