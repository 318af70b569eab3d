#include "syscalls/trace.h"
#include "syscalls/trace_inflight.h"
#include "syscalls/report.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"
#include "syscalls/vfs.h"
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct trace_config trace_config = { .fd = 2 };

/* --stats counters, indexed by syscall number. */
struct call_stats {
    unsigned long calls, errors, trapped;
    uint64_t ns;
};
static struct call_stats *stats;
/* What catching a call by a signal costs on top of the handler's own time
 * (the kernel's signal delivery and sigreturn), measured at start. */
static uint64_t trap_ns;

struct line {
    char buf[2048];
    size_t len;
};

static void put(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct line *l, const char *fmt, ...)
{
    if (l->len >= sizeof l->buf - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->buf + l->len, sizeof l->buf - l->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        l->len += (size_t)n < sizeof l->buf - l->len ? (size_t)n : sizeof l->buf - l->len - 1;
}

static const struct trace_names *names(void)
{
    return active_personality ? active_personality->trace_names : NULL;
}

static const char *lookup(const struct flag_name *t, uint64_t v)
{
    for (; t && t->name; t++)
        if (t->value == v)
            return t->name;
    return NULL;
}

/* FLAG_A|FLAG_B|0x40 */
static void put_flags(struct line *l, const struct flag_name *t, uint64_t v)
{
    bool any = false;
    for (; t && t->name && v; t++)
        if (t->value && (v & t->value) == t->value) {
            put(l, "%s%s", any ? "|" : "", t->name);
            v &= ~t->value;
            any = true;
        }
    if (v || !any)
        put(l, "%s%#lx", any ? "|" : "", (unsigned long)v);
}

static void put_quoted(struct line *l, const char *s, size_t n, bool more)
{
    put(l, "\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\')
            put(l, "\\%c", ch);
        else if (ch == '\n')
            put(l, "\\n");
        else if (ch == '\t')
            put(l, "\\t");
        else if (ch < 0x20 || ch >= 0x7f)
            put(l, "\\x%02x", ch);
        else
            put(l, "%c", ch);
    }
    put(l, "\"%s", more ? "..." : "");
}

static void put_guest_string(struct line *l, uint64_t addr)
{
    if (!addr) {
        put(l, "NULL");
        return;
    }
    char s[256];
    long n = string_from_guest(s, addr, sizeof s);
    if (n == -EFAULT)
        put(l, "%#lx", (unsigned long)addr);
    else if (n < 0)
        put_quoted(l, s, 64, true);
    else
        put_quoted(l, s, n > 96 ? 96 : (size_t)n, n > 96);
}

static void put_guest_buffer(struct line *l, uint64_t addr, uint64_t len)
{
    char b[32];
    size_t n = len < sizeof b ? len : sizeof b;
    if (!addr || copy_from_guest(b, addr, n) != 0) {
        put(l, "%#lx", (unsigned long)addr);
        return;
    }
    put_quoted(l, b, n, len > n);
}

/* [SIGINT SIGTERM], or ~[SIGKILL] when most signals are in the set. */
static void put_sigset(struct line *l, const struct trace_names *nm, uint64_t addr)
{
    uint8_t set[32];
    size_t n = nm->sigset_size < sizeof set ? nm->sigset_size : sizeof set;
    if (copy_from_guest(set, addr, n) != 0) {
        put(l, "%#lx", (unsigned long)addr);
        return;
    }
    int members = 0, named = 0;
    for (const struct flag_name *f = nm->signals; f && f->name; f++, named++)
        if (f->value >= 1 && f->value <= n * 8 && (set[(f->value - 1) / 8] >> ((f->value - 1) % 8) & 1))
            members++;
    bool invert = members > named / 2;
    put(l, "%s[", invert ? "~" : "");
    bool any = false;
    for (const struct flag_name *f = nm->signals; f && f->name; f++) {
        if (f->value < 1 || f->value > n * 8)
            continue;
        bool in = set[(f->value - 1) / 8] >> ((f->value - 1) % 8) & 1;
        if (in != invert) {
            put(l, "%s%s", any ? " " : "", f->name);
            any = true;
        }
    }
    put(l, "]");
}

/* O_RDWR|O_CREAT|0x40 */
static void put_open_flags(struct line *l, const struct trace_names *nm, uint64_t a)
{
    unsigned acc = nm ? (unsigned)a & nm->open_accmode_mask : 0;
    const char *an = nm ? lookup(nm->open_accmode, acc) : NULL;
    if (an)
        put(l, "%s", an);
    else
        put(l, "%#x", acc);
    uint64_t rest = nm ? a & ~(uint64_t)nm->open_accmode_mask & 0xffffffffu : 0;
    if (rest) {
        put(l, "|");
        put_flags(l, nm->open_flags, rest);
    }
}

/* fcntl's argument, as the command reads it. */
static void put_fcntl_arg(struct line *l, const struct trace_names *nm, uint64_t cmd, uint64_t a)
{
    const char *c = nm ? lookup(nm->fcntl_cmds, (uint64_t)(int)cmd & 0xffffffffu) : NULL;
    if (c && !strcmp(c, "F_SETFL")) {
        put_open_flags(l, nm, a);     /* the access mode bits come along, ignored */
    } else if (c && !strcmp(c, "F_SETFD")) {
        if ((a & 0xffffffffu) == 0)
            put(l, "0");
        else
            put_flags(l, nm->fd_flags, a & 0xffffffffu);
    } else if (c && (!strncmp(c, "F_DUP", 5) || !strcmp(c, "F_GETFD") || !strcmp(c, "F_GETFL") || !strncmp(c, "F_SETOWN", 8) ||
                     !strcmp(c, "F_GETOWN") || !strcmp(c, "F_READAHEAD") || !strcmp(c, "F_RDAHEAD") ||
                     !strcmp(c, "F_ADD_SEALS") || !strcmp(c, "F_GET_SEALS"))) {
        put(l, "%ld", (long)a);
    } else {
        put(l, a ? "%#lx" : "NULL", (unsigned long)a);    /* a struct (F_GETLK ...) */
    }
}

static void put_arg(struct line *l, const struct syscall_entry *e, const struct sysctx *c,
                    int i, uint64_t value, bool failed)
{
    const struct trace_names *nm = names();
    uint64_t a = c->a[i];
    int kind = e->kinds[i];
    uint64_t next = i + 1 < 6 ? c->a[i + 1] : 0;
    switch (kind) {
    case A_INT: case A_FD: case A_PID: case A_TID:
        put(l, "%d", (int)a);
        break;
    case A_DIRFD:
        if (nm && (long)(int)a == nm->at_fdcwd)
            put(l, "AT_FDCWD");
        else
            put(l, "%d", (int)a);
        break;
    case A_UINT:
        put(l, "%u", (unsigned)a);
        break;
    case A_LONG: case A_OFF:
        put(l, "%ld", (long)a);
        break;
    case A_SIZE: case A_ULONG:
        put(l, "%lu", (unsigned long)a);
        break;
    case A_MODE:
        put(l, "0%lo", (unsigned long)(a & 07777));
        break;
    case A_HEX:
        put(l, "%#lx", (unsigned long)a);
        break;
    case A_PATH:
    case A_STR:
        put_guest_string(l, a);
        if (kind == A_PATH && trace_config.verbose && a) {
            char g[1024];
            if (string_from_guest(g, a, sizeof g) >= 0) {
                char h[4096];
                if (vfs_translate(g, h, sizeof h) == 0 && strcmp(g, h) != 0)
                    put(l, " [host %s]", h);
            }
        }
        break;
    case A_BUF_IN:
        put_guest_buffer(l, a, next);
        break;
    case A_BUF_OUT:
        if (failed)
            put(l, "%#lx", (unsigned long)a);
        else
            put_guest_buffer(l, a, value);
        break;
    case A_OPEN_FLAGS:
        put_open_flags(l, nm, a);
        break;
    case A_MMAP_PROT:
        if ((a & 0xffffffffu) == 0)
            put(l, "PROT_NONE");
        else
            put_flags(l, nm ? nm->mmap_prot : NULL, a & 0xffffffffu);
        break;
    case A_MMAP_FLAGS:
        put_flags(l, nm ? nm->mmap_flags : NULL, a & 0xffffffffu);
        break;
    case A_AT_FLAGS:
        if ((a & 0xffffffffu) == 0)
            put(l, "0");
        else
            put_flags(l, nm ? nm->at_flags : NULL, a & 0xffffffffu);
        break;
    case A_SIGNO: case A_CLOCK: case A_FCNTL_CMD: case A_WHENCE: {
        const struct flag_name *t = !nm ? NULL
            : kind == A_SIGNO ? nm->signals : kind == A_CLOCK ? nm->clocks
            : kind == A_FCNTL_CMD ? nm->fcntl_cmds : nm->whence;
        const char *n = lookup(t, (uint64_t)(int)a & 0xffffffffu);
        if (n)
            put(l, "%s", n);
        else
            put(l, "%d", (int)a);
        break;
    }
    case A_SIGHOW: case A_RLIMIT: case A_SYSARCH_OP: case A_SOCK_DOMAIN: case A_SOCKOPT_LEVEL: {
        const struct flag_name *t = !nm ? NULL
            : kind == A_SIGHOW ? nm->sigprocmask_how : kind == A_RLIMIT ? nm->rlimits
            : kind == A_SYSARCH_OP ? nm->sysarch_ops : kind == A_SOCK_DOMAIN ? nm->sock_domains
            : nm->sockopt_levels;
        const char *n = lookup(t, (uint64_t)(int)a & 0xffffffffu);
        if (n)
            put(l, "%s", n);
        else
            put(l, kind == A_SOCKOPT_LEVEL ? "%#x" : "%d", (int)a);
        break;
    }
    case A_UMTX_OP: {
        unsigned mask = nm && nm->umtx_op_mask ? nm->umtx_op_mask : ~0u;
        const char *n = nm ? lookup(nm->umtx_ops, (uint64_t)((unsigned)a & mask)) : NULL;
        if (n)
            put(l, "%s", n);
        else
            put(l, "%u", (unsigned)a & mask);
        if ((unsigned)a & ~mask)
            put(l, "|%#x", (unsigned)a & ~mask);
        break;
    }
    case A_SOCK_TYPE: {
        uint64_t flagbits = 0;
        for (const struct flag_name *f = nm ? nm->sock_type_flags : NULL; f && f->name; f++)
            flagbits |= f->value;
        uint64_t base = a & 0xffffffffu & ~flagbits;
        const char *n = nm ? lookup(nm->sock_types, base) : NULL;
        if (n)
            put(l, "%s", n);
        else
            put(l, "%lu", (unsigned long)base);
        if (a & flagbits) {
            put(l, "|");
            put_flags(l, nm->sock_type_flags, a & flagbits);
        }
        break;
    }
    case A_SIGSET:
    case A_SIGSET_OUT:
        if (a && !(kind == A_SIGSET_OUT && failed) && nm && nm->sigset_size)
            put_sigset(l, nm, a);
        else
            put(l, a ? "%#lx" : "NULL", (unsigned long)a);
        break;
    case A_SOCKADDR:
    case A_SOCKADDR_OUT: {
        uint64_t len = next;
        if (kind == A_SOCKADDR_OUT) {
            uint32_t n32;
            if (failed || !next || copy_from_guest(&n32, next, sizeof n32) != 0)
                len = 0;
            else
                len = n32;
        }
        char sa[160];
        if (a && len && nm && nm->sockaddr && nm->sockaddr(a, len, sa, sizeof sa))
            put(l, "%s", sa);
        else
            put(l, a ? "%#lx" : "NULL", (unsigned long)a);
        break;
    }
    case A_FCNTL_ARG:
        put_fcntl_arg(l, nm, i > 0 ? c->a[i - 1] : 0, a);
        break;
    case A_STAT_OUT:
    case A_STAT11_OUT:
        if (!failed && a && nm && nm->summarize) {
            char sum[160];
            nm->summarize(kind, a, sum, sizeof sum);
            put(l, "%s", sum);
            break;
        }
        /* fall through */
    default:
        if (a == 0)
            put(l, "NULL");
        else
            put(l, "%#lx", (unsigned long)a);
    }
}

static int nargs_of(const struct syscall_entry *e)
{
    int n = 0;
    while (n < 6 && e->kinds[n] != A_NONE)
        n++;
    return n;
}

static void put_prefix(struct line *l, const struct sysctx *c)
{
    put(l, "%d %d ", (int)getpid(), c->t ? c->t->guest_tid : 0);
}

/* The traced call of this thread in flight (trace_inflight.h), or -1. */
static __thread int current_slot = -1;
static __thread const char *current_name;

static void emit(struct line *l)
{
    put(l, "\n");
    if (l->buf[l->len - 1] != '\n')
        l->buf[l->len - 1] = '\n';
    /* Calls other threads started before this line show first. */
    inflight_flush_others(current_slot);
    inflight_write(l->buf, l->len);
}

static bool wanted(const struct sysctx *c)
{
    return trace_config.enabled &&
           (!trace_config.filter || (c->nr >= 0 && (unsigned long)c->nr < active_personality->table_size &&
                                     trace_config.filter[c->nr]));
}

static bool is_output(int kind)
{
    return kind == A_BUF_OUT || kind == A_STRUCT_OUT || kind == A_STAT_OUT || kind == A_STAT11_OUT ||
           kind == A_SIGSET_OUT || kind == A_SOCKADDR_OUT;
}

/* Arguments [from, to) of a call, comma-separated. */
static void put_args(struct line *l, const struct sysctx *c, const struct syscall_entry *e,
                     int from, int to, uint64_t value, bool failed)
{
    for (int i = from; i < to; i++) {
        if (i > from)
            put(l, ", ");
        put_arg(l, e, c, i, value, failed);
    }
}

static void put_name(struct line *l, const struct sysctx *c, const struct syscall_entry *e)
{
    if (e && e->name)
        put(l, "%s", e->name);
    else
        put(l, "#%ld", c->nr);
}

static void put_call(struct line *l, const struct sysctx *c, const struct syscall_entry *e,
                     uint64_t value, bool failed)
{
    put_prefix(l, c);
    put_name(l, c, e);
    put(l, "(");
    put_args(l, c, e, 0, e ? nargs_of(e) : 0, value, failed);
    put(l, ")");
}

/* Where the resumed part of a split line starts: the first argument the
 * call writes (strace prints what the guest passed in up front). */
static int first_output(const struct syscall_entry *e)
{
    int n = e ? nargs_of(e) : 0, k = 0;
    while (k < n && !is_output(e->kinds[k]))
        k++;
    return k;
}

int trace_call_begin(const struct sysctx *c, const struct syscall_entry *e)
{
    if (!wanted(c))
        return -1;
    struct line l = { .len = 0 };
    put_prefix(&l, c);
    put_name(&l, c, e);
    put(&l, "(");
    int k = first_output(e);
    put_args(&l, c, e, 0, k, 0, false);
    if (k > 0 && k < (e ? nargs_of(e) : 0))
        put(&l, ", ");
    current_slot = inflight_begin(l.buf, l.len);
    current_name = e ? e->name : NULL;
    return current_slot;
}

/* The second half of a split line: "<... read resumed>"buf", 5) ". */
static void put_resumed(struct line *l, const struct sysctx *c, const struct syscall_entry *e,
                        uint64_t value, bool failed)
{
    put_prefix(l, c);
    put(l, "<... ");
    put_name(l, c, e);
    put(l, " resumed>");
    put_args(l, c, e, first_output(e), e ? nargs_of(e) : 0, value, failed);
    put(l, ")");
}

void trace_call_restarted(int slot, const struct sysctx *c, const struct syscall_entry *e)
{
    current_slot = -1;
    if (!inflight_end(slot))
        return;     /* traced whole when it runs again */
    struct line l = { .len = 0 };
    put_resumed(&l, c, e, 0, true);
    put(&l, " = ? ERESTART (to be restarted)");
    emit(&l);
}

/* Under --trace a native program the guest execs is not traced, so
 * someone else must say that the exec worked: a detached grandchild
 * (clone without an exit signal, so the guest sees no SIGCHLD and the new
 * program no extra child) waits on a close-on-exec pipe.  EOF: the exec
 * worked, it prints the resumed line; a byte: it failed, and the failure
 * is traced by the caller.  The child side uses raw system calls only. */
static int exec_witness(const char *line, size_t len)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        return -1;
    long mid = syscall(SYS_clone, 0L, 0L, 0L, 0L, 0L);
    if (mid == 0) {
        if (syscall(SYS_clone, 0L, 0L, 0L, 0L, 0L) == 0) {
            syscall(SYS_close, p[1]);
            char b;
            if (syscall(SYS_read, p[0], &b, 1) == 0)
                syscall(SYS_write, trace_config.fd, line, len);
        }
        syscall(SYS_exit, 0);
    }
    close(p[0]);
    if (mid < 0) {
        close(p[1]);
        return -1;
    }
    syscall(SYS_wait4, mid, NULL, __WCLONE, NULL);
    return p[1];
}

