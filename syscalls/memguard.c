/* Guest memory calls, kept off persona's own mappings (see memguard.h). */
#include "syscalls/memguard.h"
#include "syscalls/rangeset.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000   /* linux/mman.h, Linux 4.17 */
#endif

#define PAGE 4096ULL
#define PAGE_DOWN(x) ((x) & ~(PAGE - 1))
#define PAGE_UP(x)   (((x) + PAGE - 1) & ~(PAGE - 1))
/* Linux x86-64 TASK_SIZE with 4-level page tables (arch/x86/include/asm/
 * page_64_types.h): no mapping of this process lies above it. */
#define USER_TOP 0x7ffffffff000ULL

static struct rangeset guest;           /* what the guest owns */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static uint64_t user_low = 65536;       /* vm.mmap_min_addr: nothing maps below */

/* The memory calls themselves do not block: no need for the door's
 * interruptible host call.  Linux result convention (-errno). */
static long sys6(long nr, uint64_t a, uint64_t b, long c, long d, long e, uint64_t f)
{
    long r = syscall(nr, a, b, c, d, e, f);
    return r == -1 ? -errno : r;
}

/* A fork (process_fork uses glibc's) must not copy the set half-updated,
 * nor the lock held by a thread the child does not have. */
static void before_fork(void) { pthread_mutex_lock(&lock); }
static void after_fork(void) { pthread_mutex_unlock(&lock); }

static void init(void)
{
    pthread_atfork(before_fork, after_fork, after_fork);
    int fd = open("/proc/sys/vm/mmap_min_addr", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char buf[32];
        ssize_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (n > 0) {
            buf[n] = 0;
            unsigned long v = strtoul(buf, NULL, 10);
            if (v > 0 && v < (1UL << 32))
                user_low = PAGE_UP(v);
        }
    }
}

static void enter(void)
{
    pthread_once(&once, init);
    pthread_mutex_lock(&lock);
}

static void leave(void)
{
    pthread_mutex_unlock(&lock);
}

/* The pages a request touches, clipped to where mappings can be.  False if
 * there is nothing to check: an empty or wrapping range (Linux refuses it
 * without touching anything) or one wholly outside [user_low, USER_TOP). */
static bool span(uint64_t addr, uint64_t len, uint64_t *s, uint64_t *e)
{
    if (len == 0 || addr + len < addr || addr + len > UINT64_MAX - PAGE)
        return false;
    uint64_t lo = PAGE_DOWN(addr), hi = PAGE_UP(addr + len);
    if (lo < user_low)
        lo = user_low;
    if (hi > USER_TOP)
        hi = USER_TOP;
    *s = lo;
    *e = hi;
    return lo < hi;
}

/* Undo the claims on the gaps of [s, e) (the set has not changed since
 * they were made: the lock is held). */
static void release_gaps(uint64_t s, uint64_t e)
{
    uint64_t g0, g1;
    for (uint64_t pos = s; rangeset_next_gap(&guest, pos, e, &g0, &g1); pos = g1)
        sys6(SYS_munmap, g0, g1 - g0, 0, 0, 0, 0);
}

/* Claim every part of [s, e) the guest does not own.  0: claimed (or
 * nothing to claim); 1: something is mapped there, so it is persona's
 * (nothing is left claimed); -errno: the kernel would not map there. */
