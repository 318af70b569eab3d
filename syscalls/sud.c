/* The Syscall User Dispatch backend (prctl(PR_SET_SYSCALL_USER_DISPATCH),
 * Linux >= 5.11, Documentation/admin-guide/syscall-user-dispatch.rst):
 * per thread, every syscall from outside the door region raises SIGSYS
 * while the thread's selector byte says BLOCK; the door keeps the selector
 * at ALLOW whenever persona's own code runs. */
#include "syscalls/backend.h"
#include "syscalls/sud.h"
#include "syscalls/door.h"
#include "syscalls/log.h"
#include <cpuid.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#endif
#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif
/* Linux si_code for a Syscall User Dispatch trap (SYS_USER_DISPATCH). */
#define SI_SYS_USER_DISPATCH 2

unsigned char door_have_fsgsbase, door_have_avx;

void door_probe_cpu(void)
{
    door_have_fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
    /* AVX usable: CPUID.1:ECX.AVX[28] and the OS saves YMM (XCR0 bit 2). */
    unsigned a, b, c, d;
    if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 28)) && (c & (1u << 27))) {
        uint32_t lo, hi;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        door_have_avx = (lo & 4) != 0;
    }
}

static bool sud_available(char *why, size_t cap)
{
    /* Turning it off is harmless and says whether the kernel knows it. */
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0) != 0) {
        snprintf(why, cap, "no Syscall User Dispatch (needs Linux >= 5.11): %s", strerror(errno));
        return false;
    }
    return true;
}

static int sud_process_start(const struct guest_code *code, char *err, size_t cap)
{
    return 0;
}

void sud_enable(struct persona_thread *t)
{
    t->selector = 0; /* SYSCALL_DISPATCH_FILTER_ALLOW */
    unsigned long start = (unsigned long)door_region_start;
    unsigned long len = (unsigned long)(door_region_end - door_region_start);
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, start, len,
              (unsigned long)&t->selector) != 0)
        die("cannot enable Syscall User Dispatch (needs Linux >= 5.11): %s",
            strerror(errno));
}

/* Not inherited across fork (kernel/fork.c clears it): on again. */
static void sud_after_fork(struct persona_thread *t)
{
    sud_enable(t);
}

static bool sud_is_entry(const siginfo_t *info)
{
    return info->si_code == SI_SYS_USER_DISPATCH;
}

const struct backend sud_backend = {
    .name = "sud",
    .available = sud_available,
    .process_start = sud_process_start,
    .thread_attach = sud_enable,
    .after_fork = sud_after_fork,
    .is_entry = sud_is_entry,
};
