/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * heap.h - the peak heap memory of one call, for the benchmarks.
 *
 * heap.c replaces malloc, calloc, realloc and free in the benchmark
 * program (not in the add-in) with glibc's own functions plus a count of
 * the bytes in use (malloc_usable_size of every live block).  So it sees
 * every allocation of the core, cp_alloc_array's and GSL's alike.
 * Single-threaded use only, as the core is.
 */
#ifndef CP_BENCH_HEAP_H
#define CP_BENCH_HEAP_H

#include <stddef.h>

/* Starts a measurement: the bytes in use now become the baseline. */
void heap_mark(void);

/* The most bytes in use above the baseline since heap_mark(). */
size_t heap_peak(void);

#endif
