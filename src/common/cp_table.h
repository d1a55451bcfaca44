/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_table.h - how the core sees a block of spreadsheet cells.
 *
 * A table is row-major like a gsl_matrix: element (i, j) is
 * data[i * tda + j], with tda >= cols.  One row is one client.  A NaN marks a
 * cell that is not known (a blank in Calc); which functions accept that is
 * said in their own headers.  The caller owns data; the core never keeps the
 * pointer after a call.
 */
#ifndef CP_TABLE_H
#define CP_TABLE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    const double *data;
    size_t rows;
    size_t cols;
    size_t tda;
} cp_table;

static inline double cp_table_get(const cp_table *t, size_t i, size_t j)
{
    return t->data[i * t->tda + j];
}

/* Looks up an option name among names[0..count-1], ASCII case-insensitively.
 * Writes its index to *index and returns CP_OK, or returns CP_EINVAL for an
 * unknown name.  An absent option ("" or void) is the caller's business. */
int cp_option_index(const char *given, const char *const names[], int count,
                    int *index);

#ifdef __cplusplus
}
#endif

#endif /* CP_TABLE_H */
