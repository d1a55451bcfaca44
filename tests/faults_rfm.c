/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation-failure cases of src/rfm/ (see faults.h). */
#include <math.h>
#include <stddef.h>

#include "cp_rfm.h"
#include "faults.h"

/* A ledger of eight lines: three customers, a blank customer, a blank
 * amount, two lines in one period, one line after as_of. */
static const double customer[8] = {3, 1, 3, NAN, 1, 2, 3, 1};
static const double date[8] = {100, 101, 107, 103, 101, 120, 130, 200};
static const double amount[8] = {10, 5, NAN, 7, 2.5, 40, 12, 9};

static int table(const double *amt, size_t *first)
{
    double out[8 * CP_RFM_COLS];
    size_t n;
    return cp_rfm_table(customer, 1, date, 1, amt, 1, 8, 150, 7, out, CP_RFM_COLS, first, &n);
}

static int table_amounts(void)
{
    size_t first[8];
    return table(amount, first);
}

static int table_counts(void) { return table(NULL, NULL); }

/* days since last, frequency, monetary */
static const double book[5 * 3] = {10, 3, 50, 200, 0, 0, 10, 5, 20, 45, 1, 80, 7, 3, 50};

static int score_table(void)
{
    cp_table t = {book, 5, 3, 3};
    double code[5];
    return cp_rfm_score(&t, NULL, 5, code, 1);
}

static int score_row(void)
{
    cp_table one = {book + 6, 1, 3, 3}, pop = {book, 5, 3, 3};
    double code;
    return cp_rfm_score(&one, &pop, 4, &code, 1);
}

static int segment(void)
{
    const char *name;
    return cp_rfm_segment(545, &name);
}

const fault_case rfm_fault_cases[] = {
    {"cp_rfm_table (amounts, first lines)", table_amounts},
    {"cp_rfm_table (counts only)", table_counts},
    {"cp_rfm_score (table mode)", score_table},
    {"cp_rfm_score (row mode)", score_row},
    {"cp_rfm_segment", segment},
    {0, 0},
};
