/*
 * kqueue(2), kevent(2) and the FreeBSD 11 compat kevent on Linux epoll.
 * Semantics: FreeBSD kqueue(2) and sys/kern/kern_event.c (kqueue_register,
 * kern_kevent_fp, kqueue_scan, filt_user*, filt_timer*).
 *
 * A kqueue is an epoll instance: kqueue() returns the epoll descriptor
 * itself, and a per-process table indexed by descriptor holds its state
 * (struct kq).  Every kevent call looks the state up, applies the changes in
 * order under the kqueue's lock, then waits in epoll without the lock.
 *
 * Filters
 *  EVFILT_READ, EVFILT_WRITE: epoll has one registration per (file, fd), so
 *    both filters of a descriptor share it: struct fdstate holds the two
 *    knotes and the registration's mask follows which ones are enabled.
 *    Registrations are always edge-triggered.  EV_CLEAR knotes are edges by
 *    nature; a level (non-EV_CLEAR) knote is re-armed with EPOLL_CTL_MOD after
 *    each delivery -- MOD polls the file again and requeues it while the
 *    condition holds, which is level behaviour -- so both kinds mix on one
 *    descriptor, and a registration that outlived its descriptor (below)
 *    cannot make the wait spin.  EV_ONESHOT deletes, EV_DISPATCH disables
 *    after delivery.  data: FIONREAD for READ (1 for a listening socket);
 *    free pipe / socket send-buffer space for WRITE.  EV_EOF: EPOLLRDHUP or
 *    EPOLLHUP for READ, EPOLLHUP or EPOLLERR for WRITE; fflags (the socket
 *    error) stays 0, because reading SO_ERROR would clear it for the guest.
 *    Files epoll cannot poll (EPERM: regular files, directories, some
 *    devices) get FreeBSD's vnode rules computed here: READ is ready while
 *    the offset is not at end of file (data = size - offset, or always with
 *    NOTE_FILE_POLL), WRITE always.  Writes to such a file by others do not
 *    re-trigger an EV_CLEAR knote (there is no hook to see them).
 *  EVFILT_USER: pure user-space state (triggered flag, fflags, data).  One
 *    eventfd per kqueue sits in the epoll set and is kept readable exactly
 *    while some user event (or new vnode knote) awaits collection, so a
 *    thread asleep in kevent wakes when another thread triggers one.
 *  EVFILT_TIMER: one timerfd per timer (CLOCK_MONOTONIC; CLOCK_REALTIME for
 *    NOTE_ABSTIME); data on return = expirations since the last delivery.
 *  EVFILT_VNODE: one inotify instance per kqueue sits in the epoll set; each
 *    knote watches its descriptor's file through /proc/self/fd/N (knotes on
 *    one file share the watch).  Its events become NOTE_* flags
 *    (kqueue_vnode.c) gathered in the knote's fflags, reported and, with
 *    EV_CLEAR, reset by the scan (filt_vfsvnode: active while fflags != 0);
 *    the knote's size and link count from the last event tell writes from
 *    extensions, and links from unlinks.  data is 0.
 *  EVFILT_PROC: NOTE_EXIT only; one pidfd per knote in the epoll set.  When
 *    the process ends, the event carries its wait status in data (a child's,
 *    read with waitid(WNOWAIT): the guest can still wait for it; 0 for a
 *    process that is not a child) and EV_EOF|EV_ONESHOT, as filt_proc sets
 *    them.  NOTE_FORK, NOTE_EXEC and NOTE_TRACK are accepted and never
 *    reported (reported as unimplemented with --debug).
 *  EVFILT_SIGNAL: the core counts each arrival of a watched signal
 *    (signals_watch: caught even while ignored, as filt_signal records every
 *    attempt to deliver); the knote reports the arrivals since it last did
 *    in data (EV_CLEAR, as filt_sigattach sets).  The core's eventfd sits in
 *    each such kqueue's epoll set, edge-triggered, to wake a waiting scan.
 *    Signal numbers are FreeBSD's (NetBSD's are the same up to 31).
 *  Other filters: EINVAL (not implemented; reported with --debug).
 *
 * Closed descriptors.  FreeBSD drops a descriptor's knotes when it is
 * closed.  Every descriptor with state here (a kqueue, or one with knotes)
 * is marked in the descriptor table (syscalls/fdtable.h), whose close hook
 * runs bsd_kqueue_fds_closing() before the close; unmarked descriptors
 * are closed without taking any kqueue lock.  Without that, stale state is
 * tolerated: epoll itself forgets a registration when the open file goes
 * away, so a later MOD on the same number fails with ENOENT (or EPERM if the
 * number now names a regular file) -- the old knotes are then dropped and an
 * EV_ADD starts afresh.  Each registration carries a generation number in
 * epoll_event.data, so events from a registration that outlived its
 * descriptor (the file still open through a dup or in a child) are ignored
 * once the number is registered again.  kqueue descriptors themselves: a
 * new kqueue() replaces whatever state its number had; a dup of a kqueue
 * descriptor is recognised with kcmp(KCMP_FILE) on first use.
 *
 * Host calls.  Only the wait goes through the guarded door (HOST*), so that
 * a pending guest signal interrupts it.  The bookkeeping calls (epoll_ctl,
 * eventfd/timerfd, fstat, ioctl) are made directly: the door would make them
 * fail with EINTR, without running, whenever a signal is pending, and the
 * state kept here would no longer match the kernel's.
 *
 * Private descriptors (the eventfd, timerfds) live in persona's own range
 * (syscalls/fdreserve.h): the guest cannot see them, and its lowest-free
 * numbering and RLIMIT_NOFILE match FreeBSD's.
 *
 * kqueue descriptors are not inherited by fork children on FreeBSD: a
 * pthread_atfork child handler closes them (bsd_kqueue_fork_child).
 */
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include <errno.h>
#include <sys/syscall.h>
#include "syscalls/fdreserve.h"
#include "syscalls/fdtable.h"
#include "personality/bsd/kqueue.h"
#include "personality/bsd/kqueue_vnode.h"
#include "syscalls/report.h"
#include "syscalls/signals.h"
#include "abi/freebsd/event.h"
#include "abi/netbsd/event.h"
#include "abi/freebsd/errno.h"
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include "abi/freebsd/signal.h"
#ifndef P_PIDFD
#define P_PIDFD 3           /* linux/wait.h; glibc before 2.36 lacks it */
#endif

#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441
#endif
#ifndef SYS_kcmp
#define SYS_kcmp 312
#endif
#define KCMP_FILE_TYPE 0            /* linux/kcmp.h KCMP_FILE */

/* A direct (not door-guarded) host call: result or -errno. */
#define RAW(...) ({ long r_ = syscall(__VA_ARGS__); r_ < 0 ? -(long)errno : r_; })

/* epoll_event.data: tag in bits 62-63. */
#define TAG_SHIFT   62
#define TAG_FD      0ull            /* gen (30 bits) << 32 | fd */
#define TAG_TIMER   1ull            /* timer serial */
#define TAG_WAKE    2ull
#define TAG_VNODE   3ull            /* the kqueue's inotify instance */
/* EVFILT_PROC pidfds share TAG_TIMER's space: bit 31 of the serial. */
#define SERIAL_PROC 0x80000000u
#define GEN_MASK    0x3fffffffu

#define KQ_HASH     64              /* USER and TIMER knotes, by ident */
#define KQ_BATCH    64              /* events returned per kevent call, at most */
#define KQ_MAXTIMERS 4096           /* kern.kq_calloutmax default (4 * 1024) */

/* Flags kept in a knote (kqueue_register strips the action flags). */
#define EV_ACTIONS (FBSD_EV_ADD | FBSD_EV_DELETE | FBSD_EV_ENABLE | FBSD_EV_DISABLE | \
                    FBSD_EV_FORCEONESHOT)
#define NOTE_TIMER_PRECMASK (FBSD_NOTE_SECONDS | FBSD_NOTE_MSECONDS | \
                             FBSD_NOTE_USECONDS | FBSD_NOTE_NSECONDS)

enum { KF_READ = 0, KF_WRITE = 1 };
enum { FK_OTHER, FK_PIPE, FK_SOCK };

struct knote {
    struct knote *hnext;            /* kq->hash chain (USER, TIMER) */
    struct knote *uprev, *unext;    /* kq->uhead list (USER, vnode READ/WRITE) */
    struct fbsd_kevent kev;         /* ident, filter, kept flags, udata, ext */
    uint32_t sfflags;               /* fflags given by the guest */
    int64_t sdata;                  /* data given by the guest */
    bool disabled;
    bool triggered;                 /* USER */
    bool fresh;                     /* vnode: to be evaluated at the next scan */
    int tfd;                        /* TIMER: its timerfd; else -1 */
    int tclock;
    uint32_t serial;                /* TIMER: its epoll tag */
    int wd;                         /* VNODE: its inotify watch */
    int pfd;                        /* PROC: its pidfd; else -1 */
    int hsig;                       /* SIGNAL: the host signal */
    uint64_t seen;                  /* SIGNAL: arrivals already reported */
    int64_t vsize;                  /* VNODE: size and links at the last event */
    uint64_t vnlink;
};

