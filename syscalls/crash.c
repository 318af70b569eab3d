/* A fault inside persona itself: say where (symbol, module offset), which
 * guest call was in flight, the registers, and persona's own call chain,
 * then die with status 125.  Runs in the door's signal handler: only
 * async-signal-safe output (write(2)); libunwind's local unwinder reads the
 * interrupted context. */
#include "syscalls/crash.h"
#include "syscalls/log.h"
#include "syscalls/thread.h"
#include "personality/personality.h"
#define UNW_LOCAL_ONLY
#include <libunwind.h>
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void out(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 1)
        n = sizeof line - 1;
    ssize_t r = write(2, line, n);
    (void)r;
}

/* "name+0x12 (persona+0x1b920)" for a code address. */
static void describe(uint64_t ip, unw_cursor_t *cur, char *buf, size_t cap)
{
    char name[128] = "?";
    unw_word_t off = 0;
    if (!cur || unw_get_proc_name(cur, name, sizeof name, &off) != 0) {
        Dl_info di;
        if (dladdr((void *)ip, &di) && di.dli_sname) {
            snprintf(name, sizeof name, "%s", di.dli_sname);
            off = ip - (uint64_t)di.dli_saddr;
        } else {
            strcpy(name, "?");
            off = 0;
        }
    }
    Dl_info di;
    if (dladdr((void *)ip, &di) && di.dli_fname) {
        const char *base = strrchr(di.dli_fname, '/');
        snprintf(buf, cap, "%s+%#lx (%s+%#lx)", name, (unsigned long)off,
                 base ? base + 1 : di.dli_fname, (unsigned long)(ip - (uint64_t)di.dli_fbase));
    } else {
        snprintf(buf, cap, "%s+%#lx (%#lx)", name, (unsigned long)off, (unsigned long)ip);
    }
}

static void guest_call_in_flight(void)
{
    struct persona_thread *t = current_thread;
    if (!t) {
        out("  no guest thread\n");
        return;
    }
    long nr = t->call_nr;
    const struct personality *p = active_personality;
    if (nr < 0 || !p) {
        out("  guest thread %d (host %d), no guest system call in flight\n", t->guest_tid, t->host_tid);
        return;
    }
    const char *name = (unsigned long)nr < p->table_size && p->table[nr].name ? p->table[nr].name : "?";
    out("  guest thread %d (host %d) in %s system call %s (#%ld)\n",
        t->guest_tid, t->host_tid, p->name, name, nr);
}

void crash_report(int sig, const siginfo_t *info, ucontext_t *uc)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    char where[256];
    unw_cursor_t cur;
    bool unw = unw_init_local2(&cur, (unw_context_t *)uc, UNW_INIT_SIGNAL_FRAME) == 0;
    describe((uint64_t)g[REG_RIP], unw ? &cur : NULL, where, sizeof where);
    out("persona: internal error: signal %d (%s) at %s, address %p\n",
        sig, strsignal(sig), where, info->si_addr);
    guest_call_in_flight();
    out("  rax %016llx rbx %016llx rcx %016llx rdx %016llx\n"
        "  rsi %016llx rdi %016llx rbp %016llx rsp %016llx\n"
        "  r8  %016llx r9  %016llx r10 %016llx r11 %016llx\n"
        "  r12 %016llx r13 %016llx r14 %016llx r15 %016llx\n",
        g[REG_RAX], g[REG_RBX], g[REG_RCX], g[REG_RDX], g[REG_RSI], g[REG_RDI],
        g[REG_RBP], g[REG_RSP], g[REG_R8], g[REG_R9], g[REG_R10], g[REG_R11],
        g[REG_R12], g[REG_R13], g[REG_R14], g[REG_R15]);
    out("  backtrace:\n");
    if (unw) {
        for (int depth = 0; depth < 32; depth++) {
            unw_word_t ip;
            unw_get_reg(&cur, UNW_REG_IP, &ip);
            describe(ip, &cur, where, sizeof where);
            out("  #%d %s\n", depth, where);
            if (unw_step(&cur) <= 0)
                break;
        }
    }
    _exit(125);
}
