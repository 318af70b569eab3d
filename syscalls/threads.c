#include "syscalls/threads.h"
#include "syscalls/backend.h"
#include "syscalls/process.h"
#include "syscalls/signals.h"
#include "syscalls/sud.h"
#include "syscalls/log.h"
#include "syscalls/trace.h"
#include <linux/futex.h>
#include <pthread.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_THREADS 8192          /* live guest threads; a power of two */

/* Live threads by guest id: an open-addressing table keyed by guest_tid
 * (ids are handed out in sequence, so guest_tid % MAX_THREADS rarely
 * collides).  Writers hold the lock; threads_host_tid, on the path of
 * every thr_kill (Go's preemption signal), reads without it. */
#define SLOT_FREE 0               /* never used: ends a probe */
#define SLOT_GONE (-1)            /* used before: a probe goes on */

struct thread_slot {
    int guest_tid;                /* atomic: SLOT_FREE, SLOT_GONE or an id */
    int host_tid;
    struct persona_thread *t;
};

static struct thread_slot slots[MAX_THREADS];
static int live_threads;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned home(int guest_tid)
{
    return (unsigned)guest_tid & (MAX_THREADS - 1);
}

static void add_slot(struct persona_thread *t)
{
    pthread_mutex_lock(&lock);
    for (unsigned k = 0, i = home(t->guest_tid); k < MAX_THREADS; k++, i = (i + 1) & (MAX_THREADS - 1)) {
        int g = __atomic_load_n(&slots[i].guest_tid, __ATOMIC_RELAXED);
        if (g == SLOT_FREE || g == SLOT_GONE) {
            slots[i].host_tid = t->host_tid;
            slots[i].t = t;
            /* Published last: a reader that sees the id sees the rest. */
            __atomic_store_n(&slots[i].guest_tid, t->guest_tid, __ATOMIC_RELEASE);
            live_threads++;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
}

static struct thread_slot *find_slot(int guest_tid)
{
    for (unsigned k = 0, i = home(guest_tid); k < MAX_THREADS; k++, i = (i + 1) & (MAX_THREADS - 1)) {
        int g = __atomic_load_n(&slots[i].guest_tid, __ATOMIC_ACQUIRE);
        if (g == guest_tid)
            return &slots[i];
        if (g == SLOT_FREE)
            break;
    }
    return NULL;
}

/* Returns the number of threads still alive. */
static int remove_slot(struct persona_thread *t)
{
    pthread_mutex_lock(&lock);
    struct thread_slot *s = find_slot(t->guest_tid);
    if (s && s->t == t) {
        __atomic_store_n(&s->guest_tid, SLOT_GONE, __ATOMIC_RELEASE);
        s->t = NULL;
        live_threads--;
    }
    int n = live_threads;
    pthread_mutex_unlock(&lock);
    return n;
}

int threads_host_tid(int guest_tid)
{
    if (guest_tid == SLOT_FREE || guest_tid == SLOT_GONE)
        return -1;
    struct thread_slot *s = find_slot(guest_tid);
    return s ? __atomic_load_n(&s->host_tid, __ATOMIC_RELAXED) : -1;
}

int threads_host_tid_accepting(uint64_t sigbit, const struct persona_thread *self)
{
    /* Only with the lock held is every listed thread's state still mapped
     * (remove_slot runs before thread_detach unmaps it); a signal handler
     * must not wait for it, so a busy table just means "none found". */
    if (pthread_mutex_trylock(&lock) != 0)
        return -1;
    int found = -1;
    for (unsigned i = 0; i < MAX_THREADS && found < 0; i++) {
        int g = __atomic_load_n(&slots[i].guest_tid, __ATOMIC_ACQUIRE);
        struct persona_thread *t = slots[i].t;
        if (g != SLOT_FREE && g != SLOT_GONE && t && t != self &&
            !(__atomic_load_n(&t->sigmask, __ATOMIC_RELAXED) & sigbit))
            found = slots[i].host_tid;
    }
    pthread_mutex_unlock(&lock);
    return found;
}

_Static_assert(MAX_THREADS == THREADS_MAX_LIVE, "threads.h");

void threads_each_other(void (*fn)(int host_tid, void *arg), void *arg)
{
    int self = (int)syscall(SYS_gettid);
    pthread_mutex_lock(&lock);
    for (unsigned i = 0; i < MAX_THREADS; i++) {
        int g = __atomic_load_n(&slots[i].guest_tid, __ATOMIC_ACQUIRE);
        if (g != SLOT_FREE && g != SLOT_GONE && slots[i].t && slots[i].host_tid != self)
            fn(slots[i].host_tid, arg);
    }
    pthread_mutex_unlock(&lock);
}

void threads_register_self(struct persona_thread *t, int guest_tid)
{
    t->guest_tid = guest_tid;
    add_slot(t);
}

struct thread_start {
    struct guest_entry entry;
    uint64_t fsbase, sigmask;
    int guest_tid;
    int ready;      /* futex: set to 1 once the child is registered */
};

static void *thread_main(void *arg)
{
    struct thread_start *s = arg;
    struct guest_entry entry = s->entry;
    struct persona_thread *t = thread_attach();
    active_backend->thread_attach(t);
    t->guest_tid = s->guest_tid;
    t->sigmask = s->sigmask;
    t->guest_fsbase = s->fsbase;
    add_slot(t);
    __atomic_store_n(&s->ready, 1, __ATOMIC_RELEASE);
    syscall(SYS_futex, &s->ready, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    /* `s` belongs to the parent from here on. */

    if (sigsetjmp(t->exit_jmp, 0) == 0) {
        t->has_exit_jmp = true;
        signals_unblock_all();
        door_enter_guest(t, &entry);
    }
    /* thr_exit() jumped back here, out of its signal handler. */
    thread_detach(t);
    return NULL;
}

int threads_spawn(const struct guest_entry *e, uint64_t fsbase,
                  uint64_t sigmask, int guest_tid)
{
    struct thread_start s = { .entry = *e, .fsbase = fsbase, .sigmask = sigmask,
                              .guest_tid = guest_tid, .ready = 0 };
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    uint64_t old;
    signals_block_all(&old);    /* the child starts with every signal blocked */
    pthread_t th;
    int r = pthread_create(&th, &attr, thread_main, &s);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, 8);
    pthread_attr_destroy(&attr);
    if (r != 0)
        return -r;
    while (!__atomic_load_n(&s.ready, __ATOMIC_ACQUIRE))
        syscall(SYS_futex, &s.ready, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    return 0;
}

void threads_exit_current(struct persona_thread *t)
{
    int left = remove_slot(t);
    if (left == 0)
        process_exit(0);
    if (t->has_exit_jmp)
        siglongjmp(t->exit_jmp, 1);
    /* The initial thread has no pthread to return to: end just it. */
    for (;;)
        syscall(SYS_exit, 0);
}

void threads_after_fork(struct persona_thread *self)
{
    /* The lock may have been held by a thread that does not exist here. */
    pthread_mutex_init(&lock, NULL);
    memset(slots, 0, sizeof slots);
    live_threads = 0;
    add_slot(self);
}
