/*
 * Sockets, both BSDs: socket, socketpair, bind, listen, accept (and
 * FreeBSD's accept4, NetBSD's paccept through bsd_do_accept), connect,
 * getsockname, getpeername, getsockopt, setsockopt, sendto, recvfrom,
 * sendmsg, recvmsg, shutdown -- AF_UNIX, AF_INET and AF_INET6 on the host's
 * own sockets.  Each handler takes the OS's struct bsd_sockabi (numbers,
 * tables and the few rules that differ: abi/bsd/socket.h, with the values
 * in abi/freebsd/socket.c and abi/netbsd/socket.c).
 *
 * What the BSDs do differently from Linux and is emulated here:
 *  - Addresses carry sa_len; every address going out is rebuilt in the
 *    guest's form, and its returned length is min(buffer, sa_len): the BSDs
 *    truncate the length together with the address (FreeBSD
 *    kern_getsockname, kern_accept4, kern_recvit; NetBSD
 *    copyout_sockname_sb), where Linux reports the full length.
 *  - AF_UNIX paths go through the filesystem view both ways (vfs.h); there
 *    is no abstract namespace, so an empty path is EINVAL and never reaches
 *    Linux's.  An unnamed peer reads back as the OS's sun_noname (FreeBSD
 *    16 bytes, NetBSD 2).
 *  - New AF_INET6 sockets start IPV6_V6ONLY, as with the BSDs' default
 *    ip6_v6only=1 (Linux defaults to dual-stack).
 *  - accept() hands the new socket the listening socket's O_NONBLOCK,
 *    O_ASYNC and SIGIO owner (accept(2)); FreeBSD's accept4 none of them,
 *    NetBSD's paccept O_ASYNC (do_sys_accept clears only FNONBLOCK).
 *  - SO_NOSIGPIPE (and NetBSD's SOCK_NOSIGPIPE) has no Linux twin.  persona
 *    remembers the sockets it is set on (by descriptor, checked against the
 *    socket's inode so a reused number is not mistaken for the old socket)
 *    and adds MSG_NOSIGNAL to their sendto/sendmsg; accepted sockets
 *    inherit it, as FreeBSD copies so_options and NetBSD the file flags.
 *    Gaps: write(2)/writev(2) on such a socket still raise SIGPIPE (those
 *    calls live elsewhere), the mark does not follow a dup()ed descriptor
 *    or survive exec.
 *  - Boolean options read back as the OS says (FreeBSD: their bit,
 *    SO_REUSEADDR gives 4; NetBSD: 1), SO_ERROR / SO_DOMAIN are
 *    renumbered, SO_SNDBUF / SO_RCVBUF read back what was set (Linux
 *    doubles it).
 *  - FreeBSD's MSG_EOF sends and then shuts the sending side (PRUS_EOF).
 *  - EINTR: connect() returns it whatever SA_RESTART says (both turn
 *    ERESTART into EINTR; the connection goes on in the background; see
 *    bsd_connect for how persona keeps that promise); accept and the
 *    send/receive calls restart under SA_RESTART, as their sleeps return
 *    ERESTART to them.
 * Unknown option levels and names, address families and control messages
 * are reported (--debug, --report-missing) and refused or dropped.
 *
 * Host calls that do the guest's work go through the guarded door (HOST*);
 * bookkeeping around them (fstat, fcntl, getsockopt SO_DOMAIN, closing a
 * descriptor the guest cannot be given) is made directly, because the door
 * refuses to run anything while a guest signal is pending.
 */
#include "personality/bsd/socket.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"
#include "syscalls/fdreserve.h"
#include "syscalls/fdtable.h"
#include "syscalls/report.h"
#include "syscalls/vfs.h"
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* A direct (not door-guarded) host call: result or -errno. */
#define RAW(...) ({ long r_ = syscall(__VA_ARGS__); r_ < 0 ? -(long)errno : r_; })

#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* ---- SO_NOSIGPIPE ---- */

/* Inode number of the socket each descriptor had when SO_NOSIGPIPE was
 * set on it; 0 = not set.  One slot per number the guest can have (below
 * persona's own range, syscalls/fdreserve.h), allocated at the first
 * SO_NOSIGPIPE; untouched pages cost nothing.  Such descriptors are
 * marked in the descriptor table, whose close hook clears their slots; the
 * inode check stays for numbers changed behind the hook's back.  Plain
 * loads and stores: a race between threads on one descriptor can only lose
 * the mark the program itself was changing. */
static uint64_t *nosigpipe_ino;     /* [fd_reserved_base()] */

