/* Signal numbers, sets, sa_flags, stack_t, siginfo and the machine
 * context (abi/freebsd/signal.c).  Numbers that map must map back; a set
 * converted once is stable under further round trips; sigaltstack
 * round-trips its fields; the mcontext keeps every general register and
 * lets sigreturn change only the user-changeable flags. */
#include "abi/freebsd/signal.h"
#include "abi/freebsd/ucontext.h"
#include "tests/fuzz/fuzz_util.h"
#include <signal.h>
#include <ucontext.h>

static void numbers(struct fz *f)
{
    int s = fz_int(f), l = fz_int(f);
    int a = fbsd_signo_to_linux(s);
    FZ_CHECK(a >= 0 && a < 65, "FreeBSD signal %d -> %d", s, a);
    if (a)
        FZ_CHECK(fbsd_signo_from_linux(a) == s, "FreeBSD %d -> Linux %d -> %d", s, a,
                 fbsd_signo_from_linux(a));
    int b = fbsd_signo_from_linux(l);
    FZ_CHECK(b >= 0 && b <= FBSD_SIG_MAXSIG, "Linux signal %d -> %d", l, b);
    if (b)
        FZ_CHECK(fbsd_signo_to_linux(b) == l, "Linux %d -> FreeBSD %d -> %d", l, b,
                 fbsd_signo_to_linux(b));
}

static void sets(struct fz *f)
{
    fbsd_sigset_t s, s2;
    fz_take(f, &s, sizeof s);
    uint64_t m = fbsd_sigset_to_linux(&s);
    fbsd_sigset_from_linux(&s2, m);
    FZ_CHECK(fbsd_sigset_to_linux(&s2) == m, "sigset not stable after one round trip");
    for (int sig = 1; sig <= FBSD_SIG_MAXSIG; sig++)
        FZ_CHECK(!fbsd_sigismember(&s2, sig) || fbsd_sigismember(&s, sig),
                 "signal %d appeared in a round trip", sig);
    uint64_t lm = fz_u64(f);
    fbsd_sigset_from_linux(&s2, lm);
    FZ_CHECK((fbsd_sigset_to_linux(&s2) & ~lm) == 0, "Linux set grew");

    int fl = fz_int(f);
    unsigned long lfl = fbsd_sa_flags_to_linux(fl);
    FZ_CHECK(fbsd_sa_flags_to_linux(fbsd_sa_flags_from_linux(lfl)) == lfl, "sa_flags round trip");
    FZ_CHECK((fbsd_sa_flags_from_linux(lfl) & ~fl) == 0, "sa_flags grew");
}

static void altstack(struct fz *f)
{
    struct fbsd_sigaltstack in, back;
    stack_t l;
    fz_take(f, &in, sizeof in);
    fbsd_sigaltstack_to_linux(&l, &in);
    fbsd_sigaltstack_from_linux(&back, &l);
    FZ_CHECK(back.ss_sp == in.ss_sp && back.ss_size == in.ss_size, "stack_t round trip");
    FZ_CHECK(back.ss_flags == (in.ss_flags & (FBSD_SS_ONSTACK | FBSD_SS_DISABLE)),
             "ss_flags %#x -> %#x", in.ss_flags, back.ss_flags);
}

static void siginfo(struct fz *f)
{
    siginfo_t in;
    struct fbsd_siginfo out;
    fz_take(f, &in, sizeof in);
    fbsd_siginfo_from_linux(&out, &in);
    FZ_CHECK(out.si_signo >= 0 && out.si_signo <= FBSD_SIG_MAXSIG, "si_signo %d", out.si_signo);
    FZ_CHECK(out.si_errno == 0, "si_errno leaked");
    FZ_CHECK(out.si_code == fbsd_si_code_from_linux(in.si_signo, in.si_code), "si_code");
}

static void mcontext(struct fz *f)
{
    mcontext_t in, back;
    struct _libc_fpstate fp, fpback;
    fz_take(f, &in.gregs, sizeof in.gregs);
    bool with_fp = fz_u8(f) & 1;
    fz_take(f, &fp, sizeof fp);
    in.fpregs = with_fp ? &fp : NULL;
    uint64_t fsbase = fz_u64(f);

    struct fbsd_mcontext mc;
    fbsd_mcontext_from_linux(&mc, &in, fsbase);
    FZ_CHECK(mc.mc_len == sizeof mc, "mc_len %ld", (long)mc.mc_len);
    FZ_CHECK(mc.mc_fsbase == fsbase, "fsbase");
    FZ_CHECK(fbsd_mcontext_check(&mc, mc.mc_rflags, ~0u) == FBSD_MC_OK,
             "a context persona built is refused by its own check");

    /* Back onto a host context with fuzzed current flags. */
    fz_take(f, &back.gregs, sizeof back.gregs);
    uint64_t old_efl = (uint64_t)back.gregs[REG_EFL];
    memset(&fpback, 0xa5, sizeof fpback);
    back.fpregs = &fpback;
    fbsd_mcontext_to_linux(&back, &mc);
    static const int regs[] = { REG_RDI, REG_RSI, REG_RDX, REG_RCX, REG_R8, REG_R9, REG_RAX,
        REG_RBX, REG_RBP, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15, REG_RIP,
        REG_RSP };
    for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
        FZ_CHECK(back.gregs[regs[i]] == in.gregs[regs[i]], "register %d lost", regs[i]);
    FZ_CHECK((((uint64_t)back.gregs[REG_EFL] ^ old_efl) & ~(uint64_t)FBSD_PSL_USERCHANGE) == 0,
             "sigreturn changed privileged rflags bits");
    if (with_fp) {
        FZ_CHECK(memcmp(&fpback, &fp, FBSD_FXSAVE_MXCSR_OFF) == 0, "x87/SSE state lost");
        FZ_CHECK((fpback.mxcsr & ~FBSD_MXCSR_MASK_DEFAULT) == 0, "reserved MXCSR bits restored");
        FZ_CHECK(memcmp((char *)&fpback + FBSD_FXSAVE_MXCSR_OFF + 4,
                        (char *)&fp + FBSD_FXSAVE_MXCSR_OFF + 4,
                        FBSD_FXSAVE_ARCH_SIZE - FBSD_FXSAVE_MXCSR_OFF - 4) == 0,
                 "register file lost");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    switch (fz_u8(&f) % 5) {
    case 0: numbers(&f); break;
    case 1: sets(&f); break;
    case 2: altstack(&f); break;
    case 3: siginfo(&f); break;
    default: mcontext(&f); break;
    }
    return 0;
}
