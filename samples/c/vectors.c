/* vectors: hostile-argument vectors for every FreeBSD system call persona
 * implements, in the manner of libseccomp's test tables.  Each row of
 * vectors.def names a call, six (seven for sendfile) arguments built from
 * the symbols below (bad pointers, a buffer running into a PROT_NONE page,
 * a read-only page, bad descriptors, bad flags) and the result FreeBSD's
 * kernel gives for them.  This program makes every call and prints one line
 * per row whose answer differs, or a single summary line when none does.
 *
 * Rows are chosen to fail before they have an effect (or to have a harmless
 * one), so the program survives its own table on FreeBSD as under persona.
 * A watchdog (ITIMER_REAL, SIGALRM's default action) ends the program if a
 * row blocks instead of failing.
 *
 * FreeBSD build only: the Linux build prints the summary line it expects,
 * so the e2e comparison checks what persona answers. */
#include "sys.h"

/* ------------------------------------------------------ expectations */
enum expect_kind { EX_ERR, EX_RET, EX_OK, EX_FD, EX_MAP };
struct expect { enum expect_kind kind; long value; };
#define ERR(e) ((struct expect){ EX_ERR, (e) })  /* fails with FreeBSD errno e */
#define RET(v) ((struct expect){ EX_RET, (v) })  /* succeeds, returns exactly v */
#define OK     ((struct expect){ EX_OK, 0 })     /* succeeds, any value */
#define FD     ((struct expect){ EX_FD, 0 })     /* returns a new descriptor (closed again) */
#define MAPPED ((struct expect){ EX_MAP, 0 })    /* returns a mapping (unmapped again) */

/* Every row, counted the same way in both builds. */
enum {
	VECTOR_ROWS = 0
#define V(nr, name, expect, ...) + 1
#define NOVECTOR(nr, name, why)
#include "vectors.def"
#undef V
#undef NOVECTOR
};

#ifdef TARGET_FREEBSD
/* ------------------------------------------------ FreeBSD errno values
 * sys/sys/errno.h */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EBADF 9
#define ECHILD 10
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENOTTY 25
#define ESPIPE 29
#define ERANGE 34
#define EAGAIN 35
#define ENOTSOCK 38
#define EMSGSIZE 40
#define EPROTOTYPE 41
#define ENOPROTOOPT 42
#define EPROTONOSUPPORT 43
#define EOPNOTSUPP 45
#define EAFNOSUPPORT 47
#define ENOTCONN 57
#define ENAMETOOLONG 63
#define ENOSYS 78

static const struct errname fbsd_errnames[] = {
	{EPERM, "EPERM"}, {ENOENT, "ENOENT"}, {ESRCH, "ESRCH"}, {4, "EINTR"},
	{5, "EIO"}, {7, "E2BIG"}, {8, "ENOEXEC"}, {EBADF, "EBADF"},
	{ECHILD, "ECHILD"}, {11, "EDEADLK"}, {ENOMEM, "ENOMEM"},
	{EACCES, "EACCES"}, {EFAULT, "EFAULT"}, {EBUSY, "EBUSY"},
	{EEXIST, "EEXIST"}, {18, "EXDEV"}, {19, "ENODEV"}, {ENOTDIR, "ENOTDIR"},
	{EISDIR, "EISDIR"}, {EINVAL, "EINVAL"}, {23, "ENFILE"}, {24, "EMFILE"},
	{ENOTTY, "ENOTTY"}, {27, "EFBIG"}, {28, "ENOSPC"}, {ESPIPE, "ESPIPE"},
	{30, "EROFS"}, {32, "EPIPE"}, {ERANGE, "ERANGE"}, {EAGAIN, "EAGAIN"},
	{36, "EINPROGRESS"}, {ENOTSOCK, "ENOTSOCK"}, {39, "EDESTADDRREQ"},
	{EMSGSIZE, "EMSGSIZE"}, {EPROTOTYPE, "EPROTOTYPE"},
	{ENOPROTOOPT, "ENOPROTOOPT"}, {EPROTONOSUPPORT, "EPROTONOSUPPORT"},
	{44, "ESOCKTNOSUPPORT"}, {EOPNOTSUPP, "EOPNOTSUPP"},
	{46, "EPFNOSUPPORT"}, {EAFNOSUPPORT, "EAFNOSUPPORT"},
	{48, "EADDRINUSE"}, {49, "EADDRNOTAVAIL"}, {56, "EISCONN"},
	{ENOTCONN, "ENOTCONN"}, {60, "ETIMEDOUT"}, {61, "ECONNREFUSED"},
	{62, "ELOOP"}, {ENAMETOOLONG, "ENAMETOOLONG"}, {66, "ENOTEMPTY"},
	{ENOSYS, "ENOSYS"}, {79, "EFTYPE"}, {84, "EOVERFLOW"},
};

