/*
 * sys.h — freestanding system-call layer for the persona C samples.
 *
 * One source, two targets:
 *   -DTARGET_FREEBSD  FreeBSD/amd64 numbers; the kernel reports failure by
 *                     setting the carry flag and leaving the positive errno
 *                     in %rax.
 *   -DTARGET_NETBSD   NetBSD/amd64 numbers; failure as on FreeBSD.  Calls
 *                     with a 64-bit offset take a PAD argument before it
 *                     (pread, lseek, ftruncate: sys/kern/syscalls.master).
 *   -DTARGET_LINUX    Linux/x86-64 numbers; failure is -errno in %rax.
 *
 * Every sys_X() returns -errno on failure on both targets, so the sample
 * programs never look at the target except where the ABIs really differ
 * (struct layouts, flag values) — and those differences live here.
 *
 * No libc: the samples link with -nostdlib, start in start.S, and get
 * memcpy/memset from mem.c (gcc may emit calls to them even freestanding).
 */
#ifndef PERSONA_SAMPLE_SYS_H
#define PERSONA_SAMPLE_SYS_H

#if defined(TARGET_FREEBSD) + defined(TARGET_NETBSD) + defined(TARGET_LINUX) != 1
#error "define exactly one of TARGET_FREEBSD, TARGET_NETBSD or TARGET_LINUX"
#endif
/* The carry-flag error convention and exit(1) of both BSDs. */
#if defined(TARGET_FREEBSD) || defined(TARGET_NETBSD)
#define TARGET_BSD 1
#endif

typedef unsigned long size_t;
typedef long ssize_t;
typedef long off_t;
typedef unsigned long uintptr_t;
typedef unsigned long long u64;
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;
#define NULL ((void *)0)

/* ---------------------------------------------------------------- numbers */
#ifdef TARGET_FREEBSD
#define NR_exit           1
#define NR_read           3
#define NR_write          4
#define NR_open           5
#define NR_close          6
#define NR_unlink         10
#define NR_chdir          12
#define NR_getpid         20
#define NR_kill           37
#define NR_readlink       58
#define NR_munmap         73
#define NR_mprotect       74
#define NR_gettimeofday   116
#define NR_rename         128
#define NR_mkdir          136
#define NR_rmdir          137
#define NR_clock_gettime  232
#define NR_nanosleep      240
#define NR_sigaction      416
#define NR_pread          475
#define NR_mmap           477
#define NR_lseek          478
#define NR_ftruncate      480
#define NR_openat         499
#define NR_pipe2          542
#define NR_fstat          551 /* FreeBSD 12+ (ino64) stat */
#define NR_getdirentries  554 /* FreeBSD 12+ (ino64) dirent */
#elif defined(TARGET_NETBSD)
#define NR_exit           1
#define NR_read           3
#define NR_write          4
#define NR_open           5
#define NR_close          6
#define NR_unlink         10
#define NR_chdir          12
#define NR_getpid         20
#define NR_kill           37
#define NR_readlink       58
#define NR_munmap         73
#define NR_mprotect       74
#define NR_rename         128
#define NR_mkdir          136
#define NR_rmdir          137
#define NR_pread          173 /* fd, buf, nbyte, PAD, offset */
#define NR_mmap           197 /* addr, len, prot, flags, fd, PAD, offset */
#define NR_lseek          199 /* fd, PAD, offset, whence */
#define NR_ftruncate      201 /* fd, PAD, length */
#define NR_sigaction      340 /* __sigaction_sigtramp */
#define NR_getdents       390 /* __getdents30 */
#define NR_gettimeofday   418 /* __gettimeofday50 */
#define NR_clock_gettime  427 /* __clock_gettime50 */
#define NR_nanosleep      430 /* __nanosleep50 */
#define NR_fstat          440 /* __fstat50 */
#define NR_pipe2          453
#define NR_openat         468
#else
#define NR_read           0
#define NR_write          1
#define NR_open           2
#define NR_close          3
#define NR_fstat          5
#define NR_lseek          8
#define NR_mmap           9
#define NR_mprotect       10
#define NR_munmap         11
#define NR_rt_sigaction   13
#define NR_pread          17
#define NR_nanosleep      35
#define NR_getpid         39
#define NR_kill           62
#define NR_ftruncate      77
#define NR_chdir          80
#define NR_rename         82
#define NR_mkdir          83
#define NR_rmdir          84
#define NR_unlink         87
#define NR_readlink       89
#define NR_gettimeofday   96
#define NR_getdents64     217
#define NR_clock_gettime  228
#define NR_exit_group     231
#define NR_openat         257
#define NR_pipe2          293
#endif

