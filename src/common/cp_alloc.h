/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_alloc.h - the one place the core allocates memory (internal header).
 *
 * Every allocation goes through cp_alloc_array(), which refuses n * size
 * products that overflow, so no caller multiplies sizes itself.  Memory is
 * returned with cp_free(), which accepts NULL.
 *
 * Fault simulation (SQLite's approach): the test build of the core
 * (cpcore_faultsim, compiled with CP_FAULT_INJECTION) can be told to fail
 * the k-th allocation from now and counts blocks not yet freed, so tests can
 * show that every entry point fails cleanly (CP_ENOMEM) and leaks nothing.
 * The product build has neither hook nor counter: no global state.
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

#ifdef CP_FAULT_INJECTION
/* Fail the k-th allocation from now (k = 0: the next one), and every one
 * after it when persistent is non-zero; k < 0 turns failures off. */
void cp_fault_fail_after(long k, int persistent);
/* Blocks allocated and not yet freed (this thread). */
long cp_fault_outstanding(void);
/* How many allocations were attempted since the last cp_fault_fail_after. */
long cp_fault_attempts(void);
#endif

#ifdef __cplusplus
}
#endif

#endif /* CP_ALLOC_H */