struct fdstate {
    struct knote *kn[2];            /* READ, WRITE */
    uint32_t gen;                   /* tag of the epoll registration */
    bool pseudo;                    /* not pollable: vnode rules, in uhead */
    bool stale;
    uint8_t kind;                   /* FK_* */
    dev_t dev;                      /* pseudo: identity of the file */
    ino_t ino;
    int pipe_size, sndbuf;
};

struct kq {
    struct kq *next;                /* g_all */
    int refs;                       /* under g_lock: table entries + calls */
    int epfd;                       /* the number kqueue() returned */
    pthread_mutex_t lock;
    struct fdstate **fds;
    int nfds;
    struct knote *hash[KQ_HASH];
    struct knote *uhead;
    int wakefd;
    bool wake_set;
    int inofd;                      /* EVFILT_VNODE's inotify instance, or -1 */
    bool drained;                   /* user-space knotes may await: collect again */
    bool sig_armed;                 /* the core's arrival eventfd is in the epoll set */
    uint32_t gen, serial;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static struct kq **g_tab;           /* by descriptor */
static int g_ntab;
static struct kq *g_all;
static int g_ntimers;               /* atomic */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static int g_have_pwait2 = 1;       /* atomic */

/* ---- small helpers ------------------------------------------------------ */

static int guest_err(long linux_neg)
{
    long e = -linux_neg;
    if (e >= GUEST_ERRNO_BASE)
        return (int)(e - GUEST_ERRNO_BASE);
    return active_personality->errno_from_host((int)e);
}

static unsigned hash_of(uint64_t ident)
{
    return (unsigned)((ident ^ (ident >> 8)) & (KQ_HASH - 1));
}

static struct knote **hash_slot(struct kq *kq, uint64_t ident, int16_t filter)
{
    struct knote **pp = &kq->hash[hash_of(ident)];
    while (*pp && !((*pp)->kev.ident == ident && (*pp)->kev.filter == filter))
        pp = &(*pp)->hnext;
    return pp;
}

static void ulist_add(struct kq *kq, struct knote *kn)
{
    kn->uprev = NULL;
    kn->unext = kq->uhead;
    if (kq->uhead)
        kq->uhead->uprev = kn;
    kq->uhead = kn;
}

static void ulist_del(struct kq *kq, struct knote *kn)
{
    if (kn->uprev)
        kn->uprev->unext = kn->unext;
    else if (kq->uhead == kn)
        kq->uhead = kn->unext;
    if (kn->unext)
        kn->unext->uprev = kn->uprev;
    kn->uprev = kn->unext = NULL;
}

static struct knote *kn_new(const struct fbsd_kevent *kev)
{
    struct knote *kn = calloc(1, sizeof *kn);
    if (!kn)
        return NULL;
    kn->kev = *kev;
    kn->kev.flags &= ~EV_ACTIONS;
    kn->kev.fflags = 0;
    kn->kev.data = 0;
    kn->sfflags = kev->fflags;
    kn->sdata = kev->data;
    kn->tfd = -1;
    kn->pfd = -1;
    return kn;
}

/* Apply EV_DISABLE then EV_ENABLE (kqueue_register's order). */
static bool new_disabled(bool cur, uint16_t flags)
{
    if (flags & FBSD_EV_DISABLE)
        cur = true;
    if (flags & FBSD_EV_ENABLE)
        cur = false;
    return cur;
}

/* The fields a modification changes on any filter. */
static void kn_update_common(struct knote *kn, const struct fbsd_kevent *kev)
{
    if (!(kev->flags & FBSD_EV_KEEPUDATA))
        kn->kev.udata = kev->udata;
    kn->kev.ext[2] = kev->ext[2];
    kn->kev.ext[3] = kev->ext[3];
}

/* ---- the wake-up eventfd (USER and vnode knotes) -------------------------- */

static int wake_ensure(struct kq *kq, int kqfd)
{
    if (kq->wakefd >= 0)
        return 0;
    fd_private_begin();
    int fd = fd_private_end(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (fd < 0)
        return fd;
    struct epoll_event e = { .events = EPOLLIN, .data.u64 = TAG_WAKE << TAG_SHIFT };
    if (epoll_ctl(kqfd, EPOLL_CTL_ADD, fd, &e) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    kq->wakefd = fd;
    kq->wake_set = false;
    return 0;
}

static bool kn_awaits(const struct knote *kn)
{
    if (kn->disabled)
        return false;
    if (kn->kev.filter == FBSD_EVFILT_VNODE)
        return kn->kev.fflags != 0;
    if (kn->kev.filter == FBSD_EVFILT_SIGNAL)
        return signals_arrivals(kn->hsig) != kn->seen;
    return kn->kev.filter == FBSD_EVFILT_USER ? kn->triggered : kn->fresh;
}

/* Keep the eventfd readable exactly while a knote of uhead awaits. */
static void wake_update(struct kq *kq)
{
    if (kq->wakefd < 0)
        return;
    bool want = false;
    for (struct knote *kn = kq->uhead; kn; kn = kn->unext)
        if (kn_awaits(kn)) {
            want = true;
            break;
        }
    if (want == kq->wake_set)
        return;
    uint64_t v = 1;
    ssize_t r = want ? write(kq->wakefd, &v, sizeof v) : read(kq->wakefd, &v, sizeof v);
    (void)r;
    kq->wake_set = want;
}

/* ---- timers ------------------------------------------------------------- */

static void timer_close(struct knote *kn)
{
    if (kn->tfd >= 0) {
        close(kn->tfd);     /* leaves the epoll set with it */
        kn->tfd = -1;
        __atomic_sub_fetch(&g_ntimers, 1, __ATOMIC_RELAXED);
    }
}

/* (Re)start a timer from kn->sfflags/sdata; FreeBSD errno or 0.  A restart
 * throws away undelivered expirations (timerfd_settime resets the count). */
static int timer_start(struct kq *kq, int kqfd, struct knote *kn)
{
    uint32_t ff = kn->sfflags;
    if (ff & ~(NOTE_TIMER_PRECMASK | FBSD_NOTE_ABSTIME))
        return FBSD_EINVAL;
    int64_t unit;
    switch (ff & NOTE_TIMER_PRECMASK) {
    case 0:
    case FBSD_NOTE_MSECONDS: unit = 1000000; break;
    case FBSD_NOTE_SECONDS:  unit = 1000000000; break;
    case FBSD_NOTE_USECONDS: unit = 1000; break;
    case FBSD_NOTE_NSECONDS: unit = 1; break;
    default: return FBSD_EINVAL;
    }
    int64_t data = kn->sdata;
    if (data < 0)
        return FBSD_EINVAL;
    bool abs = ff & FBSD_NOTE_ABSTIME;
    bool oneshot = (kn->kev.flags & FBSD_EV_ONESHOT) || abs;
    /* filt_timerattach: a zero period means one unit unless one-shot. */
    if (data == 0 && !oneshot)
        data = 1;
    int64_t ns = data > INT64_MAX / unit ? INT64_MAX : data * unit;
    struct timespec v = { ns / 1000000000, ns % 1000000000 };
    if (v.tv_sec == 0 && v.tv_nsec == 0)
        v.tv_nsec = 1;      /* zero would disarm the timerfd: fire now */
    struct itimerspec its = { .it_value = v };
    if (!oneshot)
        its.it_interval = v;

    int clock = abs ? CLOCK_REALTIME : CLOCK_MONOTONIC;
    if (kn->tfd < 0 || kn->tclock != clock) {
        if (kn->tfd < 0 &&
            __atomic_add_fetch(&g_ntimers, 1, __ATOMIC_RELAXED) > KQ_MAXTIMERS) {
            __atomic_sub_fetch(&g_ntimers, 1, __ATOMIC_RELAXED);
            return FBSD_ENOMEM;
        }
        fd_private_begin();
        int fd = fd_private_end(timerfd_create(clock, TFD_NONBLOCK | TFD_CLOEXEC));
        if (fd < 0) {
            /* EMFILE: persona's private range is full (about
             * kern.kq_calloutmax timers, or many kqueues with user
             * events); FreeBSD says ENOMEM when it runs out of timers. */
            int e = fd == -EMFILE ? FBSD_ENOMEM : active_personality->errno_from_host(-fd);
            if (kn->tfd < 0)
                __atomic_sub_fetch(&g_ntimers, 1, __ATOMIC_RELAXED);
            return e;
        }
        uint32_t serial = ++kq->serial & ~SERIAL_PROC;   /* bit 31: EVFILT_PROC */
        struct epoll_event e = { .events = kn->disabled ? 0 : EPOLLIN,
                                 .data.u64 = (TAG_TIMER << TAG_SHIFT) | serial };
        if (epoll_ctl(kqfd, EPOLL_CTL_ADD, fd, &e) < 0) {
            int err = active_personality->errno_from_host(errno);
            close(fd);
            if (kn->tfd < 0)
                __atomic_sub_fetch(&g_ntimers, 1, __ATOMIC_RELAXED);
            return err;
        }
        if (kn->tfd >= 0)
            close(kn->tfd);
        kn->tfd = fd;
        kn->tclock = clock;
        kn->serial = serial;
    }
    if (timerfd_settime(kn->tfd, abs ? TFD_TIMER_ABSTIME : 0, &its, NULL) < 0)
        return active_personality->errno_from_host(errno);
    return 0;
}

static void timer_set_enabled(int kqfd, struct knote *kn)
{
    struct epoll_event e = { .events = kn->disabled ? 0 : EPOLLIN,
                             .data.u64 = (TAG_TIMER << TAG_SHIFT) | kn->serial };
    epoll_ctl(kqfd, EPOLL_CTL_MOD, kn->tfd, &e);
}

static struct knote *timer_find(struct kq *kq, uint32_t serial)
{
    for (int i = 0; i < KQ_HASH; i++)
        for (struct knote *kn = kq->hash[i]; kn; kn = kn->hnext)
            if (kn->kev.filter == FBSD_EVFILT_TIMER && kn->serial == serial && kn->tfd >= 0)
                return kn;
    return NULL;
}

static void vnode_unwatch(struct kq *kq, struct knote *kn);

/* Remove a USER, TIMER or VNODE knote. */
static void kn_destroy_ident(struct kq *kq, struct knote *kn)
{
    struct knote **pp = hash_slot(kq, kn->kev.ident, kn->kev.filter);
    if (*pp == kn)
        *pp = kn->hnext;
    if (kn->kev.filter == FBSD_EVFILT_USER || kn->kev.filter == FBSD_EVFILT_VNODE)
        ulist_del(kq, kn);
    if (kn->kev.filter == FBSD_EVFILT_VNODE)
        vnode_unwatch(kq, kn);
    if (kn->pfd >= 0)
        close(kn->pfd);     /* leaves the epoll set with it */
    if (kn->kev.filter == FBSD_EVFILT_SIGNAL) {
        ulist_del(kq, kn);
        signals_watch(kn->hsig, false);
    }
    timer_close(kn);
    free(kn);
}

/* ---- descriptor state ------------------------------------------------------ */

static struct fdstate *fs_get(struct kq *kq, int fd)
{
    return fd >= 0 && fd < kq->nfds ? kq->fds[fd] : NULL;
}

static bool fs_put(struct kq *kq, int fd, struct fdstate *fs)
{
    if (fd >= kq->nfds) {
        int n = kq->nfds ? kq->nfds : 64;
        while (n <= fd)
            n *= 2;
        struct fdstate **a = realloc(kq->fds, (size_t)n * sizeof *a);
        if (!a)
            return false;
        memset(a + kq->nfds, 0, (size_t)(n - kq->nfds) * sizeof *a);
        kq->fds = a;
        kq->nfds = n;
    }
    kq->fds[fd] = fs;
    if (fs)
        fdt_mark(fd, FDT_KQUEUE);   /* its close runs bsd_kqueue_fds_closing */
    return true;
}

/* Forget a descriptor's knotes (no epoll call: the caller does that if the
 * registration is still valid). */
static void fs_drop(struct kq *kq, int fd)
{
    struct fdstate *fs = fs_get(kq, fd);
    if (!fs)
        return;
    for (int i = 0; i < 2; i++)
        if (fs->kn[i]) {
            if (fs->pseudo)
                ulist_del(kq, fs->kn[i]);
            free(fs->kn[i]);
        }
    free(fs);
    kq->fds[fd] = NULL;
}

static uint32_t fs_mask(struct knote *r, bool rdis, struct knote *w, bool wdis)
{
    uint32_t m = EPOLLET;
    if (r && !rdis)
        m |= EPOLLIN | EPOLLRDHUP;
    if (w && !wdis)
        m |= EPOLLOUT;
    return m;
}

static uint64_t fs_tag(const struct fdstate *fs, int fd)
{
    return (TAG_FD << TAG_SHIFT) | ((uint64_t)fs->gen << 32) | (uint32_t)fd;
}

/* Push fs's current mask to epoll (re-arming it), or remove the
 * registration if no knote is left.  A registration found gone means the
 * descriptor was closed: its knotes go too. */
static void fs_sync(struct kq *kq, int kqfd, int fd, struct fdstate *fs)
{
    struct knote *r = fs->kn[KF_READ], *w = fs->kn[KF_WRITE];
    if (!r && !w) {
        if (!fs->pseudo)
            epoll_ctl(kqfd, EPOLL_CTL_DEL, fd, NULL);
        fs_drop(kq, fd);
        return;
    }
    if (fs->pseudo)
        return;
    struct epoll_event e = { .events = fs_mask(r, r && r->disabled, w, w && w->disabled),
                             .data.u64 = fs_tag(fs, fd) };
    if (epoll_ctl(kqfd, EPOLL_CTL_MOD, fd, &e) < 0)
        fs_drop(kq, fd);
}

/* For a pseudo (vnode) fdstate: 0 if fd still names the same file, with
 * its stat; -EBADF if closed; -ENOENT if it now names another file. */
static int pseudo_stat(const struct fdstate *fs, int fd, struct stat *st)
{
    if (fstat(fd, st) < 0)
        return -EBADF;
    if (st->st_dev != fs->dev || st->st_ino != fs->ino)
        return -ENOENT;
    return 0;
}

static void fs_classify(struct fdstate *fs, int fd, const struct stat *st)
{
    fs->kind = FK_OTHER;
    if (S_ISFIFO(st->st_mode)) {
        fs->kind = FK_PIPE;
        int n = fcntl(fd, F_GETPIPE_SZ);
        fs->pipe_size = n > 0 ? n : 65536;
    } else if (S_ISSOCK(st->st_mode)) {
        fs->kind = FK_SOCK;
        int v = 0;
        socklen_t len = sizeof v;
        fs->sndbuf = getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &v, &len) == 0 ? v : 0;
    }
}

/* A new fdstate holding one knote: register it with epoll, or fall back
 * to vnode rules when epoll cannot poll the file.  FreeBSD errno or 0. */
static int fs_create(struct kq *kq, int kqfd, int fd, int idx, struct knote *kn)
{
    struct fdstate *fs = calloc(1, sizeof *fs);
    if (!fs)
        return FBSD_ENOMEM;
    fs->kn[idx] = kn;
    kq->gen = (kq->gen + 1) & GEN_MASK;
    if (!kq->gen)
        kq->gen = 1;
    fs->gen = kq->gen;
    struct epoll_event e = { .data.u64 = fs_tag(fs, fd) };
    e.events = idx == KF_READ ? fs_mask(kn, kn->disabled, NULL, false)
                              : fs_mask(NULL, false, kn, kn->disabled);
    struct stat st;
    int rc = epoll_ctl(kqfd, EPOLL_CTL_ADD, fd, &e);
    if (rc < 0 && errno == EEXIST)     /* a registration whose state was lost */
        rc = epoll_ctl(kqfd, EPOLL_CTL_MOD, fd, &e);
    if (rc == 0) {
        if (fstat(fd, &st) == 0)
            fs_classify(fs, fd, &st);
    } else {
        int err = errno;
        if (err != EPERM) {
            free(fs);
            return active_personality->errno_from_host(err);
        }
        /* Not pollable: a regular file, a directory, a device. */
        long w = wake_ensure(kq, kqfd);
        if (w < 0 || fstat(fd, &st) < 0) {
            free(fs);
            return w < 0 ? guest_err(w) : FBSD_EBADF;
        }
        fs->pseudo = true;
        fs->gen = 0;
        fs->dev = st.st_dev;
        fs->ino = st.st_ino;
        kn->fresh = true;
        ulist_add(kq, kn);
    }
    if (!fs_put(kq, fd, fs)) {
        if (fs->pseudo)
            ulist_del(kq, kn);
        else
            epoll_ctl(kqfd, EPOLL_CTL_DEL, fd, NULL);
        free(fs);
        return FBSD_ENOMEM;
    }
    return 0;
}

/* EVFILT_READ / EVFILT_WRITE change.  FreeBSD errno or 0. */
static int reg_fd(struct kq *kq, int kqfd, struct fbsd_kevent *kev)
{
    if (kev->ident > INT_MAX || fd_is_reserved((long)kev->ident))
        return FBSD_EBADF;
    int fd = (int)kev->ident;
    int idx = kev->filter == FBSD_EVFILT_READ ? KF_READ : KF_WRITE;
    uint16_t fl = kev->flags;
    struct fdstate *fs = fs_get(kq, fd);

    if (fs && fs->pseudo) {
        struct stat st;
        int s = pseudo_stat(fs, fd, &st);
        if (s) {
            fs_drop(kq, fd);
            fs = NULL;
            if (s == -EBADF)
                return FBSD_EBADF;
        }
    }
    struct knote *kn = fs ? fs->kn[idx] : NULL;
    if (!kn && !(fl & FBSD_EV_ADD))
        return fcntl(fd, F_GETFD) < 0 ? FBSD_EBADF : FBSD_ENOENT;

    if (fs && fs->pseudo) {
        /* Vnode rules: nothing to tell the kernel. */
        if (!kn) {
            if (!(kn = kn_new(kev)))
                return FBSD_ENOMEM;
            kn->disabled = new_disabled(false, fl);
            fs->kn[idx] = kn;
            ulist_add(kq, kn);
            kev->fflags = 0;
            kev->data = 0;
        } else if (fl & FBSD_EV_DELETE) {
            ulist_del(kq, kn);
            free(kn);
            fs->kn[idx] = NULL;
            if (!fs->kn[!idx])
                fs_drop(kq, fd);
            return 0;
        } else {
            kn_update_common(kn, kev);
            kn->sfflags = kev->fflags;
            kn->sdata = kev->data;
            kn->disabled = new_disabled(kn->disabled, fl);
        }
        kn->fresh = true;   /* evaluate again, as FreeBSD does on register */
        return 0;
    }

    if (fs) {
        /* Work out the new registration, then commit only if epoll agrees. */
        struct knote *nk = NULL;
        bool del = kn && (fl & FBSD_EV_DELETE);
        if (!kn && !(nk = kn_new(kev)))
            return FBSD_ENOMEM;
        struct knote *mine = del ? NULL : (kn ? kn : nk);
        bool dis = new_disabled(kn ? kn->disabled : false, fl);
        struct knote *other = fs->kn[!idx];
        bool odis = other && other->disabled;
        int rc;
        if (!mine && !other) {
            rc = epoll_ctl(kqfd, EPOLL_CTL_DEL, fd, NULL);
        } else {
            struct epoll_event e = { .data.u64 = fs_tag(fs, fd) };
            e.events = idx == KF_READ ? fs_mask(mine, dis, other, odis)
                                      : fs_mask(other, odis, mine, dis);
            rc = epoll_ctl(kqfd, EPOLL_CTL_MOD, fd, &e);
        }
        if (rc == 0) {
            if (del) {
                free(kn);
                fs->kn[idx] = NULL;
                if (!other)
                    fs_drop(kq, fd);
            } else if (nk) {
                nk->disabled = dis;
                fs->kn[idx] = nk;
                kev->fflags = 0;
                kev->data = 0;
            } else {
                kn_update_common(kn, kev);
                kn->sfflags = kev->fflags;
                kn->sdata = kev->data;
                kn->disabled = dis;
            }
            return 0;
        }
        int err = errno;
        free(nk);
        if (err != EBADF && err != ENOENT && err != EPERM)
            return active_personality->errno_from_host(err);
        /* The descriptor was closed since: its knotes are gone. */
        fs_drop(kq, fd);
        if (err == EBADF)
            return FBSD_EBADF;
        if (!(fl & FBSD_EV_ADD))
            return FBSD_ENOENT;
        /* fall through: a fresh EV_ADD */
    }

    struct knote *nk = kn_new(kev);
    if (!nk)
        return FBSD_ENOMEM;
    nk->disabled = new_disabled(false, fl);
    int e = fs_create(kq, kqfd, fd, idx, nk);
    if (e) {
        free(nk);
        return e;
    }
    kev->fflags = 0;
    kev->data = 0;
    return 0;
}

/* ---- EVFILT_USER / EVFILT_TIMER changes ------------------------------------ */

/* filt_usertouch(EVENT_REGISTER). */
static void user_touch(struct knote *kn, const struct fbsd_kevent *kev)
{
    if (kev->fflags & FBSD_NOTE_TRIGGER)
        kn->triggered = true;
    uint32_t ff = kev->fflags & FBSD_NOTE_FFLAGSMASK;
    switch (kev->fflags & FBSD_NOTE_FFCTRLMASK) {
    case FBSD_NOTE_FFAND:  kn->sfflags &= ff; break;
    case FBSD_NOTE_FFOR:   kn->sfflags |= ff; break;
    case FBSD_NOTE_FFCOPY: kn->sfflags = ff; break;
    default: break;        /* NOTE_FFNOP */
    }
    kn->sdata = kev->data;
    if (kev->flags & FBSD_EV_CLEAR)
        kn->triggered = false;
}

static int reg_ident(struct kq *kq, int kqfd, struct fbsd_kevent *kev)
{
    struct knote **pp = hash_slot(kq, kev->ident, kev->filter);
    struct knote *kn = *pp;
    uint16_t fl = kev->flags;
    bool user = kev->filter == FBSD_EVFILT_USER;

    if (!kn) {
        if (!(fl & FBSD_EV_ADD))
            return FBSD_ENOENT;
        if (!(kn = kn_new(kev)))
            return FBSD_ENOMEM;
        kn->disabled = new_disabled(false, fl);
        if (user) {
            long w = wake_ensure(kq, kqfd);
            if (w < 0) {
                free(kn);
                return guest_err(w);
            }
            /* filt_userattach tests kn_fflags, which kqueue_register has
             * just zeroed: a new user event starts untriggered even with
             * NOTE_TRIGGER, and keeps the raw fflags as its sfflags. */
            ulist_add(kq, kn);
        } else {
            kn->kev.flags |= FBSD_EV_CLEAR;     /* filt_timerattach */
            int e = timer_start(kq, kqfd, kn);
            if (e) {
                timer_close(kn);
                free(kn);
                return e;
            }
        }
        kn->hnext = NULL;
        *pp = kn;
        kev->fflags = 0;
        kev->data = 0;
        wake_update(kq);
        return 0;
    }

    if (fl & FBSD_EV_DELETE) {
        kn_destroy_ident(kq, kn);
        wake_update(kq);
        return 0;
    }
    if (fl & FBSD_EV_FORCEONESHOT) {
        kn->kev.flags |= FBSD_EV_ONESHOT;
        if (user)
            kn->triggered = true;
    }
    kn_update_common(kn, kev);
    int err = 0;
    if (user) {
        user_touch(kn, kev);
    } else if (fl & FBSD_EV_ADD) {
        /* filt_timertouch: re-adding restarts the timer with new values. */
        kn->sfflags = kev->fflags;
        kn->sdata = kev->data;
        err = timer_start(kq, kqfd, kn);
    }
    bool was = kn->disabled;
    kn->disabled = new_disabled(kn->disabled, fl);
    if (!user && kn->tfd >= 0 && was != kn->disabled)
        timer_set_enabled(kqfd, kn);
    wake_update(kq);
    return err;
}

/* ---- EVFILT_VNODE ---------------------------------------------------------- */

static int vnode_ensure(struct kq *kq, int kqfd)
{
    if (kq->inofd >= 0)
        return 0;
    fd_private_begin();
    int fd = fd_private_end(inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (fd < 0)
        return fd;
    struct epoll_event e = { .events = EPOLLIN, .data.u64 = TAG_VNODE << TAG_SHIFT };
    if (epoll_ctl(kqfd, EPOLL_CTL_ADD, fd, &e) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    kq->inofd = fd;
    return 0;
}

/* Drop kn's watch unless another knote of this kqueue shares it. */
static void vnode_unwatch(struct kq *kq, struct knote *kn)
{
    if (kq->inofd < 0 || kn->wd < 0)
        return;
    for (int i = 0; i < KQ_HASH; i++)
        for (struct knote *o = kq->hash[i]; o; o = o->hnext)
            if (o != kn && o->kev.filter == FBSD_EVFILT_VNODE && o->wd == kn->wd)
                return;
    inotify_rm_watch(kq->inofd, kn->wd);
}

static int reg_vnode(struct kq *kq, int kqfd, struct fbsd_kevent *kev)
{
    struct knote **pp = hash_slot(kq, kev->ident, kev->filter);
    struct knote *kn = *pp;
    uint16_t fl = kev->flags;
    int fd = (int)kev->ident;
    if (!kn) {
        if (!(fl & FBSD_EV_ADD))
            return FBSD_ENOENT;
        struct stat st;
        if (kev->ident > INT_MAX || fstat(fd, &st) < 0)
            return FBSD_EBADF;
        /* vfs_kqfilter serves vnodes; pipes, sockets, fifos and devices
         * have kqfilters of their own that refuse EVFILT_VNODE
         * (sys/kern/sys_pipe.c pipe_kqfilter: EINVAL). */
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode))
            return FBSD_EINVAL;
        long r = vnode_ensure(kq, kqfd);
        if (r == 0)
            r = wake_ensure(kq, kqfd);
        if (r < 0)
            return guest_err(r);
        char path[32];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        int wd = inotify_add_watch(kq->inofd, path, vnode_inotify_mask());
        if (wd < 0)
            /* filt_vfsattach: only vnodes; inotify cannot watch sockets, pipes */
            return errno == ENOSPC ? FBSD_ENOMEM : FBSD_EINVAL;
        if (!(kn = kn_new(kev)))
            return FBSD_ENOMEM;
        kn->wd = wd;
        kn->vsize = st.st_size;
        kn->vnlink = st.st_nlink;
        kn->disabled = new_disabled(false, fl);
        kn->hnext = NULL;
        *pp = kn;
        ulist_add(kq, kn);
        fdt_mark(fd, FDT_KQUEUE);   /* its close drops the knote */
        return 0;
    }
    if (fl & FBSD_EV_DELETE) {
        kn_destroy_ident(kq, kn);
        wake_update(kq);
        return 0;
    }
    if (fl & FBSD_EV_FORCEONESHOT)
        kn->kev.flags |= FBSD_EV_ONESHOT;
    kn_update_common(kn, kev);
    if (fl & FBSD_EV_ADD)
        kn->sfflags = kev->fflags;  /* kqueue_register, filters without f_touch */
    kn->disabled = new_disabled(kn->disabled, fl);
    wake_update(kq);
    return 0;
}

/* Read the inotify instance dry; the knotes of each event's watch gather
 * its NOTE_* flags.  kq->lock held. */
static void vnode_drain(struct kq *kq)
{
    _Alignas(struct inotify_event) char buf[4096];
    for (;;) {
        ssize_t len = read(kq->inofd, buf, sizeof buf);
        if (len <= 0)
            break;
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            p += sizeof *ev + ev->len;
            /* a rename inside the directory: both halves in this batch */
            bool within = false;
            if ((ev->mask & (IN_MOVED_FROM | IN_MOVED_TO)) && ev->cookie)
                for (char *q = buf; q < buf + len;) {
                    const struct inotify_event *o = (const struct inotify_event *)q;
                    q += sizeof *o + o->len;
                    if (o != ev && o->cookie == ev->cookie && o->wd == ev->wd &&
                        (o->mask & (IN_MOVED_FROM | IN_MOVED_TO)))
                        within = true;
                }
            for (int i = 0; i < KQ_HASH; i++)
                for (struct knote *kn = kq->hash[i]; kn; kn = kn->hnext) {
                    if (kn->kev.filter != FBSD_EVFILT_VNODE || kn->wd != ev->wd)
                        continue;
                    struct stat st;
                    struct vnode_facts f = { kn->vsize, kn->vsize, kn->vnlink, kn->vnlink, false };
                    if (fstat((int)kn->kev.ident, &st) == 0) {
                        f.size_after = st.st_size;
                        f.nlink_after = st.st_nlink;
                    } else {
                        f.gone = true;
                    }
                    /* the size a write or truncation left, the links an
                     * attribute event shows (other events say nothing of them) */
                    if (ev->mask & IN_MODIFY)
                        kn->vsize = f.size_after;
                    if (ev->mask & (IN_ATTRIB | IN_DELETE_SELF))
                        kn->vnlink = f.nlink_after;
                    kn->kev.fflags |= vnode_notes(ev->mask, ev->len > 0, within, &f) & kn->sfflags;
                }
        }
    }
    wake_update(kq);
}

/* ---- EVFILT_PROC ------------------------------------------------------------ */

static int reg_proc(struct kq *kq, int kqfd, struct fbsd_kevent *kev, const struct guest_regs *regs)
{
    struct knote **pp = hash_slot(kq, kev->ident, kev->filter);
    struct knote *kn = *pp;
    uint16_t fl = kev->flags;
    if (!kn) {
        if (!(fl & FBSD_EV_ADD))
            return FBSD_ENOENT;
        if (kev->ident == 0 || kev->ident > INT_MAX)
            return FBSD_ESRCH;
        if (kev->fflags & (FBSD_NOTE_FORK | FBSD_NOTE_EXEC | FBSD_NOTE_TRACK))
            report_unimplemented(REPORT_OTHER, "kevent EVFILT_PROC NOTE_FORK/NOTE_EXEC/NOTE_TRACK",
                                 (long)(kev->fflags & ~FBSD_NOTE_EXIT), "never reported", regs);
        fd_private_begin();
        int fd = fd_private_end((int)RAW(SYS_pidfd_open, (pid_t)kev->ident, 0));
        if (fd < 0)
            return fd == -ESRCH ? FBSD_ESRCH : guest_err(fd);   /* filt_procattach: pfind */
        fcntl(fd, F_SETFD, FD_CLOEXEC);
        if (!(kn = kn_new(kev))) {
            close(fd);
            return FBSD_ENOMEM;
        }
        kn->disabled = new_disabled(false, fl);
        kn->serial = (++kq->serial & ~SERIAL_PROC) | SERIAL_PROC;
        struct epoll_event e = { .events = kn->disabled ? 0 : EPOLLIN,
                                 .data.u64 = (TAG_TIMER << TAG_SHIFT) | kn->serial };
        if (epoll_ctl(kqfd, EPOLL_CTL_ADD, fd, &e) < 0) {
            int err = active_personality->errno_from_host(errno);
            close(fd);
            free(kn);
            return err;
        }
        kn->pfd = fd;
        kn->hnext = NULL;
        *pp = kn;
        return 0;
    }
    if (fl & FBSD_EV_DELETE) {
        kn_destroy_ident(kq, kn);
        return 0;
    }
    if (fl & FBSD_EV_FORCEONESHOT)
        kn->kev.flags |= FBSD_EV_ONESHOT;
    kn_update_common(kn, kev);
    if (fl & FBSD_EV_ADD)
        kn->sfflags = kev->fflags;
    bool was = kn->disabled;
    kn->disabled = new_disabled(kn->disabled, fl);
    if (was != kn->disabled) {
        struct epoll_event e = { .events = kn->disabled ? 0 : EPOLLIN,
                                 .data.u64 = (TAG_TIMER << TAG_SHIFT) | kn->serial };
        epoll_ctl(kqfd, EPOLL_CTL_MOD, kn->pfd, &e);
    }
    return 0;
}

static struct knote *proc_find(struct kq *kq, uint32_t serial)
{
    for (int i = 0; i < KQ_HASH; i++)
        for (struct knote *kn = kq->hash[i]; kn; kn = kn->hnext)
            if (kn->kev.filter == FBSD_EVFILT_PROC && kn->serial == serial && kn->pfd >= 0)
                return kn;
    return NULL;
}

/* The process has ended (its pidfd is readable). */
static int deliver_proc(struct kq *kq, uint32_t serial, struct fbsd_kevent *out, int room)
{
    struct knote *kn = proc_find(kq, serial);
    if (!kn || kn->disabled || room == 0)
        return 0;
    int n = 0;
    if (kn->sfflags & FBSD_NOTE_EXIT) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        *out = kn->kev;
        out->fflags = FBSD_NOTE_EXIT;
        out->flags |= FBSD_EV_EOF | FBSD_EV_ONESHOT;
        /* Both BSDs number signals 1-31 alike: FreeBSD's conversion
         * serves NetBSD guests too. */
        if (waitid(P_PIDFD, (id_t)kn->pfd, &si, WEXITED | WNOWAIT | WNOHANG) == 0 && si.si_pid)
            out->data = bsd_wait_status_from_siginfo(&si, fbsd_signo_from_linux, 0);
        n = 1;
    }
    kn_destroy_ident(kq, kn);   /* filt_proc: NOTE_EXIT makes it EV_ONESHOT */
    return n;
}

