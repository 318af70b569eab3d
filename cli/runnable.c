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
        /* "freebsd and netbsd": the brands that have a personality. */
        char names[96] = "";
        size_t len = 0;
        int n = 0, total = 0;
        for (int i = 0; brand_at(i); i++)
            total += brand_at(i)->personality != NULL;
        for (int i = 0; brand_at(i) && len < sizeof names; i++)
            if (brand_at(i)->personality) {
                n++;
                len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
                                        n == 1 ? "" : n == total ? " and " : ", ", brand_at(i)->name);
            }
        snprintf(why, whylen, "detected the %s personality (%s); only %s binaries can run so far",
                 b->name, m->reason, names);
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
