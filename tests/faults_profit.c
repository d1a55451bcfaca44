/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation-failure cases of src/profit/ (see faults.h). */
#include "cp_profit.h"
#include "faults.h"

static const double drivers[5 * 3] = {1, 0, 2, 3, 1, 0, 0, 0, 5, 2, 2, 2, 7, 1, 0};
static const double rates[3] = {20, 35, 5}, pools[3] = {1000, 0, 250};
static const double profit[6] = {120, -30, 45, 45, 0, -10};
static const double value[6] = {500, 120, 120, 30, 0, 3000};

static int cost_to_serve(void)
{
    cp_table t = {drivers, 5, 3, 3};
    double c[5];
    return cp_profit_cost_to_serve(&t, rates, 1, c, 1);
}

static int allocate(void)
{
    cp_table t = {drivers, 5, 3, 3};
    double c[5];
    return cp_profit_allocate(&t, pools, 1, c, 1);
}

static int whale_curve(void)
{
    double cs[6], ps[6];
    return cp_profit_whale_curve(profit, 1, 6, cs, 1, ps, 1);
}

static int whale_peak(void)
{
    double peak, share;
    return cp_profit_whale_peak(profit, 1, 6, &peak, &share);
}

static int abc_table(void)
{
    int abc[6];
    return cp_profit_abc(value, 1, 6, NULL, 0, 0, 0.8, 0.95, abc, 1);
}

static int abc_row(void)
{
    int abc[2];
    return cp_profit_abc(value + 1, 2, 2, value, 1, 6, 0.8, 0.95, abc, 1);
}

static int concentration(cp_concentration m)
{
    double r;
    return cp_profit_concentration(value, 1, 6, m, &r);
}

static int hhi(void) { return concentration(CP_CONCENTRATION_HHI); }
static int top1(void) { return concentration(CP_CONCENTRATION_TOP1); }
static int top5(void) { return concentration(CP_CONCENTRATION_TOP5); }
static int gini(void) { return concentration(CP_CONCENTRATION_GINI); }

const fault_case profit_fault_cases[] = {
    {"cp_profit_cost_to_serve", cost_to_serve},
    {"cp_profit_allocate", allocate},
    {"cp_profit_whale_curve", whale_curve},
    {"cp_profit_whale_peak", whale_peak},
    {"cp_profit_abc (table mode)", abc_table},
    {"cp_profit_abc (row mode)", abc_row},
    {"cp_profit_concentration (hhi)", hhi},
    {"cp_profit_concentration (top1)", top1},
    {"cp_profit_concentration (top5)", top5},
    {"cp_profit_concentration (gini)", gini},
    {0, 0},
};
