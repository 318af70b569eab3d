/* The decision `persona run` makes after reading the ELF headers. */
#include "cli/runnable.h"
#include "personality/personality.h"
#include <stdio.h>

const struct personality *runnable_personality(const struct elf_info *info, struct brand_match *m,
                                               char *why, size_t whylen)
{
    const struct brand *b = brand_recognise(info, m, why, whylen);
    if (!b)
        return NULL;
    const struct personality *pers = b->personality;
    if (!pers) {
        snprintf(why, whylen, "detected the %s personality (%s); only freebsd binaries can run so far",
                 b->name, m->reason);
        return NULL;
    }
    if (info->dynamic) {
        snprintf(why, whylen, "dynamically linked %s binary: its interpreter %s is not available "
                 "(only static binaries can run so far)",
                 pers->name, info->interp);
        return NULL;
    }
    if (whylen)
        why[0] = 0;
    return pers;
}