static const char *fbsd_errname(long e)
{
	for (unsigned i = 0; i < sizeof fbsd_errnames / sizeof fbsd_errnames[0]; i++)
		if (fbsd_errnames[i].num == e)
			return fbsd_errnames[i].name;
	return 0;
}

/* ------------------------------------------------- FreeBSD constants
 * (sys/sys/signal.h, fcntl.h, socket.h, mman.h, event.h, umtx.h, wait.h,
 * time.h, resource.h, filio.h, ttycom.h, cpuset.h, procctl.h, mount.h,
 * random.h, unistd.h; machine/sysarch.h) */
#define SIGKILL 9
#define SIGUSR1 30
#define O_NONBLOCK 0x4
#define O_ACCMODE 0x3
#define F_DUPFD 0
#define F_GETFD 1
#define F_GETLK 11
#define F_SETLK 12
#define F_SETLKW 13
#define AF_UNIX 1
#define AF_INET 2
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_CLOEXEC 0x10000000
#define SOCK_NONBLOCK 0x20000000
#define SOL_SOCKET 0xffff
#define SO_REUSEADDR 0x4
#define SO_TYPE 0x1008
#define FIONREAD 0x4004667fL
#define FIONBIO 0x8004667eL
#define TIOCGETA 0x402c7413L
#define MAP_STACK 0x400
#define MAP_GUARD 0x2000
#define MAP_EXCL 0x4000
#define MS_ASYNC 0x1
#define MS_INVALIDATE 0x2
#define MADV_NORMAL 0
#define INHERIT_SHARE 0
#define CLOCK_VIRTUAL 1
#define CLOCK_THREAD_CPUTIME_ID 14
#define TIMER_ABSTIME 0x1
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2
#define RLIMIT_NOFILE 8
#define RUSAGE_SELF 0
#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)
#define EV_ADD 0x1
#define EV_ONESHOT 0x10
#define UMTX_OP_WAIT 2
#define UMTX_OP_WAKE 3
#define UMTX_OP_MUTEX_LOCK 5
#define UMTX_OP_WAIT_UINT 11
#define UMTX_OP_WAIT_UINT_PRIVATE 15
#define UMTX_OP_WAKE_PRIVATE 16
#define UMTX_ABSTIME 1
#define AMD64_GET_FSBASE 128
#define AMD64_SET_FSBASE 129
#define P_PID 0
#define P_ALL 7
#define WNOHANG 1
#define WEXITED 16
#define AT_EACCESS 0x100
#define AT_SYMLINK_NOFOLLOW 0x200
#define AT_REMOVEDIR 0x800
#define AT_BADFLAG 0x40000000 /* no AT_* flag has this bit */
#define CPU_LEVEL_WHICH 3
#define CPU_WHICH_PID 2
#define PROC_PDEATHSIG_CTL 11
#define PROC_PDEATHSIG_STATUS 12
#define MNT_NOWAIT 2
#define GRND_NONBLOCK 0x1
#define CLOSE_RANGE_CLOEXEC (1 << 2)
#define S_IFIFO 0010000
#define CTL_KERN 1
#define KERN_OSTYPE 1
#define SS_DISABLE 0x4
#define UIO_MAXIOV 1024
#define SOCK_MAXADDRLEN 255
#define NOPID 99999999L /* no process or thread has this id */

/* Sizes of FreeBSD/amd64 structures handed to the kernel. */
#define SIZEOF_THR_PARAM 104   /* sys/sys/thr.h */
#define SIZEOF_UMTX_TIME 24    /* sys/sys/umtx.h: struct _umtx_time */
#define SIZEOF_STATFS 2344     /* sys/sys/mount.h */
#define SIZEOF_SIGSET 16

/* -------------------------------------------------------- raw calls
 * Seven arguments: the seventh (only sendfile's flags) goes where the
 * FreeBSD/amd64 kernel fetches it, the word above the return address slot
 * at the top of the user stack (sys/amd64/amd64/trap.c,
 * cpu_fetch_syscall_args). %rbx keeps %rsp across the call. */