/* ---- EVFILT_SIGNAL ----------------------------------------------------------- */

static int reg_signal(struct kq *kq, int kqfd, struct fbsd_kevent *kev)
{
    struct knote **pp = hash_slot(kq, kev->ident, kev->filter);
    struct knote *kn = *pp;
    uint16_t fl = kev->flags;
    if (!kn) {
        if (!(fl & FBSD_EV_ADD))
            return FBSD_ENOENT;
        /* filt_sigattach: a valid signal number */
        int hsig = kev->ident >= 1 && kev->ident <= FBSD_SIG_MAXSIG ? fbsd_signo_to_linux((int)kev->ident) : 0;
        if (!hsig)
            return FBSD_EINVAL;
        long r = wake_ensure(kq, kqfd);
        if (r < 0)
            return guest_err(r);
        if (signals_watch(hsig, true) < 0)
            return FBSD_EINVAL;     /* SIGKILL, SIGSTOP: nothing to count */
        if (!kq->sig_armed) {
            struct epoll_event e = { .events = EPOLLIN | EPOLLET, .data.u64 = TAG_WAKE << TAG_SHIFT };
            if (epoll_ctl(kqfd, EPOLL_CTL_ADD, signals_arrival_fd(), &e) == 0 || errno == EEXIST)
                kq->sig_armed = true;
        }
        if (!(kn = kn_new(kev))) {
            signals_watch(hsig, false);
            return FBSD_ENOMEM;
        }
        kn->kev.flags |= FBSD_EV_CLEAR;     /* filt_sigattach */
        kn->hsig = hsig;
        kn->seen = signals_arrivals(hsig);
        kn->disabled = new_disabled(false, fl);
        kn->hnext = NULL;
        *pp = kn;
        ulist_add(kq, kn);
        return 0;
    }
    if (fl & FBSD_EV_DELETE) {
        kn_destroy_ident(kq, kn);
        wake_update(kq);
        return 0;
    }
    if (fl & FBSD_EV_FORCEONESHOT)
        kn->kev.flags |= FBSD_EV_ONESHOT;
    kn_update_common(kn, kev);
    kn->disabled = new_disabled(kn->disabled, fl);
    wake_update(kq);
    return 0;
}

