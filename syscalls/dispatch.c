#include "syscalls/dispatch.h"
#include "syscalls/fd_guard.h"
#include "syscalls/signals.h"
#include "syscalls/trace.h"
#include <errno.h>
#include <stdio.h>
#include <time.h>

static const struct syscall_entry *entry_of(long nr)
{
    const struct personality *p = active_personality;
    return nr >= 0 && (unsigned long)nr < p->table_size && p->table[nr].name
               ? &p->table[nr] : NULL;
}

long syscall_run(struct sysctx *c)
{
    const struct syscall_entry *e = entry_of(c->nr);
    if (!e) {
        char name[32];
        snprintf(name, sizeof name, "#%ld", c->nr);
        return sys_missing(c, name);
    }
    if (!e->handler)
        return sys_missing(c, e->name);
    if (!fd_guard_args(e, c))
        return -EBADF;
    return e->handler(c);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static bool never_returns(long nr)
{
    const long *n = active_personality->noreturn_calls;
    for (; n && *n >= 0; n++)
        if (*n == nr)
            return true;
    return false;
}

void syscall_enter(struct persona_thread *t, struct guest_regs *regs, bool trapped)
{
    const struct personality *p = active_personality;
    uint64_t orig_rax = regs->rax;
    struct sysctx c = {
        .t = t, .regs = regs, .nr = (long)orig_rax,
        /* The x86-64 syscall convention, the same on every personality. */
        .a = { regs->rdi, regs->rsi, regs->rdx, regs->r10, regs->r8, regs->r9 },
        .rv = { 0, regs->rdx },
        .trapped = trapped,
    };
    t->call_nr = c.nr;
    uint64_t t0 = 0;
    int slot = -1;
    bool tracing = trace_active();
    if (tracing) {
        if (never_returns(c.nr))
            trace_syscall_noreturn(&c, entry_of(c.nr));
        else
            slot = trace_call_begin(&c, entry_of(c.nr));
        t0 = now_ns();
    }
    long r = syscall_run(&c);
    t->call_nr = -1;
    if (r == -EINTR && !c.no_restart && signals_should_restart(t))
        r = -SYSRET_RESTART;
    if (r == -SYSRET_RESTART) {
        /* Back up over the 2-byte `syscall` so that it runs again after
         * the signal handler (FreeBSD: ERESTART in cpu_set_syscall_retval). */
        regs->rip -= 2;
        regs->rax = orig_rax;
        if (tracing)
            trace_call_restarted(slot, &c, entry_of(c.nr));
        return;     /* traced when it runs again */
    }
    if (r == -SYSRET_JUSTRETURN) {
        if (tracing)
            trace_syscall(slot, &c, entry_of(c.nr), 0, 0, false, now_ns() - t0);
        return;
    }
    int e = 0;
    if (r == -SYSRET_VALUES) {
        r = (long)c.rv[0];
    } else if (r < 0 && r >= -4095) {
        e = -r >= GUEST_ERRNO_BASE ? (int)(-r - GUEST_ERRNO_BASE) : p->errno_from_host((int)-r);
    } else {
        c.rv[0] = (uint64_t)r;
    }
    p->encode_result(regs, e, c.rv);
    if (tracing)
        trace_syscall(slot, &c, entry_of(c.nr), (uint64_t)r, e, e != 0, now_ns() - t0);
}
