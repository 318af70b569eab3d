/* fdspace: the program owns its whole descriptor space, up to its
 * RLIMIT_NOFILE, and sees nothing else.
 *
 * fdspace (no argument):
 *  - three rounds of 600 pipes (numbers past 900, where persona used to keep
 *    its own descriptors), closed with close(2), closefrom(2) and
 *    close_range(2): the numbering starts at the same place each round, so
 *    nothing leaks;
 *  - dup2 onto 1000, and close of it;
 *  - knotes of a descriptor at 1500 go when it is closed by close, dup2 or
 *    close_range (FreeBSD build; the Linux build prints FreeBSD's answers);
 *  - with the soft limit lowered, pipe2 fails with EMFILE exactly at the
 *    limit, dup2 onto it with EBADF and F_DUPFD with EINVAL;
 *  - getrlimit reports what the program was given.
 * fdspace hidden:
 *  - every number the program did not open, up to 64 Ki past its hard limit
 *    (persona keeps its descriptors at the top of the limit or past it), is
 *    EBADF for fcntl(F_GETFD), write and fstat, and POLLNVAL for poll.
 *
 * It starts with closefrom(3), so the numbers it prints do not depend on
 * what it inherited.  The FreeBSD build also holds a kqueue with a user
 * event and a timer (persona backs those with descriptors of its own); the
 * Linux build holds a placeholder descriptor in the kqueue's place. */
#include "sys.h"

#ifdef TARGET_FREEBSD
#define NR_dup2        90
#define NR_fcntl       92
#define NR_getrlimit   194
#define NR_setrlimit   195
#define NR_poll        209
#define NR_kqueue      362
#define NR_closefrom   509
#define NR_kevent      560
#define NR_close_range 575
#define RLIMIT_NOFILE  8
#else
#define NR_poll        7
#define NR_dup2        33
#define NR_fcntl       72
#define NR_getrlimit   97
#define NR_setrlimit   160
#define NR_close_range 436
#define RLIMIT_NOFILE  7
#endif
#define F_DUPFD  0
#define F_GETFD  1
#define POLLIN   0x0001
#define POLLNVAL 0x0020

#define NPIPES  600
#define PROBE   65536

struct rlim { u64 cur, max; };
struct pollfd { int fd; short events, revents; };

static long sys_dup2(int a, int b) { return SC2(NR_dup2, a, b); }
static long sys_fcntl(int fd, int cmd, long arg) { return SC3(NR_fcntl, fd, cmd, arg); }
static long sys_getrlimit(struct rlim *r) { return SC2(NR_getrlimit, RLIMIT_NOFILE, r); }
static long sys_setrlimit(const struct rlim *r) { return SC2(NR_setrlimit, RLIMIT_NOFILE, r); }
static long sys_poll(struct pollfd *p, unsigned n, int ms) { return SC3(NR_poll, p, n, ms); }
static long sys_close_range(unsigned lo, unsigned hi) { return SC3(NR_close_range, lo, hi, 0); }
static long sys_closefrom(int lo)
{
#ifdef TARGET_FREEBSD
	return SC1(NR_closefrom, lo);
#else
	return sys_close_range((unsigned)lo, ~0u);
#endif
}

#ifdef TARGET_FREEBSD
struct kevent {                 /* FreeBSD 12+ struct kevent */
	u64 ident;
	short filter;
	u16 flags;
	u32 fflags;
	long data;
	void *udata;
	u64 ext[4];
};
#define EVFILT_TIMER (-7)
#define EVFILT_USER  (-11)
#define EV_ADD       0x0001
#define NOTE_TRIGGER 0x01000000

/* A kqueue with a user event and a periodic timer. */
static int hold_kqueue(void)
{
	int kq = (int)check("kqueue", SC0(NR_kqueue));
	struct kevent ch[2];
	memset(ch, 0, sizeof ch);
	ch[0].ident = 1;
	ch[0].filter = EVFILT_USER;
	ch[0].flags = EV_ADD;
	ch[1].ident = 2;
	ch[1].filter = EVFILT_TIMER;
	ch[1].flags = EV_ADD;
	ch[1].data = 1000;
	check("kevent add", raw_syscall6(NR_kevent, kq, (long)ch, 2, 0, 0, 0));
	ch[0].flags = 0;
	ch[0].fflags = NOTE_TRIGGER;
	check("kevent trigger", raw_syscall6(NR_kevent, kq, (long)ch, 1, 0, 0, 0));
	return kq;
}
#define EVFILT_READ  (-1)
#define EV_DELETE    0x0002

