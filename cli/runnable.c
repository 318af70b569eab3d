/* The decision `persona run` makes after reading the ELF headers. */
#include "cli/runnable.h"
#include "personality/personality.h"
#include <stdio.h>

const struct personality *runnable_personality(const struct elf_info *info,
                                               char *why, size_t whylen)
{
    const struct personality *pers =
        info->personality == PERS_FREEBSD ? &freebsd_personality : NULL;
    if (!pers) {
        snprintf(why, whylen, "detected the %s personality (%s); only freebsd binaries can run so far",
                 personality_id_name(info->personality), info->brand_reason);
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