int trace_exec_starting(bool native)
{
    inflight_flush_self(current_slot);
    if (!native || current_slot < 0 || !trace_config.enabled)
        return -1;
    struct line l = { .len = 0 };
    put(&l, "%d %d <... %s resumed> = 0 (not traced: a native program)\n", (int)getpid(),
        current_thread ? current_thread->guest_tid : 0, current_name ? current_name : "execve");
    return exec_witness(l.buf, l.len);
}

void trace_exec_failed(int witness)
{
    if (witness < 0)
        return;
    if (write(witness, "x", 1) != 1) {
        /* the witness then sees EOF and says the exec worked: unlikely
         * enough (a one-byte write to a fresh pipe) to leave */
    }
    close(witness);
}

void trace_exec_resumed(void)
{
    if (!trace_config.enabled)
        return;
    const struct personality *p = active_personality;
    for (unsigned nr = 0; trace_config.filter && nr < p->table_size; nr++)
        if (p->table[nr].name && !strcmp(p->table[nr].name, "execve") && !trace_config.filter[nr])
            return;     /* the filter left execve out */
    struct line l = { .len = 0 };
    put(&l, "%d %d <... execve resumed> = 0", (int)getpid(),
        current_thread ? current_thread->guest_tid : 0);
    emit(&l);
}

