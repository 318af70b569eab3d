/* FreeBSD's kevent calls: the shared emulation (personality/bsd/kqueue.c)
 * with FreeBSD's two struct kevent layouts. */
#include "personality/freebsd/fbsd.h"
#include "personality/bsd/kqueue.h"

long fbsd_sys_kevent(struct sysctx *c)
{
    return bsd_kevent(c, BSD_KEV_FREEBSD);
}

long fbsd_sys_freebsd11_kevent(struct sysctx *c)
{
    return bsd_kevent(c, BSD_KEV_FREEBSD11);
}
