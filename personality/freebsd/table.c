/* The FreeBSD syscall table (from syscalls.def) and the system call path:
 * decode the guest's registers, dispatch, encode FreeBSD's result
 * convention (success: %rax[, %rdx], carry clear; failure: FreeBSD errno in
 * %rax, carry set; see sys/amd64/amd64/vm_machdep.c cpu_set_syscall_retval). */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/table.h"
#include "abi/freebsd/errno.h"
#include "syscalls/signals.h"
#include "syscalls/trace.h"
#include <time.h>
#include <stdio.h>
#include <string.h>

#define HANDLER_DONE(name)    fbsd_sys_##name
#define HANDLER_PARTIAL(name) fbsd_sys_##name
#define HANDLER_MISSING(name) NULL
#define UNPAREN(...) __VA_ARGS__
#define SYSCALL(nr_, name_, status_, kinds_, note_) \
    [nr_] = { .name = #name_, .handler = HANDLER_##status_(name_), .status = SYS_##status_, \
              .kinds = { UNPAREN kinds_ }, .note = note_ },
const struct syscall_entry fbsd_syscall_table[FBSD_SYSCALL_MAX] = {
#include "personality/freebsd/syscalls.def"
};
#undef SYSCALL

#define RFLAGS_CF 0x1

static long dispatch(struct sysctx *c)
{
    if (c->nr < 0 || c->nr >= FBSD_SYSCALL_MAX || !fbsd_syscall_table[c->nr].name) {
        char name[32];
        snprintf(name, sizeof name, "#%ld", c->nr);
        return sys_missing(c, name);
    }
    const struct syscall_entry *e = &fbsd_syscall_table[c->nr];
    if (!e->handler)
        return sys_missing(c, e->name);
    return e->handler(c);
}

/* syscall(2) and __syscall(2): the real number is the first argument. */
long fbsd_sys_syscall(struct sysctx *c)
{
    c->nr = (long)c->a[0];
    if (c->nr == 0 || c->nr == 198)
        return -ENOSYS;
    memmove(&c->a[0], &c->a[1], 5 * sizeof c->a[0]);
    uint64_t rsp = c->uc->uc_mcontext.gregs[REG_RSP];
    if (copy_from_guest(&c->a[5], rsp + 8, 8) != 0)
        c->a[5] = 0;
    return dispatch(c);
}
long fbsd_sys___syscall(struct sysctx *c) { return fbsd_sys_syscall(c); }

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static const struct syscall_entry *entry_of(long nr)
{
    return nr >= 0 && nr < FBSD_SYSCALL_MAX && fbsd_syscall_table[nr].name
               ? &fbsd_syscall_table[nr] : NULL;
}

static void fbsd_syscall(struct sysctx *c)
{
    greg_t *g = c->uc->uc_mcontext.gregs;
    uint64_t orig_rax = g[REG_RAX];
    c->nr = (long)orig_rax;
    c->a[0] = g[REG_RDI];
    c->a[1] = g[REG_RSI];
    c->a[2] = g[REG_RDX];
    c->a[3] = g[REG_R10];
    c->a[4] = g[REG_R8];
    c->a[5] = g[REG_R9];

    uint64_t t0 = 0;
    bool tracing = trace_active();
    if (tracing) {
        /* exit and thr_exit never come back: trace them now. */
        if (c->nr == 1 || c->nr == 431)
            trace_syscall_noreturn(c, entry_of(c->nr));
        t0 = now_ns();
    }
    long r = dispatch(c);
    if (c->just_return) {
        if (tracing)
            trace_syscall(c, entry_of(c->nr), 0, 0, false, now_ns() - t0);
        return;
    }
    if (r == -EINTR && !c->no_restart && signals_should_restart(c->t)) {
        /* ERESTART: back up over the 2-byte `syscall` to run it again
         * after the handler (sys/amd64/amd64/vm_machdep.c). */
        g[REG_RIP] -= 2;
        g[REG_RAX] = orig_rax;
        return;     /* traced when it runs again */
    }
    bool failed = r < 0 && r >= -4095;
    int e = 0;
    if (failed) {
        e = -r >= FBSD_ERR_BASE ? (int)(-r - FBSD_ERR_BASE) : fbsd_errno_from_linux((int)-r);
        g[REG_RAX] = e;
        g[REG_EFL] |= RFLAGS_CF;
    } else {
        g[REG_RAX] = r;
        if (c->set_rdx)
            g[REG_RDX] = c->rdx;
        g[REG_EFL] &= ~RFLAGS_CF;
    }
    if (tracing)
        trace_syscall(c, entry_of(c->nr), (uint64_t)r, e, failed, now_ns() - t0);
}

bool fbsd_deliver_signal(struct persona_thread *t, ucontext_t *uc, int host_sig,
                         const siginfo_t *info, const struct guest_sigaction *act);

extern const struct trace_names fbsd_trace_names;
int fbsd_prepare_exec(const struct exec_request *req, struct guest_entry *entry,
                      char *err, size_t errlen);

const struct personality freebsd_personality = {
    .name = "freebsd",
    .id = PERS_FREEBSD,
    .trace_names = &fbsd_trace_names,
    .prepare_exec = fbsd_prepare_exec,
    .table = fbsd_syscall_table,
    .table_size = FBSD_SYSCALL_MAX,
    .syscall = fbsd_syscall,
    .deliver_signal = fbsd_deliver_signal,
};