void trace_after_fork(void)
{
    inflight_after_fork(current_slot);
}

void trace_syscall(int slot, const struct sysctx *c, const struct syscall_entry *e,
                   uint64_t value, int guest_errno, bool failed, uint64_t ns)
{
    current_slot = -1;
    bool split = inflight_end(slot);
    if (trace_config.stats && stats && c->nr >= 0 &&
        (unsigned long)c->nr < active_personality->table_size) {
        struct call_stats *s = &stats[c->nr];
        __atomic_add_fetch(&s->calls, 1, __ATOMIC_RELAXED);
        __atomic_add_fetch(&s->ns, ns, __ATOMIC_RELAXED);
        if (failed)
            __atomic_add_fetch(&s->errors, 1, __ATOMIC_RELAXED);
        if (c->trapped)
            __atomic_add_fetch(&s->trapped, 1, __ATOMIC_RELAXED);
    }
    if (!wanted(c))
        return;
    struct line l = { .len = 0 };
    if (split)
        put_resumed(&l, c, e, value, failed);
    else
        put_call(&l, c, e, value, failed);
    const struct trace_names *nm = names();
    if (failed) {
        const char *en = nm ? nm->errno_name(guest_errno) : NULL;
        const char *ed = nm ? nm->errno_desc(guest_errno) : NULL;
        put(&l, " = ERR#%d", guest_errno);
        if (en)
            put(&l, " %s", en);
        if (ed)
            put(&l, " '%s'", ed);
    } else if (e && (e->kinds[0] == A_PTR || !strcmp(e->name, "mmap"))) {
        put(&l, " = %#lx", (unsigned long)value);
    } else {
        put(&l, " = %ld", (long)value);
    }
    if (trace_config.timing)
        put(&l, " <%lu.%06lu>", (unsigned long)(ns / 1000000000), (unsigned long)(ns / 1000 % 1000000));
    emit(&l);
}

