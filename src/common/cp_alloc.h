/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_alloc.h - the one place the core allocates memory (internal header).
 *
 * Every allocation goes through cp_alloc_array(), which refuses n * size
 * products that overflow, so no caller multiplies sizes itself.  Memory is
 * returned with cp_free(), which accepts NULL.
 */
#ifndef CP_ALLOC_H
#define CP_ALLOC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Uninitialised room for n objects of the given size, or NULL when n * size
 * overflows or the allocation fails.  n == 0 gives a valid unique pointer. */
void *cp_alloc_array(size_t n, size_t size);

/* Frees memory from cp_alloc_array(); NULL is allowed. */
void cp_free(void *p);

#ifdef __cplusplus
}
#endif

#endif /* CP_ALLOC_H */
