/* Per-thread persona state.
 *
 * Every thread that runs guest code owns one `struct persona_thread`, placed
 * at the base of its signal alternate stack.  The alt stack is aligned to its
 * own size, so the door's assembly finds the thread state from %rsp alone
 * (rsp & ~(PT_ALTSTACK_SIZE-1)) without touching %fs, which may still hold
 * the guest's TLS base when a signal arrives. */
#ifndef PERSONA_SYSCALLS_THREAD_H
#define PERSONA_SYSCALLS_THREAD_H

#define PT_ALTSTACK_SIZE   (512 * 1024)   /* power of two */

/* Offsets used by door.S; pinned by _Static_assert below. */
#define PT_OFF_HOST_FS     0
#define PT_OFF_GUEST_FS    8
#define PT_OFF_IN_GUEST    16
#define PT_OFF_SELECTOR    24
#define PT_OFF_INTERRUPT   28
#define PT_OFF_STUB_SP     32
#define PT_OFF_SELF        40
#define PT_OFF_REGS        64     /* struct guest_regs, REG_* order */
#define PT_OFF_XSAVE       320
#define PT_XSAVE_SIZE      12288  /* >= CPUID.(0DH,0).EBX on every x86-64 seen */

/* Offsets of struct guest_regs fields (Linux REG_* order, 8 bytes each). */
#define GR_R8 0
#define GR_R9 8
#define GR_R10 16
#define GR_R11 24
#define GR_R12 32
#define GR_R13 40
#define GR_R14 48
#define GR_R15 56
#define GR_RDI 64
#define GR_RSI 72
#define GR_RBP 80
#define GR_RBX 88
#define GR_RDX 96
#define GR_RAX 104
#define GR_RCX 112
#define GR_RSP 120
#define GR_RIP 128
#define GR_RFLAGS 136
#define GR_FPFLAGS 192
#define GUEST_FP_LAZY   1   /* fpregs holds only XMM0-15; x87/MXCSR are live */
#define GUEST_FP_RELOAD 2   /* fpregs was rewritten: load all of it on the way out */
#define GUEST_FP_XRELOAD 4  /* ...and its XSAVE extension: XRSTOR the whole area */
#define GUEST_FP_EXT_INIT 8 /* the XSAVE extension was not saved: the AVX family
                               was in its initial state at the call */
#define PT_OFF_FP_FULL     48     /* 1: the stub saved with XSAVE, 0: XMM only */

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>
#include <signal.h>
#include "syscalls/guest_regs.h"

struct personality;

struct persona_thread {
    uint64_t host_fsbase;      /* glibc TLS of this host thread */
    uint64_t guest_fsbase;     /* guest TLS (FreeBSD: set by sysarch) */
    uint64_t in_guest;         /* 1 while guest code runs */
    volatile uint8_t selector; /* Syscall User Dispatch selector byte */
    uint8_t pad[3];
    volatile int32_t interrupt;/* a deliverable guest signal is pending:
                                  blocking host calls return EINTR */
    /* Rewritten syscall sites (door_stub_entry in door.S) reach this block
     * through %gs, whose base is the block itself. */
    uint64_t stub_sp;          /* persona stack for calls from a stub */
    struct persona_thread *self;
    uint64_t fp_full;          /* PT_OFF_FP_FULL */
    uint64_t guest_gsbase;     /* what the guest set (never loaded: %gs is persona's) */
    struct guest_regs stub_regs;   /* the guest's registers at a stub call */
    _Alignas(64) uint8_t xsave_area[PT_XSAVE_SIZE]; /* its vector state (XSAVE) */

    int host_tid;              /* Linux tid */
    long call_nr;              /* guest system call in flight, or -1 */
    int guest_tid;             /* what the guest sees (FreeBSD: lwpid) */

    /* Virtualized signal state of this thread, in host (Linux) numbering. */
    uint64_t sigmask;          /* guest's blocked set */
    /* A call that replaces the mask while it waits (sigsuspend, pselect,
     * ppoll, pollts): the mask from before it, restored when the call
     * returns, or by the return of the handler it let in (the frame saves
     * this one).  signals_call_mask_begin/_end. */
    uint64_t call_saved_mask;
    bool call_mask_active;
    volatile uint64_t pending; /* arrived, not yet delivered */
    uint64_t altstack_sp;      /* guest's sigaltstack */
    uint64_t altstack_size;
    int altstack_flags;        /* personality's SS_* bits */
    int on_guest_altstack_depth;

    /* Where the thread returns when the guest ends it (thr_exit). */
    sigjmp_buf exit_jmp;
    bool has_exit_jmp;
    long *exit_state_addr;     /* guest word to set + wake at thread exit */

    siginfo_t pending_info[65];/* siginfo of each pending signal */
};

_Static_assert(__builtin_offsetof(struct persona_thread, host_fsbase) == PT_OFF_HOST_FS, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, guest_fsbase) == PT_OFF_GUEST_FS, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, in_guest) == PT_OFF_IN_GUEST, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, selector) == PT_OFF_SELECTOR, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, interrupt) == PT_OFF_INTERRUPT, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, stub_sp) == PT_OFF_STUB_SP, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, self) == PT_OFF_SELF, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, fp_full) == PT_OFF_FP_FULL, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, stub_regs) == PT_OFF_REGS, "door.S");
_Static_assert(__builtin_offsetof(struct persona_thread, xsave_area) == PT_OFF_XSAVE, "door.S");
_Static_assert(__builtin_offsetof(struct guest_regs, rflags) == GR_RFLAGS, "door.S");
_Static_assert(__builtin_offsetof(struct guest_regs, r11) == GR_R11, "door.S");
_Static_assert(__builtin_offsetof(struct guest_regs, rcx) == GR_RCX, "door.S");

/* The current thread's state (persona code always runs with host TLS). */
extern __thread struct persona_thread *current_thread;

/* Allocate the aligned alt stack + state for the calling host thread,
 * install it with sigaltstack() and record the host FS base. */
struct persona_thread *thread_attach(void);
/* Undo thread_attach for a host thread that is about to end. */
void thread_detach(struct persona_thread *t);

#endif
#endif