static uint64_t *nosigpipe_slot(int fd, bool create)
{
    uint64_t *t = __atomic_load_n(&nosigpipe_ino, __ATOMIC_ACQUIRE);
    if (fd < 0 || fd_is_reserved(fd))
        return NULL;
    if (!t && create) {
        uint64_t *n = calloc((size_t)fd_reserved_base(), sizeof *n);
        if (!n)
            return NULL;
        if (__atomic_compare_exchange_n(&nosigpipe_ino, &t, n, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            t = n;
        else
            free(n);    /* another thread was first */
    }
    return t ? &t[fd] : NULL;
}

static uint64_t socket_ino(int fd)
{
    struct stat st;
    if (RAW(SYS_fstat, fd, &st) < 0 || !S_ISSOCK(st.st_mode))
        return 0;
    return st.st_ino;
}

static bool nosigpipe_get(int fd)
{
    if (!fdt_marked(fd, FDT_NOSIGPIPE))
        return false;
    uint64_t *p = nosigpipe_slot(fd, false);
    if (!p || !*p)
        return false;
    if (socket_ino(fd) == *p)
        return true;
    *p = 0;     /* the number now names another file */
    return false;
}

/* The descriptor table's close hook (syscalls/fdtable.h): the marks of
 * closed or replaced descriptors go. */
static void nosigpipe_closing(int lo, int hi)
{
    for (int fd = lo; fd <= hi; fd++) {
        uint64_t *p = nosigpipe_slot(fd, false);
        if (p)
            *p = 0;
    }
}

static void nosigpipe_set(int fd, bool on)
{
    uint64_t *p = nosigpipe_slot(fd, on);
    if (!p)
        return;
    if (on) {
        fdt_set_hook(FDT_NOSIGPIPE, nosigpipe_closing);
        fdt_mark(fd, FDT_NOSIGPIPE);
    }
    *p = on ? socket_ino(fd) : 0;
}

/* A descriptor that names a new socket starts without the mark. */
static void nosigpipe_new(int fd)
{
    uint64_t *p = nosigpipe_slot(fd, false);
    if (p)
        *p = 0;
}

static int send_flags_extra(int fd)
{
    return nosigpipe_get(fd) ? MSG_NOSIGNAL : 0;
}

/* ---- reports ---- */

static void report_family(struct sysctx *c, const char *call, int family, const char *detail)
{
    char what[64];
    snprintf(what, sizeof what, "%s address family %d", call, family);
    report_unimplemented(REPORT_OTHER, what, family, detail, c->regs);
}

static void report_msg_flags(struct sysctx *c, const char *call, int bits)
{
    char what[64];
    snprintf(what, sizeof what, "%s flags 0x%x", call, bits);
    report_unimplemented(REPORT_FLAGS, what, bits, "ignored", c->regs);
}

static void report_cmsg(void *ctx, int level, int type, bool outgoing)
{
    struct sysctx *c = ctx;
    char what[96];
    /* Outgoing: the guest's numbers; incoming: Linux numbers. */
    snprintf(what, sizeof what, "%s control message level %d type %d",
             outgoing ? "sendmsg" : "recvmsg (Linux)", level, type);
    report_unimplemented(REPORT_OTHER, what, type, "dropped", c->regs);
}

/* Whether fd is an AF_UNIX socket (level 0 is SOL_LOCAL there). */
static bool socket_is_local(int fd)
{
    int dom = -1;
    socklen_t len = sizeof dom;
    return RAW(SYS_getsockopt, fd, SOL_SOCKET, SO_DOMAIN, &dom, &len) == 0 && dom == AF_UNIX;
}

/* EBADF / ENOTSOCK before an answer persona gives itself (the BSDs look
 * the descriptor up first). */
static long check_socket(int fd)
{
    struct stat st;
    long r = RAW(SYS_fstat, fd, &st);
    if (r < 0)
        return r;
    return S_ISSOCK(st.st_mode) ? 0 : -ENOTSOCK;
}

/* ---- addresses ---- */

/* The guest's sockaddr (uaddr, len) as a host address; AF_UNIX paths go
 * through the filesystem view. */
static long addr_from_guest(struct sysctx *c, const struct bsd_sockabi *abi, const char *call,
                            uint64_t uaddr, uint32_t len, struct sockaddr_storage *out,
                            socklen_t *outlen)
{
    unsigned char buf[255];
    /* sys/kern/uipc_syscalls.c getsockaddr() (FreeBSD), sockargs()
     * (NetBSD): length checks, then copyin. */
    if (len > sizeof buf)
        return -abi->addr_toolong_errno;
    if (len < 2 || len < abi->addr_minlen)
        return -EINVAL;
    if (copy_from_guest(buf, uaddr, len))
        return -EFAULT;
    long r = bsd_sockaddr_to_linux(abi, buf, len, out, outlen);
    if (r == -EAFNOSUPPORT)
        report_family(c, call, buf[1], "EAFNOSUPPORT");
    if (r < 0 || out->ss_family != AF_UNIX)
        return r;
    struct sockaddr_un *su = (struct sockaddr_un *)out;
    char host[4096];
    r = vfs_translate(su->sun_path, host, sizeof host);
    if (r < 0)
        return r;
    size_t n = strlen(host);
    if (n >= sizeof su->sun_path)
        return -ENAMETOOLONG;      /* the view made it longer than Linux takes */
    memcpy(su->sun_path, host, n + 1);
    *outlen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
    return 0;
}

/*
 * A host address (sa, salen) to the guest's buffer uaddr of `cap` bytes,
 * rebuilt in the guest's form and cut to the buffer.  Returns the length to
 * report, min(cap, sa_len) -- 0 when there is no address -- or -EFAULT.
 */
static long addr_out(struct sysctx *c, const struct bsd_sockabi *abi, const char *call,
                     const struct sockaddr_storage *sa, socklen_t salen, uint64_t uaddr,
                     uint32_t cap)
{
    struct sockaddr_storage view;
    const struct sockaddr_storage *src = sa;
    if (salen > offsetof(struct sockaddr_un, sun_path) && sa->ss_family == AF_UNIX) {
        const struct sockaddr_un *su = (const struct sockaddr_un *)sa;
        size_t max = MIN((size_t)salen - offsetof(struct sockaddr_un, sun_path), sizeof su->sun_path);
        size_t n = strnlen(su->sun_path, max);
        if (n > 0) {
            char host[sizeof su->sun_path + 1], guest[4096];
            memcpy(host, su->sun_path, n);
            host[n] = '\0';
            if (vfs_path_to_guest(c, host, guest, sizeof guest) >= 0) {
                struct sockaddr_un *vu = (struct sockaddr_un *)&view;
                memset(&view, 0, sizeof view);
                vu->sun_family = AF_UNIX;
                size_t g = strnlen(guest, sizeof vu->sun_path - 1);
                memcpy(vu->sun_path, guest, g);
                salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + g + 1);
                src = &view;
            }
        }
    }
    struct bsd_sockaddr_storage fs;
    size_t flen = bsd_sockaddr_from_linux(abi, (const struct sockaddr *)src, salen, &fs);
    if (flen == 0 && salen >= sizeof(sa_family_t))
        report_family(c, call, sa->ss_family, "no address returned");
    uint32_t n = (uint32_t)MIN((size_t)cap, flen);
    if (n && copy_to_guest(uaddr, &fs, n))
        return -EFAULT;
    return n;
}

/* addr_out, then the length to *ulen. */
static long addr_and_len_out(struct sysctx *c, const struct bsd_sockabi *abi, const char *call,
                             const struct sockaddr_storage *sa, socklen_t salen, uint64_t uaddr,
                             uint64_t ulen, uint32_t cap)
{
    long n = addr_out(c, abi, call, sa, salen, uaddr, cap);
    if (n < 0)
        return n;
    uint32_t w = (uint32_t)n;
    return copy_to_guest(ulen, &w, sizeof w) ? -EFAULT : 0;
}

/* ---- socket, socketpair ---- */

/* Domain argument -> Linux, reporting the ones persona does not have. */
static int domain_arg(struct sysctx *c, const struct bsd_sockabi *abi, const char *call, int dom)
{
    int ld = bsd_domain_to_linux(abi, dom);
    if (ld <= 0) {      /* AF_UNSPEC is not a domain to create sockets in */
        if (dom != BSD_AF_UNSPEC)
            report_family(c, call, dom, "EAFNOSUPPORT");
        return -1;
    }
    return ld;
}

/* socket(int domain, int type, int protocol) */
/* Linux answers EINVAL for a type or protocol it does not know; the BSDs'
 * socreate (sys/kern/uipc_socket.c), finding no protocol in a known
 * domain, say EPROTOTYPE when no protocol was named, else EPROTONOSUPPORT. */
static long socreate_errno(long r, int protocol)
{
    if (r != -EINVAL)
        return r;
    return protocol == 0 ? -EPROTOTYPE : -EPROTONOSUPPORT;
}

long bsd_socket(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int ld = domain_arg(c, abi, "socket", ARG_INT(c, 0));
    if (ld < 0)
        return -EAFNOSUPPORT;
    bool nosig;
    int type = bsd_socktype_to_linux(abi, ARG_INT(c, 1), &nosig);
    long fd = HOST3(SYS_socket, ld, type, ARG_INT(c, 2));
    if (fd < 0)
        return socreate_errno(fd, ARG_INT(c, 2));
    nosigpipe_new((int)fd);
    if (nosig)
        nosigpipe_set((int)fd, true);      /* NetBSD's SOCK_NOSIGPIPE */
    if (ld == AF_INET6) {
        /* netinet6/in6_pcb.c in6_pcballoc: V_ip6_v6only, 1 by default
         * (FreeBSD; NetBSD's ip6_v6only is 1 by default too).
         * (Linux refuses it on raw sockets; they stay dual.) */
        int one = 1;
        RAW(SYS_setsockopt, fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    }
    return fd;
}

/* socketpair(int domain, int type, int protocol, int *rsv) */
long bsd_socketpair(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int ld = domain_arg(c, abi, "socketpair", ARG_INT(c, 0));
    if (ld < 0)
        return -EAFNOSUPPORT;
    bool nosig;
    int type = bsd_socktype_to_linux(abi, ARG_INT(c, 1), &nosig);
    long r = HOST4(SYS_socketpair, ld, type, ARG_INT(c, 2), ARG_PTR(c, 3));
    if (r == 0) {
        int sv[2];
        if (copy_from_guest(sv, ARG_PTR(c, 3), sizeof sv) == 0) {
            nosigpipe_new(sv[0]);
            nosigpipe_new(sv[1]);
            if (nosig) {
                nosigpipe_set(sv[0], true);
                nosigpipe_set(sv[1], true);
            }
        }
    }
    return socreate_errno(r, ARG_INT(c, 2));
}

/* ---- bind, listen, connect, shutdown ---- */

/* bind(int s, const struct sockaddr *name, socklen_t namelen) */
long bsd_bind(struct sysctx *c, const struct bsd_sockabi *abi)
{
    struct sockaddr_storage sa;
    socklen_t len;
    long r = addr_from_guest(c, abi, "bind", ARG_PTR(c, 1), ARG_UINT(c, 2), &sa, &len);
    if (r < 0)
        return r;
    return HOST3(SYS_bind, ARG_INT(c, 0), &sa, len);
}

/* listen(int s, int backlog): both clamp the backlog to somaxconn. */
long bsd_sys_listen(struct sysctx *c)
{
    return HOST2(SYS_listen, ARG_INT(c, 0), ARG_INT(c, 1));
}

/*
 * connect(int s, const struct sockaddr *name, socklen_t namelen)
 *
 * An EINTR from connect tells a BSD program the connection goes on in
 * the background (Go's net package then waits for writability and reads
 * SO_ERROR).  The door answers EINTR without making the call when a guest
 * signal is already pending, which would leave the socket unconnected
 * behind that promise.  So a non-blocking connect, which never sleeps, is
 * made directly; a blocking one goes through the door, and its EINTR is
 * final only once the kernel has really started the connection (TCP in
 * SYN_SENT) -- otherwise nothing happened and the call restarts under
 * SA_RESTART like any other.
 */
long bsd_connect(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int fd = ARG_INT(c, 0);
    struct sockaddr_storage sa;
    socklen_t len;
    long r = addr_from_guest(c, abi, "connect", ARG_PTR(c, 1), ARG_UINT(c, 2), &sa, &len);
    if (r < 0)
        return r;
    long fl = RAW(SYS_fcntl, fd, F_GETFL);
    if (fl >= 0 && (fl & O_NONBLOCK))
        return RAW(SYS_connect, fd, &sa, len);
    r = HOST3(SYS_connect, fd, &sa, len);
    if (r == -EINTR) {
        struct tcp_info ti;
        socklen_t tl = sizeof ti;
        if (RAW(SYS_getsockopt, fd, IPPROTO_TCP, TCP_INFO, &ti, &tl) == 0 &&
            ti.tcpi_state == TCP_SYN_SENT)
            c->no_restart = true;       /* kern_connectat, do_sys_connect: ERESTART -> EINTR */
    }
    return r;
}

/* shutdown(int s, int how): SHUT_* are the same numbers. */
long bsd_sys_shutdown(struct sysctx *c)
{
    return HOST2(SYS_shutdown, ARG_INT(c, 0), ARG_INT(c, 1));
}

/* ---- accept, accept4, paccept ---- */

long bsd_do_accept(struct sysctx *c, const struct bsd_sockabi *abi, int lflags,
                   bool inherit_nonblock, bool inherit_async, bool nosigpipe)
{
    int fd = ARG_INT(c, 0);
    uint64_t uname = ARG_PTR(c, 1), ulen = ARG_PTR(c, 2);
    uint32_t cap = 0;
    if (uname) {
        /* kern_accept4: the length is read first; negative is EINVAL. */
        if (copy_from_guest(&cap, ulen, sizeof cap))
            return -EFAULT;
        if ((int32_t)cap < 0)
            return -EINVAL;
    }
    long hflags = 0;
    if (inherit_nonblock || inherit_async)
        hflags = RAW(SYS_fcntl, fd, F_GETFL);
    if (inherit_nonblock && hflags > 0 && (hflags & O_NONBLOCK))
        lflags |= SOCK_NONBLOCK;
    struct sockaddr_storage sa;
    socklen_t salen = sizeof sa;
    long nfd = HOST4(SYS_accept4, fd, uname ? &sa : NULL, uname ? &salen : NULL, lflags);
    if (nfd < 0)
        return nfd;
    /* sonewconn copies so_options (SO_NOSIGPIPE among them); NetBSD's
     * do_sys_accept copies the file flags (FNOSIGPIPE among them). */
    nosigpipe_set((int)nfd, nosigpipe || nosigpipe_get(fd));
    if (inherit_async && hflags > 0 && (hflags & O_ASYNC)) {
        struct f_owner_ex own;
        if (RAW(SYS_fcntl, fd, F_GETOWN_EX, &own) == 0)
            RAW(SYS_fcntl, nfd, F_SETOWN_EX, &own);
        long fl = RAW(SYS_fcntl, nfd, F_GETFL);
        if (fl >= 0)
            RAW(SYS_fcntl, nfd, F_SETFL, fl | O_ASYNC);
    }
    if (uname) {
        long r = addr_and_len_out(c, abi, "accept", &sa, salen, uname, ulen, cap);
        if (r < 0) {
            /* accept1: a failed copyout closes the new descriptor. */
            RAW(SYS_close, nfd);
            return r;
        }
    }
    return nfd;
}

/* accept(int s, struct sockaddr *name, socklen_t *anamelen): the new
 * socket gets the listening one's O_NONBLOCK and O_ASYNC (FreeBSD
 * kern_accept4 with ACCEPT4_INHERIT; NetBSD do_sys_accept, clrflags 0). */
long bsd_accept(struct sysctx *c, const struct bsd_sockabi *abi)
{
    return bsd_do_accept(c, abi, 0, true, true, false);
}

/* ---- getsockname, getpeername ---- */

static long get_name(struct sysctx *c, const struct bsd_sockabi *abi, long nr, const char *call)
{
    uint64_t uaddr = ARG_PTR(c, 1), ulen = ARG_PTR(c, 2);
    uint32_t cap;
    if (copy_from_guest(&cap, ulen, sizeof cap))
        return -EFAULT;
    struct sockaddr_storage sa;
    socklen_t salen = sizeof sa;
    memset(&sa, 0, sizeof sa);
    long r = HOST3(nr, ARG_INT(c, 0), &sa, &salen);
    if (r < 0)
        return r;
    return addr_and_len_out(c, abi, call, &sa, salen, uaddr, ulen, cap);
}

/* getsockname(int fdes, struct sockaddr *asa, socklen_t *alen) */
long bsd_getsockname(struct sysctx *c, const struct bsd_sockabi *abi)
{
    return get_name(c, abi, SYS_getsockname, "getsockname");
}

/* getpeername(int fdes, struct sockaddr *asa, socklen_t *alen) */
long bsd_getpeername(struct sysctx *c, const struct bsd_sockabi *abi)
{
    return get_name(c, abi, SYS_getpeername, "getpeername");
}

/* ---- setsockopt, getsockopt ---- */

/* An option persona has no translation for: reported; ENOPROTOOPT for an
 * unknown option of a known level, EINVAL for an unknown level (what
 * the BSDs' ctloutput routines answer). */
static long unknown_sockopt(struct sysctx *c, const struct bsd_sockabi *abi, const char *call,
                            int fd, int level, int name, bool local, bool level_known)
{
    long r = check_socket(fd);
    if (r < 0)
        return r;
    char what[96];
    const char *ln = abi->level_name(level, local);
    if (ln)
        snprintf(what, sizeof what, "%s %s option %d (0x%x)", call, ln, name, name);
    else
        snprintf(what, sizeof what, "%s level %d (0x%x)", call, level, level);
    report_unimplemented(REPORT_OTHER, what, name, level_known ? "ENOPROTOOPT" : "EINVAL", c->regs);
    return level_known ? -ENOPROTOOPT : -EINVAL;
}

static const struct bsd_sockopt *lookup_opt(const struct bsd_sockabi *abi, int fd, int level,
                                            int name, bool *local, bool *level_known)
{
    *local = level == BSD_SOL_LOCAL && socket_is_local(fd);
    return bsd_sockopt_lookup(abi, level, name, *local, level_known);
}

/* setsockopt(int s, int level, int name, const void *val, socklen_t valsize) */
long bsd_setsockopt(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int fd = ARG_INT(c, 0), level = ARG_INT(c, 1), name = ARG_INT(c, 2);
    uint64_t uval = ARG_PTR(c, 3);
    uint32_t vlen = ARG_UINT(c, 4);
    bool local, level_known;
    const struct bsd_sockopt *o = lookup_opt(abi, fd, level, name, &local, &level_known);
    if (!o)
        return unknown_sockopt(c, abi, "setsockopt", fd, level, name, local, level_known);
    if (o->get_only) {
        long r = check_socket(fd);
        return r < 0 ? r : -ENOPROTOOPT;
    }
    if (o->kind == BSD_SOPT_NOSIGPIPE) {
        int v;
        long r = check_socket(fd);
        if (r < 0)
            return r;
        /* sooptcopyin: a shorter value is EINVAL. */
        if (vlen < sizeof v)
            return -EINVAL;
        if (copy_from_guest(&v, uval, sizeof v))
            return -EFAULT;
        nosigpipe_set(fd, v != 0);
        return 0;
    }
    /* Every other settable kind takes the same bytes on Linux: an int
     * (any non-zero value turns a flag on, on both), struct linger,
     * struct timeval, the multicast structures, a name.  The host kernel
     * reads the guest's buffer itself. */
    return HOST5(SYS_setsockopt, fd, o->lnx_level, o->lnx_name, uval, vlen);
}

/* getsockopt(int s, int level, int name, void *val, socklen_t *avalsize) */
long bsd_getsockopt(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int fd = ARG_INT(c, 0), level = ARG_INT(c, 1), name = ARG_INT(c, 2);
    uint64_t uval = ARG_PTR(c, 3), ulen = ARG_PTR(c, 4);
    uint32_t cap = 0;
    /* sys_getsockopt: the size is read only when there is a buffer; with
     * none it counts as 0 (and 0 is written back). */
    if (uval && copy_from_guest(&cap, ulen, sizeof cap))
        return -EFAULT;
    if ((int32_t)cap < 0)
        return -EINVAL;
    bool local, level_known;
    const struct bsd_sockopt *o = lookup_opt(abi, fd, level, name, &local, &level_known);
    if (!o)
        return unknown_sockopt(c, abi, "getsockopt", fd, level, name, local, level_known);

    union {
        int i;
        struct linger lg;
        struct ucred cr;
        unsigned char b[256];
    } v;
    memset(&v, 0, sizeof v);
    socklen_t len;
    long r;
    if (o->kind == BSD_SOPT_NOSIGPIPE) {
        r = check_socket(fd);
        if (r < 0)
            return r;
        v.i = nosigpipe_get(fd) ? (int)o->bit : 0;
        len = sizeof v.i;
    } else if (o->kind == BSD_SOPT_PEERCRED) {
        len = sizeof v.cr;
        r = HOST5(SYS_getsockopt, fd, o->lnx_level, o->lnx_name, &v.cr, &len);
        if (r < 0)
            return r;
        /* uipc_ctloutput: no peer credentials until connected. */
        if (v.cr.pid == 0)
            return -abi->peercred_unconnected_errno;
        struct ucred cr = v.cr;
        memset(&v, 0, sizeof v);
        len = (socklen_t)abi->peercred_out(cr.pid, cr.uid, cr.gid, v.b, sizeof v.b);
    } else {
        /* Ask the host with room for the whole value, then cut to the
         * guest's size as sooptcopyout does. */
        len = o->kind == BSD_SOPT_RAW ? (socklen_t)MIN(cap, sizeof v.b) : sizeof v;
        r = HOST5(SYS_getsockopt, fd, o->lnx_level, o->lnx_name, &v, &len);
        if (r < 0)
            return r;
        switch (o->kind) {
        case BSD_SOPT_FLAG:
            v.i = v.i ? (int)o->bit : 0;
            break;
        case BSD_SOPT_LINGER:
            v.lg.l_onoff = v.lg.l_onoff ? (int)o->bit : 0;
            break;
        case BSD_SOPT_ERRNO:
            v.i = v.i ? active_personality->errno_from_host(v.i) : 0;
            break;
        case BSD_SOPT_DOMAIN:
            v.i = bsd_domain_from_linux(abi, v.i);
            break;
        case BSD_SOPT_BUFSIZE:
            /* Linux stores and reports twice the requested size
             * (socket(7)); the BSDs report the size itself. */
            v.i /= 2;
            break;
        default:
            break;
        }
    }
    uint32_t n = (uint32_t)MIN((size_t)cap, (size_t)len);
    if (n && copy_to_guest(uval, &v, n))
        return -EFAULT;
    if (ulen && copy_to_guest(ulen, &n, sizeof n))
        return -EFAULT;
    return 0;
}

/* ---- sending ---- */

/* The guest's send flags -> Linux, reporting what has no meaning there. */
static int send_flags(struct sysctx *c, const struct bsd_sockabi *abi, const char *call, int fd,
                      int flags)
{
    int unknown;
    int lflags = bsd_msg_flags_to_linux(abi, flags, &unknown);
    unknown &= ~abi->msg_eof;       /* emulated below */
    if (unknown)
        report_msg_flags(c, call, unknown);
    return lflags | send_flags_extra(fd);
}

/* FreeBSD's MSG_EOF: the data completes the transaction -- shut the
 * sending side once all of it went (sosend_generic passes PRUS_EOF with
 * the last chunk). */
static long after_send(const struct bsd_sockabi *abi, int fd, int flags, long r, size_t total)
{
    if (abi->msg_eof && (flags & abi->msg_eof) && r >= 0 && (size_t)r == total)
        RAW(SYS_shutdown, fd, SHUT_WR);
    return r;
}

/* sendto(int s, const void *buf, size_t len, int flags,
 *        const struct sockaddr *to, socklen_t tolen) */
long bsd_sendto(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int fd = ARG_INT(c, 0), flags = ARG_INT(c, 3);
    struct sockaddr_storage sa;
    socklen_t salen = 0;
    if (ARG_PTR(c, 4)) {
        long r = addr_from_guest(c, abi, "sendto", ARG_PTR(c, 4), ARG_UINT(c, 5), &sa, &salen);
        if (r < 0)
            return r;
    }
    int lflags = send_flags(c, abi, "sendto", fd, flags);
    long r = HOST6(SYS_sendto, fd, ARG_PTR(c, 1), ARG_PTR(c, 2), lflags,
                   salen ? &sa : NULL, salen);
    return after_send(abi, fd, flags, r, ARG_PTR(c, 2));
}

/* Call fn for every descriptor the SCM_RIGHTS messages of a Linux control
 * buffer carry, until it returns true; returns whether one did. */
static bool each_passed_fd(const char *ctl, size_t len, bool (*fn)(int fd))
{
    size_t off = 0;
    while (off + sizeof(struct cmsghdr) <= len) {
        struct cmsghdr h;
        memcpy(&h, ctl + off, sizeof h);
        if (h.cmsg_len < sizeof h || h.cmsg_len > len - off)
            break;
        if (h.cmsg_level == SOL_SOCKET && h.cmsg_type == SCM_RIGHTS) {
            size_t nfds = (h.cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < nfds; i++) {
                int fd;
                memcpy(&fd, ctl + off + CMSG_LEN(0) + i * sizeof fd, sizeof fd);
                if (fn(fd))
                    return true;
            }
        }
        off += CMSG_ALIGN(h.cmsg_len);
    }
    return false;
}

static bool is_private_fd(int fd) { return fd_is_reserved(fd); }

/* Whether SCM_RIGHTS in a Linux control buffer names one of persona's own
 * descriptors: not open as far as the guest can tell (unp_internalize:
 * EBADF). */
static bool passes_private_fd(const char *ctl, size_t len)
{
    return each_passed_fd(ctl, len, is_private_fd);
}

/* sendmsg(int s, const struct msghdr *msg, int flags) */
long bsd_sendmsg(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int fd = ARG_INT(c, 0), flags = ARG_INT(c, 2);
    struct bsd_msghdr m;
    if (copy_from_guest(&m, ARG_PTR(c, 1), sizeof m))
        return -EFAULT;
    struct msghdr lm = {
        .msg_iov = (struct iovec *)(uintptr_t)m.msg_iov,
        /* A negative count becomes huge: EMSGSIZE on both. */
        .msg_iovlen = (size_t)(uint32_t)m.msg_iovlen,
    };
    struct sockaddr_storage sa;
    socklen_t salen;
    if (m.msg_name) {
        long r = addr_from_guest(c, abi, "sendmsg", m.msg_name, m.msg_namelen, &sa, &salen);
        if (r < 0)
            return r;
        lm.msg_name = &sa;
        lm.msg_namelen = salen;
    }
    char gctl[BSD_MAX_CONTROLLEN], hctl[BSD_MAX_CONTROLLEN];
    if (m.msg_control) {
        /* FreeBSD sendit() / NetBSD do_sys_sendmsg_so(): a buffer shorter
         * than one header is EINVAL; sockargs() refuses a longer one than
         * the OS's bound (MCLBYTES, PAGE_SIZE). */
        if (m.msg_controllen < abi->min_controllen || m.msg_controllen > abi->max_controllen)
            return -EINVAL;
        if (copy_from_guest(gctl, m.msg_control, m.msg_controllen))
            return -EFAULT;
        size_t hl;
        long r = bsd_cmsgs_to_linux(abi, gctl, m.msg_controllen, hctl, sizeof hctl, &hl,
                                    report_cmsg, c);
        if (r < 0)
            return r;
        if (passes_private_fd(hctl, hl))
            return -EBADF;
        if (hl) {
            lm.msg_control = hctl;
            lm.msg_controllen = hl;
        }
    }
    size_t total = 0;
    if (abi->msg_eof && (flags & abi->msg_eof)) {
        for (size_t i = 0; i < lm.msg_iovlen && i < 1024; i++) {
            struct iovec iov;
            if (copy_from_guest(&iov, m.msg_iov + i * sizeof iov, sizeof iov))
                break;
            total += iov.iov_len;
        }
    }
    int lflags = send_flags(c, abi, "sendmsg", fd, flags);
    long r = HOST3(SYS_sendmsg, fd, &lm, lflags);
    return after_send(abi, fd, flags, r, total);
}

/* ---- receiving ---- */

/* The guest's recv flags -> Linux. */
static int recv_flags(struct sysctx *c, const struct bsd_sockabi *abi, const char *call, int flags)
{
    int unknown;
    int lflags = bsd_msg_flags_to_linux(abi, flags, &unknown);
    if (unknown)
        report_msg_flags(c, call, unknown);
    return lflags & ~MSG_NOSIGNAL;
}

/* kern_recvit: the source address is written only when the guest gave a
 * buffer of positive size; the length reported is min(size, sa_len), 0
 * when there is none. */
static long name_out(struct sysctx *c, const struct bsd_sockabi *abi, const char *call,
                     const struct sockaddr_storage *sa, socklen_t salen, uint64_t uname,
                     uint32_t cap)
{
    if ((int32_t)cap <= 0)
        return 0;
    return addr_out(c, abi, call, sa, salen, uname, cap);
}

/* recvfrom(int s, void *buf, size_t len, int flags,
 *          struct sockaddr *from, socklen_t *fromlenaddr) */
long bsd_recvfrom(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int fd = ARG_INT(c, 0);
    uint64_t ufrom = ARG_PTR(c, 4), ulen = ARG_PTR(c, 5);
    uint32_t cap = 0;
    if (ulen && copy_from_guest(&cap, ulen, sizeof cap))
        return -EFAULT;
    struct sockaddr_storage sa;
    socklen_t salen = sizeof sa;
    memset(&sa, 0, sizeof sa);
    long n = HOST6(SYS_recvfrom, fd, ARG_PTR(c, 1), ARG_PTR(c, 2),
                   recv_flags(c, abi, "recvfrom", ARG_INT(c, 3)),
                   ufrom ? &sa : NULL, ufrom ? &salen : NULL);
    if (n < 0 || !ufrom)
        return n;
    long r = name_out(c, abi, "recvfrom", &sa, salen, ufrom, cap);
    if (r < 0)
        return r;
    uint32_t w = (uint32_t)r;
    if (ulen && copy_to_guest(ulen, &w, sizeof w))
        return -EFAULT;
    return n;
}

static bool close_fd(int fd)
{
    RAW(SYS_close, fd);
    return false;
}

/* Close the descriptors of SCM_RIGHTS messages in a Linux control buffer
 * the guest will never see. */
static void close_passed_fds(const char *ctl, size_t len)
{
    each_passed_fd(ctl, len, close_fd);
}

#define RECV_CONTROL_MAX 8192

/* recvmsg(int s, struct msghdr *msg, int flags) */
long bsd_recvmsg(struct sysctx *c, const struct bsd_sockabi *abi)
{
    int fd = ARG_INT(c, 0);
    uint64_t umsg = ARG_PTR(c, 1);
    struct bsd_msghdr m;
    if (copy_from_guest(&m, umsg, sizeof m))
        return -EFAULT;
    struct msghdr lm = {
        .msg_iov = (struct iovec *)(uintptr_t)m.msg_iov,
        .msg_iovlen = (size_t)(uint32_t)m.msg_iovlen,
    };
    struct sockaddr_storage sa;
    memset(&sa, 0, sizeof sa);
    if (m.msg_name) {
        lm.msg_name = &sa;
        lm.msg_namelen = sizeof sa;
    }
    /* No message grows from Linux's form to the BSDs', so a host buffer
     * of the guest's size (up to a bound) holds all the guest can take. */
    char hctl[RECV_CONTROL_MAX], gctl[RECV_CONTROL_MAX];
    size_t cap = 0;
    if (m.msg_control && m.msg_controllen > 0) {
        cap = MIN((size_t)m.msg_controllen, sizeof hctl);
        lm.msg_control = hctl;
        lm.msg_controllen = cap;
    }
    long n = HOST3(SYS_recvmsg, fd, &lm, recv_flags(c, abi, "recvmsg", ARG_INT(c, 2)));
    if (n < 0)
        return n;
    int oflags = bsd_msg_flags_from_linux(abi, lm.msg_flags);
    size_t glen = 0;
    if (cap && lm.msg_controllen) {
        bsd_cmsgs_from_linux(abi, hctl, lm.msg_controllen, gctl, cap, &glen, &oflags,
                             report_cmsg, c);
        if (copy_to_guest(m.msg_control, gctl, glen)) {
            close_passed_fds(hctl, lm.msg_controllen);
            return -EFAULT;
        }
    }
    uint32_t w = 0;
    if (m.msg_name) {
        long r = name_out(c, abi, "recvmsg", &sa, lm.msg_namelen, m.msg_name, m.msg_namelen);
        if (r < 0)
            return r;
        w = (uint32_t)r;
    }
    m.msg_namelen = w;
    m.msg_controllen = (uint32_t)glen;
    m.msg_flags = oflags;
    if (copy_to_guest(umsg, &m, sizeof m))
        return -EFAULT;
    return n;
}
