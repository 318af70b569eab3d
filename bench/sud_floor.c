/* sud_floor: the cost of one Syscall User Dispatch trap with an empty
 * SIGSYS handler on this machine — the floor under persona's per-call cost
 * while every guest system call is caught by a signal.  bench/run.sh
 * prints it next to persona's own figure. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile char selector;

static void on_sigsys(int sig, siginfo_t *info, void *ctx)
{
    ucontext_t *uc = ctx;
    uc->uc_mcontext.gregs[REG_RAX] = 0;
    selector = 0;       /* SYSCALL_DISPATCH_FILTER_ALLOW for the return */
}

/* The restorer's rt_sigreturn must itself be exempt from dispatch. */
extern char exempt_start[], exempt_end[];
void restorer(void);
__asm__(".text\nexempt_start:\nrestorer:\n  mov $15, %eax\n  syscall\nexempt_end:\n");

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 200000;
    struct { void *h; unsigned long flags; void *restorer; unsigned long mask; } k = {
        (void *)on_sigsys, SA_SIGINFO | 0x04000000 /* SA_RESTORER */, (void *)restorer, 0 };
    if (syscall(SYS_rt_sigaction, SIGSYS, &k, NULL, 8) != 0 ||
        prctl(59 /* PR_SET_SYSCALL_USER_DISPATCH */, 1, (unsigned long)exempt_start,
              (unsigned long)(exempt_end - exempt_start), &selector) != 0) {
        perror("sud_floor");
        return 1;
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++) {
        selector = 1;   /* BLOCK: the next syscall traps */
        long r;
        __asm__ volatile("syscall" : "=a"(r) : "a"(SYS_getpid) : "rcx", "r11", "memory");
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%.0f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n);
    return 0;
}
