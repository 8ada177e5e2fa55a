/*
 * What the plain C loops in this folder share: a monotonic clock, and for the kernels' checks a
 * reproducible random source (splitmix64, so a failing case can be rerun from its printed seed).
 */
#ifndef SESSIONKEYS_LOOP_SUPPORT_H
#define SESSIONKEYS_LOOP_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

static inline double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static uint64_t rng_state;

static inline uint64_t rnd(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static inline size_t below(size_t n) {
    return n == 0 ? 0 : (size_t) (rnd() % n);
}

static inline void fill(unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        p[i] = (unsigned char) rnd();
    }
}

#endif
