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

void *cp_alloc_array(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    return malloc(bytes ? bytes : 1);
}

void cp_free(void *p)
{
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