/* An unsupported filter goes to --debug and --report-missing (the report
 * keeps one item per filter, with its count). */
static void note_unsupported(int filter, const struct guest_regs *regs)
{
    static const char *const names[] = {
        "EVFILT_READ", "EVFILT_WRITE", "EVFILT_AIO", "EVFILT_VNODE", "EVFILT_PROC",
        "EVFILT_SIGNAL", "EVFILT_TIMER", "EVFILT_PROCDESC", "EVFILT_FS", "EVFILT_LIO",
        "EVFILT_USER", "EVFILT_SENDFILE", "EVFILT_EMPTY",
    };
    int i = -filter - 1;
    if (i < 0 || i >= FBSD_EVFILT_SYSCOUNT)
        return;
    char what[48];
    snprintf(what, sizeof what, "kevent %s", names[i]);
    report_unimplemented(REPORT_OTHER, what, filter, "EINVAL", regs);
}

/* One change; FreeBSD errno or 0.  kq->lock held.  `regs`: the caller's, for
 * the report of an unsupported filter. */
static int kq_register(struct kq *kq, int kqfd, struct fbsd_kevent *kev,
                       const struct guest_regs *regs)
{
    switch (kev->filter) {
    case FBSD_EVFILT_READ:
    case FBSD_EVFILT_WRITE:
        return reg_fd(kq, kqfd, kev);
    case FBSD_EVFILT_USER:
    case FBSD_EVFILT_TIMER:
        return reg_ident(kq, kqfd, kev);
    case FBSD_EVFILT_VNODE:
        return reg_vnode(kq, kqfd, kev);
    case FBSD_EVFILT_PROC:
        return reg_proc(kq, kqfd, kev, regs);
    case FBSD_EVFILT_SIGNAL:
        return reg_signal(kq, kqfd, kev);
    default:
        if (kev->filter < 0 && kev->filter >= -FBSD_EVFILT_SYSCOUNT) {
            if (!(kev->flags & FBSD_EV_ADD))
                return FBSD_ENOENT;     /* no such knote can exist */
            note_unsupported(kev->filter, regs);
        }
        return FBSD_EINVAL;
    }
}