static long kev_ctl(int kq, int ident, short filter, u16 flags)
{
	struct kevent ch;
	memset(&ch, 0, sizeof ch);
	ch.ident = (u64)ident;
	ch.filter = filter;
	ch.flags = flags;
	return raw_syscall6(NR_kevent, kq, (long)&ch, 1, 0, 0, 0);
}

/* FreeBSD drops a descriptor's knotes when it is closed, however it is
 * closed: a new descriptor on the same number has none. */
static void knotes_go_with_close(void)
{
	int kq = (int)check("kqueue", SC0(NR_kqueue));
	int p[2];
	check("pipe2", sys_pipe2(p, O_CLOEXEC));
	static const char *const how[3] = { "close", "dup2 over it", "close_range" };
	for (int i = 0; i < 3; i++) {
		check("dup2", sys_dup2(p[0], 1500));
		check("EV_ADD", kev_ctl(kq, 1500, EVFILT_READ, EV_ADD));
		if (i == 0)
			check("close", sys_close(1500));
		else if (i == 2)
			check("close_range", sys_close_range(1400, ~0u));
		/* The same pipe again: epoll would still know the old one. */
		check("dup2", sys_dup2(p[0], 1500));
		put_str("knote of 1500 after ");
		put_str(how[i]);
		put_result(", EV_DELETE", kev_ctl(kq, 1500, EVFILT_READ, EV_DELETE));
	}
	sys_close(1500);
	sys_close(p[0]);
	sys_close(p[1]);
	sys_close(kq);
}
#else
static int hold_kqueue(void) { return (int)check("placeholder", sys_fcntl(0, F_DUPFD, 0)); }

/* The Linux build has no kqueue: it prints what FreeBSD answers. */
static void knotes_go_with_close(void)
{
	put_str("knote of 1500 after close, EV_DELETE: ENOENT\n");
	put_str("knote of 1500 after dup2 over it, EV_DELETE: ENOENT\n");
	put_str("knote of 1500 after close_range, EV_DELETE: ENOENT\n");
}
#endif

static int pipes[2 * NPIPES];

/* 600 pipes from `first` on, numbered as the lowest free ones. */
static long open_pipes(int first)
{
	for (int i = 0; i < NPIPES; i++) {
		check("pipe2", sys_pipe2(&pipes[2 * i], O_CLOEXEC));
		if (pipes[2 * i] != first + 2 * i || pipes[2 * i + 1] != first + 2 * i + 1) {
			put_str("pipe ");
			put_num(i);
			put_str(" got ");
			put_num(pipes[2 * i]);
			put_str(",");
			put_num(pipes[2 * i + 1]);
			put_str("\n");
			return -1;
		}
	}
	return pipes[2 * NPIPES - 1];
}

/* How many of lo..hi answer F_GETFD. */
static long count_open(int lo, int hi)
{
	long n = 0;
	for (int fd = lo; fd <= hi; fd++)
		if (sys_fcntl(fd, F_GETFD, 0) >= 0)
			n++;
	return n;
}

static void rounds(int first)
{
	static const char *const how[3] = { "close", "closefrom", "close_range" };
	for (int r = 0; r < 3; r++) {
		long last = open_pipes(first);
		if (last < 0)
			sys_exit(1);
		put_str("round ");
		put_num(r + 1);
		put_str(": fds ");
		put_num(first);
		put_str("..");
		put_num(last);
		put_str(", closed with ");
		put_str(how[r]);
		if (r == 0) {
			for (int i = 0; i < 2 * NPIPES; i++)
				check("close", sys_close(pipes[i]));
		} else if (r == 1) {
			check("closefrom", sys_closefrom(first));
		} else {
			check("close_range", sys_close_range((unsigned)first, ~0u));
		}
		put_kv(", still open", count_open(first, (int)last));
	}
	long next = check("F_DUPFD", sys_fcntl(0, F_DUPFD, 0));
	put_kv("next free after the rounds", next);
	sys_close((int)next);
}

