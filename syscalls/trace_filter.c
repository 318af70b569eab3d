/* --trace=SPEC: which calls to show.  SPEC is a comma-separated list of
 * call names of the personality's table and strace-like classes (%file,
 * %desc, ...); anything else is refused with the nearest known name. */
#include "syscalls/trace.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The classes persona knows how to ask a personality about (strace's
 * names); a personality that puts no row in one does not offer it. */
static const char *const classes[] = {
    "file", "desc", "process", "signal", "net", "network", "memory", "time",
    "thread", "ipc", "creds", "system", NULL,
};

/* Edit distance with adjacent transpositions ("opne" -> "open" is 1),
 * capped: anything above `cap` is reported as cap + 1. */
static unsigned distance(const char *a, const char *b, unsigned cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    unsigned d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            unsigned best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

/* How different a guess may be and still be suggested: a third of the
 * word, at least one edit. */
static unsigned tolerance(const char *word)
{
    size_t n = strlen(word);
    return n < 3 ? 1 : (unsigned)(n / 3 > 3 ? 3 : n / 3);
}

const char *const *trace_classes(void)
{
    return classes;
}

bool trace_class_offered(const struct personality *p, const char *cls)
{
    if (!p->trace_names || !p->trace_names->in_class)
        return false;
    for (unsigned nr = 0; nr < p->table_size; nr++)
        if (p->table[nr].name && p->trace_names->in_class(&p->table[nr], cls))
            return true;
    return false;
}

/* The nearest call name (or class, for "%word") to `tok`, or NULL. */
static const char *nearest(const struct personality *p, const char *tok)
{
    bool cls = tok[0] == '%';
    const char *word = cls ? tok + 1 : tok, *best = NULL;
    unsigned cap = tolerance(word), best_d = cap + 1;
    if (cls) {
        for (int i = 0; classes[i]; i++) {
            unsigned d = distance(word, classes[i], cap);
            if (d < best_d && trace_class_offered(p, classes[i])) {
                best = classes[i];
                best_d = d;
            }
        }
    } else {
        for (unsigned nr = 0; nr < p->table_size; nr++) {
            const char *name = p->table[nr].name;
            if (!name)
                continue;
            unsigned d = distance(word, name, cap);
            if (d < best_d) {
                best = name;
                best_d = d;
            }
        }
    }
    return best;
}

bool trace_parse_filter(const struct personality *p, const char *spec, char *err, size_t errlen)
{
    uint8_t *f = calloc(p->table_size, 1);
    char *copy = strdup(spec), *save = NULL;
    if (!f || !copy) {
        snprintf(err, errlen, "out of memory");
        free(f);
        free(copy);
        return false;
    }
    bool ok = true, any = false;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        bool hit = false;
        any = true;
        for (unsigned nr = 0; nr < p->table_size; nr++) {
            const struct syscall_entry *e = &p->table[nr];
            if (!e->name)
                continue;
            bool match = tok[0] == '%' ? tok[1] && p->trace_names && p->trace_names->in_class(e, tok + 1)
                                       : strcmp(e->name, tok) == 0;
            if (match) {
                f[nr] = 1;
                hit = true;
            }
        }
        if (!hit) {
            const char *guess = nearest(p, tok);
            snprintf(err, errlen, "unknown %s '%s'%s%s%s%s", tok[0] == '%' ? "class" : "system call",
                     tok, guess ? " (did you mean '" : "", guess && tok[0] == '%' ? "%" : "",
                     guess ? guess : "", guess ? "'?)" : "");
            ok = false;
            break;
        }
    }
    if (ok && !any) {
        snprintf(err, errlen, "no system call named in '%s'", spec);
        ok = false;
    }
    free(copy);
    if (!ok) {
        free(f);
        return false;
    }
    free(trace_config.filter);
    trace_config.filter = f;
    return true;
}