void trace_syscall_noreturn(const struct sysctx *c, const struct syscall_entry *e)
{
    if (!wanted(c))
        return;
    struct line l = { .len = 0 };
    put_call(&l, c, e, 0, true);
    put(&l, " = ?");
    emit(&l);
}

void trace_signal(int guest_sig, const char *how)
{
    if (!trace_config.enabled)
        return;
    const struct trace_names *nm = names();
    const char *n = nm ? lookup(nm->signals, (uint64_t)guest_sig) : NULL;
    struct line l = { .len = 0 };
    put(&l, "%d %d --- ", (int)getpid(), current_thread ? current_thread->guest_tid : 0);
    if (n)
        put(&l, "%s", n);
    else
        put(&l, "signal %d", guest_sig);
    put(&l, " %s ---", how);
    emit(&l);
}

/* A row's time: in persona's handler, plus the trap's cost for each call
 * caught by a signal. */
static uint64_t row_ns(const struct call_stats *s)
{
    return s->ns + s->trapped * trap_ns;
}

static int by_time(const void *a, const void *b)
{
    uint64_t x = row_ns(&stats[*(const int *)a]), y = row_ns(&stats[*(const int *)b]);
    return x < y ? 1 : x > y ? -1 : 0;
}

static void print_stats(void)
{
    const struct personality *p = active_personality;
    int order[p->table_size], n = 0;
    uint64_t total_ns = 0;
    unsigned long total_calls = 0, total_errors = 0, total_trapped = 0;
    for (unsigned nr = 0; nr < p->table_size; nr++)
        if (stats[nr].calls) {
            order[n++] = (int)nr;
            total_ns += row_ns(&stats[nr]);
            total_calls += stats[nr].calls;
            total_errors += stats[nr].errors;
            total_trapped += stats[nr].trapped;
        }
    qsort(order, n, sizeof order[0], by_time);
    struct line l = { .len = 0 };
    put(&l, "%% time     seconds  usecs/call     calls    errors syscall             status\n"
            "------ ----------- ----------- --------- --------- ------------------- -------");
    emit(&l);
    static const char *st[] = { "missing", "partial", "done" };
    for (int i = 0; i < n; i++) {
        const struct call_stats *s = &stats[order[i]];
        const struct syscall_entry *e = &p->table[order[i]];
        uint64_t ns = row_ns(s);
        char errs[24] = "";
        if (s->errors)
            snprintf(errs, sizeof errs, "%lu", s->errors);
        l.len = 0;
        put(&l, "%6.2f %11.6f %11lu %9lu %9s %-19s %s",
            total_ns ? 100.0 * (double)ns / (double)total_ns : 0.0, (double)ns / 1e9,
            (unsigned long)(ns / 1000 / s->calls), s->calls, errs,
            e->name ? e->name : "?", st[e->status]);
        emit(&l);
    }
    l.len = 0;
    put(&l, "------ ----------- ----------- --------- --------- ------------------- -------\n"
            "100.00 %11.6f %11lu %9lu %9lu total",
        (double)total_ns / 1e9, total_calls ? (unsigned long)(total_ns / 1000 / total_calls) : 0UL,
        total_calls, total_errors);
    emit(&l);
    l.len = 0;
    put(&l, "time: in persona's handler, plus %lu ns for each of the %lu calls caught by a "
            "signal (its delivery and return, measured at start); the %lu from rewritten "
            "sites enter without a trap", (unsigned long)trap_ns, total_trapped,
        total_calls - total_trapped);
    emit(&l);
}

