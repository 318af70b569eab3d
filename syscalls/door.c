/* The C half of the door: every signal entering through door.S, and every
 * call from a rewritten syscall site, lands here. */
#include "syscalls/door.h"
#include "syscalls/creds.h"
#include "syscalls/signals.h"
#include "syscalls/dispatch.h"
#include "syscalls/rewrite.h"
#include "syscalls/uaccess.h"
#include "syscalls/vdso.h"
#include "syscalls/backend.h"
#include "personality/personality.h"
#include <string.h>

extern char door_uaccess_start[], door_uaccess_end[], door_uaccess_fault[];
extern char door_stub_entry[], door_stub_committed[];
extern char door_stub_exit_window[], door_stub_exit_window_end[];

extern long door_fast_clock_nr;
extern void *door_vdso_clock_gettime;
extern int8_t door_fast_clock_map[16];
extern uint8_t door_fast_clock_on;

void door_fast_clock_setup(const struct personality *p, bool tracing)
{
    door_fast_clock_on = 0;
    door_vdso_clock_gettime = vdso_symbol("__vdso_clock_gettime");
    if (!door_vdso_clock_gettime || p->clock_gettime_nr < 0 || !p->fast_clock_host_id)
        return;
    for (int id = 0; id < 16; id++) {
        int h = p->fast_clock_host_id(id);
        door_fast_clock_map[id] = (int8_t)(h >= 0 && h < 128 ? h : -1);
    }
    door_fast_clock_nr = p->clock_gettime_nr;
    door_fast_clock_on = !tracing;      /* the tracer must see every call */
}

const struct personality *active_personality;

int uaccess_fixup(uint64_t rip, uint64_t *fixup_rip)
{
    if (rip >= (uint64_t)door_uaccess_start && rip < (uint64_t)door_uaccess_end) {
        *fixup_rip = (uint64_t)door_uaccess_fault;
        return 1;
    }
    return 0;
}

/* XSAVEOPT leaves the x87 (bit 0) and SSE (bit 1) parts of the area
 * unwritten while they are in their initial state, which XSTATE_BV (the
 * first word of the XSAVE header, byte 512) then says (Intel SDM vol. 1,
 * 13.6 and 13.9).  Write that initial state into the FXSAVE image, which
 * signal frames read and sigreturn writes, and mark both parts present so
 * XRSTOR loads the image. */
static void xsave_legacy_make_whole(uint8_t *area)
{
    uint64_t *bv = (uint64_t *)(area + 512);
    if ((*bv & 3) == 3)
        return;
    if (!(*bv & 1)) {
        memset(area, 0, 24);                    /* FSW, FTW, FOP, FIP, FDP */
        *(uint16_t *)area = 0x037f;             /* FCW */
        memset(area + 32, 0, 128);              /* ST0-ST7 */
    }
    if (!(*bv & 2)) {
        *(uint32_t *)(area + 24) = 0x1f80;      /* MXCSR */
        memset(area + 160, 0, 256);             /* XMM0-XMM15 */
    }
    *bv |= 3;
}

/* Where XSAVE's standard format keeps the AVX upper halves
 * (CPUID.(EAX=0DH,ECX=2).EBX; 576 on every x86-64 so far). */
uint32_t door_xsave_avx_offset = 576;

/* AVX upper halves that are all zero are the component's initial state:
 * clearing its XSTATE_BV bit makes XRSTOR leave it "not in use", so the
 * next call from a stub can take the XMM-only path (door.S).  Without
 * this, one XSAVE of a zero but "in use" upper state would keep every
 * later call on the slow path. */
static void xsave_drop_zero_avx(uint8_t *area)
{
    uint64_t *bv = (uint64_t *)(area + 512);
    if (!(*bv & 4))
        return;
    const uint64_t *h = (const uint64_t *)(area + door_xsave_avx_offset);
    uint64_t any = 0;
    for (int i = 0; i < 32; i++)
        any |= h[i];
    if (!any)
        *bv &= ~4ULL;
}

/* A call from a rewritten site (door.S, door_stub_entry): the guest's
 * registers are in t->stub_regs, its vector state in t->xsave_area. */
void door_stub_call(struct persona_thread *t)
{
    struct guest_regs *regs = &t->stub_regs;
    if (t->fp_full) {
        xsave_legacy_make_whole(t->xsave_area);
        xsave_drop_zero_avx(t->xsave_area);
    }
    regs->fpregs = t->xsave_area;       /* FXSAVE layout: the XSAVE legacy area */
    syscall_enter(t, regs, false);
    signals_deliver_pending(t, regs);
    if (regs->fp_flags & GUEST_FP_XRELOAD)
        t->fp_full = 1;     /* sigreturn set the extended state: XRSTOR it all */
}

/* A signal interrupted a thread somewhere on its way into or out of
 * persona by a rewritten site.  Where the guest's state is complete, make
 * the interrupted context say the guest's own registers, as if the signal
 * had come at the site (before the call) or just after it; returns true
 * then: the signal is the guest's. */
static bool rewrite_signal_position(struct persona_thread *t, struct guest_regs *g)
{
    uint64_t rip = g->rip;
    if (rip >= (uint64_t)door_stub_entry && rip < (uint64_t)door_stub_committed) {
        g->rip = g->rcx - 2;                /* %rcx = site + 2 */
        return true;
    }
    if (rip >= (uint64_t)door_stub_exit_window && rip <= (uint64_t)door_stub_exit_window_end) {
        void *fp = g->fpregs;               /* the kernel's copy: already the guest's */
        const struct guest_regs *s = &t->stub_regs;
        g->r8 = s->r8;   g->r9 = s->r9;   g->r10 = s->r10; g->r11 = s->r11;
        g->r12 = s->r12; g->r13 = s->r13; g->r14 = s->r14; g->r15 = s->r15;
        g->rdi = s->rdi; g->rsi = s->rsi; g->rbp = s->rbp; g->rbx = s->rbx;
        g->rdx = s->rdx; g->rax = s->rax; g->rcx = s->rcx; g->rsp = s->rsp;
        g->rip = s->rip; g->rflags = s->rflags;
        g->fpregs = fp;
        return true;
    }
    uint64_t site;
    if (rewrite_site_of(rip, &site)) {      /* a per-site stub or a pad */
        g->rip = site;
        return true;
    }
    return false;
}

int door_dispatch_signal(int sig, siginfo_t *info, ucontext_t *uc,
                         long was_in_guest, uint64_t interrupted_fs,
                         struct persona_thread *t)
{
    struct guest_regs *regs = guest_regs_of(uc);
    regs->fp_flags = 0;     /* the kernel leaves that word of its frame unset */
    bool from_guest = was_in_guest && !door_contains(regs->rip);
    if (rewrite_signal_position(t, regs))
        from_guest = true;
    if (from_guest)
        t->guest_fsbase = interrupted_fs;
    if (creds_on_signal(sig))
        return from_guest ? 1 : 0;  /* persona's own: nothing for the guest */
    if (sig == SIGSYS && from_guest && active_backend->is_entry(info)) {
        syscall_enter(t, regs, true);
        signals_deliver_pending(t, regs);
        return 1;
    }
    return signals_on_host_signal(t, sig, info, uc, from_guest);
}