/* ---- collecting events (kq->lock held) ------------------------------------ */

static void fill_fd_event(const struct fdstate *fs, int fd, const struct knote *kn,
                          int idx, uint32_t bits, struct fbsd_kevent *o)
{
    *o = kn->kev;
    if (idx == KF_READ) {
        if (bits & (EPOLLRDHUP | EPOLLHUP))
            o->flags |= FBSD_EV_EOF;
        int n = 0;
        if (ioctl(fd, FIONREAD, &n) == 0)
            o->data = n;
        else if (fs->kind == FK_SOCK && errno == EINVAL)
            o->data = 1;    /* listening socket: at least one connection */
    } else {
        if (bits & (EPOLLHUP | EPOLLERR))
            o->flags |= FBSD_EV_EOF;
        int q = 0;
        if (fs->kind == FK_PIPE && ioctl(fd, FIONREAD, &q) == 0)
            o->data = fs->pipe_size > q ? fs->pipe_size - q : 0;
        else if (fs->kind == FK_SOCK && ioctl(fd, TIOCOUTQ, &q) == 0)
            o->data = fs->sndbuf > q ? fs->sndbuf - q : 0;
    }
}

static int deliver_fd(struct kq *kq, int kqfd, int fd, uint32_t gen, uint32_t bits,
                      struct fbsd_kevent *out, int room)
{
    struct fdstate *fs = fs_get(kq, fd);
    if (!fs || fs->pseudo || fs->gen != gen)
        return 0;   /* a registration that outlived its knotes */
    static const uint32_t want[2] = {
        EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR,
        EPOLLOUT | EPOLLHUP | EPOLLERR,
    };
    int n = 0;
    bool sync = false;
    for (int idx = 0; idx < 2; idx++) {
        struct knote *kn = fs->kn[idx];
        if (!kn || kn->disabled || !(bits & want[idx]))
            continue;
        if (n == room) {
            sync = true;    /* no room: re-arm, it comes back next call */
            continue;
        }
        fill_fd_event(fs, fd, kn, idx, bits, &out[n++]);
        if (kn->kev.flags & FBSD_EV_ONESHOT) {
            free(kn);
            fs->kn[idx] = NULL;
            sync = true;
        } else if (kn->kev.flags & FBSD_EV_DISPATCH) {
            kn->disabled = true;
            sync = true;
        } else if (!(kn->kev.flags & FBSD_EV_CLEAR)) {
            sync = true;    /* level-triggered: re-arm */
        }
    }
    if (sync)
        fs_sync(kq, kqfd, fd, fs);
    return n;
}

