/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_bgnbd_fit and cp_bgnbd_loglik (BGNBDFIT).  The
 * checks are those of fz_fit_target (models_fz.h): a fit that succeeds is
 * an interior maximum that the log-likelihood reproduces. */
#include "models_fz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    fz_fit_target(&f, cp_bgnbd_fit, cp_bgnbd_loglik);
    return 0;
}