void trace_at_exit(void)
{
    static int done;
    if (__atomic_exchange_n(&done, 1, __ATOMIC_SEQ_CST))
        return;
    if (trace_config.stats && stats)
        print_stats();
    report_write();
}

/* Called once the personality is known. */
static volatile int probe_hits;
static void probe_handler(int sig)
{
    (void)sig;
    probe_hits++;
}

/* The kernel's cost of delivering a signal and returning from it, as a
 * SIGSYS trap pays it: the best of five rounds of 200 signals sent to this
 * thread.  Runs before persona installs its own SIGSYS handler. */
static uint64_t measure_trap_ns(void)
{
    struct sigaction sa = { .sa_handler = probe_handler }, old;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSYS, &sa, &old) != 0)
        return 0;
    sigset_t one, prev;
    sigemptyset(&one);
    sigaddset(&one, SIGSYS);
    pthread_sigmask(SIG_UNBLOCK, &one, &prev);
    long pid = getpid(), tid = syscall(SYS_gettid);
    uint64_t best = UINT64_MAX;
    for (int round = 0; round < 5; round++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int i = 0; i < 200; i++)
            syscall(SYS_tgkill, pid, tid, SIGSYS);
        clock_gettime(CLOCK_MONOTONIC, &b);
        uint64_t d = ((uint64_t)(b.tv_sec - a.tv_sec) * 1000000000ULL + (uint64_t)b.tv_nsec -
                      (uint64_t)a.tv_nsec) / 200;
        if (d < best)
            best = d;
    }
    pthread_sigmask(SIG_SETMASK, &prev, NULL);
    sigaction(SIGSYS, &old, NULL);
    return probe_hits ? best : 0;
}

void trace_init(void)
{
    if (trace_config.stats && active_personality) {
        stats = calloc(active_personality->table_size, sizeof *stats);
        trap_ns = measure_trap_ns();
    }
}
