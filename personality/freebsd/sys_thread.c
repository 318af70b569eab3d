/* FreeBSD threads: thr_new(2), thr_self, thr_exit, thr_set_name. */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/threads.h"
#include "abi/freebsd/thr.h"
#include "syscalls/threads.h"
#include <linux/futex.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <fcntl.h>
#include <unistd.h>

/* FBSD_TID_BASE + 1 is the initial thread (first_tid in table.c). */
static int next_tid = FBSD_TID_BASE + 2;

int fbsd_thread_next_tid(void)
{
    return __atomic_fetch_add(&next_tid, 1, __ATOMIC_RELAXED);
}

int fbsd_thread_host_tid(long fbsd_tid)
{
    if (fbsd_tid == -1)
        return current_thread ? current_thread->host_tid : -1;
    return threads_host_tid((int)fbsd_tid);
}

long fbsd_sys_thr_new(struct sysctx *c)
{
    struct fbsd_thr_param p;
    int size = ARG_INT(c, 1);
    if (size < 0 || (size_t)size > sizeof p)
        return -EINVAL;
    memset(&p, 0, sizeof p);
    if (copy_from_guest(&p, ARG_PTR(c, 0), size))
        return -EFAULT;
    int tid = fbsd_thread_next_tid();
    /* Both tid words are written before the thread can run
     * (sys/kern/kern_thr.c thr_new_initthr). */
    long ltid = tid;
    if (p.child_tid && copy_to_guest(p.child_tid, &ltid, sizeof ltid))
        return -EFAULT;
    if (p.parent_tid && copy_to_guest(p.parent_tid, &ltid, sizeof ltid))
        return -EFAULT;
    /* Stack as cpu_set_upcall() sets it (sys/amd64/amd64/vm_machdep.c):
     * 16-aligned below the top, minus a fake return address slot. */
    struct guest_entry e = {
        .rip = p.start_func,
        .rsp = ((p.stack_base + p.stack_size - 4) & ~0xFULL) - 8,
        .rdi = p.arg,
    };
    /* door_enter_guest() starts the thread by pushing its entry address
     * just below that stack pointer, with plain stores: find out here,
     * fault-safely, whether it can (a wild stack faulted inside persona). */
    if (copy_to_guest(e.rsp - 8, &e.rip, sizeof e.rip))
        return -EFAULT;
    return threads_spawn(&e, p.tls_base, c->t->sigmask, tid);
}

long fbsd_sys_thr_self(struct sysctx *c)
{
    long id = c->t->guest_tid;
    return copy_to_guest(ARG_PTR(c, 0), &id, sizeof id);
}

long fbsd_sys_thr_exit(struct sysctx *c)
{
    uint64_t state = ARG_PTR(c, 0);
    if (state) {
        /* *state = 1 and wake its waiters (sys/kern/kern_thr.c). */
        long one = 1;
        if (copy_to_guest(state, &one, sizeof one) == 0) {
            /* FreeBSD's wake reaches waiters of both kinds (private and
             * shared umtx waits): wake both kinds of Linux futex. */
            syscall(SYS_futex, (void *)state, FUTEX_WAKE_PRIVATE, INT32_MAX, NULL, NULL, 0);
            syscall(SYS_futex, (void *)state, FUTEX_WAKE, INT32_MAX, NULL, NULL, 0);
        }
    }
    threads_exit_current(c->t);
}

long fbsd_sys_thr_set_name(struct sysctx *c)
{
    char name[64];
    long n = string_from_guest(name, ARG_PTR(c, 1), sizeof name);
    if (n == -ENAMETOOLONG)
        name[sizeof name - 1] = 0;
    else if (n < 0)
        return n;
    name[15] = 0;   /* Linux comm is 16 bytes; FreeBSD allows MAXCOMLEN 19 */
    int host_tid = fbsd_thread_host_tid(ARG_LONG(c, 0));
    if (host_tid < 0)
        return -ESRCH;
    if (host_tid == c->t->host_tid)
        return prctl(PR_SET_NAME, name) == 0 ? 0 : -errno;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/comm", host_tid);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -ESRCH;
    ssize_t w = write(fd, name, strlen(name));
    close(fd);
    return w < 0 ? -errno : 0;
}
