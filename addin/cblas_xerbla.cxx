/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cblas_xerbla.cxx - GSL's CBLAS error hook, replaced.
 *
 * GSL's linear algebra (IDEALFIT's SVD) calls its CBLAS, whose
 * cblas_xerbla() prints to stderr and calls abort() when a routine gets an
 * impossible argument.  Inside Calc an abort would take the user's unsaved
 * work down, so this definition, linked ahead of libgslcblas.a, replaces it
 * with one that returns (the core never passes such arguments, and its own
 * status codes report every failure).  It also keeps the archive's
 * xerbla.o, which is not position-independent, out of the shared library.
 */
extern "C" void cblas_xerbla(int, const char *, const char *, ...)
{
}
