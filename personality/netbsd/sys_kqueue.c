/* NetBSD's kqueue calls: the emulation both BSDs share
 * (personality/bsd/kqueue.c) with NetBSD's 40-byte struct kevent. */
#include "personality/netbsd/nbsd.h"
#include "personality/bsd/kqueue.h"
#include "abi/freebsd/errno.h"
#include "abi/netbsd/errno.h"

/* The emulation's errors are FreeBSD numbers: the same on NetBSD. */
_Static_assert(FBSD_EBADF == NBSD_EBADF && FBSD_ENOENT == NBSD_ENOENT && FBSD_ENOMEM == NBSD_ENOMEM &&
               FBSD_EINVAL == NBSD_EINVAL && FBSD_EEXIST == NBSD_EEXIST &&
               FBSD_EOPNOTSUPP == NBSD_EOPNOTSUPP && FBSD_EMFILE == NBSD_EMFILE,
               "kqueue errnos: FreeBSD's are NetBSD's");

long nbsd_sys___kevent50(struct sysctx *c)
{
    return bsd_kevent(c, BSD_KEV_NETBSD);
}
