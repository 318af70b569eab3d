#include "syscalls/crash.h"
#include "syscalls/log.h"
#define UNW_LOCAL_ONLY
#include <libunwind.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void crash_report(int sig, const siginfo_t *info, ucontext_t *uc)
{
    warnmsg("internal error: signal %d (%s) at %p, address %p; backtrace:",
            sig, strsignal(sig), (void *)uc->uc_mcontext.gregs[REG_RIP], info->si_addr);
    unw_cursor_t cur;
    if (unw_init_local(&cur, (unw_context_t *)uc) == 0) {
        for (int depth = 0; depth < 32 && unw_step(&cur) > 0; depth++) {
            unw_word_t ip, off;
            char name[128];
            unw_get_reg(&cur, UNW_REG_IP, &ip);
            if (unw_get_proc_name(&cur, name, sizeof name, &off) != 0)
                strcpy(name, "?");
            char line[256];
            int n = snprintf(line, sizeof line, "  #%d %#lx %s+%#lx\n", depth,
                             (unsigned long)ip, name, (unsigned long)off);
            ssize_t r = write(2, line, n);
            (void)r;
        }
    }
    _exit(125);
}
