/* FreeBSD's socket calls: the handlers both BSDs share
 * (personality/bsd/socket.c) with FreeBSD's description
 * (abi/freebsd/socket.c), plus accept4. */
#include "personality/freebsd/fbsd.h"
#include "personality/bsd/socket.h"
#include "abi/freebsd/socket.h"

BSD_SOCKET_HANDLERS(fbsd, fbsd_sockabi)

long fbsd_sys_socket(struct sysctx *c)
{
    return bsd_socket(c, &fbsd_sockabi);
}

/* accept4(int s, struct sockaddr *name, socklen_t *anamelen, int flags):
 * only SOCK_CLOEXEC and SOCK_NONBLOCK (kern_accept4: EINVAL otherwise);
 * nothing inherited from the listening socket but SO_NOSIGPIPE. */
long fbsd_sys_accept4(struct sysctx *c)
{
    int lflags = fbsd_accept4_flags_to_linux(ARG_INT(c, 3));
    if (lflags < 0)
        return -EINVAL;
    return bsd_do_accept(c, &fbsd_sockabi, lflags, false, false, false);
}
