/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cp_status.h"
#include "cp_alloc.h"

#include <stdint.h>
#include <stdlib.h>

const char *cp_strerror(int status)
{
    switch (status) {
    case CP_OK: return "success";
    case CP_EINVAL: return "invalid argument";
    case CP_EBADLEN: return "ranges of different sizes that must match";
    case CP_EEMPTY: return "no data";
    case CP_EDOM: return "parameter outside its domain";
    case CP_ENOCONV: return "the computation did not converge";
    case CP_ENOMEM: return "out of memory";
    case CP_ELIMIT: return "input larger than ClientPrune accepts";
    default: return "unknown status";
    }
}

#ifdef CP_FAULT_INJECTION
/* Test builds only (see cp_alloc.h). */
static _Thread_local long fault_at = -1, fault_attempts = 0, fault_live = 0;
static _Thread_local int fault_persistent = 0;

void cp_fault_fail_after(long k, int persistent)
{
    fault_at = k;
    fault_persistent = persistent;
    fault_attempts = 0;
}

long cp_fault_outstanding(void)
{
    return fault_live;
}

long cp_fault_attempts(void)
{
    return fault_attempts;
}

static int fault_now(void)
{
    long i = fault_attempts++;
    return fault_at >= 0 && (i == fault_at || (fault_persistent && i > fault_at));
}
#endif

void *cp_alloc_array(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
#ifdef CP_FAULT_INJECTION
    if (fault_now())
        return NULL;
#endif
    size_t bytes = n * size;
    void *p = malloc(bytes ? bytes : 1);
#ifdef CP_FAULT_INJECTION
    if (p != NULL)
        fault_live++;
#endif
    return p;
}

void cp_free(void *p)
{
#ifdef CP_FAULT_INJECTION
    if (p != NULL)
        fault_live--;
#endif
    free(p);
}

#include "cp_table.h"

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

int cp_option_index(const char *given, const char *const names[], int count,
                    int *index)
{
    if (given == NULL)
        return CP_EINVAL;
    for (int k = 0; k < count; k++) {
        const char *a = given, *b = names[k];
        while (*a && *b && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b)) {
            a++;
            b++;
        }
        if (*a == '\0' && *b == '\0') {
            *index = k;
            return CP_OK;
        }
    }
    return CP_EINVAL;
}