static int claim_gaps(uint64_t s, uint64_t e)
{
    uint64_t g0, g1;
    for (uint64_t pos = s; rangeset_next_gap(&guest, pos, e, &g0, &g1); pos = g1) {
        long r = sys6(SYS_mmap, g0, g1 - g0, PROT_NONE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
        if (r >= 0 && (uint64_t)r == g0)
            continue;
        if (r >= 0)     /* a kernel without NOREPLACE took it as a hint */
            sys6(SYS_munmap, (uint64_t)r, g1 - g0, 0, 0, 0, 0);
        release_gaps(s, g0);
        return r == -EEXIST || r >= 0 ? 1 : (int)r;
    }
    return 0;
}

long memguard_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                   uint64_t off, bool *foreign)
{
    *foreign = false;
    enter();
    long r;
    uint64_t s, e;
    bool replacing = (flags & MAP_FIXED) && !(flags & MAP_FIXED_NOREPLACE);
    if (!rangeset_reserve(&guest, 1)) {
        r = -ENOMEM;      /* could not remember the mapping: do not make it */
        goto out;
    }
    if (!replacing || !span(addr, len, &s, &e)) {
        /* The kernel picks free space (or refuses): nothing is replaced. */
        r = sys6(SYS_mmap, addr, len, prot, flags, fd, off);
    } else if (!rangeset_overlaps(&guest, s, e)) {
        /* None of it is the guest's: only free space may be mapped. */
        r = sys6(SYS_mmap, addr, len, prot, (flags & ~MAP_FIXED) | MAP_FIXED_NOREPLACE, fd, off);
        if (r == -EEXIST) {
            *foreign = true;
            goto out;
        }
    } else {
        int c = claim_gaps(s, e);
        if (c != 0) {
            *foreign = c > 0;
            r = c > 0 ? -EEXIST : c;
            goto out;
        }
        r = sys6(SYS_mmap, addr, len, prot, flags, fd, off);
        /* (A failed MAP_FIXED may already have unmapped the old range;
         * releasing the claims is still right for what is left.) */
        if (r < 0)
            release_gaps(s, e);
    }
    if (r >= 0)
        rangeset_add(&guest, PAGE_DOWN((uint64_t)r), PAGE_UP((uint64_t)r + len));
out:
    leave();
    return r;
}

long memguard_munmap(uint64_t addr, uint64_t len, bool *foreign)
{
    *foreign = false;
    enter();
    long r;
    uint64_t s, e;
    if (!rangeset_reserve(&guest, 1)) {
        r = -ENOMEM;
        goto out;
    }
    if (!span(addr, len, &s, &e)) {
        r = sys6(SYS_munmap, addr, len, 0, 0, 0, 0);
    } else {
        int c = claim_gaps(s, e);
        if (c != 0) {
            *foreign = c > 0;
            r = c > 0 ? -EEXIST : c;
            goto out;
        }
        r = sys6(SYS_munmap, addr, len, 0, 0, 0, 0);   /* the claims go too */
        if (r < 0)
            release_gaps(s, e);
    }
    if (r == 0)
        rangeset_remove(&guest, PAGE_DOWN(addr), PAGE_UP(addr + len));
out:
    leave();
    return r;
}

/* mprotect/madvise: the call over the guest's parts and the claimed holes,
 * then the claims are undone. */
static long guarded(long nr, uint64_t addr, uint64_t len, long arg, bool *foreign)
{
    *foreign = false;
    enter();
    long r;
    uint64_t s, e;
    if (!span(addr, len, &s, &e)) {
        r = sys6(nr, addr, len, arg, 0, 0, 0);
    } else {
        int c = claim_gaps(s, e);
        if (c != 0) {
            *foreign = c > 0;
            r = c > 0 ? -EEXIST : c;
        } else {
            r = sys6(nr, addr, len, arg, 0, 0, 0);
            release_gaps(s, e);
        }
    }
    leave();
    return r;
}

long memguard_mprotect(uint64_t addr, uint64_t len, int prot, bool *foreign)
{
    return guarded(SYS_mprotect, addr, len, prot, foreign);
}

long memguard_madvise(uint64_t addr, uint64_t len, int advice, bool *foreign)
{
    return guarded(SYS_madvise, addr, len, advice, foreign);
}

void memguard_note_guest(uint64_t addr, uint64_t len)
{
    if (len == 0 || addr + len < addr)
        return;
    enter();
    rangeset_add(&guest, PAGE_DOWN(addr), PAGE_UP(addr + len));
    leave();
}

bool memguard_guest_owns(uint64_t addr, uint64_t len)
{
    enter();
    bool r = rangeset_covers(&guest, PAGE_DOWN(addr), PAGE_UP(addr + len));
    leave();
    return r;
}

void memguard_reset(void)
{
    enter();
    rangeset_clear(&guest);
    leave();
}
