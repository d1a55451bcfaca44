/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SYNOPSIS
 *   int cp_model_fit(const cp_model *model, cp_column x, cp_column a,
 *                    cp_column b, cp_column count, size_t n,
 *                    double params[], double *loglik)
 *   int cp_model_loglik(const cp_model *model, ..., const double params[],
 *                       double *loglik)
 *
 * DESCRIPTION
 *   What the BG/NBD, Pareto/NBD and gamma-gamma fits share.  A model gives
 *   the log-likelihood of a book with its gradient in the log-parameters,
 *   and starting shapes with the scale of each parameter in this book (the
 *   purchase rate's scale for alpha, the mean age for beta, the mean spend
 *   for gamma), so that a fit starts in the right range whatever the time
 *   unit or currency.  A fit then
 *
 *     1. builds the book of distinct rows with their counts (book.c);
 *     2. minimises f = -LL / sum(count) over theta = ln(params) from the
 *        shapes times the scales (mle.c);
 *     3. returns exp(theta) and the log-likelihood there.
 *
 * REFERENCES
 *   ClientPrune FUNCTIONS.md, "Prediction": Log-likelihood = sum count ln L_i.
 */
#include "models_internal.h"

#include <math.h>

#define MAXDIM 4
#define MAXSHAPES 8

typedef struct {
    const cp_model *model;
    const cp_book *book;
} fit_ctx;

static int nll(const double theta[], double *f, double grad[], void *ctx, double *work)
{
    const fit_ctx *c = ctx;
    const size_t dim = c->model->dim;
    double p[MAXDIM], ll, g[MAXDIM];
    for (size_t j = 0; j < dim; j++)
        p[j] = exp(theta[j]);
    int status = c->model->loglik(c->book, p, &ll, grad ? g : NULL, work);
    if (status != CP_OK)
        return status;
    *f = -ll / c->book->total;
    for (size_t j = 0; grad && j < dim; j++)
        grad[j] = -g[j] / c->book->total;
    return isfinite(*f) ? CP_OK : CP_ENOCONV;
}

int cp_model_loglik(const cp_model *model, cp_column x, cp_column a, cp_column b,
                    cp_column count, size_t n, const double params[], double *loglik)
{
    int status = cp_check_params(params, model->dim);
    if (status != CP_OK)
        return status;
    if (loglik == NULL)
        return CP_EINVAL;
    cp_book book;
    status = cp_book_build(x, a, b, count, n, model->gg, &book);
    if (status != CP_OK)
        return status;
    double work = 0.0;
    status = model->loglik(&book, params, loglik, NULL, &work);
    cp_book_free(&book);
    return status == CP_OK && !isfinite(*loglik) ? CP_ENOCONV : status;
}

int cp_model_fit(const cp_model *model, cp_column x, cp_column a, cp_column b, cp_column count,
                 size_t n, double params[], double *loglik)
{
    if (params == NULL || loglik == NULL || model->dim > MAXDIM || model->nshapes > MAXSHAPES)
        return CP_EINVAL;
    cp_book book;
    int status = cp_book_build(x, a, b, count, n, model->gg, &book);
    if (status != CP_OK)
        return status;
    const size_t dim = model->dim;
    double scale[MAXDIM], starts[MAXSHAPES * MAXDIM];
    model->scales(&book, scale);
    for (size_t k = 0; k < model->nshapes; k++)
        for (size_t j = 0; j < dim; j++)
            starts[k * dim + j] = log(model->shapes[k * dim + j] * scale[j]);
    fit_ctx ctx = {model, &book};
    double theta[MAXDIM], f, p[MAXDIM];
    status = cp_mle_fit(dim, nll, &ctx, starts, model->nshapes, theta, &f);
    if (status == CP_OK) {
        double work = 0.0;
        for (size_t j = 0; j < dim; j++)
            p[j] = exp(theta[j]);
        status = model->loglik(&book, p, loglik, NULL, &work);
        if (status == CP_OK && !isfinite(*loglik))
            status = CP_ENOCONV;
        for (size_t j = 0; status == CP_OK && j < dim; j++)
            params[j] = p[j];
    }
    cp_book_free(&book);
    return status;
}
