/* kern.proc.pid.<pid> (one struct kinfo_proc) and kern.proc.args.<pid>
 * (the NUL-separated argv) for any process the host shows in /proc.
 * FreeBSD: sys/kern/kern_proc.c (sysctl_kern_proc: exactly one argument,
 * EINVAL otherwise, ESRCH for no such process; fill_kinfo_proc;
 * sysctl_kern_proc_args), the layout in abi/freebsd/user.h.  A process
 * that runs persona shows its guest: the guest's argv, and the program's
 * name as ki_comm; for this process the argv comes from the guest's own
 * ps_strings, as FreeBSD reads it from the process. */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/sysctl.h"
#include "personality/freebsd/sysctl_getters.h"
#include "syscalls/guest_cmdline.h"
#include "abi/freebsd/elf_note.h"
#include "abi/freebsd/stat.h"
#include "abi/freebsd/user.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ARGS_MAX (512 * 1024)   /* kern.argmax */

/* Read a whole /proc file into a new buffer (NUL-terminated); its length
 * in *len.  NULL with errno set when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r <= 0)
            break;
        n += r;
        if (n == cap) {
            char *more = cap < ARGS_MAX * 4 ? realloc(buf, cap * 2 + 1) : NULL;
            if (!more)
                break;
            buf = more;
            cap *= 2;
        }
    }
    close(fd);
    if (buf) {
        buf[n] = 0;
        *len = n;
    }
    return buf;
}

/* The guest's argv from its struct ps_strings. */
static size_t own_args(char *out, size_t cap)
{
    struct fbsd_ps_strings ps;
    if (!fbsd_exec_facts.ps_strings ||
        copy_from_guest(&ps, fbsd_exec_facts.ps_strings, sizeof ps))
        return 0;
    size_t at = 0;
    for (uint32_t i = 0; i < ps.ps_nargvstr && at < cap; i++) {
        uint64_t p;
        if (copy_from_guest(&p, ps.ps_argvstr + 8 * i, 8))
            break;
        long l = string_from_guest(out + at, p, cap - at);
        if (l < 0)
            break;
        at += l + 1;
    }
    return at;
}

/* argv of `pid`, NUL-separated, into a new buffer; `prog` set to the
 * program's path when pid runs persona (or is this process). */
static char *proc_args(pid_t pid, size_t *len, char *prog, size_t progcap)
{
    prog[0] = 0;
    if (pid == getpid()) {
        char *out = malloc(ARGS_MAX);
        if (!out)
            return NULL;
        *len = own_args(out, ARGS_MAX);
        snprintf(prog, progcap, "%s", fbsd_exec_facts.execpath);
        return out;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
    char *raw = slurp(path, len);
    if (!raw || !guest_cmdline_is_persona(pid))
        return raw;
    char *out = malloc(*len + 1);
    const char *p = NULL;
    size_t l = out ? guest_cmdline(raw, *len, out, &p) : 0;
    if (l == 0) {
        free(out);
        return raw;
    }
    snprintf(prog, progcap, "%s", p);
    free(raw);
    *len = l;
    return out;
}

static int want_pid(const int *m, unsigned n, pid_t *pid)
{
    if (n != 4)
        return -EINVAL;     /* kern_proc.c: namelen != 1 */
    *pid = m[3];
    char path[64];
    snprintf(path, sizeof path, "/proc/%d", (int)*pid);
    if (*pid <= 0 || access(path, F_OK) != 0)
        return -ESRCH;
    return 0;
}

size_t fbsd_get_proc_args(const int *m, unsigned n, void *b, size_t cap)
{
    pid_t pid;
    int e = want_pid(m, n, &pid);
    if (e)
        return (size_t)e;
    size_t len = 0;
    char prog[8];
    char *args = proc_args(pid, &len, prog, sizeof prog);
    if (!args)
        return (size_t)-ESRCH;
    size_t r = sysctl_put(b, cap, args, len);
    free(args);
    return r;
}

/* "Key:\tv1\tv2..." of /proc/PID/status: up to max numbers. */
static int status_nums(const char *status, const char *key, long *v, int max)
{
    size_t kl = strlen(key);
    for (const char *p = status; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        if (strncmp(p, key, kl) != 0 || p[kl] != ':')
            continue;
        char *q = (char *)p + kl + 1;
        int k = 0;
        while (k < max) {
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q < '0' || *q > '9')
                break;
            v[k++] = strtol(q, &q, 10);
        }
        return k;
    }
    return 0;
}

