/* The descriptor guard: persona's own descriptors (syscalls/fdreserve.h)
 * are not open as far as the guest can tell.  Driven by the argument kinds
 * of the personality's table, so every call that takes a descriptor is
 * covered, whatever the personality (bounds such as closefrom's are typed
 * A_INT/A_UINT there, not A_FD). */
#include "syscalls/fd_guard.h"
#include "syscalls/fdreserve.h"

bool fd_guard_args(const struct syscall_entry *e, struct sysctx *c)
{
    int base = fd_reserved_base();
    for (int i = 0; i < 6; i++) {
        uint8_t k = e->kinds[i];
        if ((k != A_FD && k != A_DIRFD) || (int)(int32_t)c->a[i] < base)
            continue;
        if (k == A_FD)
            return false;
        c->a[i] = (uint64_t)-1;     /* a dirfd: absolute paths still work */
    }
    return true;
}
