#include "syscalls/backend.h"
#include <stdio.h>
#include <string.h>

const struct backend *active_backend = &sud_backend;

static const struct backend *const backends[] = { &sud_backend, &seccomp_backend };

const struct backend *backend_choose(const char *name, char *why, size_t cap)
{
    char reason[160] = "";
    for (size_t i = 0; i < sizeof backends / sizeof backends[0]; i++) {
        const struct backend *b = backends[i];
        if (name && strcmp(name, b->name) != 0)
            continue;
        if (b->available(reason, sizeof reason))
            return b;
        if (name) {
            snprintf(why, cap, "backend %s cannot run here: %s", name, reason);
            return NULL;
        }
    }
    if (name)
        snprintf(why, cap, "unknown backend '%s' (sud, seccomp)", name);
    else
        snprintf(why, cap, "no interception backend can run here: %s", reason);
    return NULL;
}

void guest_code_add(struct guest_code *c, uint64_t start, uint64_t end)
{
    if (c->n < (int)(sizeof c->range / sizeof c->range[0]) && end > start) {
        c->range[c->n].start = start;
        c->range[c->n].end = end;
        c->n++;
    }
}
