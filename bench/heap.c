/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * heap.c - a counting allocator for the benchmark programs (see heap.h).
 *
 * A program that defines malloc and friends takes the place of the C
 * library's for every caller in the process (ELF symbol interposition);
 * glibc exports its own implementations as __libc_malloc etc., which do
 * the work here.
 */
#include "heap.h"

#include <malloc.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);
void __libc_free(void *p);

static size_t in_use, baseline, peak;

static void *count(void *p)
{
    if (p != NULL) {
        in_use += malloc_usable_size(p);
        if (in_use > peak)
            peak = in_use;
    }
    return p;
}

static void uncount(void *p)
{
    if (p != NULL) {
        size_t size = malloc_usable_size(p);
        in_use = size <= in_use ? in_use - size : 0;
    }
}

void *malloc(size_t size)
{
    return count(__libc_malloc(size));
}

void *calloc(size_t n, size_t size)
{
    return count(__libc_calloc(n, size));
}

void *realloc(void *p, size_t size)
{
    size_t old = p != NULL ? malloc_usable_size(p) : 0;
    void *q = __libc_realloc(p, size);
    if (q == NULL && size != 0)
        return NULL; /* p is untouched */
    in_use = old <= in_use ? in_use - old : 0;
    return count(q);
}

void free(void *p)
{
    uncount(p);
    __libc_free(p);
}

void heap_mark(void)
{
    baseline = peak = in_use;
}

size_t heap_peak(void)
{
    return peak - baseline;
}