static long syscall7(long n, const long *a)
{
	register long r10 __asm__("r10") = a[3];
	register long r8 __asm__("r8") = a[4];
	register long r9 __asm__("r9") = a[5];
	long a1 = a[0], a2 = a[1], a3 = a[2], a7 = a[6];
	long ret = n;
	_Bool cf;
	__asm__ volatile("mov %%rsp, %%rbx\n\t"
	                 "sub $256, %%rsp\n\t" /* past the red zone */
	                 "and $-16, %%rsp\n\t"
	                 "mov %[a7], 8(%%rsp)\n\t"
	                 "syscall\n\t"
	                 "mov %%rbx, %%rsp"
	                 : "+a"(ret), "=@ccc"(cf), "+D"(a1), "+S"(a2), "+d"(a3),
	                   "+r"(r10), "+r"(r8), "+r"(r9)
	                 : [a7] "r"(a7)
	                 : "rbx", "rcx", "r11", "memory");
	return cf ? -ret : ret;
}

/* FreeBSD fork: %rdx is 1 in the child (sys/amd64/amd64/vm_machdep.c). */
static long fork_child_flag(long *is_child)
{
	long ret = 2 /* SYS_fork */, rdx = 0;
	_Bool cf;
	__asm__ volatile("syscall"
	                 : "+a"(ret), "=@ccc"(cf), "+d"(rdx)
	                 :
	                 : "rdi", "rsi", "r8", "r9", "r10", "rcx", "r11", "memory");
	*is_child = rdx;
	return cf ? -ret : ret;
}

/* ------------------------------------------------------- environment */
static struct {
	long buf;       /* 8 KiB, writable, zeroed before each row */
	long guard;     /* 8 bytes of 'g' right before a PROT_NONE page (refilled
	                 * before each row: a faulting copyout may write some) */
	long ro;        /* a read-only page of zeros */
	long file_fd;   /* "vf", a regular file with 64 bytes, O_RDWR */
	long rdonly_fd; /* "vf" again, O_RDONLY */
	long dir_fd;    /* ".", O_DIRECTORY */
	long sock;      /* AF_UNIX stream socket, connected to peer */
	long peer;
	long udp;       /* AF_INET datagram socket, unbound */
	long listen_nb; /* AF_UNIX stream socket, listening, non-blocking, no one calling */
	long pipe_r, pipe_w;
	long kq;
	long uid, gid;
	long tid;
} env;

#define NULLP     0L
#define BADPTR    8L                      /* the first page: never mapped */
#define NONCANON  ((long)0x8000000000000000UL)
#define KERNPTR   ((long)0xffffffff80000000UL)
#define GUARD     env.guard
#define RO        env.ro
#define BUF       env.buf
#define BADFD     1000L
#define NEGFD     (-1L)
#define FILEFD    env.file_fd
#define RDONLYFD  env.rdonly_fd
#define DIRFD     env.dir_fd
#define SOCK      env.sock
#define UDP       env.udp
#define LISTENNB  env.listen_nb
#define PIPE_R    env.pipe_r
#define PIPE_W    env.pipe_w
#define KQ        env.kq
#define MYUID     env.uid
#define MYGID     env.gid
#define MYTID     env.tid
#define MYPID     sys_getpid()
#define S(str)    ((long)(str))
#define UNALIGNED (env.buf + 1)

/* A per-row arena for the structures rows pass (reset before each row). */
static char arena[4096] __attribute__((aligned(16)));
static unsigned arena_used;

static void *arena_alloc(unsigned n)
{
	void *p = arena + arena_used;
	arena_used += (n + 15) & ~15u;
	memset(p, 0, n);
	return p;
}

static long ts(long sec, long nsec)
{
	long *t = arena_alloc(16);
	t[0] = sec;
	t[1] = nsec;
	return (long)t;
}
#define tv ts /* struct timeval has the same shape */

/* struct itimerval: interval, then value */
static long itv(long sec, long usec)
{
	long *t = arena_alloc(32);
	t[2] = sec;
	t[3] = usec;
	return (long)t;
}

static long rlim(long cur, long max)
{
	long *r = arena_alloc(16);
	r[0] = cur;
	r[1] = max;
	return (long)r;
}

static long int32p(int v)
{
	int *p = arena_alloc(4);
	*p = v;
	return (long)p;
}

static long longp(long v)
{
	long *p = arena_alloc(8);
	*p = v;
	return (long)p;
}

static long iov(long base, long len)
{
	long *v = arena_alloc(16);
	v[0] = base;
	v[1] = len;
	return (long)v;
}

