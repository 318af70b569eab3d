/* The socket calls both BSDs share (socket.c), each taking the OS's
 * description (abi/bsd/socket.h); a personality's table rows reach them
 * through one-line handlers that pass its own struct bsd_sockabi. */
#ifndef PERSONA_PERSONALITY_BSD_SOCKET_H
#define PERSONA_PERSONALITY_BSD_SOCKET_H
#include <stdbool.h>
#include "personality/personality.h"
#include "personality/bsd/bsd.h"
#include "abi/bsd/socket.h"

long bsd_socket(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_socketpair(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_bind(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_connect(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_accept(struct sysctx *c, const struct bsd_sockabi *abi);
/* accept with Linux accept4 flags: whether the new socket takes the
 * listening one's O_NONBLOCK / O_ASYNC, and whether it starts with
 * SO_NOSIGPIPE (it also does when the listening socket has it). */
long bsd_do_accept(struct sysctx *c, const struct bsd_sockabi *abi, int lflags,
                   bool inherit_nonblock, bool inherit_async, bool nosigpipe);
long bsd_getsockname(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_getpeername(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_setsockopt(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_getsockopt(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_sendto(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_sendmsg(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_recvfrom(struct sysctx *c, const struct bsd_sockabi *abi);
long bsd_recvmsg(struct sysctx *c, const struct bsd_sockabi *abi);
/* No argument to convert: the same handler for both. */
long bsd_sys_listen(struct sysctx *c);
long bsd_sys_shutdown(struct sysctx *c);

/* Expands to the one-line handlers `<prefix>_sys_<call>` of the socket
 * rows that pass the OS's description. */
#define BSD_SOCKET_HANDLERS(prefix, abi)                                                    \
    long prefix##_sys_bind(struct sysctx *c) { return bsd_bind(c, &(abi)); }                \
    long prefix##_sys_connect(struct sysctx *c) { return bsd_connect(c, &(abi)); }          \
    long prefix##_sys_accept(struct sysctx *c) { return bsd_accept(c, &(abi)); }            \
    long prefix##_sys_getsockname(struct sysctx *c) { return bsd_getsockname(c, &(abi)); }  \
    long prefix##_sys_getpeername(struct sysctx *c) { return bsd_getpeername(c, &(abi)); }  \
    long prefix##_sys_setsockopt(struct sysctx *c) { return bsd_setsockopt(c, &(abi)); }    \
    long prefix##_sys_getsockopt(struct sysctx *c) { return bsd_getsockopt(c, &(abi)); }    \
    long prefix##_sys_sendto(struct sysctx *c) { return bsd_sendto(c, &(abi)); }            \
    long prefix##_sys_sendmsg(struct sysctx *c) { return bsd_sendmsg(c, &(abi)); }          \
    long prefix##_sys_recvfrom(struct sysctx *c) { return bsd_recvfrom(c, &(abi)); }        \
    long prefix##_sys_recvmsg(struct sysctx *c) { return bsd_recvmsg(c, &(abi)); }          \
    long prefix##_sys_socketpair(struct sysctx *c) { return bsd_socketpair(c, &(abi)); }

#endif
