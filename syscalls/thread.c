/* Per-thread persona state: aligned alt stack with the state at its base. */
#include "syscalls/thread.h"
#include "syscalls/door.h"
#include "syscalls/log.h"
#include <string.h>
#include <sys/mman.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/prctl.h>
#include <asm/prctl.h>

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59   /* linux/prctl.h */
#define PR_SYS_DISPATCH_OFF 0
#endif

__thread struct persona_thread *current_thread;

struct persona_thread *thread_attach(void)
{
    /* Over-allocate, then trim to an address aligned to the size. */
    size_t size = PT_ALTSTACK_SIZE;
    uint8_t *raw = mmap(NULL, 2 * size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED)
        die("cannot allocate a thread stack: %s", strerror(errno));
    uintptr_t base = ((uintptr_t)raw + size - 1) & ~(uintptr_t)(size - 1);
    if (base > (uintptr_t)raw)
        munmap(raw, base - (uintptr_t)raw);
    uintptr_t end = (uintptr_t)raw + 2 * size;
    if (end > base + size)
        munmap((void *)(base + size), end - (base + size));

    struct persona_thread *t = (struct persona_thread *)base;
    memset(t, 0, sizeof *t);
    t->host_fsbase = door_get_fs();
    t->host_tid = (int)syscall(SYS_gettid);
    t->call_nr = -1;

    size_t state = (sizeof *t + 4095) & ~(size_t)4095;
    /* A guard page between the state and the stack proper. */
    mprotect((uint8_t *)base + state, 4096, PROT_NONE);
    stack_t ss = {
        .ss_sp = (uint8_t *)base + state + 4096,
        .ss_size = size - state - 4096,
        .ss_flags = 0,
    };
    if (sigaltstack(&ss, NULL) != 0)
        die("sigaltstack: %s", strerror(errno));
    /* Calls from rewritten sites run on the same stack (it is empty
     * whenever guest code runs) and find this block through %gs. */
    t->stub_sp = base + size - 64;
    t->self = t;
    if (syscall(SYS_arch_prctl, ARCH_SET_GS, (unsigned long)t) != 0)
        die("arch_prctl(ARCH_SET_GS): %s", strerror(errno));
    current_thread = t;
    return t;
}

void thread_detach(struct persona_thread *t)
{
    /* The dispatch selector lives in this block: stop dispatch before it
     * goes, or the thread's next system call faults on it. */
    prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
    stack_t ss = { .ss_flags = SS_DISABLE };
    sigaltstack(&ss, NULL);
    current_thread = NULL;
    munmap(t, PT_ALTSTACK_SIZE);
}