/* ------------------------------------------------------------------ flags */
#define O_RDONLY    0x0
#define O_WRONLY    0x1
#define O_RDWR      0x2
#ifdef TARGET_FREEBSD
#define O_APPEND    0x8
#define O_CREAT     0x200
#define O_TRUNC     0x400
#define O_EXCL      0x800
#define O_DIRECTORY 0x20000
#define O_CLOEXEC   0x100000
#define MAP_ANON    0x1000
#define CLOCK_MONOTONIC 4
#elif defined(TARGET_NETBSD)
#define O_APPEND    0x8
#define O_CREAT     0x200
#define O_TRUNC     0x400
#define O_EXCL      0x800
#define O_DIRECTORY 0x200000
#define O_CLOEXEC   0x400000
#define MAP_ANON    0x1000
#define CLOCK_MONOTONIC 3
#else
#define O_APPEND    0x400
#define O_CREAT     0x40
#define O_EXCL      0x80
#define O_TRUNC     0x200
#define O_DIRECTORY 0x10000
#define O_CLOEXEC   0x80000
#define MAP_ANON    0x20
#define CLOCK_MONOTONIC 1
#endif
#define AT_FDCWD    (-100) /* same value on both */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define PROT_NONE  0
#define PROT_READ  1
#define PROT_WRITE 2
#define PROT_EXEC  4
#define MAP_SHARED  0x1
#define MAP_PRIVATE 0x2
#define MAP_FIXED   0x10
#define MAP_FAILED_P(p) ((unsigned long)(p) > -4096UL)
#define CLOCK_REALTIME 0
#define SIGPIPE 13
#define SIG_IGN ((void *)1)
#define S_IFMT  0170000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define DT_DIR 4
#define DT_REG 8

/* aux vector keys used by the samples (AT_PAGESZ is 6 on both) */
#define AT_NULL     0
#define AT_PAGESZ   6
#define FBSD_AT_EXECPATH  15
#define FBSD_AT_OSRELDATE 18
#define FBSD_AT_NCPUS     19
#define LINUX_AT_EXECFN   31

/* ---------------------------------------------------------------- structs */
struct timespec { long tv_sec; long tv_nsec; };
struct timeval { long tv_sec; long tv_usec; };

#ifdef TARGET_FREEBSD
struct stat {                  /* FreeBSD 12+ struct stat, 224 bytes */
	u64 st_dev;
	u64 st_ino;
	u64 st_nlink;
	u16 st_mode;
	short st_pad0;
	u32 st_uid;
	u32 st_gid;
	int st_pad1;
	u64 st_rdev;
	struct timespec st_atim, st_mtim, st_ctim, st_birthtim;
	long st_size;
	long st_blocks;
	int st_blksize;
	u32 st_flags;
	u64 st_gen;
	u64 st_spare[10];
};
struct dirent_hdr {            /* FreeBSD 12+ struct dirent prefix */
	u64 d_fileno;
	long d_off;
	u16 d_reclen;
	u8 d_type;
	u8 d_pad0;
	u16 d_namlen;
	u16 d_pad1;
	char d_name[];
};
struct k_sigaction {           /* FreeBSD struct sigaction */
	void *handler;
	int flags;
	u32 mask[4];
};
#elif defined(TARGET_NETBSD)
struct stat {                  /* NetBSD 5+ struct stat, 152 bytes */
	u64 st_dev;
	u32 st_mode;
	u32 st_pad0;
	u64 st_ino;
	u32 st_nlink;
	u32 st_uid;
	u32 st_gid;
	u32 st_pad1;
	u64 st_rdev;
	struct timespec st_atim, st_mtim, st_ctim, st_birthtim;
	long st_size;
	long st_blocks;
	u32 st_blksize;
	u32 st_flags;
	u32 st_gen;
	u32 st_spare[2];
	u32 st_pad2;
};
struct dirent_hdr {            /* NetBSD struct dirent (getdents 3.0) prefix */
	u64 d_fileno;
	u16 d_reclen;
	u16 d_namlen;
	u8 d_type;
	char d_name[];
};
struct k_sigaction {           /* NetBSD struct sigaction */
	void *handler;
	u32 mask[4];
	int flags;
};
#else
struct stat {                  /* Linux x86-64 struct stat, 144 bytes */
	u64 st_dev;
	u64 st_ino;
	u64 st_nlink;
	u32 st_mode;
	u32 st_uid;
	u32 st_gid;
	int st_pad0;
	u64 st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	struct timespec st_atim, st_mtim, st_ctim;
	long st_unused[3];
};
struct dirent_hdr {            /* Linux struct linux_dirent64 */
	u64 d_ino;
	long d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
};
struct k_sigaction {           /* Linux kernel struct sigaction */
	void *handler;
	unsigned long flags;
	void *restorer;
	u64 mask;
};
#endif

