/* The guest<->persona door (door.S) as seen from C. */
#ifndef PERSONA_SYSCALLS_DOOR_H
#define PERSONA_SYSCALLS_DOOR_H
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <ucontext.h>
#include "syscalls/thread.h"
#include <stdbool.h>

struct personality;

/* The first registers of a guest thread; everything else starts at zero. */
struct guest_entry {
    uint64_t rip, rsp, rdi, rsi, rdx, rax;
    /* The rest a thread can start with (NetBSD's _lwp_create takes a whole
     * ucontext); zero unless set.  door.S reads them by offset. */
    uint64_t r8, r9, r10, r12, r13, r14, r15, rbx, rbp;
};
_Static_assert(offsetof(struct guest_entry, r8) == 48 && offsetof(struct guest_entry, rbp) == 112,
               "door.S: door_enter_guest offsets");

extern char door_region_start[], door_region_end[];
extern char door_guard_start[], door_guard_syscall[], door_guard_eintr[];
extern unsigned char door_have_fsgsbase, door_have_avx;

void door_signal_entry(int sig, siginfo_t *info, void *uc);
void door_sigreturn_restorer(void);
_Noreturn void door_enter_guest(struct persona_thread *t, const struct guest_entry *e);
long door_host_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
uint64_t door_get_fs(void);

/* clock_gettime from rewritten sites straight from the vDSO, unless
 * tracing (which must see every call). */
void door_fast_clock_setup(const struct personality *p, bool tracing);

/* Called by door.S for every signal; returns 1 to resume guest code. */
int door_dispatch_signal(int sig, siginfo_t *info, ucontext_t *uc,
                         long was_in_guest, uint64_t interrupted_fs,
                         struct persona_thread *t);

static inline int door_contains(uint64_t rip)
{
    return rip >= (uint64_t)door_region_start && rip < (uint64_t)door_region_end;
}

/* Shorthands for host calls made on the guest's behalf. */
#define HOST0(nr)                 door_host_syscall((nr), 0, 0, 0, 0, 0, 0)
#define HOST1(nr, a)              door_host_syscall((nr), (long)(a), 0, 0, 0, 0, 0)
#define HOST2(nr, a, b)           door_host_syscall((nr), (long)(a), (long)(b), 0, 0, 0, 0)
#define HOST3(nr, a, b, c)        door_host_syscall((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define HOST4(nr, a, b, c, d)     door_host_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define HOST5(nr, a, b, c, d, e)  door_host_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define HOST6(nr, a, b, c, d, e, f) door_host_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

#endif
