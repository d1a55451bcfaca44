/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * faults.h - allocation-failure cases (SQLite's fault simulator).
 *
 * Each tests/faults_<module>.c defines
 *     const fault_case <module>_fault_cases[] = { {"name", fn}, ..., {0, 0} };
 * where fn makes one complete call of a core entry point on valid input and
 * returns its status.  tests/faults.c runs every case with the k-th
 * allocation failing, for k = 0, 1, ... until the call no longer allocates
 * that often, and requires CP_ENOMEM and nothing leaked each time.  Every
 * public entry point of a module has a case, one per path that allocates
 * differently (table and row mode, each method or measure); entry points
 * that allocate nothing have one too, which shows that they do not.
 *
 * What the simulator cannot see, and why that is safe:
 * - GSL never allocates for the core.  Its matrices and vectors are views
 *   (gsl_matrix_view_array, gsl_vector_view_array) over cp_alloc_array
 *   memory, the one generator (taus2) keeps its state in cp_alloc_array
 *   memory (src/health/rng.c; gsl_rng_alloc is not used), and
 *   gsl_linalg_SV_decomp_jacobi, gsl_cdf_ugaussian_P and gsl_rng_set work
 *   in place.  (Checked by counting malloc, calloc and realloc calls of a
 *   run of every case with an LD_PRELOAD counter: none came from GSL.)
 *   The models' QAG integrals get their workspace from cp_alloc_array too
 *   (src/models/quad.c).  The one exception is the BFGS minimizer of the
 *   model fits (src/models/mle.c): gsl_multimin_fdfminimizer_alloc mallocs
 *   its state and offers no other way.  Its NULL is checked and becomes
 *   CP_ENOMEM (GSL's error handler is off in the add-in, as here); the
 *   simulator cannot fail it.
 * - The C library's qsort() takes a scratch buffer with malloc() for
 *   arrays over 1 KB and, when that fails, sorts in place instead (glibc
 *   msort.c), so it cannot make a call fail.
 */
#ifndef CP_FAULTS_H
#define CP_FAULTS_H

typedef struct {
    const char *name;
    int (*call)(void);
} fault_case;

#endif