/* ------------------------------------------------------------ raw calls */
/*
 * All six argument registers are declared in/out: the Linux kernel preserves
 * them, but we do not rely on what a FreeBSD kernel (or persona) leaves there.
 * %rcx and %r11 are clobbered by the syscall instruction itself.
 */
static inline long raw_syscall6(long n, long a1, long a2, long a3, long a4,
                                long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret = n;
#ifdef TARGET_BSD
	_Bool cf;
	__asm__ volatile("syscall"
	                 : "+a"(ret), "=@ccc"(cf), "+D"(a1), "+S"(a2), "+d"(a3),
	                   "+r"(r10), "+r"(r8), "+r"(r9)
	                 :
	                 : "rcx", "r11", "memory");
	return cf ? -ret : ret;
#else
	__asm__ volatile("syscall"
	                 : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),
	                   "+r"(r8), "+r"(r9)
	                 :
	                 : "rcx", "r11", "memory", "cc");
	return ret;
#endif
}

#define SC0(n)             raw_syscall6((n), 0, 0, 0, 0, 0, 0)
#define SC1(n, a)          raw_syscall6((n), (long)(a), 0, 0, 0, 0, 0)
#define SC2(n, a, b)       raw_syscall6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define SC3(n, a, b, c)    raw_syscall6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SC4(n, a, b, c, d) raw_syscall6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

/* ------------------------------------------------------------- wrappers */
static inline __attribute__((noreturn)) void sys_exit(int code)
{
#ifdef TARGET_BSD
	SC1(NR_exit, code);
#else
	SC1(NR_exit_group, code);
#endif
	for (;;)
		__asm__ volatile("hlt");
}

