/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_pnbd_purchases (PARETONBDPURCHASES), one horizon per
 * customer or one for all.  Checks of fz_purchases_target (models_fz.h):
 * finite, >= 0, and 0 over a horizon of 0. */
#include "models_fz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    fz_purchases_target(&f, cp_pnbd_purchases);
    return 0;
}
