/* The descriptor guard: persona's own descriptors (syscalls/fdreserve.h)
 * are not open as far as the guest can tell.  Driven by the argument kinds
 * of syscalls.def, so every call that takes a descriptor is covered. */
#include "personality/freebsd/fbsd.h"
#include "syscalls/fdreserve.h"

bool fbsd_fd_guard(const struct syscall_entry *e, struct sysctx *c)
{
    int base = fd_reserved_base();
    for (int i = 0; i < 6; i++) {
        uint8_t k = e->kinds[i];
        if ((k != A_FD && k != A_DIRFD) || ARG_INT(c, i) < base)
            continue;
        /* closefrom/close_range take bounds, not descriptors: they stop
         * below persona's range by themselves (sys_fileio.c). */
        if (e->handler == fbsd_sys_closefrom || e->handler == fbsd_sys_close_range)
            return true;
        if (k == A_FD)
            return false;
        c->a[i] = (uint64_t)-1;
    }
    return true;
}
