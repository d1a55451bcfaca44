/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: cp_rfm_segment (RFMSEGMENT).  A code is accepted
 * exactly when it is a whole number whose three digits are 1..5, and then
 * it gets a non-empty name. */
#include "cp_rfm.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    uint8_t k = fz_byte(&f);
    double code = k < 128 ? 100.0 + (double)fz_size(&f, 500) : fz_double(&f);
    if (k >= 128 && k < 160)
        code += 0.5;
    const char *name = NULL;
    int status = cp_rfm_segment(code, &name);
    int c = code >= 0.0 && code < 1000.0 ? (int)code : 0;
    int valid = code == floor(code) && c / 100 >= 1 && c / 100 <= 5 && c / 10 % 10 >= 1 &&
                c / 10 % 10 <= 5 && c % 10 >= 1 && c % 10 <= 5;
    CP_FUZZ_CHECK((status == CP_OK) == valid);
    if (status == CP_OK)
        CP_FUZZ_CHECK(name != NULL && name[0] != '\0');
    return 0;
}
