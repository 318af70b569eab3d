/* NetBSD's socket calls: the handlers both BSDs share
 * (personality/bsd/socket.c) with NetBSD's description
 * (abi/netbsd/socket.c), plus paccept. */
#include "personality/netbsd/nbsd.h"
#include "personality/bsd/socket.h"
#include "abi/netbsd/socket.h"
#include "syscalls/report.h"

BSD_SOCKET_HANDLERS(nbsd, nbsd_sockabi)

/* __socket30(int domain, int type, int protocol): socket(2) since NetBSD
 * 3.0 (the type may carry SOCK_CLOEXEC/NONBLOCK/NOSIGPIPE). */
long nbsd_sys___socket30(struct sysctx *c)
{
    return bsd_socket(c, &nbsd_sockabi);
}

/*
 * paccept(int s, struct sockaddr *name, socklen_t *anamelen,
 *         const sigset_t *mask, int flags)
 *
 * sys/kern/uipc_syscalls.c: flags SOCK_CLOEXEC, SOCK_NONBLOCK and
 * SOCK_NOSIGPIPE (others ignored); the new file keeps the listening one's
 * flags but FNONBLOCK (do_sys_accept's clrflags), so O_ASYNC carries over.
 * The mask is read (EFAULT as NetBSD's copyin) but not applied while
 * waiting: reported.
 */
long nbsd_sys_paccept(struct sysctx *c)
{
    if (ARG_PTR(c, 3)) {
        uint32_t mask[4];
        if (copy_from_guest(mask, ARG_PTR(c, 3), sizeof mask))
            return -EFAULT;
        report_unimplemented(REPORT_OTHER, "paccept signal mask", 0, "ignored", c->regs);
    }
    int flags = ARG_INT(c, 4);
    bool nosig;
    int lflags = bsd_socktype_to_linux(&nbsd_sockabi,
                                       flags & (NBSD_SOCK_CLOEXEC | NBSD_SOCK_NONBLOCK |
                                                NBSD_SOCK_NOSIGPIPE), &nosig);
    return bsd_do_accept(c, &nbsd_sockabi, lflags, false, true, nosig);
}
