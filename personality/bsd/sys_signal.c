/* sigaltstack as both BSDs have it: the same stack_t (sp, size, flags),
 * SS_ONSTACK 1 and SS_DISABLE 4 (FreeBSD and NetBSD sys/sys/signal.h),
 * EPERM while on the stack, ENOMEM below the OS's MINSIGSTKSZ. */
#include "personality/bsd/bsd.h"
#include "abi/freebsd/signal.h"
#include "abi/netbsd/signal.h"
#include "syscalls/uaccess.h"
#include <errno.h>

#define BSD_SS_ONSTACK 0x1
#define BSD_SS_DISABLE 0x4
_Static_assert(BSD_SS_ONSTACK == FBSD_SS_ONSTACK && BSD_SS_ONSTACK == NBSD_SS_ONSTACK, "SS_ONSTACK");
_Static_assert(BSD_SS_DISABLE == FBSD_SS_DISABLE && BSD_SS_DISABLE == NBSD_SS_DISABLE, "SS_DISABLE");

struct bsd_stack { uint64_t ss_sp, ss_size; int32_t ss_flags, pad; };
_Static_assert(sizeof(struct bsd_stack) == sizeof(struct fbsd_sigaltstack), "FreeBSD stack_t");
_Static_assert(sizeof(struct bsd_stack) == sizeof(struct nbsd_stack), "NetBSD stack_t");

long bsd_sigaltstack(struct sysctx *c, uint64_t minsigstksz)
{
    struct persona_thread *t = c->t;
    uint64_t sp = c->regs->rsp;
    bool on = t->altstack_size && !(t->altstack_flags & BSD_SS_DISABLE) &&
              sp > t->altstack_sp && sp <= t->altstack_sp + t->altstack_size;
    struct bsd_stack old = {
        .ss_sp = t->altstack_sp, .ss_size = t->altstack_size,
        .ss_flags = (t->altstack_size == 0 || (t->altstack_flags & BSD_SS_DISABLE))
                        ? BSD_SS_DISABLE : (on ? BSD_SS_ONSTACK : 0),
    };
    if (ARG_PTR(c, 0)) {
        struct bsd_stack ss;
        if (copy_from_guest(&ss, ARG_PTR(c, 0), sizeof ss))
            return -EFAULT;
        if (on)
            return -EPERM;
        if (ss.ss_flags & ~BSD_SS_DISABLE)
            return -EINVAL;
        if (ss.ss_flags & BSD_SS_DISABLE) {
            t->altstack_flags = BSD_SS_DISABLE;
        } else {
            if (ss.ss_size < minsigstksz)
                return -ENOMEM;
            t->altstack_sp = ss.ss_sp;
            t->altstack_size = ss.ss_size;
            t->altstack_flags = 0;
        }
    }
    if (ARG_PTR(c, 1) && copy_to_guest(ARG_PTR(c, 1), &old, sizeof old))
        return -EFAULT;
    return 0;
}

