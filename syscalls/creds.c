#include "syscalls/creds.h"
#include "syscalls/door.h"
#include "syscalls/log.h"
#include "syscalls/threads.h"
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The request the other threads carry out, under `busy`. */
static pthread_mutex_t busy = PTHREAD_MUTEX_INITIALIZER;
static struct {
    long nr, a, b, c;
    int *tids;              /* the threads asked */
    int *done;              /* atomic, per thread: 1 when carried out (or gone) */
    int n;
    int remaining;          /* atomic: futex word */
} req;

bool creds_on_signal(int sig)
{
    if (sig != CREDS_SIGNAL)
        return false;
    int me = (int)syscall(SYS_gettid);
    for (int i = 0; i < __atomic_load_n(&req.n, __ATOMIC_ACQUIRE); i++) {
        if (req.tids[i] != me)
            continue;
        syscall(req.nr, req.a, req.b, req.c);
        if (__atomic_exchange_n(&req.done[i], 1, __ATOMIC_ACQ_REL) == 0 &&
            __atomic_sub_fetch(&req.remaining, 1, __ATOMIC_ACQ_REL) == 0)
            syscall(SYS_futex, &req.remaining, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    }
    return true;
}

struct kernel_sigaction_r {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};

void creds_init(void)
{
    /* As signals.c's host_handle, but with SA_RESTART: a request must not
     * make the guest's blocking calls fail with EINTR. */
    struct kernel_sigaction_r k = {
        (void *)door_signal_entry, SA_SIGINFO | SA_ONSTACK | SA_RESTART | 0x04000000 /* SA_RESTORER */,
        (void *)door_sigreturn_restorer, 0,
    };
    if (syscall(SYS_rt_sigaction, CREDS_SIGNAL, &k, NULL, 8) != 0)
        die("rt_sigaction(%d): %s", CREDS_SIGNAL, strerror(errno));
}

static void collect(int tid, void *arg)
{
    (void)arg;
    if (req.n < THREADS_MAX_LIVE)
        req.tids[req.n++] = tid;
}

long creds_set(long nr, long a, long b, long c)
{
    pthread_mutex_lock(&busy);
    long r = HOST3(nr, a, b, c);
    if (r < 0) {
        pthread_mutex_unlock(&busy);
        return r;
    }
    static int tids[THREADS_MAX_LIVE], done[THREADS_MAX_LIVE];
    req.nr = nr; req.a = a; req.b = b; req.c = c;
    req.tids = tids;
    req.done = done;
    req.n = 0;
    threads_each_other(collect, NULL);
    memset(done, 0, sizeof done[0] * (size_t)req.n);
    __atomic_store_n(&req.remaining, req.n, __ATOMIC_RELEASE);
    pid_t pid = getpid();
    for (int i = 0; i < req.n; i++)
        syscall(SYS_tgkill, pid, tids[i], CREDS_SIGNAL);
    /* Wait; every few milliseconds, a thread that has ended counts as done
     * (its signal went with it). */
    for (;;) {
        int left = __atomic_load_n(&req.remaining, __ATOMIC_ACQUIRE);
        if (left == 0)
            break;
        struct timespec ts = { 0, 5000000 };
        syscall(SYS_futex, &req.remaining, FUTEX_WAIT_PRIVATE, left, &ts, NULL, 0);
        for (int i = 0; i < req.n; i++)
            if (!__atomic_load_n(&done[i], __ATOMIC_ACQUIRE) &&
                syscall(SYS_tgkill, pid, tids[i], 0) != 0 && errno == ESRCH &&
                __atomic_exchange_n(&done[i], 1, __ATOMIC_ACQ_REL) == 0)
                __atomic_sub_fetch(&req.remaining, 1, __ATOMIC_ACQ_REL);
    }
    __atomic_store_n(&req.n, 0, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&busy);
    return r;
}
