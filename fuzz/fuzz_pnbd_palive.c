/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_pnbd_palive (PARETONBDPALIVE), results with stride 2.
 * Checks of fz_palive_target (models_fz.h): probabilities, and 1 exactly
 * where the model says the customer must be alive. */
#include "models_fz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    fz_palive_target(&f, cp_pnbd_palive, 0);
    return 0;
}