static inline long sys_read(int fd, void *buf, size_t n) { return SC3(NR_read, fd, buf, n); }
static inline long sys_write(int fd, const void *buf, size_t n) { return SC3(NR_write, fd, buf, n); }
static inline long sys_open(const char *p, int flags, int mode) { return SC3(NR_open, p, flags, mode); }
static inline long sys_openat(int dfd, const char *p, int flags, int mode) { return SC4(NR_openat, dfd, p, flags, mode); }
static inline long sys_close(int fd) { return SC1(NR_close, fd); }
static inline long sys_unlink(const char *p) { return SC1(NR_unlink, p); }
static inline long sys_chdir(const char *p) { return SC1(NR_chdir, p); }
static inline long sys_getpid(void) { return SC0(NR_getpid); }
static inline long sys_kill(long pid, int sig) { return SC2(NR_kill, pid, sig); }
static inline long sys_readlink(const char *p, char *buf, size_t n) { return SC3(NR_readlink, p, buf, n); }
static inline long sys_rename(const char *a, const char *b) { return SC2(NR_rename, a, b); }
static inline long sys_mkdir(const char *p, int mode) { return SC2(NR_mkdir, p, mode); }
static inline long sys_rmdir(const char *p) { return SC1(NR_rmdir, p); }
#ifdef TARGET_NETBSD
static inline long sys_pread(int fd, void *buf, size_t n, off_t off) { return raw_syscall6(NR_pread, fd, (long)buf, (long)n, 0, off, 0); }
static inline long sys_lseek(int fd, off_t off, int whence) { return SC4(NR_lseek, fd, 0, off, whence); }
static inline long sys_ftruncate(int fd, off_t len) { return SC3(NR_ftruncate, fd, 0, len); }
#else
static inline long sys_pread(int fd, void *buf, size_t n, off_t off) { return SC4(NR_pread, fd, buf, n, off); }
static inline long sys_lseek(int fd, off_t off, int whence) { return SC3(NR_lseek, fd, off, whence); }
static inline long sys_ftruncate(int fd, off_t len) { return SC2(NR_ftruncate, fd, len); }
#endif
static inline long sys_fstat(int fd, struct stat *st) { return SC2(NR_fstat, fd, st); }
static inline long sys_munmap(void *a, size_t n) { return SC2(NR_munmap, a, n); }
static inline long sys_mprotect(void *a, size_t n, int prot) { return SC3(NR_mprotect, a, n, prot); }
static inline long sys_clock_gettime(int clk, struct timespec *ts) { return SC2(NR_clock_gettime, clk, ts); }
static inline long sys_gettimeofday(struct timeval *tv, void *tz) { return SC2(NR_gettimeofday, tv, tz); }
static inline long sys_nanosleep(const struct timespec *req, struct timespec *rem) { return SC2(NR_nanosleep, req, rem); }
static inline long sys_pipe2(int fds[2], int flags) { return SC2(NR_pipe2, fds, flags); }

/* Returns the address, or -errno (test with MAP_FAILED_P). */
static inline void *sys_mmap(void *a, size_t n, int prot, int flags, int fd, off_t off)
{
#ifdef TARGET_NETBSD
	/* The offset is the seventh argument, on the stack: not reachable
	 * through raw_syscall6, so only offset 0 is supported here. */
	if (off)
		return (void *)-22L;
	return (void *)raw_syscall6(NR_mmap, (long)a, (long)n, prot, flags, fd, 0);
#else
	return (void *)raw_syscall6(NR_mmap, (long)a, (long)n, prot, flags, fd, off);
#endif
}

/* Read directory entries: FreeBSD getdirentries(2), Linux getdents64(2).
 * Either way the buffer holds records starting with struct dirent_hdr. */
static inline long sys_getdents(int fd, void *buf, size_t n)
{
#ifdef TARGET_FREEBSD
	return SC4(NR_getdirentries, fd, buf, n, 0);
#elif defined(TARGET_NETBSD)
	return SC3(NR_getdents, fd, buf, n);
#else
	return SC3(NR_getdents64, fd, buf, n);
#endif
}

/* Set a signal to SIG_IGN or SIG_DFL (no handler functions: a handler would
 * need a per-OS trampoline). */
static inline long sys_signal_disposition(int sig, void *disp)
{
	struct k_sigaction act = {0};
	act.handler = disp;
#ifdef TARGET_FREEBSD
	return SC3(NR_sigaction, sig, &act, 0);
#elif defined(TARGET_NETBSD)
	return SC4(NR_sigaction, sig, &act, 0, 0);   /* no trampoline: no handler */
#else
	return SC4(NR_rt_sigaction, sig, &act, 0, 8);
#endif
}

/* --------------------------------------------------------------- errno */
struct errname { int num; const char *name; };