/* struct msghdr (sys/sys/socket.h): name, namelen, iov, iovlen, control,
 * controllen, flags */
static long msg(long name, int namelen, long iovp, int iovlen, long control, int controllen)
{
	char *m = arena_alloc(48);
	*(long *)(m + 0) = name;
	*(int *)(m + 8) = namelen;
	*(long *)(m + 16) = iovp;
	*(int *)(m + 24) = iovlen;
	*(long *)(m + 32) = control;
	*(int *)(m + 40) = controllen;
	return (long)m;
}

/* struct sigaction: handler, flags, mask */
static long act(long handler)
{
	long *a = arena_alloc(32);
	a[0] = handler;
	return (long)a;
}

/* stack_t: sp, size, flags */
static long stk(long sp, long size, int flags)
{
	char *s = arena_alloc(24);
	*(long *)s = sp;
	*(long *)(s + 8) = size;
	*(int *)(s + 16) = flags;
	return (long)s;
}

/* struct kevent (FreeBSD 12+, 64 bytes) and struct kevent_freebsd11 (32) */
static long kev(long ident, int filter, int flags)
{
	char *k = arena_alloc(64);
	*(long *)k = ident;
	*(short *)(k + 8) = (short)filter;
	*(unsigned short *)(k + 10) = (unsigned short)flags;
	return (long)k;
}
static long kev11(long ident, int filter, int flags)
{
	char *k = arena_alloc(32);
	*(long *)k = ident;
	*(short *)(k + 8) = (short)filter;
	*(unsigned short *)(k + 10) = (unsigned short)flags;
	return (long)k;
}

/* struct sockaddr_in for 127.0.0.1:port, sin_len set */
static long sin_lo(int port)
{
	u8 *s = arena_alloc(16);
	s[0] = 16;
	s[1] = AF_INET;
	s[2] = (u8)(port >> 8);
	s[3] = (u8)port;
	s[4] = 127;
	s[7] = 1;
	return (long)s;
}

static long pollfd(int fd, short events)
{
	char *p = arena_alloc(8);
	*(int *)p = fd;
	*(short *)(p + 4) = events;
	return (long)p;
}

/* An fd_set (in BUF) with just bit n set. */
static long fdset_bit(int n)
{
	u64 *set = (u64 *)env.buf;
	set[n / 64] |= 1UL << (n % 64);
	return (long)set;
}

static long mib2(int a, int b)
{
	int *m = arena_alloc(8);
	m[0] = a;
	m[1] = b;
	return (long)m;
}

/* A fresh, private, writable page the row may unmap or change. */
static long scratch_page(void)
{
	return (long)sys_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
}

/* An address where nothing is mapped. */
static long hole(void)
{
	long p = scratch_page();
	sys_munmap((void *)p, 4096);
	return p;
}

/* The connected socket with a byte waiting, so reads fail on their
 * arguments rather than block. */
static long sock_with_data(void)
{
	sys_write((int)env.peer, "d", 1);
	return env.sock;
}

/* A child that exits at once: its pid, for a wait that must reap it. */
static long exited_child(void)
{
	long is_child = 0;
	long pid = fork_child_flag(&is_child);
	if (pid >= 0 && is_child)
		sys_exit(0);
	return pid;
}

/* The calling process made a process group leader: setsid then fails. */
static long leader_first(void)
{
	SC2(82 /* setpgid */, 0, 0);
	return 0;
}

/* A pid that never was a child of ours. */
#define NOTCHILD NOPID

/* -------------------------------------------------------- the checks */
static int out_fd = 1;

static void put_result_value(long r)
{
	const char *name;
	if (r < 0 && (name = fbsd_errname(-r)))
		put_fd(out_fd, name);
	else if (r < 0) {
		put_fd(out_fd, "errno ");
		put_num_fd(out_fd, -r);
	} else
		put_num_fd(out_fd, r);
}

static void put_expect(struct expect e)
{
	switch (e.kind) {
	case EX_ERR: put_fd(out_fd, fbsd_errname(e.value) ? fbsd_errname(e.value) : "E?"); break;
	case EX_RET: put_num_fd(out_fd, e.value); break;
	case EX_OK: put_fd(out_fd, "success"); break;
	case EX_FD: put_fd(out_fd, "a descriptor"); break;
	case EX_MAP: put_fd(out_fd, "a mapping"); break;
	}
}

static int mismatches;