static void dup2_high(void)
{
	put_kv("dup2 onto 1000", sys_dup2(0, 1000));
	put_kv("F_GETFD 1000", sys_fcntl(1000, F_GETFD, 0));
	put_result("close 1000", sys_close(1000));
	put_result("F_GETFD 1000 after close", sys_fcntl(1000, F_GETFD, 0));
	put_result("close 1000 again", sys_close(1000));
}

/* Numbers lo..hi: none is open, none can be written or fstat'ed. */
static void probe(const char *what, int lo, int hi)
{
	long open = 0, written = 0, stated = 0, other = 0;
	struct stat st;
	for (int fd = lo; fd <= hi; fd++) {
		long r = sys_fcntl(fd, F_GETFD, 0);
		if (r >= 0)
			open++;
		else if (r != -9)
			other++;
		r = sys_write(fd, "", 0);
		if (r >= 0)
			written++;
		else if (r != -9)
			other++;
		r = sys_fstat(fd, &st);
		if (r >= 0)
			stated++;
		else if (r != -9)
			other++;
	}
	put_str("probe ");
	put_str(what);
	put_str(": open=");
	put_num(open);
	put_str(" written=");
	put_num(written);
	put_str(" fstat=");
	put_num(stated);
	put_kv(" not-EBADF", other);
}

static void poll_high(int lo)
{
	struct pollfd p[64];
	for (int i = 0; i < 64; i++) {
		p[i].fd = lo + i;
		p[i].events = POLLIN;
		p[i].revents = 0;
	}
	long r = sys_poll(p, 64, 0);
	long nval = 0;
	for (int i = 0; i < 64; i++)
		if (p[i].revents == POLLNVAL)
			nval++;
	put_str("poll 64 past the hard limit: ");
	put_num(r);
	put_kv(" ready, POLLNVAL", nval);
}

static void low_limit(int first, const struct rlim *was)
{
	struct rlim lim = { (u64)first + 10, was->max };
	check("setrlimit", sys_setrlimit(&lim));
	struct rlim now;
	check("getrlimit", sys_getrlimit(&now));
	put_str("soft limit lowered to first+10: ");
	put_str(now.cur == lim.cur && now.max == was->max ? "ok" : "wrong");
	put_str("\n");
	long n = 0, r;
	int p[2];
	while ((r = sys_pipe2(p, O_CLOEXEC)) >= 0)
		n++;
	put_str("pipes under it: ");
	put_num(n);
	put_str(", then ");
	put_str(errno_name(r));
	put_str("\n");
	put_result("dup2 onto the limit", sys_dup2(0, first + 10));
	put_result("F_DUPFD at the limit", sys_fcntl(0, F_DUPFD, first + 10));
	check("close", sys_close(first + 5));
	put_kv("F_DUPFD from first+3, with first+5 free", sys_fcntl(0, F_DUPFD, first + 3) - first);
	check("closefrom", sys_closefrom(first));
	check("setrlimit back", sys_setrlimit(was));
}

int main(int argc, char **argv, char **envp)
{
	/* Start from a known table: whatever else was inherited goes. */
	check("closefrom 3", sys_closefrom(3));
	struct rlim lim;
	check("getrlimit", sys_getrlimit(&lim));
	put_str("RLIMIT_NOFILE: soft=");
	put_num((long)lim.cur);
	put_str(" hard=");
	put_num((long)lim.max);
	put_str("\n");
	if (lim.cur < 2 * NPIPES + 64) {
		if (lim.max < 2 * NPIPES + 64) {
			put_str("hard limit too low for the test\n");
			return 0;
		}
		struct rlim up = { 2 * NPIPES + 64, lim.max };
		check("setrlimit up", sys_setrlimit(&up));
		lim = up;
		put_str("soft limit raised for the test\n");
	}
	int kq = hold_kqueue();
	int first = kq + 1;
	put_kv("first free", first);

	if (argc > 1 && !str_cmp(argv[1], "hidden")) {
		int hard = lim.max > 0x7fff0000 ? 0x7fff0000 : (int)lim.max;
		probe("below the hard limit", first, hard - first > PROBE ? first + PROBE : hard - 1);
		probe("past the hard limit", hard, hard + PROBE);
		poll_high(hard);
	} else {
		rounds(first);
		dup2_high();
		knotes_go_with_close();
		low_limit(first, &lim);
		check("getrlimit", sys_getrlimit(&lim));
		put_kv("soft limit restored", (long)lim.cur);
	}
	sys_close(kq);
	return 0;
}
