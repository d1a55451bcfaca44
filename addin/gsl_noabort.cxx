/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * gsl_noabort.cxx - GSL's CBLAS error handler, replaced.
 *
 * GSL's own cblas_xerbla prints to stderr and calls abort(), which would
 * take Calc and every unsaved workbook with it (the same reason the add-in
 * turns GSL's error handler off).  The static libgslcblas.a of Debian is
 * also not position-independent in that one object (it refers to stderr),
 * so it cannot be linked into the add-in at all; defining the handler here
 * keeps it out.  The handler is reached only for invalid arguments to a
 * CBLAS routine, and GSL calls CBLAS only after checking the sizes itself
 * (gsl_blas_* return GSL_EBADLEN first), so doing nothing is correct.
 */
#include <cstdarg>

extern "C" void cblas_xerbla(int, const char *, const char *, ...)
{
}