static int deliver_timer(struct kq *kq, int kqfd, uint32_t serial,
                         struct fbsd_kevent *out, int room)
{
    struct knote *kn = timer_find(kq, serial);
    if (!kn || kn->disabled || room == 0)
        return 0;
    uint64_t count;
    if (read(kn->tfd, &count, sizeof count) != sizeof count)
        return 0;
    *out = kn->kev;
    out->data = (int64_t)count;
    if (kn->kev.flags & FBSD_EV_ONESHOT) {
        kn_destroy_ident(kq, kn);
    } else if (kn->kev.flags & FBSD_EV_DISPATCH) {
        kn->disabled = true;
        timer_set_enabled(kqfd, kn);
    }
    return 1;
}

/* Events computed in user space: EVFILT_USER and vnode READ/WRITE. */
static int collect_user(struct kq *kq, struct fbsd_kevent *out, int room)
{
    int n = 0;
    bool gc = false;
    struct knote *next;
    for (struct knote *kn = kq->uhead; kn && n < room; kn = next) {
        next = kn->unext;
        if (kn->disabled)
            continue;
        if (kn->kev.filter == FBSD_EVFILT_USER) {
            if (!kn->triggered)
                continue;
            out[n] = kn->kev;
            out[n].fflags = kn->sfflags;
            out[n].data = kn->sdata;
            if (kn->kev.flags & FBSD_EV_CLEAR)
                kn->triggered = false;
        } else if (kn->kev.filter == FBSD_EVFILT_SIGNAL) {
            uint64_t now = signals_arrivals(kn->hsig);
            if (now == kn->seen)
                continue;
            out[n] = kn->kev;
            out[n].data = (int64_t)(now - kn->seen);
            kn->seen = now;
        } else if (kn->kev.filter == FBSD_EVFILT_VNODE) {
            if (!kn->kev.fflags)
                continue;
            out[n] = kn->kev;
            out[n].data = 0;
            if (kn->kev.flags & FBSD_EV_CLEAR)
                kn->kev.fflags = 0;
        } else {
            if ((kn->kev.flags & FBSD_EV_CLEAR) && !kn->fresh)
                continue;
            kn->fresh = false;
            int fd = (int)kn->kev.ident;
            struct fdstate *fs = fs_get(kq, fd);
            struct stat st;
            if (!fs || pseudo_stat(fs, fd, &st)) {
                if (fs)
                    fs->stale = true;   /* closed: drop after the walk */
                gc = true;
                continue;
            }
            int64_t data = 0;
            if (kn->kev.filter == FBSD_EVFILT_READ &&
                (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
                off_t pos = lseek(fd, 0, SEEK_CUR);
                data = (int64_t)st.st_size - (pos < 0 ? 0 : pos);
                if (data == 0 && !(kn->sfflags & FBSD_NOTE_FILE_POLL))
                    continue;
            }
            out[n] = kn->kev;
            out[n].data = data;
        }
        n++;
        if (kn->kev.flags & FBSD_EV_ONESHOT) {
            if (kn->kev.filter == FBSD_EVFILT_USER || kn->kev.filter == FBSD_EVFILT_VNODE ||
                kn->kev.filter == FBSD_EVFILT_SIGNAL) {
                kn_destroy_ident(kq, kn);
            } else {
                int fd = (int)kn->kev.ident;
                struct fdstate *fs = fs_get(kq, fd);
                ulist_del(kq, kn);
                fs->kn[kn->kev.filter == FBSD_EVFILT_READ ? KF_READ : KF_WRITE] = NULL;
                free(kn);
                if (!fs->kn[KF_READ] && !fs->kn[KF_WRITE])
                    fs_drop(kq, fd);
            }
        } else if (kn->kev.flags & FBSD_EV_DISPATCH) {
            kn->disabled = true;
        }
    }
    if (gc)
        for (int fd = 0; fd < kq->nfds; fd++)
            if (kq->fds[fd] && kq->fds[fd]->stale)
                fs_drop(kq, fd);
    wake_update(kq);
    return n;
}

static int deliver(struct kq *kq, int kqfd, const struct epoll_event *e,
                   struct fbsd_kevent *out, int room)
{
    uint64_t d = e->data.u64;
    switch (d >> TAG_SHIFT) {
    case TAG_FD:
        return deliver_fd(kq, kqfd, (int)(uint32_t)d, (uint32_t)(d >> 32) & GEN_MASK,
                          e->events, out, room);
    case TAG_TIMER:
        if ((uint32_t)d & SERIAL_PROC)
            return deliver_proc(kq, (uint32_t)d, out, room);
        return deliver_timer(kq, kqfd, (uint32_t)d, out, room);
    case TAG_VNODE:
        vnode_drain(kq);    /* collect_user reports the knotes */
        kq->drained = true;
        return 0;
    default:
        kq->drained = true;     /* TAG_WAKE: collect_user does the work */
        return 0;
    }
}

/* ---- the kqueue table ------------------------------------------------------ */

static void kq_free(struct kq *kq)
{
    for (int i = 0; i < KQ_HASH; i++)
        for (struct knote *kn = kq->hash[i], *nx; kn; kn = nx) {
            nx = kn->hnext;
            timer_close(kn);
            if (kn->pfd >= 0)
                close(kn->pfd);
            if (kn->kev.filter == FBSD_EVFILT_SIGNAL)
                signals_watch(kn->hsig, false);
            free(kn);
        }
    for (int fd = 0; fd < kq->nfds; fd++)
        if (kq->fds[fd]) {
            free(kq->fds[fd]->kn[0]);
            free(kq->fds[fd]->kn[1]);
            free(kq->fds[fd]);
        }
    free(kq->fds);
    if (kq->wakefd >= 0)
        close(kq->wakefd);
    if (kq->inofd >= 0)
        close(kq->inofd);
    pthread_mutex_destroy(&kq->lock);
    free(kq);
}

/* g_lock held. */
static void kq_unref_locked(struct kq *kq)
{
    if (--kq->refs > 0)
        return;
    for (struct kq **pp = &g_all; *pp; pp = &(*pp)->next)
        if (*pp == kq) {
            *pp = kq->next;
            break;
        }
    kq_free(kq);
}

static void kq_release(struct kq *kq)
{
    pthread_mutex_lock(&g_lock);
    kq_unref_locked(kq);
    pthread_mutex_unlock(&g_lock);
}

/* g_lock held.  Takes a reference for the table entry. */
static bool tab_set(int fd, struct kq *kq)
{
    if (fd >= g_ntab) {
        int n = g_ntab ? g_ntab : 64;
        while (n <= fd)
            n *= 2;
        struct kq **t = realloc(g_tab, (size_t)n * sizeof *t);
        if (!t)
            return false;
        memset(t + g_ntab, 0, (size_t)(n - g_ntab) * sizeof *t);
        g_tab = t;
        g_ntab = n;
    }
    struct kq *old = g_tab[fd];
    g_tab[fd] = kq;
    if (kq) {
        kq->refs++;
        fdt_mark(fd, FDT_KQUEUE);
    }
    if (old)
        kq_unref_locked(old);
    return true;
}

/* The kqueue behind descriptor fd, with a reference; NULL if fd is not one. */
static struct kq *kq_acquire(int fd)
{
    if (fd < 0)
        return NULL;
    pthread_mutex_lock(&g_lock);
    struct kq *kq = fd < g_ntab ? g_tab[fd] : NULL;
    if (!kq && g_all) {
        /* A dup of a kqueue descriptor (dup, dup2, fcntl F_DUPFD)? */
        long pid = getpid();
        for (int e = 0; e < g_ntab && !kq; e++)
            if (g_tab[e] && e != fd && RAW(SYS_kcmp, pid, pid, KCMP_FILE_TYPE, fd, e) == 0) {
                kq = g_tab[e];
                if (!tab_set(fd, kq))
                    kq = NULL;
            }
    }
    if (kq)
        kq->refs++;
    pthread_mutex_unlock(&g_lock);
    return kq;
}

/* Around fork: the child frees every kqueue's state (below), so it must
 * not copy that state half-updated by another thread -- a knote freed but
 * still linked (fs_drop, reg_fd) was freed a second time in the child.  The
 * fork holds g_lock and every kqueue's lock, in the usual order (g_lock
 * first, as bsd_kqueue_fds_closing); no thread waits in epoll holding one. */
static void kq_fork_prepare(void)
{
    pthread_mutex_lock(&g_lock);
    for (struct kq *kq = g_all; kq; kq = kq->next)
        pthread_mutex_lock(&kq->lock);
}

static void kq_fork_parent(void)
{
    for (struct kq *kq = g_all; kq; kq = kq->next)
        pthread_mutex_unlock(&kq->lock);
    pthread_mutex_unlock(&g_lock);
}

void bsd_kqueue_fork_child(void)
{
    /* Single-threaded now, holding every lock (kq_fork_prepare); the
     * threads they might wait for are gone, so they start afresh. */
    pthread_mutex_init(&g_lock, NULL);
    for (int fd = 0; fd < g_ntab; fd++)
        if (g_tab[fd])
            close(fd);
    for (struct kq *kq = g_all, *nx; kq; kq = nx) {
        nx = kq->next;
        pthread_mutex_init(&kq->lock, NULL);
        kq_free(kq);
    }
    free(g_tab);
    g_tab = NULL;
    g_ntab = 0;
    g_all = NULL;
}

void bsd_kqueue_fds_closing(int lo, int hi)
{
    if (!__atomic_load_n(&g_all, __ATOMIC_ACQUIRE) || hi < lo || hi < 0)
        return;
    if (lo < 0)
        lo = 0;
    pthread_mutex_lock(&g_lock);
    for (struct kq *kq = g_all; kq; kq = kq->next) {
        /* A descriptor of this kqueue's epoll instance, for EPOLL_CTL_DEL. */
        int ep = -1;
        if (kq->epfd < g_ntab && g_tab[kq->epfd] == kq)
            ep = kq->epfd;
        for (int e = 0; e < g_ntab && ep < 0; e++)
            if (g_tab[e] == kq)
                ep = e;
        pthread_mutex_lock(&kq->lock);
        for (int i = 0; i < KQ_HASH; i++)
            for (struct knote *kn = kq->hash[i], *nx; kn; kn = nx) {
                nx = kn->hnext;
                if (kn->kev.filter == FBSD_EVFILT_VNODE && (int64_t)kn->kev.ident >= lo &&
                    (int64_t)kn->kev.ident <= hi)
                    kn_destroy_ident(kq, kn);
            }
        int top = hi < kq->nfds ? hi : kq->nfds - 1;
        for (int fd = lo; fd <= top; fd++) {
            struct fdstate *fs = kq->fds[fd];
            if (!fs)
                continue;
            if (!fs->pseudo && ep >= 0)
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
            fs_drop(kq, fd);
        }
        wake_update(kq);
        pthread_mutex_unlock(&kq->lock);
    }
    int top = hi < g_ntab ? hi : g_ntab - 1;
    for (int fd = lo; fd <= top; fd++)
        if (g_tab[fd])
            tab_set(fd, NULL);
    pthread_mutex_unlock(&g_lock);
}

static void kq_once(void)
{
    pthread_atfork(kq_fork_prepare, kq_fork_parent, bsd_kqueue_fork_child);
    fdt_set_hook(FDT_KQUEUE, bsd_kqueue_fds_closing);
}

/* ---- system calls ------------------------------------------------------------ */

long bsd_sys_kqueue(struct sysctx *c)
{
    pthread_once(&g_once, kq_once);
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct kq *kq = calloc(1, sizeof *kq);
    if (!kq) {
        close(fd);
        return -ENOMEM;
    }
    pthread_mutex_init(&kq->lock, NULL);
    kq->epfd = fd;
    kq->wakefd = -1;
    kq->inofd = -1;
    pthread_mutex_lock(&g_lock);
    if (!tab_set(fd, kq)) {
        pthread_mutex_unlock(&g_lock);
        close(fd);
        kq_free(kq);
        return -ENOMEM;
    }
    kq->next = g_all;
    __atomic_store_n(&g_all, kq, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&g_lock);
    return fd;
}

/* The guest's struct kevent, whichever layout its call uses, to and from
 * the FreeBSD form the emulation works in. */
static size_t kev_size(enum bsd_kev_layout lay)
{
    switch (lay) {
    case BSD_KEV_FREEBSD11: return sizeof(struct fbsd11_kevent);
    case BSD_KEV_NETBSD:    return sizeof(struct nbsd_kevent);
    default:                return sizeof(struct fbsd_kevent);
    }
}

static long read_change(uint64_t list, int i, enum bsd_kev_layout lay, struct fbsd_kevent *kev)
{
    uint64_t at = list + (uint64_t)i * kev_size(lay);
    if (lay == BSD_KEV_FREEBSD11) {
        struct fbsd11_kevent k;
        if (copy_from_guest(&k, at, sizeof k))
            return -EFAULT;
        fbsd_kevent_from11(kev, &k);
        return 0;
    }
    if (lay == BSD_KEV_NETBSD) {
        struct nbsd_kevent k;
        if (copy_from_guest(&k, at, sizeof k))
            return -EFAULT;
        nbsd_kevent_to_fbsd(kev, &k);
        return 0;
    }
    return copy_from_guest(kev, at, sizeof *kev);
}

static long write_event(uint64_t list, int i, enum bsd_kev_layout lay, const struct fbsd_kevent *kev)
{
    uint64_t at = list + (uint64_t)i * kev_size(lay);
    if (lay == BSD_KEV_FREEBSD11) {
        struct fbsd11_kevent k;
        fbsd_kevent_to11(&k, kev);
        return copy_to_guest(at, &k, sizeof k);
    }
    if (lay == BSD_KEV_NETBSD) {
        struct nbsd_kevent k;
        nbsd_kevent_from_fbsd(&k, kev);
        return copy_to_guest(at, &k, sizeof k);
    }
    return copy_to_guest(at, kev, sizeof *kev);
}

static void ts_sub(struct timespec *r, const struct timespec *a, const struct timespec *b)
{
    r->tv_sec = a->tv_sec - b->tv_sec;
    r->tv_nsec = a->tv_nsec - b->tv_nsec;
    if (r->tv_nsec < 0) {
        r->tv_nsec += 1000000000L;
        r->tv_sec--;
    }
}

/* Wait in the epoll set: rel NULL = forever; nonblock polls (directly, so
 * a pending signal does not turn a poll into EINTR, as on FreeBSD where a
 * zero timeout never sleeps).  Count or -errno. */
static long epoll_wait_for(int epfd, struct epoll_event *ev, int n,
                           const struct timespec *rel, bool nonblock)
{
    if (nonblock)
        return RAW(SYS_epoll_wait, epfd, ev, n, 0);
    if (__atomic_load_n(&g_have_pwait2, __ATOMIC_RELAXED)) {
        long r = HOST6(SYS_epoll_pwait2, epfd, ev, n, rel, NULL, 8);
        if (r != -ENOSYS)
            return r;
        __atomic_store_n(&g_have_pwait2, 0, __ATOMIC_RELAXED);
    }
    int ms = -1;
    if (rel) {
        /* Round up: never return before the timeout. */
        if (rel->tv_sec >= INT_MAX / 1000 - 1)
            ms = INT_MAX;
        else
            ms = (int)(rel->tv_sec * 1000 + (rel->tv_nsec + 999999) / 1000000);
    }
    return HOST4(SYS_epoll_wait, epfd, ev, n, ms);
}

static long kq_scan(struct kq *kq, int kqfd, uint64_t evlist, int nevents,
                    const struct timespec *ts, enum bsd_kev_layout v11)
{
    if (nevents <= 0)
        return 0;   /* kevent(2): nevents 0 returns at once */
    if (ts && (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L))
        return -EINVAL;
    bool poll = ts && ts->tv_sec == 0 && ts->tv_nsec == 0;
    bool forever = ts == NULL;
    struct timespec deadline = { 0, 0 }, now;
    if (ts && !poll) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (ts->tv_sec > INT64_MAX / 4 - now.tv_sec) {
            forever = true;
        } else {
            deadline.tv_sec = now.tv_sec + ts->tv_sec;
            deadline.tv_nsec = now.tv_nsec + ts->tv_nsec;
            if (deadline.tv_nsec >= 1000000000L) {
                deadline.tv_nsec -= 1000000000L;
                deadline.tv_sec++;
            }
        }
    }
    int batch = nevents < KQ_BATCH ? nevents : KQ_BATCH;
    int recollect = 0;
    struct fbsd_kevent out[KQ_BATCH];
    struct epoll_event evs[KQ_BATCH];
    int n;
    for (;;) {
        pthread_mutex_lock(&kq->lock);
        n = collect_user(kq, out, batch);
        pthread_mutex_unlock(&kq->lock);
        int room = batch - n;
        if (room == 0)
            break;
        bool nonblock = poll || n > 0;
        struct timespec rel;
        if (!nonblock && !forever) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            ts_sub(&rel, &deadline, &now);
            if (rel.tv_sec < 0)
                nonblock = true;    /* expired: one last look */
        }
        long r = epoll_wait_for(kqfd, evs, room, forever ? NULL : &rel, nonblock);
        if (r < 0) {
            if (n > 0)
                break;
            return r == -EINVAL ? -EBADF : r;   /* EINVAL: not an epoll any more */
        }
        bool drained = false;
        if (r > 0) {
            pthread_mutex_lock(&kq->lock);
            kq->drained = false;
            for (long i = 0; i < r; i++)
                n += deliver(kq, kqfd, &evs[i], out + n, batch - n);
            drained = kq->drained;
            pthread_mutex_unlock(&kq->lock);
        }
        if (n > 0)
            break;
        if (drained && recollect++ < 2)
            continue;   /* flags or counts came in: collect_user reports them */
        if (nonblock || (r == 0 && !forever))
            return 0;   /* timed out */
        /* Woken for nothing (an event another thread took, a stale
         * registration): wait again for the rest of the time. */
    }
    for (int i = 0; i < n; i++)
        if (write_event(evlist, i, v11, &out[i]))
            return -EFAULT;
    return n;
}