static inline const char *errno_name(long err)
{
	static const struct errname tab[] = {
		{1, "EPERM"}, {2, "ENOENT"}, {3, "ESRCH"}, {4, "EINTR"},
		{5, "EIO"}, {6, "ENXIO"}, {7, "E2BIG"}, {8, "ENOEXEC"},
		{9, "EBADF"}, {10, "ECHILD"}, {12, "ENOMEM"}, {13, "EACCES"},
		{14, "EFAULT"}, {16, "EBUSY"}, {17, "EEXIST"}, {18, "EXDEV"},
		{19, "ENODEV"}, {20, "ENOTDIR"}, {21, "EISDIR"}, {22, "EINVAL"},
		{23, "ENFILE"}, {24, "EMFILE"}, {25, "ENOTTY"}, {26, "ETXTBSY"},
		{27, "EFBIG"}, {28, "ENOSPC"}, {29, "ESPIPE"}, {30, "EROFS"},
		{31, "EMLINK"}, {32, "EPIPE"}, {33, "EDOM"}, {34, "ERANGE"},
#ifdef TARGET_BSD      /* FreeBSD and NetBSD agree on these */
		{11, "EDEADLK"}, {35, "EAGAIN"}, {36, "EINPROGRESS"},
		{45, "EOPNOTSUPP"}, {60, "ETIMEDOUT"}, {61, "ECONNREFUSED"},
		{62, "ELOOP"}, {63, "ENAMETOOLONG"}, {66, "ENOTEMPTY"},
		{78, "ENOSYS"}, {42, "ENOPROTOOPT"},
#else
		{11, "EAGAIN"}, {35, "EDEADLK"}, {36, "ENAMETOOLONG"},
		{38, "ENOSYS"}, {39, "ENOTEMPTY"}, {40, "ELOOP"},
		{95, "EOPNOTSUPP"}, {110, "ETIMEDOUT"}, {111, "ECONNREFUSED"},
		{115, "EINPROGRESS"}, {92, "ENOPROTOOPT"},
#endif
	};
	if (err < 0)
		err = -err;
	for (unsigned i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (tab[i].num == err)
			return tab[i].name;
	return "E?";
}

/* -------------------------------------------------------------- helpers */
static inline size_t str_len(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static inline int str_cmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

static inline int str_ncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			return 0;
	}
	return 0;
}

/* Copy src to dst (capacity cap, always NUL-terminated); returns dst. */
static inline char *str_cpy(char *dst, const char *src, size_t cap)
{
	size_t i = 0;
	for (; i + 1 < cap && src[i]; i++)
		dst[i] = src[i];
	dst[i] = 0;
	return dst;
}

/* dst = a "/" b */
static inline char *path_join(char *dst, size_t cap, const char *a, const char *b)
{
	size_t i = 0;
	for (; *a && i + 1 < cap; a++)
		dst[i++] = *a;
	if (i + 1 < cap)
		dst[i++] = '/';
	for (; *b && i + 1 < cap; b++)
		dst[i++] = *b;
	dst[i] = 0;
	return dst;
}

static inline void put_fd(int fd, const char *s) { sys_write(fd, s, str_len(s)); }
static inline void put_str(const char *s) { put_fd(1, s); }
static inline void put_err(const char *s) { put_fd(2, s); }

static inline void put_num_fd(int fd, long v)
{
	char buf[24];
	int i = sizeof buf;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	do {
		buf[--i] = '0' + u % 10;
		u /= 10;
	} while (u);
	if (v < 0)
		buf[--i] = '-';
	sys_write(fd, buf + i, sizeof buf - i);
}
static inline void put_num(long v) { put_num_fd(1, v); }

static inline void put_hex(unsigned long v)
{
	char buf[18];
	int i = sizeof buf;
	do {
		buf[--i] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	sys_write(1, buf + i, sizeof buf - i);
}

/* "label=value\n" */
static inline void put_kv(const char *k, long v)
{
	put_str(k);
	put_str("=");
	put_num(v);
	put_str("\n");
}

/* "label: OK\n" or "label: ENAME\n" for a syscall result. */
static inline void put_result(const char *label, long r)
{
	put_str(label);
	put_str(": ");
	put_str(r < 0 ? errno_name(r) : "OK");
	put_str("\n");
}

/* Print a failure to stderr and exit 1. */
static inline __attribute__((noreturn)) void die(const char *what, long r)
{
	put_err("FAIL ");
	put_err(what);
	put_err(": ");
	put_err(errno_name(r));
	put_err(" (");
	put_num_fd(2, r);
	put_err(")\n");
	sys_exit(1);
}

/* Die unless r >= 0; returns r. */
static inline long check(const char *what, long r)
{
	if (r < 0)
		die(what, r);
	return r;
}

/* mem.c */
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

int main(int argc, char **argv, char **envp);

#endif