static struct fbsd_kp_timeval ticks_tv(unsigned long long t, long hz)
{
    return (struct fbsd_kp_timeval){ (int64_t)(t / hz), (int64_t)(t % hz * 1000000 / hz) };
}

/* A string cut to fit a fixed field, NUL-terminated. */
static void set_field(char *dst, size_t cap, const char *src)
{
    size_t l = strlen(src);
    if (l > cap - 1)
        l = cap - 1;
    memcpy(dst, src, l);
    dst[l] = 0;
}

static const char *basename_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* fill_kinfo_proc from /proc/PID/stat and status.  Signal sets stay 0:
 * a persona process's host masks are persona's, not the guest's. */
static int fill_kinfo(pid_t pid, struct fbsd_kinfo_proc *kp)
{
    char path[64];
    size_t len;
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    char *stat = slurp(path, &len);
    if (!stat)
        return -ESRCH;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    char *status = slurp(path, &len);
    char *rp = strrchr(stat, ')');
    if (!rp || !status || rp[1] != ' ') {
        free(stat);
        free(status);
        return -ESRCH;
    }
    /* Linux comm, between the first '(' and the last ')' */
    char lcomm[32] = "";
    char *lp = strchr(stat, '(');
    if (lp && rp > lp)
        snprintf(lcomm, sizeof lcomm, "%.*s", (int)(rp - lp - 1), lp + 1);
    char state = rp[2];
    /* f[k] is field k of proc(5)'s stat, from 4 (ppid) on */
    long long f[53] = { 0 };
    char *q = rp + 3;
    for (int k = 4; k < 53 && *q; k++)
        f[k] = strtoll(q, &q, 10);

    long hz = sysconf(_SC_CLK_TCK);
    if (hz <= 0)
        hz = 100;
    memset(kp, 0, sizeof *kp);
    kp->ki_structsize = sizeof *kp;
    kp->ki_pid = pid;
    kp->ki_ppid = (int32_t)f[4];
    kp->ki_pgid = (int32_t)f[5];
    kp->ki_sid = (int32_t)f[6];
    long long tty = f[7];
    kp->ki_tdev = FBSD_NODEV;
    if (tty) {
        kp->ki_tdev = fbsd_dev_from_linux((uint64_t)tty);
        kp->ki_tpgid = (int32_t)f[8];
        kp->ki_tsid = kp->ki_sid;
        kp->ki_flag |= FBSD_P_CONTROLT;
        kp->ki_kiflag |= FBSD_KI_CTTY;
    }
    kp->ki_tdev_freebsd11 = (uint32_t)kp->ki_tdev;
    if (pid == kp->ki_sid)
        kp->ki_kiflag |= FBSD_KI_SLEADER;
    kp->ki_flag |= FBSD_P_INMEM;
    kp->ki_sflag = FBSD_PS_INMEM;

    long uid[4] = { 0 }, gid[4] = { 0 }, groups[64];
    status_nums(status, "Uid", uid, 4);
    status_nums(status, "Gid", gid, 4);
    kp->ki_ruid = uid[0];
    kp->ki_uid = uid[1];
    kp->ki_svuid = uid[2];
    kp->ki_rgid = gid[0];
    kp->ki_svgid = gid[2];
    /* FreeBSD's group list starts with the effective gid (cr_groups[0]) */
    int ng = status_nums(status, "Groups", groups, 64);
    kp->ki_groups[0] = gid[1];
    int k = 1;
    for (int i = 0; i < ng && k < FBSD_KI_NGROUPS; i++)
        kp->ki_groups[k++] = groups[i];
    kp->ki_ngroups = k;
    if (ng + 1 > FBSD_KI_NGROUPS)
        kp->ki_cr_flags |= FBSD_KI_CRF_GRP_OVERFLOW;

    long kb[1];
    kp->ki_size = (uint64_t)f[23];
    kp->ki_rssize = f[24];
    if (status_nums(status, "VmExe", kb, 1))
        kp->ki_tsize = kb[0] / 4;
    if (status_nums(status, "VmData", kb, 1))
        kp->ki_dsize = kb[0] / 4;
    if (status_nums(status, "VmStk", kb, 1))
        kp->ki_ssize = kb[0] / 4;

    switch (state) {
    case 'R': kp->ki_stat = FBSD_SRUN; break;
    case 'T': case 't': kp->ki_stat = FBSD_SSTOP; break;
    case 'Z': case 'X': kp->ki_stat = FBSD_SZOMB; break;
    default: kp->ki_stat = FBSD_SSLEEP; break;   /* S, D, I, W, P */
    }
    kp->ki_nice = (int8_t)f[19];
    kp->ki_numthreads = (int32_t)f[20];
    int cpu = (int)f[39];
    kp->ki_lastcpu = cpu;
    kp->ki_oncpu = state == 'R' ? cpu : FBSD_NOCPU;
    kp->ki_lastcpu_old = cpu > 254 ? 254 : cpu;         /* MAXCPU_OLD */
    kp->ki_oncpu_old = state == 'R' ? kp->ki_lastcpu_old : 255;  /* NOCPU_OLD */
    kp->ki_pri[0] = 3;  /* pri_class PRI_TIMESHARE (sys/sys/rtprio.h) */

    unsigned long long ut = f[14], st = f[15], cut = f[16], cst = f[17];
    kp->ki_runtime = (ut + st) * 1000000ULL / hz;
    kp->ki_rusage.ru_utime = ticks_tv(ut, hz);
    kp->ki_rusage.ru_stime = ticks_tv(st, hz);
    kp->ki_rusage.ru_long[4] = f[10];    /* ru_minflt */
    kp->ki_rusage.ru_long[5] = f[12];    /* ru_majflt */
    if (status_nums(status, "VmHWM", kb, 1))
        kp->ki_rusage.ru_long[0] = kb[0];   /* ru_maxrss, KiB */
    if (status_nums(status, "voluntary_ctxt_switches", kb, 1))
        kp->ki_rusage.ru_long[12] = kb[0];
    if (status_nums(status, "nonvoluntary_ctxt_switches", kb, 1))
        kp->ki_rusage.ru_long[13] = kb[0];
    kp->ki_rusage_ch.ru_utime = ticks_tv(cut, hz);
    kp->ki_rusage_ch.ru_stime = ticks_tv(cst, hz);
    kp->ki_rusage_ch.ru_long[4] = f[11];
    kp->ki_rusage_ch.ru_long[5] = f[13];
    kp->ki_childtime = ticks_tv(cut + cst, hz);

    /* start: boot time (as kern.boottime gives it) plus starttime ticks */
    struct timespec now, up;
    clock_gettime(CLOCK_REALTIME, &now);
    clock_gettime(CLOCK_BOOTTIME, &up);
    long long boot_us = (now.tv_sec - up.tv_sec) * 1000000LL + (now.tv_nsec - up.tv_nsec) / 1000;
    long long start_us = boot_us + (long long)((unsigned long long)f[22] * 1000000ULL / hz);
    kp->ki_start.tv_sec = start_us / 1000000;
    kp->ki_start.tv_usec = start_us % 1000000;

    /* ki_comm: the program's file name (p_comm is set from the image at
     * exec), for a guest its own program's, not persona's */
    char prog[4096];
    size_t alen;
    char *args = proc_args(pid, &alen, prog, sizeof prog);
    free(args);
    bool guest = prog[0] != 0;
    set_field(kp->ki_comm, sizeof kp->ki_comm, guest ? basename_of(prog) : lcomm);
    set_field(kp->ki_tdname, sizeof kp->ki_tdname, kp->ki_comm);
    if (strlen(kp->ki_comm) > FBSD_TDNAMLEN)
        set_field(kp->ki_moretdname, sizeof kp->ki_moretdname, kp->ki_comm + FBSD_TDNAMLEN);
    /* sv_name of the ABI: FreeBSD's own, or the Linuxulator's for a
     * native program */
    set_field(kp->ki_emul, sizeof kp->ki_emul, guest ? "FreeBSD ELF64" : "Linux ELF64");
    free(stat);
    free(status);
    return 0;
}

size_t fbsd_get_proc_pid(const int *m, unsigned n, void *b, size_t cap)
{
    pid_t pid;
    int e = want_pid(m, n, &pid);
    if (e)
        return (size_t)e;
    struct fbsd_kinfo_proc kp;
    e = fill_kinfo(pid, &kp);
    if (e)
        return (size_t)e;
    return sysctl_put(b, cap, &kp, sizeof kp);
}