long bsd_kevent(struct sysctx *c, enum bsd_kev_layout v11)
{
    c->no_restart = true;   /* kqueue_scan: "don't restart after signals" */
    int kqfd = ARG_INT(c, 0);
    uint64_t changes = ARG_PTR(c, 1), events = ARG_PTR(c, 3), tsp = ARG_PTR(c, 5);
    int nchanges = ARG_INT(c, 2), nevents = ARG_INT(c, 4);
    struct timespec ts;
    if (tsp && copy_from_guest(&ts, tsp, sizeof ts))
        return -EFAULT;
    if (nchanges < 0 || nevents < 0)
        return -EINVAL;
    struct kq *kq = kq_acquire(kqfd);
    if (!kq)
        return -EBADF;

    long ret;
    int nerrors = 0;
    for (int i = 0; i < nchanges; i++) {
        struct fbsd_kevent kev;
        if (read_change(changes, i, v11, &kev)) {
            ret = -EFAULT;
            goto out;
        }
        if (kev.filter == 0)
            continue;
        kev.flags &= ~FBSD_EV_SYSFLAGS;
        pthread_mutex_lock(&kq->lock);
        int err = kq_register(kq, kqfd, &kev, c->regs);
        pthread_mutex_unlock(&kq->lock);
        if (err || (kev.flags & FBSD_EV_RECEIPT)) {
            if (nevents == 0) {
                /* No room to report it: stop here (an EV_RECEIPT success
                 * without room ends the call with 0, as kern_kevent_fp). */
                ret = err ? GUEST_ERRNO(err) : 0;
                goto out;
            }
            /* The change itself comes back with EV_ERROR and the error
             * number (0 for an EV_RECEIPT success). */
            kev.flags = FBSD_EV_ERROR;
            kev.data = err;
            write_event(events, nerrors, v11, &kev);
            nerrors++;
            nevents--;
        }
    }
    if (nerrors)
        ret = nerrors;  /* FreeBSD returns the errors without waiting */
    else
        ret = kq_scan(kq, kqfd, events, nevents, tsp ? &ts : NULL, v11);
out:
    kq_release(kq);
    return ret;
}
