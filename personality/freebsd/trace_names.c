/* How the tracer names FreeBSD flags, commands, signals and errnos: the
 * values are the abi/freebsd ones, so the trace reads in the guest's terms. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/mman.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/stat.h"
#include "abi/freebsd/socket.h"
#include "abi/freebsd/time.h"
#include "abi/freebsd/umtx.h"
#include "syscalls/trace.h"
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#define N(x) { FBSD_##x, #x }

static const struct flag_name accmode[] = { N(O_RDONLY), N(O_WRONLY), N(O_RDWR), { 0, NULL } };
static const struct flag_name open_flags[] = {
    N(O_NONBLOCK), N(O_APPEND), N(O_SHLOCK), N(O_EXLOCK), N(O_ASYNC), N(O_FSYNC),
    N(O_NOFOLLOW), N(O_CREAT), N(O_TRUNC), N(O_EXCL), N(O_NOCTTY), N(O_DIRECT),
    N(O_DIRECTORY), N(O_EXEC), N(O_TTY_INIT), N(O_CLOEXEC), N(O_VERIFY), N(O_PATH),
    N(O_RESOLVE_BENEATH), N(O_DSYNC), N(O_EMPTY_PATH), { 0, NULL },
};
static const struct flag_name mmap_prot[] = { N(PROT_READ), N(PROT_WRITE), N(PROT_EXEC), { 0, NULL } };
static const struct flag_name mmap_flags[] = {
    N(MAP_SHARED), N(MAP_PRIVATE), N(MAP_FIXED), N(MAP_HASSEMAPHORE), N(MAP_STACK),
    N(MAP_NOSYNC), N(MAP_ANON), N(MAP_GUARD), N(MAP_EXCL), N(MAP_NOCORE),
    N(MAP_PREFAULT_READ), N(MAP_32BIT), { 0, NULL },
};
static const struct flag_name at_flags[] = {
    N(AT_EACCESS), N(AT_SYMLINK_NOFOLLOW), N(AT_SYMLINK_FOLLOW), N(AT_REMOVEDIR),
    N(AT_RESOLVE_BENEATH), N(AT_EMPTY_PATH), { 0, NULL },
};
static const struct flag_name fcntl_cmds[] = {
    N(F_DUPFD), N(F_GETFD), N(F_SETFD), N(F_GETFL), N(F_SETFL), N(F_GETOWN), N(F_SETOWN),
    N(F_OGETLK), N(F_OSETLK), N(F_OSETLKW), N(F_DUP2FD), N(F_GETLK), N(F_SETLK),
    N(F_SETLKW), N(F_READAHEAD), N(F_RDAHEAD), N(F_DUPFD_CLOEXEC), N(F_DUP2FD_CLOEXEC),
    N(F_ADD_SEALS), N(F_GET_SEALS), N(F_ISUNIONSTACK), N(F_KINFO), { 0, NULL },
};
/* lseek whence (sys/sys/unistd.h). */
static const struct flag_name whence[] = {
    { 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" },
    { 0, NULL },
};
static const struct flag_name clocks[] = {
    N(CLOCK_REALTIME), N(CLOCK_VIRTUAL), N(CLOCK_PROF), N(CLOCK_MONOTONIC), N(CLOCK_UPTIME),
    N(CLOCK_UPTIME_PRECISE), N(CLOCK_UPTIME_FAST), N(CLOCK_REALTIME_PRECISE),
    N(CLOCK_REALTIME_FAST), N(CLOCK_MONOTONIC_PRECISE), N(CLOCK_MONOTONIC_FAST),
    N(CLOCK_SECOND), N(CLOCK_THREAD_CPUTIME_ID), N(CLOCK_PROCESS_CPUTIME_ID), { 0, NULL },
};
static const struct flag_name signals[] = {
    N(SIGHUP), N(SIGINT), N(SIGQUIT), N(SIGILL), N(SIGTRAP), N(SIGABRT), N(SIGEMT), N(SIGFPE),
    N(SIGKILL), N(SIGBUS), N(SIGSEGV), N(SIGSYS), N(SIGPIPE), N(SIGALRM), N(SIGTERM), N(SIGURG),
    N(SIGSTOP), N(SIGTSTP), N(SIGCONT), N(SIGCHLD), N(SIGTTIN), N(SIGTTOU), N(SIGIO), N(SIGXCPU),
    N(SIGXFSZ), N(SIGVTALRM), N(SIGPROF), N(SIGWINCH), N(SIGINFO), N(SIGUSR1), N(SIGUSR2),
    N(SIGTHR), N(SIGLIBRT), { 0, NULL },
};
static const struct flag_name how[] = { N(SIG_BLOCK), N(SIG_UNBLOCK), N(SIG_SETMASK), { 0, NULL } };
static const struct flag_name rlimits[] = {
    N(RLIMIT_CPU), N(RLIMIT_FSIZE), N(RLIMIT_DATA), N(RLIMIT_STACK), N(RLIMIT_CORE),
    N(RLIMIT_RSS), N(RLIMIT_MEMLOCK), N(RLIMIT_NPROC), N(RLIMIT_NOFILE), N(RLIMIT_SBSIZE),
    N(RLIMIT_AS), N(RLIMIT_NPTS), N(RLIMIT_SWAP), N(RLIMIT_KQUEUES), N(RLIMIT_UMTXP),
    { 0, NULL },
};
/* sysarch(2) operations, sys/x86/include/sysarch.h. */
static const struct flag_name sysarch_ops[] = {
    { 0, "I386_GET_LDT" }, { 1, "I386_SET_LDT" }, { 3, "I386_GET_IOPERM" },
    { 4, "I386_SET_IOPERM" }, { 6, "I386_VM86" }, { 7, "I386_GET_FSBASE" },
    { 8, "I386_SET_FSBASE" }, { 9, "I386_GET_GSBASE" }, { 10, "I386_SET_GSBASE" },
    { 11, "I386_GET_XFPUSTATE" }, { 12, "I386_SET_PKRU" }, { 13, "I386_CLEAR_PKRU" },
    { 128, "AMD64_GET_FSBASE" }, { 129, "AMD64_SET_FSBASE" }, { 130, "AMD64_GET_GSBASE" },
    { 131, "AMD64_SET_GSBASE" }, { 132, "AMD64_GET_XFPUSTATE" }, { 133, "AMD64_SET_PKRU" },
    { 134, "AMD64_CLEAR_PKRU" }, { 0, NULL },
};
#define U(x) { FBSD_UMTX_OP_##x, "UMTX_OP_" #x }
static const struct flag_name umtx_ops[] = {
    U(RESERVED0), U(RESERVED1), U(WAIT), U(WAKE), U(MUTEX_TRYLOCK), U(MUTEX_LOCK),
    U(MUTEX_UNLOCK), U(SET_CEILING), U(CV_WAIT), U(CV_SIGNAL), U(CV_BROADCAST), U(WAIT_UINT),
    U(RW_RDLOCK), U(RW_WRLOCK), U(RW_UNLOCK), U(WAIT_UINT_PRIVATE), U(WAKE_PRIVATE),
    U(MUTEX_WAIT), U(MUTEX_WAKE), U(SEM_WAIT), U(SEM_WAKE), U(NWAKE_PRIVATE), U(MUTEX_WAKE2),
    U(SEM2_WAIT), U(SEM2_WAKE), U(SHM), U(ROBUST_LISTS), U(GET_MIN_TIMEOUT),
    U(SET_MIN_TIMEOUT), { 0, NULL },
};
static const struct flag_name sock_domains[] = {
    N(AF_UNIX), N(AF_INET), N(AF_ROUTE), N(AF_INET6), { 0, NULL },
};
static const struct flag_name sock_types[] = {
    N(SOCK_STREAM), N(SOCK_DGRAM), N(SOCK_RAW), N(SOCK_RDM), N(SOCK_SEQPACKET), { 0, NULL },
};
static const struct flag_name sock_type_flags[] = { N(SOCK_CLOEXEC), N(SOCK_NONBLOCK), { 0, NULL } };
static const struct flag_name sockopt_levels[] = {
    N(SOL_SOCKET), N(IPPROTO_IP), N(IPPROTO_TCP), N(IPPROTO_UDP), N(IPPROTO_IPV6), { 0, NULL },
};
static const struct flag_name fd_flags[] = { N(FD_CLOEXEC), { 0, NULL } };

/* {AF_INET, 127.0.0.1:80}, {AF_INET6, [::1]:80}, {AF_UNIX, "/tmp/s"}:
 * FreeBSD's layouts, with sa_len first (sys/sys/socket.h). */
static bool sockaddr_text(uint64_t addr, uint64_t len, char *buf, size_t cap)
{
    struct fbsd_sockaddr_storage ss;
    if (len < 2)
        return false;
    size_t n = len < sizeof ss ? (size_t)len : sizeof ss;
    memset(&ss, 0, sizeof ss);
    if (copy_from_guest(&ss, addr, n) != 0)
        return false;
    char a[INET6_ADDRSTRLEN];
    if (ss.ss_family == FBSD_AF_INET && n >= sizeof(struct fbsd_sockaddr_in)) {
        const struct fbsd_sockaddr_in *in = (const void *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, a, sizeof a);
        snprintf(buf, cap, "{AF_INET, %s:%u}", a, ntohs(in->sin_port));
    } else if (ss.ss_family == FBSD_AF_INET6 && n >= sizeof(struct fbsd_sockaddr_in6)) {
        const struct fbsd_sockaddr_in6 *in6 = (const void *)&ss;
        inet_ntop(AF_INET6, in6->sin6_addr, a, sizeof a);
        snprintf(buf, cap, "{AF_INET6, [%s]:%u}", a, ntohs(in6->sin6_port));
    } else if (ss.ss_family == FBSD_AF_UNIX) {
        const struct fbsd_sockaddr_un *un = (const void *)&ss;
        size_t max = n > 2 ? n - 2 : 0;
        if (max > FBSD_SUN_PATH_MAX)
            max = FBSD_SUN_PATH_MAX;
        snprintf(buf, cap, "{AF_UNIX, \"%.*s\"}", (int)strnlen(un->sun_path, max), un->sun_path);
    } else {
        snprintf(buf, cap, "{family %u, len %u}", ss.ss_family, ss.ss_len);
    }
    return true;
}

/* {mode=0100644, size=123, nlink=1, ino=4567} */
static void summarize(int kind, uint64_t addr, char *buf, size_t cap)
{
    if (kind == A_STAT_OUT) {
        struct fbsd_stat st;
        if (copy_from_guest(&st, addr, sizeof st) == 0) {
            snprintf(buf, cap, "{mode=0%o, size=%ld, nlink=%lu, ino=%lu}", st.st_mode,
                     (long)st.st_size, (unsigned long)st.st_nlink, (unsigned long)st.st_ino);
            return;
        }
    } else if (kind == A_STAT11_OUT) {
        struct fbsd11_stat st;
        if (copy_from_guest(&st, addr, sizeof st) == 0) {
            snprintf(buf, cap, "{mode=0%o, size=%ld, nlink=%u, ino=%u}", st.st_mode,
                     (long)st.st_size, st.st_nlink, st.st_ino);
            return;
        }
    }
    snprintf(buf, cap, "%#lx", (unsigned long)addr);
}

static const char *errno_name(int e) { return fbsd_errno_name(e); }
static const char *errno_desc(int e) { return fbsd_errno_desc(e); }

const struct trace_names fbsd_trace_names = {
    .open_accmode = accmode,
    .open_accmode_mask = FBSD_O_ACCMODE,
    .open_flags = open_flags,
    .mmap_prot = mmap_prot,
    .mmap_flags = mmap_flags,
    .at_flags = at_flags,
    .fcntl_cmds = fcntl_cmds,
    .whence = whence,
    .clocks = clocks,
    .signals = signals,
    .sigprocmask_how = how,
    .rlimits = rlimits,
    .sysarch_ops = sysarch_ops,
    .umtx_ops = umtx_ops,
    .umtx_op_mask = FBSD_UMTX_OP_MASK,
    .sock_domains = sock_domains,
    .sock_types = sock_types,
    .sock_type_flags = sock_type_flags,
    .sockopt_levels = sockopt_levels,
    .fd_flags = fd_flags,
    .sigset_size = sizeof(fbsd_sigset_t),
    .sockaddr = sockaddr_text,
    .at_fdcwd = FBSD_AT_FDCWD,
    .errno_name = errno_name,
    .errno_desc = errno_desc,
    .in_class = bsd_trace_in_class,
    .summarize = summarize,
};
