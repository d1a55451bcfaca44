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
#include <stdint.h>

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

/* The largest index into an array of doubles that the address space can
 * hold.  An array with more elements exists in no caller's memory. */
#define CP_MAX_INDEX ((size_t)PTRDIFF_MAX / sizeof(double))

/* Whether the n elements x[0], x[stride], ..., x[(n - 1) * stride] can be
 * addressed without the index overflowing (stride 0, one value repeated,
 * counts as 1: n is then the size of what is computed from it).  Entry
 * points refuse a size or stride beyond it with CP_ELIMIT before they read
 * or allocate anything. */
static inline int cp_span_ok(size_t n, size_t stride)
{
    return n == 0 || n - 1 <= CP_MAX_INDEX / (stride ? stride : 1);
}

/* The same for a table: its last element, (rows - 1) * tda + cols - 1.  A
 * table with tda < cols passes here (it is refused as invalid elsewhere). */
static inline int cp_table_span_ok(const cp_table *t)
{
    if (t->rows == 0 || t->cols == 0 || t->tda < t->cols)
        return 1;
    return t->cols - 1 <= CP_MAX_INDEX && t->rows - 1 <= (CP_MAX_INDEX - (t->cols - 1)) / t->tda;
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