static void check_row(long nr, const char *name, const char *args, struct expect e, const long *a)
{
	long r = syscall7(nr, a);
	int ok;
	switch (e.kind) {
	case EX_ERR: ok = r == -e.value; break;
	case EX_RET: ok = r == e.value; break;
	default: ok = r >= 0; break;
	}
	if (e.kind == EX_FD && r >= 0)
		sys_close((int)r);
	if (e.kind == EX_MAP && r >= 0)
		sys_munmap((void *)(r & ~4095L), 4096); /* rows map at most a page */
	if (ok)
		return;
	mismatches++;
	put_fd(out_fd, "vectors: ");
	put_fd(out_fd, name);
	put_fd(out_fd, "(");
	put_fd(out_fd, args);
	put_fd(out_fd, ") = ");
	put_result_value(r);
	put_fd(out_fd, ", FreeBSD gives ");
	put_expect(e);
	put_fd(out_fd, "\n");
}

static void run_rows(void)
{
#define V(nr, name, expect, ...)                                   \
	do {                                                       \
		arena_used = 0;                                    \
		memset((void *)env.buf, 0, 8192);                  \
		memset((void *)env.guard, 'g', 8);                 \
		check_row(nr, #name, #__VA_ARGS__, expect,         \
		          (const long[7]){ __VA_ARGS__ });         \
	} while (0);
#define NOVECTOR(nr, name, why)
#include "vectors.def"
#undef V
#undef NOVECTOR
}

static void setup(void)
{
	/* BUF: two pages; then a page whose last 8 bytes are GUARD, then a
	 * PROT_NONE page. */
	char *area = sys_mmap(0, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (MAP_FAILED_P(area))
		die("mmap", (long)area);
	env.buf = (long)area;
	check("mprotect guard", sys_mprotect(area + 3 * 4096, 4096, PROT_NONE));
	memset(area + 3 * 4096 - 8, 'g', 8);
	env.guard = (long)area + 3 * 4096 - 8;
	char *ro = sys_mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (MAP_FAILED_P(ro))
		die("mmap ro", (long)ro);
	env.ro = (long)ro;

	env.file_fd = check("open vf", sys_open("vf", O_RDWR | O_CREAT | O_TRUNC, 0644));
	check("write vf", sys_write((int)env.file_fd, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 64));
	env.rdonly_fd = check("open vf ro", sys_open("vf", O_RDONLY, 0));
	env.dir_fd = check("open .", sys_open(".", O_RDONLY | O_DIRECTORY, 0));
	check("symlink vl", SC2(57, "vf", "vl"));

	int sv[2];
	check("socketpair", SC4(135, AF_UNIX, SOCK_STREAM, 0, sv));
	env.sock = sv[0];
	env.peer = sv[1];
	env.udp = check("socket udp", SC3(97, AF_INET, SOCK_DGRAM, 0));
	env.listen_nb = check("socket listen", SC3(97, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
	{
		char *sun = arena_alloc(106);
		sun[0] = 106;
		sun[1] = AF_UNIX;
		str_cpy(sun + 2, "vs", 104);
		check("bind vs", SC3(104, env.listen_nb, sun, 106));
		check("listen vs", SC2(106, env.listen_nb, 5));
	}
	int pfd[2];
	check("pipe2", sys_pipe2(pfd, 0));
	env.pipe_r = pfd[0];
	env.pipe_w = pfd[1];
	env.kq = check("kqueue", SC0(362));
	env.uid = SC0(24);
	env.gid = SC0(47);
	check("thr_self", SC1(432, &env.tid));
	SC1(60 /* umask */, 022);

	/* The watchdog: a blocked row ends the program with SIGALRM. */
	long watchdog[4] = { 0, 0, 60, 0 };
	check("setitimer", SC3(83, ITIMER_REAL, watchdog, 0));
}

static void cleanup(void)
{
	sys_unlink("vf");
	sys_unlink("vl");
	sys_unlink("vs");
}
#endif /* TARGET_FREEBSD */

int main(int argc, char **argv, char **envp)
{
#ifdef TARGET_FREEBSD
	/* Rows close and duplicate descriptors: report on a copy of stdout. */
	out_fd = (int)SC3(92 /* fcntl */, 1, F_DUPFD, 900);
	if (out_fd < 0)
		die("fcntl", out_fd);
	setup();
	run_rows();
	cleanup();
	if (mismatches)
		return 1;
#endif
	put_str("vectors: ");
	put_num(VECTOR_ROWS);
	put_str(" rows, all as FreeBSD answers\n");
	return 0;
}
