/* The hostile-argument vectors (samples/c/vectors.def) cover the table:
 * every DONE or PARTIAL row of personality/freebsd/syscalls.def has at
 * least one vector or a NOVECTOR line with a reason, and every vector
 * names a row by its right number.  Adding a system call to the table
 * without a vector fails here. */
#include <criterion/criterion.h>
#include <string.h>
#include "personality/freebsd/table.h"

struct table_row { int nr; const char *name; int status; };
#define SYSCALL(nr_, name_, status_, class_, kinds_, note_) { nr_, #name_, SYS_##status_ },
static const struct table_row table_rows[] = {
#include "personality/freebsd/syscalls.def"
};
#undef SYSCALL
#define NTABLE (sizeof table_rows / sizeof table_rows[0])

/* The vector rows' arguments are never expanded here: only the number and
 * the name are kept. */
struct vector_row { int nr; const char *name; const char *why; };
#define V(nr_, name_, expect_, ...) { nr_, #name_, NULL },
#define NOVECTOR(nr_, name_, why_) { nr_, #name_, why_ },
static const struct vector_row vector_rows[] = {
#include "samples/c/vectors.def"
};
#undef V
#undef NOVECTOR
#define NVECTORS (sizeof vector_rows / sizeof vector_rows[0])

static const struct table_row *table_row(int nr)
{
    for (size_t i = 0; i < NTABLE; i++)
        if (table_rows[i].nr == nr)
            return &table_rows[i];
    return NULL;
}

Test(vectors, every_implemented_call_has_a_vector_or_a_reason)
{
    int uncovered = 0;
    for (size_t i = 0; i < NTABLE; i++) {
        if (table_rows[i].status != SYS_DONE && table_rows[i].status != SYS_PARTIAL)
            continue;
        int found = 0;
        for (size_t j = 0; j < NVECTORS; j++)
            if (vector_rows[j].nr == table_rows[i].nr)
                found = 1;
        if (!found) {
            cr_log_error("%d %s: no vector in samples/c/vectors.def and no NOVECTOR reason",
                         table_rows[i].nr, table_rows[i].name);
            uncovered++;
        }
    }
    cr_assert_eq(uncovered, 0, "%d implemented calls have no hostile-argument vector", uncovered);
}

Test(vectors, rows_name_implemented_calls_by_their_numbers)
{
    for (size_t j = 0; j < NVECTORS; j++) {
        const struct table_row *t = table_row(vector_rows[j].nr);
        cr_assert_not_null(t, "vector for %s: number %d is not in the table",
                           vector_rows[j].name, vector_rows[j].nr);
        cr_assert_str_eq(vector_rows[j].name, t->name, "vector number %d is %s in the table",
                         vector_rows[j].nr, t->name);
        cr_assert(t->status == SYS_DONE || t->status == SYS_PARTIAL,
                  "vector for %s, which the table marks missing", t->name);
    }
}

Test(vectors, a_call_is_either_tested_or_excused)
{
    for (size_t j = 0; j < NVECTORS; j++) {
        if (!vector_rows[j].why)
            continue;
        cr_assert(strlen(vector_rows[j].why) > 10, "NOVECTOR %s needs a real reason",
                  vector_rows[j].name);
        for (size_t k = 0; k < NVECTORS; k++)
            cr_assert(k == j || vector_rows[k].nr != vector_rows[j].nr,
                      "%s has vectors and a NOVECTOR reason", vector_rows[j].name);
    }
}
