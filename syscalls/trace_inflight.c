#include "syscalls/trace_inflight.h"
#include "syscalls/trace.h"
#include "syscalls/log.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

enum slot_state {
    SLOT_FREE,
    SLOT_FILLING,     /* the owner writes the head, or takes the slot back */
    SLOT_PENDING,     /* head ready, not printed */
    SLOT_PRINTING,    /* another thread prints the head */
    SLOT_SPLIT,       /* head printed as unfinished */
};

#define NSLOTS 256
#define HEAD_MAX 1024

struct slot {
    int state;
    uint16_t len;
    uint64_t since_ns;
    char head[HEAD_MAX];
};

static struct slot slots[NSLOTS];
static int slots_used;            /* high-water mark of claimed slots */
static int watcher_running;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static bool cas(int *p, int from, int to)
{
    return __atomic_compare_exchange_n(p, &from, to, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

void inflight_write(const char *buf, size_t len)
{
    if (quiet_write(trace_config.fd, buf, len) == -EPIPE)
        trace_config.enabled = false;   /* nobody reads the trace any more */
}

static void print_unfinished(struct slot *s)
{
    static const char tail[] = " <unfinished ...>\n";
    char line[HEAD_MAX + sizeof tail];
    memcpy(line, s->head, s->len);
    memcpy(line + s->len, tail, sizeof tail - 1);
    inflight_write(line, s->len + sizeof tail - 1);
}

/* Print every other call in flight for at least min_age_ns. */
static void flush(int self, uint64_t min_age_ns)
{
    int used = __atomic_load_n(&slots_used, __ATOMIC_ACQUIRE);
    uint64_t now = min_age_ns ? now_ns() : 0;
    for (int i = 0; i < used; i++) {
        struct slot *s = &slots[i];
        if (i == self || __atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_PENDING)
            continue;
        if (min_age_ns && now - s->since_ns < min_age_ns)
            continue;
        if (!cas(&s->state, SLOT_PENDING, SLOT_PRINTING))
            continue;
        print_unfinished(s);
        __atomic_store_n(&s->state, SLOT_SPLIT, __ATOMIC_RELEASE);
    }
}

void inflight_flush_others(int self)
{
    if (__atomic_load_n(&slots_used, __ATOMIC_RELAXED))
        flush(self, 0);
}

void inflight_flush_self(int slot)
{
    if (slot < 0)
        return;
    struct slot *s = &slots[slot];
    if (cas(&s->state, SLOT_PENDING, SLOT_PRINTING)) {
        print_unfinished(s);
        __atomic_store_n(&s->state, SLOT_SPLIT, __ATOMIC_RELEASE);
    }
}

/* The watcher: a host thread (it never runs guest code, and blocks every
 * signal so that none meant for the guest lands on it) that shows calls
 * blocked for a while with nothing else printed. */
static void *watch(void *arg)
{
    (void)arg;
    const struct timespec tick = { 0, INFLIGHT_WATCH_MS / 2 * 1000000L };
    for (;;) {
        nanosleep(&tick, NULL);
        if (trace_config.enabled)
            flush(-1, INFLIGHT_WATCH_MS * 1000000ULL);
    }
    return NULL;
}

static void start_watcher(void)
{
    if (!cas(&watcher_running, 0, 1))
        return;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_t th;
    if (pthread_create(&th, &attr, watch, NULL) != 0)
        debugmsg("--trace: no watcher thread; blocked calls show when they return");
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

int inflight_begin(const char *head, size_t len)
{
    if (!__atomic_load_n(&watcher_running, __ATOMIC_RELAXED))
        start_watcher();
    static __thread int hint;
    for (int k = 0; k < NSLOTS; k++) {
        int i = (hint + k) % NSLOTS;
        struct slot *s = &slots[i];
        if (__atomic_load_n(&s->state, __ATOMIC_RELAXED) != SLOT_FREE ||
            !cas(&s->state, SLOT_FREE, SLOT_FILLING))
            continue;
        hint = i;
        if (len > HEAD_MAX)
            len = HEAD_MAX;
        memcpy(s->head, head, len);
        s->len = (uint16_t)len;
        s->since_ns = now_ns();
        int used = __atomic_load_n(&slots_used, __ATOMIC_RELAXED);
        while (used <= i && !__atomic_compare_exchange_n(&slots_used, &used, i + 1, false,
                                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            ;
        __atomic_store_n(&s->state, SLOT_PENDING, __ATOMIC_RELEASE);
        return i;
    }
    return -1;
}

bool inflight_end(int slot)
{
    if (slot < 0)
        return false;
    struct slot *s = &slots[slot];
    bool split = !cas(&s->state, SLOT_PENDING, SLOT_FILLING);
    /* Someone is printing our head: let the line out first. */
    while (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) == SLOT_PRINTING)
        sched_yield();
    __atomic_store_n(&s->state, SLOT_FREE, __ATOMIC_RELEASE);
    return split;
}

void inflight_after_fork(int self)
{
    for (int i = 0; i < NSLOTS; i++) {
        if (i == self) {
            /* A parent thread was printing our head at the fork: in this
             * copy nobody finishes that, count it as printed. */
            if (slots[i].state == SLOT_PRINTING)
                slots[i].state = SLOT_SPLIT;
            continue;
        }
        slots[i].state = SLOT_FREE;
    }
    watcher_running = 0;   /* threads do not survive fork: start a new one */
}
