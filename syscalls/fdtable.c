/* The guest's descriptor table: marks and close hooks (see fdtable.h). */
#include "syscalls/fdtable.h"
#include "syscalls/fdreserve.h"
#include <stdint.h>
#include <stdlib.h>

/* One byte per guest number, allocated at the first mark: pages that are
 * never touched cost nothing. */
static uint8_t *marks;
static int top_marked = -1;         /* highest number ever marked */
static fdt_hook hooks[FDT_NCLIENTS];

void fdt_set_hook(enum fdt_client who, fdt_hook hook)
{
    __atomic_store_n(&hooks[who], hook, __ATOMIC_RELEASE);
}

static uint8_t *table(bool create)
{
    uint8_t *t = __atomic_load_n(&marks, __ATOMIC_ACQUIRE);
    if (t || !create)
        return t;
    uint8_t *n = calloc((size_t)fd_reserved_base(), 1);
    if (!n)
        return NULL;
    if (__atomic_compare_exchange_n(&marks, &t, n, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return n;
    free(n);        /* another thread was first */
    return t;
}

bool fdt_mark(int fd, enum fdt_client who)
{
    if (fd < 0 || fd_is_reserved(fd))
        return false;
    uint8_t *t = table(true);
    if (!t)
        return false;
    __atomic_fetch_or(&t[fd], (uint8_t)(1u << who), __ATOMIC_ACQ_REL);
    int top = __atomic_load_n(&top_marked, __ATOMIC_RELAXED);
    while (fd > top &&
           !__atomic_compare_exchange_n(&top_marked, &top, fd, true, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        ;
    return true;
}

bool fdt_marked(int fd, enum fdt_client who)
{
    uint8_t *t = table(false);
    if (!t || fd < 0 || fd > __atomic_load_n(&top_marked, __ATOMIC_ACQUIRE))
        return false;
    return (__atomic_load_n(&t[fd], __ATOMIC_ACQUIRE) >> who) & 1;
}

void fdt_closing(int lo, int hi)
{
    uint8_t *t = table(false);
    if (!t)
        return;
    int top = __atomic_load_n(&top_marked, __ATOMIC_ACQUIRE);
    if (lo < 0)
        lo = 0;
    if (hi > top)
        hi = top;
    int first[FDT_NCLIENTS], last[FDT_NCLIENTS];
    for (int w = 0; w < FDT_NCLIENTS; w++)
        first[w] = -1;
    for (int fd = lo; fd <= hi; fd++) {
        if (!__atomic_load_n(&t[fd], __ATOMIC_RELAXED))
            continue;
        uint8_t m = __atomic_exchange_n(&t[fd], 0, __ATOMIC_ACQ_REL);
        for (int w = 0; w < FDT_NCLIENTS; w++)
            if (m & (1u << w)) {
                if (first[w] < 0)
                    first[w] = fd;
                last[w] = fd;
            }
    }
    for (int w = 0; w < FDT_NCLIENTS; w++) {
        fdt_hook h = __atomic_load_n(&hooks[w], __ATOMIC_ACQUIRE);
        if (first[w] >= 0 && h)
            h(first[w], last[w]);
    }
}
