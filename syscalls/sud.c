#include "syscalls/sud.h"
#include "syscalls/door.h"
#include "syscalls/log.h"
#include <string.h>
#include <cpuid.h>
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
