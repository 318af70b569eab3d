/* How the tracer names FreeBSD flags, commands, signals and errnos: the
 * values are the abi/freebsd ones, so the trace reads in the guest's terms. */
#include "personality/freebsd/fbsd.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/mman.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/stat.h"
#include "abi/freebsd/time.h"
#include "syscalls/trace.h"
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

/* %file and %desc, as in strace, are the calls that take a path or a
 * descriptor; the others are the table's class column. */
static bool in_class(const struct syscall_entry *e, const char *cls)
{
    static const struct { const char *name; enum sys_class cls; } areas[] = {
        { "process", CLS_PROCESS }, { "net", CLS_NET }, { "network", CLS_NET },
        { "memory", CLS_MEMORY }, { "time", CLS_TIME }, { "signal", CLS_SIGNAL },
        { "thread", CLS_THREAD }, { "ipc", CLS_IPC }, { "creds", CLS_CRED },
        { "system", CLS_SYSTEM },
    };
    if (!strcmp(cls, "file") || !strcmp(cls, "desc")) {
        for (int i = 0; i < 6; i++)
            if (!strcmp(cls, "file") ? e->kinds[i] == A_PATH
                                     : e->kinds[i] == A_FD || e->kinds[i] == A_DIRFD)
                return true;
        return false;
    }
    for (size_t i = 0; i < sizeof areas / sizeof areas[0]; i++)
        if (!strcmp(cls, areas[i].name))
            return e->cls == areas[i].cls;
    return false;
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
    .at_fdcwd = FBSD_AT_FDCWD,
    .errno_name = errno_name,
    .errno_desc = errno_desc,
    .in_class = in_class,
    .summarize = summarize,
};
