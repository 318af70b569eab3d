/* The C half of the door: every signal entering through door.S lands here. */
#include "syscalls/door.h"
#include "syscalls/signals.h"
#include "syscalls/dispatch.h"
#include "syscalls/uaccess.h"
#include "personality/personality.h"

extern char door_uaccess_start[], door_uaccess_end[], door_uaccess_fault[];

/* Linux si_code for a Syscall User Dispatch trap (SYS_USER_DISPATCH). */
#define SI_SYS_USER_DISPATCH 2

const struct personality *active_personality;

int uaccess_fixup(uint64_t rip, uint64_t *fixup_rip)
{
    if (rip >= (uint64_t)door_uaccess_start && rip < (uint64_t)door_uaccess_end) {
        *fixup_rip = (uint64_t)door_uaccess_fault;
        return 1;
    }
    return 0;
}

int door_dispatch_signal(int sig, siginfo_t *info, ucontext_t *uc,
                         long was_in_guest, uint64_t interrupted_fs,
                         struct persona_thread *t)
{
    uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
    bool from_guest = was_in_guest && !door_contains(rip);
    if (from_guest)
        t->guest_fsbase = interrupted_fs;
    if (sig == SIGSYS && info->si_code == SI_SYS_USER_DISPATCH && from_guest) {
        struct guest_regs *regs = guest_regs_of(uc);
        syscall_enter(t, regs);
        signals_deliver_pending(t, regs);
        return 1;
    }
    return signals_on_host_signal(t, sig, info, uc, from_guest);
}
