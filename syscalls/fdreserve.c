/* The descriptor space (see fdreserve.h). */
#include "syscalls/fdreserve.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int fdspace_base_;

static struct {
    uint64_t top;             /* host hard limit: one past the private range */
    uint64_t soft, hard;      /* the guest's limits */
    uint64_t inherited_hard;  /* what persona was given */
} fs;

static pthread_mutex_t fs_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t fs_once = PTHREAD_ONCE_INIT;

static void host_limit(uint64_t soft, uint64_t hard)
{
    struct rlimit rl = { soft, hard };
    setrlimit(RLIMIT_NOFILE, &rl);
}

/* The host soft limit while the guest runs: its own, but never into
 * persona's range. */
static uint64_t host_soft(void)
{
    uint64_t base = (uint64_t)fdspace_base_;
    return fs.soft < base ? fs.soft : base;
}

/* The kernel's ceiling for RLIMIT_NOFILE (fs/file.c sysctl_nr_open). */
static uint64_t nr_open(void)
{
    unsigned long v = 1024 * 1024;
    FILE *f = fopen("/proc/sys/fs/nr_open", "re");
    if (f) {
        if (fscanf(f, "%lu", &v) != 1)
            v = 1024 * 1024;
        fclose(f);
    }
    return v;
}

/* A fork child has only the forking thread: a lock another thread held is
 * free, and a lifted limit comes down. */
static void fs_fork_child(void)
{
    pthread_mutex_init(&fs_lock, NULL);
    host_limit(host_soft(), fs.top);
}

uint64_t fdspace_layout(uint64_t inherited_hard, uint64_t top)
{
    /* Without the room asked for, the top of what there is: a sixteenth,
     * at least 64 and at most FD_PRIVATE_SLOTS (and never more than half). */
    uint64_t slots = top / 16;
    slots = slots < 64 ? 64 : slots > FD_PRIVATE_SLOTS ? FD_PRIVATE_SLOTS : slots;
    if (slots > top / 2)
        slots = top / 2;
    return top - inherited_hard >= slots ? inherited_hard : top - slots;
}

static void fs_setup(void)
{
    struct rlimit in;
    if (getrlimit(RLIMIT_NOFILE, &in) != 0)
        in.rlim_cur = in.rlim_max = 1024;
    uint64_t ceiling = nr_open();
    uint64_t h0 = in.rlim_max > ceiling ? ceiling : in.rlim_max;
    uint64_t s0 = in.rlim_cur > h0 ? h0 : in.rlim_cur;
    fs.inherited_hard = h0;
    fs.top = h0;
    uint64_t want = h0 + FD_PRIVATE_SLOTS > ceiling ? ceiling : h0 + FD_PRIVATE_SLOTS;
    if (want > h0) {
        struct rlimit up = { s0, want };
        if (setrlimit(RLIMIT_NOFILE, &up) == 0)
            fs.top = want;
    }
    uint64_t base = fdspace_layout(h0, fs.top);
    fs.hard = h0;
    fs.soft = s0;
    __atomic_store_n(&fdspace_base_, (int)base, __ATOMIC_RELEASE);
    host_limit(host_soft(), fs.top);
    pthread_atfork(NULL, NULL, fs_fork_child);
}

int fdspace_init(void)
{
    pthread_once(&fs_once, fs_setup);
    return __atomic_load_n(&fdspace_base_, __ATOMIC_ACQUIRE);
}

void fd_private_begin(void)
{
    fdspace_init();
    pthread_mutex_lock(&fs_lock);
    host_limit(fs.top, fs.top);
}

int fd_private_end(int fd)
{
    int r = fd < 0 ? -errno : fd;
    int base = fdspace_base_;
    if (fd >= 0 && fd < base) {
        r = fcntl(fd, F_DUPFD_CLOEXEC, base);
        r = r < 0 ? -errno : r;
        close(fd);
    } else if (fd >= 0) {
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    host_limit(host_soft(), fs.top);
    pthread_mutex_unlock(&fs_lock);
    return r;
}

int fd_hide(int fd)
{
    if (fd < 0)
        return -EBADF;
    fd_private_begin();
    return fd_private_end(fd);
}

int fd_private_dup(int fd)
{
    fd_private_begin();
    return fd_private_end(fcntl(fd, F_DUPFD_CLOEXEC, fdspace_base_));
}

void fd_guest_getrlimit(uint64_t *cur, uint64_t *max)
{
    fdspace_init();
    pthread_mutex_lock(&fs_lock);
    *cur = fs.soft;
    *max = fs.hard;
    pthread_mutex_unlock(&fs_lock);
}

int fd_guest_maxfiles(void)
{
    fdspace_init();
    return (int)fs.inherited_hard;
}

/* CAP_SYS_RESOURCE in the calling thread's effective set: what Linux asks
 * for raising a hard limit, standing for FreeBSD's PRIV_PROC_SETRLIMIT. */
static bool may_raise(void)
{
    struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct d[2];
    if (syscall(SYS_capget, &h, d) != 0)
        return false;
    return (d[CAP_SYS_RESOURCE / 32].effective >> (CAP_SYS_RESOURCE % 32)) & 1;
}

long fd_guest_setrlimit(uint64_t cur, uint64_t max)
{
    uint64_t limit = (uint64_t)fd_guest_maxfiles();
    pthread_mutex_lock(&fs_lock);
    long r = 0;
    if ((cur > fs.hard || max > fs.hard) && !may_raise()) {
        r = -EPERM;
    } else {
        if (cur > max)
            cur = max;
        fs.soft = cur > limit ? limit : cur;
        fs.hard = max > limit ? limit : max;
        host_limit(host_soft(), fs.top);
    }
    pthread_mutex_unlock(&fs_lock);
    return r;
}

void fd_exec_prepare(void)
{
    fdspace_init();
    pthread_mutex_lock(&fs_lock);
    host_limit(fs.soft, fs.hard);
    pthread_mutex_unlock(&fs_lock);
}

void fd_exec_failed(void)
{
    pthread_mutex_lock(&fs_lock);
    host_limit(host_soft(), fs.top);    /* fails only if it cannot be raised again */
    pthread_mutex_unlock(&fs_lock);
}
