/* How the tracer names NetBSD flags, signals and errnos: the values are the
 * abi/netbsd ones, so the trace reads in the guest's terms. */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/errno.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/stat.h"
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
    .sigset_size = 16,      /* sigset_t: 4 x uint32 (sys/sys/sigtypes.h) */
    .at_fdcwd = NBSD_AT_FDCWD,
    .errno_name = errno_name,
    .errno_desc = errno_desc,
    .in_class = bsd_trace_in_class,
    .summarize = summarize,
};
