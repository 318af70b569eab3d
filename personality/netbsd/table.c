/* The NetBSD syscall table (from syscalls.def), NetBSD's result convention
 * and its registration as a personality. */
#include "personality/netbsd/nbsd.h"
#include "personality/netbsd/table.h"
#include "abi/netbsd/errno.h"
#include "syscalls/backend.h"
#include "syscalls/dispatch.h"

#define HANDLER_DONE(name)    nbsd_sys_##name
#define HANDLER_PARTIAL(name) nbsd_sys_##name
#define HANDLER_MISSING(name) NULL
#define UNPAREN(...) __VA_ARGS__
#define SYSCALL(nr_, name_, status_, class_, kinds_, note_) \
    [nr_] = { .name = #name_, .handler = HANDLER_##status_(name_), .status = SYS_##status_, \
              .cls = class_, .kinds = { UNPAREN kinds_ }, .note = note_ },
const struct syscall_entry nbsd_syscall_table[NBSD_SYSCALL_MAX] = {
#include "personality/netbsd/syscalls.def"
};
#undef SYSCALL

/* Success: %rax[, %rdx], carry clear; failure: NetBSD errno in %rax, carry
 * set (sys/arch/x86/x86/syscall.c, syscall()). */
static void nbsd_encode_result(struct guest_regs *regs, int guest_errno, const uint64_t rv[2])
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

/* exit(1) and _lwp_exit(310) never come back to the caller. */
static const long nbsd_noreturn_calls[] = { 1, 310, -1 };

bool nbsd_deliver_signal(struct persona_thread *t, struct guest_regs *regs, int host_sig,
                         const siginfo_t *info, const struct guest_sigaction *act);

/* NetBSD maps no code of its own into a process: the signal trampoline
 * comes from the program (__sigaction_sigtramp's tramp argument). */
static void nbsd_guest_code(struct guest_code *code) { (void)code; }

extern const struct trace_names nbsd_trace_names;
int nbsd_prepare_exec(const struct exec_request *req, struct guest_entry *entry,
                      char *err, size_t errlen);

const struct personality netbsd_personality = {
    .name = "netbsd",
    .trace_names = &nbsd_trace_names,
    .prepare_exec = nbsd_prepare_exec,
    .guest_code = nbsd_guest_code,
    .table = nbsd_syscall_table,
    .table_size = NBSD_SYSCALL_MAX,
    .first_tid = NBSD_FIRST_LID,
    .encode_result = nbsd_encode_result,
    .errno_from_host = nbsd_errno_from_linux,
    .noreturn_calls = nbsd_noreturn_calls,
    .clock_gettime_nr = 427,    /* __clock_gettime50 */
    .fast_clock_host_id = nbsd_fast_clock_host_id,
    .deliver_signal = nbsd_deliver_signal,
};
