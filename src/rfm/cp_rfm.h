/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_rfm.h - RFM from a sales ledger: RFMTABLE, RFMSCORE and RFMSEGMENT.
 *
 * cp_rfm_table() turns ledger lines (customer, date, amount) into the
 * customer-base summary of Fader, Hardie and Lee (frequency, recency, T,
 * mean repeat spend); cp_rfm_score() scores recency, frequency and monetary
 * value 1..bins by rank over a population; cp_rfm_segment() names the
 * segment of a five-bin code.
 *
 * Customer keys reach the core as numbers.  The core groups equal numbers
 * and lists customers by ascending number; a caller with text keys (the UNO
 * glue) first replaces every key by its ordinal among the distinct keys in
 * the order the spreadsheet sorts them, so ascending ids are that order.
 */
#ifndef CP_RFM_H
#define CP_RFM_H

#include <stddef.h>

#include "cp_status.h"
#include "cp_table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Columns of one RFMTABLE row, in order. */
enum {
    CP_RFM_CUSTOMER = 0, /* the customer key */
    CP_RFM_FREQUENCY,    /* distinct purchase periods - 1 */
    CP_RFM_RECENCY,      /* last purchase period - first purchase period */
    CP_RFM_T,            /* period of as_of - first purchase period */
    CP_RFM_MONETARY,     /* mean amount of the repeat periods; 0 when none */
    CP_RFM_COLS
};

/*
 * cp_rfm_table - the customer-base summary of a ledger (RFMTABLE).
 *
 * customer, date, amount
 *             n ledger lines (strides cstride, dstride, astride).  A line
 *             whose customer or date is NaN (blank) is skipped; a NaN amount
 *             counts 0; amount may be NULL (counting only: monetary 0).
 * as_of       lines dated after as_of are left out; NaN means the latest
 *             date among the lines that are used.
 * period_days length of a period in days, > 0: the period of a date d is
 *             floor(d / period_days).
 * out         room for n rows of CP_RFM_COLS values, row i at out[i * tda]
 *             (tda >= CP_RFM_COLS); the first *n_customers rows are
 *             written, one per customer in ascending key order.
 * first_line  NULL, or room for n indices: for each customer, the index
 *             (0-based, in input order) of its first line that is used, so
 *             a caller can show the key as it was written there.
 * n_customers out: the number of customers listed (0 when no line is left).
 *
 * Lines of a customer in the same period are one purchase whose amount is
 * their sum (negative amounts, refunds, included); a period counts as a
 * purchase whatever its sum.
 *
 * Returns CP_OK; CP_EEMPTY when n = 0; CP_EINVAL for a NULL pointer, tda <
 * CP_RFM_COLS, an infinite key, date, amount or as_of, period_days not
 * finite and > 0, or a period number of magnitude 2^53 or more (too small a
 * period_days), where whole periods are no longer exact; CP_ELIMIT when a
 * customer's mean repeat purchase is beyond the range of doubles (periods
 * whose lines add up past 1.8e308); CP_ENOMEM.
 * Runs in O(n log n).  The caller owns every array; nothing is kept.
 */
int cp_rfm_table(const double customer[], size_t cstride,
                 const double date[], size_t dstride,
                 const double amount[], size_t astride, size_t n,
                 double as_of, double period_days,
                 double out[], size_t tda, size_t first_line[],
                 size_t *n_customers);

/* Columns of an RFMSCORE input table, in order. */
enum {
    CP_RFM_DAYS_SINCE_LAST = 0, /* more is worse */
    CP_RFM_SCORE_FREQUENCY,     /* less is worse */
    CP_RFM_SCORE_MONETARY,      /* less is worse */
    CP_RFM_SCORE_COLS
};

/*
 * cp_rfm_score - the RFM code of each customer (RFMSCORE).
 *
 * customers   one row per customer, CP_RFM_SCORE_COLS columns: days since
 *             the last purchase, frequency, monetary value.
 * population  the customers ranked against (same columns), or NULL for
 *             table mode (customers itself).
 * bins        scores run 1..bins, bins a whole number from 2 to 9.
 * code        out: customers->rows values (stride), 100 R + 10 F + M.
 *
 * Each of R, F, M is 1 + floor(bins * below / n), capped at bins, where n
 * is the population size and below counts population values strictly worse
 * than the customer's (more days since the last purchase; smaller frequency
 * or monetary value).  So ties share a score and the best customers get
 * bins.
 *
 * Returns CP_OK; CP_EEMPTY for a table without rows; CP_EBADLEN when a
 * table has not CP_RFM_SCORE_COLS columns; CP_EINVAL for a NULL pointer, a
 * NaN (blank) or infinite value, or bins outside 2..9; CP_ENOMEM.
 * Runs in O((n + m) log m) for m population rows.
 */
int cp_rfm_score(const cp_table *customers, const cp_table *population, int bins,
                 double code[], size_t stride);

/*
 * cp_rfm_segment - the segment name of a five-bin RFM code (RFMSEGMENT).
 *
 * code is a whole number whose three digits R, F, M are each 1..5 (111 to
 * 555).  With FM = round-half-up((F + M) / 2) the name is
 *
 *     R \ FM   1                2                3                   4         5
 *     5        New              Promising        Potential loyalist  Loyal     Champions
 *     4        Promising        Promising        Potential loyalist  Loyal     Champions
 *     3        About to sleep   Needs attention  Needs attention     Loyal     Loyal
 *     2        Hibernating      Hibernating      At risk             At risk   Can't lose
 *     1        Lost             Lost             Hibernating         At risk   Can't lose
 *
 * *name receives a static string (never freed).  Returns CP_OK, or
 * CP_EINVAL (a NULL pointer, a code that is not such a whole number).
 */
int cp_rfm_segment(double code, const char **name);

#ifdef __cplusplus
}
#endif

#endif /* CP_RFM_H */
