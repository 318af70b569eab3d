/* How the tracer names NetBSD flags, signals and errnos: the values are the
 * abi/netbsd ones, so the trace reads in the guest's terms. */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/errno.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/stat.h"
#include "abi/netbsd/socket.h"
#include <arpa/inet.h>
#include <string.h>
#include "syscalls/trace.h"
#include <stdio.h>

#define N(x) { NBSD_##x, #x }

static const struct flag_name accmode[] = { N(O_RDONLY), N(O_WRONLY), N(O_RDWR), { 0, NULL } };
static const struct flag_name open_flags[] = {
    N(O_NONBLOCK), N(O_APPEND), N(O_SHLOCK), N(O_EXLOCK), N(O_ASYNC), N(O_SYNC),
    N(O_NOFOLLOW), N(O_CREAT), N(O_TRUNC), N(O_EXCL), N(O_NOCTTY), N(O_DSYNC),
    N(O_RSYNC), N(O_DIRECT), N(O_DIRECTORY), N(O_CLOEXEC), N(O_NOSIGPIPE), { 0, NULL },
};
/* lseek whence (sys/sys/unistd.h). */
static const struct flag_name whence[] = {
    { 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 0, NULL },
};

static const struct flag_name sock_domains[] = {
    N(AF_UNIX), N(AF_INET), N(AF_INET6), N(AF_ROUTE), { 0, NULL },
};
static const struct flag_name sock_types[] = {
    N(SOCK_STREAM), N(SOCK_DGRAM), N(SOCK_RAW), N(SOCK_RDM), N(SOCK_SEQPACKET), { 0, NULL },
};
static const struct flag_name sock_type_flags[] = {
    N(SOCK_CLOEXEC), N(SOCK_NONBLOCK), N(SOCK_NOSIGPIPE), { 0, NULL },
};
static const struct flag_name sockopt_levels[] = {
    N(SOL_SOCKET), N(IPPROTO_IP), N(IPPROTO_TCP), N(IPPROTO_UDP), N(IPPROTO_IPV6), { 0, NULL },
};

/* {AF_INET, 127.0.0.1:80}, {AF_INET6, [::1]:80}, {AF_UNIX, "/tmp/s"}:
 * NetBSD's numbers, sa_len first (sys/sys/socket.h). */
static bool sockaddr_text(uint64_t addr, uint64_t len, char *buf, size_t cap)
{
    struct bsd_sockaddr_storage ss;
    if (len < 2)
        return false;
    size_t n = len < sizeof ss ? (size_t)len : sizeof ss;
    memset(&ss, 0, sizeof ss);
    if (copy_from_guest(&ss, addr, n) != 0)
        return false;
    char a[INET6_ADDRSTRLEN];
    if (ss.ss_family == NBSD_AF_INET && n >= sizeof(struct bsd_sockaddr_in)) {
        const struct bsd_sockaddr_in *in = (const void *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, a, sizeof a);
        snprintf(buf, cap, "{AF_INET, %s:%u}", a, ntohs(in->sin_port));
    } else if (ss.ss_family == NBSD_AF_INET6 && n >= sizeof(struct bsd_sockaddr_in6)) {
        const struct bsd_sockaddr_in6 *in6 = (const void *)&ss;
        inet_ntop(AF_INET6, in6->sin6_addr, a, sizeof a);
        snprintf(buf, cap, "{AF_INET6, [%s]:%u}", a, ntohs(in6->sin6_port));
    } else if (ss.ss_family == NBSD_AF_UNIX) {
        const struct bsd_sockaddr_un *un = (const void *)&ss;
        size_t max = n > 2 ? n - 2 : 0;
        if (max > BSD_SUN_PATH_MAX)
            max = BSD_SUN_PATH_MAX;
        snprintf(buf, cap, "{AF_UNIX, \"%.*s\"}", (int)strnlen(un->sun_path, max), un->sun_path);
    } else {
        snprintf(buf, cap, "{family %u, len %u}", ss.ss_family, ss.ss_len);
    }
    return true;
}

/* {mode=0100644, size=123, nlink=1, ino=4567} */
static void summarize(int kind, uint64_t addr, char *buf, size_t cap)
{
    struct nbsd_stat st;
    if (kind == A_STAT_OUT && copy_from_guest(&st, addr, sizeof st) == 0) {
        snprintf(buf, cap, "{mode=0%o, size=%ld, nlink=%u, ino=%lu}", st.st_mode,
                 (long)st.st_size, st.st_nlink, (unsigned long)st.st_ino);
        return;
    }
    snprintf(buf, cap, "%#lx", (unsigned long)addr);
}

static const char *errno_name(int e) { return nbsd_errno_name(e); }
static const char *errno_desc(int e) { return NULL; }

const struct trace_names nbsd_trace_names = {
    .open_accmode = accmode,
    .open_accmode_mask = NBSD_O_ACCMODE,
    .open_flags = open_flags,
    .whence = whence,
    .sock_domains = sock_domains,
    .sock_types = sock_types,
    .sock_type_flags = sock_type_flags,
    .sockopt_levels = sockopt_levels,
    .sockaddr = sockaddr_text,
    .sigset_size = 16,      /* sigset_t: 4 x uint32 (sys/sys/sigtypes.h) */
    .at_fdcwd = NBSD_AT_FDCWD,
    .errno_name = errno_name,
    .errno_desc = errno_desc,
    .in_class = bsd_trace_in_class,
    .summarize = summarize,
};
