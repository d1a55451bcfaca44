/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation-failure cases of src/score/ (see faults.h). */
#include <math.h>

#include "cp_score.h"
#include "faults.h"

static const double book[4 * 3] = {10, 5, 2, 20, NAN, 4, 30, 5, 8, 40, 1, NAN};
static const double w[3] = {2, 1, 1}, d[3] = {1, -1, 1};

static int score(cp_method m)
{
    cp_table t = {book, 4, 3, 3};
    double s[4];
    return cp_score_clients(&t, NULL, w, 1, d, 1, m, s, 1);
}

/* Row mode: two clients against the book. */
static int score_row(cp_method m)
{
    cp_table one = {book + 3, 2, 3, 3}, t = {book, 4, 3, 3};
    double s[2];
    return cp_score_clients(&one, &t, w, 1, d, 1, m, s, 1);
}

static int score_row_minmax(void) { return score_row(CP_METHOD_MINMAX); }
static int score_row_percentile(void) { return score_row(CP_METHOD_PERCENTILE); }
static int score_row_zscore(void) { return score_row(CP_METHOD_ZSCORE); }

static int score_minmax(void) { return score(CP_METHOD_MINMAX); }
static int score_percentile(void) { return score(CP_METHOD_PERCENTILE); }
static int score_zscore(void) { return score(CP_METHOD_ZSCORE); }

static int rank(void)
{
    const double s[4] = {3, 1, NAN, 1}, r[4] = {1, 2, 3, 4};
    double out[4];
    return cp_prune_rank(s, 1, r, 1, 4, NULL, 0, NULL, 0, 0, out, 1);
}

static int rank_row(void)
{
    const double s[4] = {3, 1, NAN, 1}, r[4] = {1, 2, 3, 4};
    double out[2];
    return cp_prune_rank(s + 1, 2, r + 1, 2, 2, s, 1, r, 1, 4, out, 1);
}

static int order(void)
{
    const double s[5] = {3, 1, NAN, 1, 2}, r[5] = {1, 2, 3, 0, 4};
    size_t ord[5], m;
    double rk[5];
    return cp_prune_order(s, 1, r, 1, 5, ord, &m, rk, 1);
}

const fault_case score_fault_cases[] = {
    {"cp_score_clients (minmax)", score_minmax},
    {"cp_score_clients (percentile)", score_percentile},
    {"cp_score_clients (zscore)", score_zscore},
    {"cp_score_clients (minmax, row mode)", score_row_minmax},
    {"cp_score_clients (percentile, row mode)", score_row_percentile},
    {"cp_score_clients (zscore, row mode)", score_row_zscore},
    {"cp_prune_rank", rank},
    {"cp_prune_rank (row mode)", rank_row},
    {"cp_prune_order", order},
    {0, 0},
};
