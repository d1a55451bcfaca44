/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * health_internal.h - what the files of src/health/ share (internal).
 */
#ifndef CP_HEALTH_INTERNAL_H
#define CP_HEALTH_INTERNAL_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "cp_score_internal.h"
#include "cp_table.h"

/* Sets up *rng as GSL's gsl_rng_taus2 seeded with gsl_rng_set(seed + 1),
 * its state allocated through cp_alloc_array.  Returns CP_OK or CP_ENOMEM (then
 * nothing needs closing). */
int cp_health_rng_open(gsl_rng *rng, unsigned long seed);

/* Frees the state of an opened generator. */
void cp_health_rng_close(gsl_rng *rng);

/* CP_OK for a table with rows and columns and only finite numbers (no
 * blank); else CP_EEMPTY or CP_EINVAL. */
int cp_health_complete_table(const cp_table *t);

/* The sample mean and sd of every column of t (st[0..cols), zscore
 * statistics of CLIENTSCORE) and the columns whose values are not all
 * equal, into used[0..); returns how many there are.  Those are the
 * criteria IDEALFIT and SEGMENTS keep (s_j > 0). */
size_t cp_health_spread_columns(const cp_table *t, cp_crit_stats st[], size_t used[]);

/* gsl_rng_get(rng) without the library call: the generator's next 32-bit
 * output, k, with gsl_rng_uniform() = k / 2^32. */
static inline uint32_t cp_health_rng_next(gsl_rng *rng)
{
    return (uint32_t)rng->type->get(rng->state);
}

#endif /* CP_HEALTH_INTERNAL_H */
