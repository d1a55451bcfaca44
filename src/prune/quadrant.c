/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_prune_quadrant(...)                CLIENTQUADRANT
 *   const char *cp_quadrant_name(int)
 *
 * DESCRIPTION
 *   Two medians split the book in four: clients whose revenue is at least
 *   the median revenue are "high revenue", clients whose score is at least
 *   the median score are "high score".  Only clients with a known score
 *   take part in either median.
 *
 *   The median is the one of Calc's MEDIAN (sc/source/core/tool/interpr3.cxx,
 *   ScInterpreter::GetMedian): with n values sorted, the value at n / 2
 *   (0-based) for odd n, else (lower + upper) / 2 of the two middle ones.
 *   It is found by selection (cp_select_kth in src/common: quickselect with
 *   a three-way partition and a depth limit, so the worst case is
 *   O(n log n)), not by sorting.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Scoring and pruning" (CLIENTQUADRANT).
 *   C. A. R. Hoare (1961), Algorithm 65: FIND, CACM 4(7); D. R. Musser
 *   (1997), Introspective sorting and selection algorithms, Software:
 *   Practice and Experience 27(8).
 */
#include "cp_prune.h"

#include <math.h>

#include "cp_alloc.h"
#include "cp_select.h"
#include "cp_table.h"

const char *cp_quadrant_name(int quadrant)
{
    switch (quadrant) {
    case CP_QUADRANT_TOP: return "Top";
    case CP_QUADRANT_GROW: return "Grow";
    case CP_QUADRANT_REPRICE: return "Reprice";
    case CP_QUADRANT_PRUNE: return "Prune";
    default: return "";
    }
}

/* Calc's MEDIAN of a[0..n), n >= 1; reorders a. */
static double median(double *a, size_t n)
{
    size_t mid = n / 2;
    double upper = cp_select_kth(a, n, mid); /* a[0..mid) <= upper after this */
    if (n % 2)
        return upper;
    double lower = a[0];
    for (size_t i = 1; i < mid; i++)
        lower = fmax(lower, a[i]);
    double m = (lower + upper) / 2;
    return isfinite(m) ? m : lower / 2 + upper / 2;
}

static int columns_ok(const double rev[], size_t rs, const double score[], size_t ss,
                      size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(rev[i * rs]) || isinf(score[i * ss]))
            return CP_EINVAL;
    return CP_OK;
}

int cp_prune_quadrant(const double revenue[], size_t revenue_stride,
                      const double score[], size_t score_stride, size_t n,
                      const double pop_revenue[], size_t pop_revenue_stride,
                      const double pop_score[], size_t pop_score_stride,
                      size_t n_pop, int quadrant[], size_t quadrant_stride)
{
    if (revenue == NULL || score == NULL || quadrant == NULL)
        return CP_EINVAL;
    if (!cp_span_ok(n, revenue_stride) || !cp_span_ok(n, score_stride) ||
        !cp_span_ok(n, quadrant_stride) || !cp_span_ok(n_pop, pop_revenue_stride) ||
        !cp_span_ok(n_pop, pop_score_stride))
        return CP_ELIMIT; /* no caller's memory holds so many */
    if ((pop_revenue == NULL) != (pop_score == NULL))
        return CP_EINVAL;
    if (n == 0)
        return CP_EEMPTY;
    if (pop_score == NULL) { /* table mode */
        pop_revenue = revenue;
        pop_revenue_stride = revenue_stride;
        pop_score = score;
        pop_score_stride = score_stride;
        n_pop = n;
    } else if (n_pop == 0) {
        return CP_EEMPTY;
    }
    int status = columns_ok(revenue, revenue_stride, score, score_stride, n);
    if (status == CP_OK)
        status = columns_ok(pop_revenue, pop_revenue_stride, pop_score, pop_score_stride, n_pop);
    if (status != CP_OK)
        return status;

    double *rev = cp_alloc_array(n_pop, sizeof *rev);
    double *sc = cp_alloc_array(n_pop, sizeof *sc);
    if (rev == NULL || sc == NULL) {
        cp_free(rev);
        cp_free(sc);
        return CP_ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n_pop; i++) {
        double s = pop_score[i * pop_score_stride];
        if (isnan(s))
            continue;
        rev[m] = pop_revenue[i * pop_revenue_stride];
        sc[m] = s;
        m++;
    }
    double rev_median = NAN, score_median = NAN;
    if (m > 0) {
        rev_median = median(rev, m);
        score_median = median(sc, m);
    }
    cp_free(rev);
    cp_free(sc);

    for (size_t i = 0; i < n; i++) {
        double s = score[i * score_stride];
        int q = CP_QUADRANT_EMPTY;
        if (!isnan(s) && m > 0) {
            int high_rev = revenue[i * revenue_stride] >= rev_median;
            int high_score = s >= score_median;
            q = high_score ? (high_rev ? CP_QUADRANT_TOP : CP_QUADRANT_GROW)
                           : (high_rev ? CP_QUADRANT_REPRICE : CP_QUADRANT_PRUNE);
        }
        quadrant[i * quadrant_stride] = q;
    }
    return CP_OK;
}
