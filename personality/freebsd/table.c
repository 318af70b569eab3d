/* The FreeBSD syscall table (from syscalls.def), FreeBSD's result
 * convention and its registration as a personality.  The call path itself
 * is personality-neutral: syscalls/dispatch.c. */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/table.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/time.h"
#include "syscalls/dispatch.h"
#include "syscalls/backend.h"
#include <stdio.h>
#include <string.h>

#define HANDLER_DONE(name)    fbsd_sys_##name
#define HANDLER_PARTIAL(name) fbsd_sys_##name
#define HANDLER_MISSING(name) NULL
#define UNPAREN(...) __VA_ARGS__
#define SYSCALL(nr_, name_, status_, class_, kinds_, note_) \
    [nr_] = { .name = #name_, .handler = HANDLER_##status_(name_), .status = SYS_##status_, \
              .cls = class_, .kinds = { UNPAREN kinds_ }, .note = note_ },
const struct syscall_entry fbsd_syscall_table[FBSD_SYSCALL_MAX] = {
#include "personality/freebsd/syscalls.def"
};
#undef SYSCALL


/* syscall(2) and __syscall(2): the real number is the first argument, the
 * sixth argument comes from the stack (sys/amd64/amd64/trap.c,
 * cpu_fetch_syscall_args). */
long fbsd_sys_syscall(struct sysctx *c)
{
    c->nr = (long)c->a[0];
    if (c->nr == 0 || c->nr == 198)
        return -ENOSYS;
    memmove(&c->a[0], &c->a[1], 5 * sizeof c->a[0]);
    if (copy_from_guest(&c->a[5], c->regs->rsp + 8, 8) != 0)
        c->a[5] = 0;
    return syscall_run(c);
}
long fbsd_sys___syscall(struct sysctx *c) { return fbsd_sys_syscall(c); }

/* Success: %rax[, %rdx], carry clear; failure: FreeBSD errno in %rax, carry
 * set (sys/amd64/amd64/vm_machdep.c, cpu_set_syscall_retval). */
static void fbsd_encode_result(struct guest_regs *regs, int guest_errno, const uint64_t rv[2])
{
    if (guest_errno) {
        regs->rax = (uint64_t)guest_errno;
        regs->rflags |= RFLAGS_CF;
    } else {
        regs->rax = rv[0];
        regs->rdx = rv[1];
        regs->rflags &= ~RFLAGS_CF;
    }
}

/* Clocks whose FreeBSD reading is the Linux vDSO's as is (CLOCK_SECOND
 * is not: FreeBSD drops the nanoseconds; the CPU-time clocks are not
 * worth it). */
static int fbsd_fast_clock(int fbsd_clock)
{
    switch (fbsd_clock) {
    case FBSD_CLOCK_SECOND:
    case FBSD_CLOCK_VIRTUAL:
    case FBSD_CLOCK_PROF:
    case FBSD_CLOCK_PROCESS_CPUTIME_ID:
    case FBSD_CLOCK_THREAD_CPUTIME_ID:
        return -1;
    }
    return fbsd_clockid_to_linux(fbsd_clock);
}

/* exit(1) and thr_exit(431) never come back to the caller. */
static const long fbsd_noreturn_calls[] = { 1, 431, -1 };

bool fbsd_deliver_signal(struct persona_thread *t, struct guest_regs *regs, int host_sig,
                         const siginfo_t *info, const struct guest_sigaction *act);

extern const struct trace_names fbsd_trace_names;

/* The sigcode page (sigframe.c) holds the sigreturn call of every handler. */
static void fbsd_guest_code(struct guest_code *code)
{
    guest_code_add(code, fbsd_sigcode_addr, fbsd_sigcode_addr + 4096);
}
int fbsd_prepare_exec(const struct exec_request *req, struct guest_entry *entry,
                      char *err, size_t errlen);

const struct personality freebsd_personality = {
    .name = "freebsd",
    .trace_names = &fbsd_trace_names,
    .prepare_exec = fbsd_prepare_exec,
    .guest_code = fbsd_guest_code,
    .table = fbsd_syscall_table,
    .table_size = FBSD_SYSCALL_MAX,
    .first_tid = FBSD_TID_BASE + 1,     /* THREAD0_TID: sys/sys/proc.h */
    .encode_result = fbsd_encode_result,
    .errno_from_host = fbsd_errno_from_linux,
    .noreturn_calls = fbsd_noreturn_calls,
    .clock_gettime_nr = 232,
    .fast_clock_host_id = fbsd_fast_clock,
    .deliver_signal = fbsd_deliver_signal,
};
