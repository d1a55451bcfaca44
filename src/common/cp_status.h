/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cp_status.h - status codes shared by every ClientPrune core function.
 *
 * Every fallible core function returns one of these (GSL's _e convention)
 * and writes its results through output pointers.  The UNO glue maps them to
 * Calc cell errors: CP_ENOCONV to Err:523, CP_ENOMEM to #VALUE!, every other
 * error to Err:502 (invalid argument).
 */
#ifndef CP_STATUS_H
#define CP_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

enum {
    CP_OK = 0,      /* success */
    CP_EINVAL = 1,  /* invalid argument: text, NaN, out-of-range value */
    CP_EBADLEN = 2, /* lengths or widths that must match do not */
    CP_EEMPTY = 3,  /* no data where some is required */
    CP_EDOM = 4,    /* a model parameter outside its domain */
    CP_ENOCONV = 5, /* an iteration did not converge */
    CP_ENOMEM = 6,  /* an allocation failed */
    CP_ELIMIT = 7   /* the input is larger than the core accepts: a bound on
                       work, a result beyond the doubles, or (every entry
                       point) a size or stride that no memory can hold,
                       refused before anything is read (cp_span_ok) */
};

/* A short English sentence for a status code; never NULL, static storage. */
const char *cp_strerror(int status);

#ifdef __cplusplus
}
#endif

#endif /* CP_STATUS_H */
