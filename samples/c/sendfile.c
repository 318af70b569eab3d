/*
 * sendfile.c DIR — FreeBSD sendfile(2) into a UNIX-domain stream socket:
 * whole file, a range, headers and trailers (struct sf_hdtr), *sbytes on a
 * non-blocking socket's partial send (EAGAIN), the file offset left alone,
 * a peer that has gone (EPIPE, and no SIGPIPE: FreeBSD queues file data
 * without raising it), and the argument checks.
 *
 * The FreeBSD build makes the real call (393; the seventh argument, flags,
 * on the stack).  The Linux build has no such call: it does what FreeBSD's
 * does with fstat, writev and Linux sendfile(2), with SIGPIPE ignored, so
 * both print the same lines.
 */
#include "sys.h"

struct iovec { const void *base; size_t len; };
struct sf_hdtr {                 /* FreeBSD sys/sys/socket.h */
	struct iovec *headers;
	int hdr_cnt;
	struct iovec *trailers;
	int trl_cnt;
};

#define AF_UNIX     1
#define SOCK_STREAM 1
#define SOCK_DGRAM  2
#define F_GETFL     3
#define F_SETFL     4
#ifdef TARGET_FREEBSD
#define NR_sendfile   393
#define NR_socketpair 135
#define NR_writev     121
#define NR_fcntl      92
#define O_NONBLOCK    0x4
#define E_NOTSOCK     38
#define E_NOTCONN     57
#define E_AGAIN       35
#else
#define NR_sendfile   40
#define NR_socketpair 53
#define NR_writev     20
#define NR_fcntl      72
#define NR_getsockopt 55
#define O_NONBLOCK    0x800
#define E_NOTSOCK     88
#define E_NOTCONN     107
#define E_AGAIN       11
#endif
#define E_BADF  9
#define E_INVAL 22
#define E_PIPE  32

static const char *err_name(long r)
{
	if (r >= 0)
		return "OK";
	switch (-r) {
	case E_NOTSOCK: return "ENOTSOCK";
	case E_NOTCONN: return "ENOTCONN";
	case E_AGAIN: return "EAGAIN";
	case E_PIPE: return "EPIPE";
	default: return errno_name(r);
	}
}

static long sys_socketpair(int d, int t, int p, int sv[2]) { return SC4(NR_socketpair, d, t, p, sv); }
static long sys_fcntl(int fd, int cmd, long arg) { return SC3(NR_fcntl, fd, cmd, arg); }

#ifdef TARGET_FREEBSD
static long fsendfile(int fd, int s, off_t off, size_t n, struct sf_hdtr *h, off_t *sbytes)
{
	/* Arguments 1-6 in registers, the seventh (flags) at 8(%rsp) when
	 * `syscall` runs; step over the red zone first. */
	register long r10 __asm__("r10") = (long)n;
	register long r8 __asm__("r8") = (long)h;
	register long r9 __asm__("r9") = (long)sbytes;
	long ret = NR_sendfile, flags = 0;
	long a1 = fd, a2 = s, a3 = off;
	_Bool cf;
	__asm__ volatile("sub $144, %%rsp\n\t"
	                 "mov %[fl], 8(%%rsp)\n\t"
	                 "syscall\n\t"
	                 "lea 144(%%rsp), %%rsp"
	                 : "+a"(ret), "=@ccc"(cf), "+D"(a1), "+S"(a2), "+d"(a3),
	                   "+r"(r10), "+r"(r8), "+r"(r9)
	                 : [fl] "r"(flags)
	                 : "rcx", "r11", "memory");
	return cf ? -ret : ret;
}
#else
static long writev_all(int s, const struct iovec *v, int n, off_t *sent)
{
	for (int i = 0; i < n; i++) {
		const char *p = v[i].base;
		size_t left = v[i].len;
		while (left) {
			long r = sys_write(s, p, left);
			if (r < 0)
				return r;
			*sent += r;
			p += r;
			left -= r;
		}
	}
	return 0;
}

/* What FreeBSD's sendfile does, from Linux calls. */
static long fsendfile(int fd, int s, off_t off, size_t n, struct sf_hdtr *h, off_t *sbytes)
{
	struct stat st;
	off_t sent = 0;
	long r, fl, type = 0, tl = sizeof(int);
	if (off < 0)
		return -E_INVAL;
	fl = sys_fcntl(fd, F_GETFL, 0);
	if (fl < 0 || (fl & 3) == O_WRONLY)
		return -E_BADF;
	if ((r = sys_fstat(fd, &st)) < 0)
		goto out;
	if ((st.st_mode & S_IFMT) != S_IFREG) {
		r = -E_INVAL;
		goto out;
	}
	struct stat sst;
	if ((r = sys_fstat(s, &sst)) < 0)
		goto out;
	if ((sst.st_mode & S_IFMT) != 0140000) {
		r = -E_NOTSOCK;
		goto out;
	}
	raw_syscall6(NR_getsockopt, s, 1 /* SOL_SOCKET */, 3 /* SO_TYPE */, (long)&type, (long)&tl, 0);
	if ((int)type != SOCK_STREAM) {
		r = -E_INVAL;
		goto out;
	}
	off_t rem = st.st_size > off ? st.st_size - off : 0;
	if (n && (off_t)n < rem)
		rem = n;
	if (h && h->headers && (r = writev_all(s, h->headers, h->hdr_cnt, &sent)) < 0)
		goto out;
	while (rem > 0) {
		r = SC4(NR_sendfile, s, fd, &off, rem);
		if (r < 0)
			goto out;
		if (r == 0)
			break;
		sent += r;
		rem -= r;
	}
	r = 0;
	if (h && h->trailers) {
		r = SC3(NR_writev, s, h->trailers, h->trl_cnt);
		if (r >= 0) {
			sent += r;
			r = 0;
		}
	}
out:
	if (sbytes)
		*sbytes = sent;
	return r;
}
#endif

static char chunk[65536];

static void fill(char *p, size_t n, off_t start)
{
	for (size_t i = 0; i < n; i++)
		p[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[(start + i) % 36];
}

/* Read exactly n bytes (or what is there until EOF) from fd. */
static long read_n(int fd, char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		long r = sys_read(fd, buf + got, n - got);
		if (r <= 0)
			return r < 0 ? r : (long)got;
		got += r;
	}
	return got;
}

static void show(const char *label, long r, off_t sbytes)
{
	put_str(label);
	put_str(": ");
	put_str(err_name(r));
	put_str(" sbytes=");
	put_num(sbytes);
	put_str("\n");
}

int main(int argc, char **argv, char **envp)
{
	char path[1024], buf[256];
	int sv[2], dg[2], pfd[2];
	off_t sb;
	long r;

	if (argc != 2) {
		put_err("usage: sendfile DIR\n");
		return 2;
	}
#ifdef TARGET_LINUX
	sys_signal_disposition(SIGPIPE, SIG_IGN);   /* FreeBSD raises none here */
#endif
	path_join(path, sizeof path, argv[1], "sendfile.tmp");
	int fd = check("open", sys_open(path, O_CREAT | O_RDWR | O_TRUNC, 0644));
	fill(chunk, 100, 0);
	check("write", sys_write(fd, chunk, 100));
	check("socketpair", sys_socketpair(AF_UNIX, SOCK_STREAM, 0, sv));

	/* the whole file: nbytes 0 means up to the end */
	sb = -1;
	r = fsendfile(fd, sv[0], 0, 0, NULL, &sb);
	show("whole", r, sb);
	r = read_n(sv[1], buf, sb > 0 ? sb : 0);
	put_str("whole-data=");
	sys_write(1, buf, r > 0 ? r : 0);
	put_str("\n");
	put_kv("offset-unchanged", sys_lseek(fd, 0, SEEK_CUR) == 100);

	/* a range */
	r = fsendfile(fd, sv[0], 10, 20, NULL, &sb);
	show("range", r, sb);
	r = read_n(sv[1], buf, sb > 0 ? sb : 0);
	put_str("range-data=");
	sys_write(1, buf, r > 0 ? r : 0);
	put_str("\n");

	/* headers and trailers, counted in sbytes */
	struct iovec hdr[2] = { { "HDR:", 4 }, { "[", 1 } };
	struct iovec trl[2] = { { "]", 1 }, { ":TRL", 4 } };
	struct sf_hdtr ht = { hdr, 2, trl, 2 };
	r = fsendfile(fd, sv[0], 90, 0, &ht, &sb);
	show("hdtr", r, sb);
	r = read_n(sv[1], buf, sb > 0 ? sb : 0);
	put_str("hdtr-data=");
	sys_write(1, buf, r > 0 ? r : 0);
	put_str("\n");

	/* offset at the end of the file: nothing to send, success */
	r = fsendfile(fd, sv[0], 100, 0, NULL, &sb);
	show("at-eof", r, sb);
	r = fsendfile(fd, sv[0], 500, 7, NULL, &sb);
	show("past-eof", r, sb);
	/* no sbytes pointer */
	r = fsendfile(fd, sv[0], 0, 3, NULL, NULL);
	put_result("no-sbytes", r);
	read_n(sv[1], buf, 3);

	/* a big file on a non-blocking socket: partial, EAGAIN, sbytes says how much */
	check("ftruncate", sys_ftruncate(fd, 0));
	check("lseek", sys_lseek(fd, 0, SEEK_SET));
	for (off_t o = 0; o < 4 << 20; o += sizeof chunk) {
		fill(chunk, sizeof chunk, o);
		check("write", sys_write(fd, chunk, sizeof chunk));
	}
	long fl = check("fcntl", sys_fcntl(sv[0], F_GETFL, 0));
	check("fcntl", sys_fcntl(sv[0], F_SETFL, fl | O_NONBLOCK));
	sb = -1;
	r = fsendfile(fd, sv[0], 0, 0, NULL, &sb);
	put_str("nonblock: ");
	put_str(err_name(r));
	put_str("\n");
	put_kv("nonblock-partial", sb > 0 && sb < (4 << 20));
	/* the peer got exactly sbytes bytes, the file's first ones */
	int same = 1;
	for (off_t o = 0; o < sb;) {
		size_t n = sb - o < (off_t)sizeof chunk ? (size_t)(sb - o) : sizeof chunk;
		static char in[65536];
		if (read_n(sv[1], in, n) != (long)n) {
			same = 0;
			break;
		}
		fill(chunk, n, o);
		same &= memcmp(in, chunk, n) == 0;
		o += n;
	}
	put_kv("nonblock-data-ok", same);
	check("fcntl", sys_fcntl(sv[0], F_SETFL, fl));

	/* the argument checks, in FreeBSD's order */
	r = fsendfile(fd, sv[0], -1, 0, NULL, &sb);
	put_result("negative-offset", r);
	r = fsendfile(999, sv[0], 0, 0, NULL, &sb);
	put_str("bad-fd: ");
	put_str(err_name(r));
	put_str("\n");
	check("pipe2", sys_pipe2(pfd, 0));
	sb = -1;
	r = fsendfile(pfd[0], sv[0], 0, 0, NULL, &sb);
	show("fd-is-pipe", r, sb);
	r = fsendfile(fd, pfd[1], 0, 0, NULL, &sb);
	show("s-is-pipe", r, sb);
	check("socketpair", sys_socketpair(AF_UNIX, SOCK_DGRAM, 0, dg));
	r = fsendfile(fd, dg[0], 0, 0, NULL, &sb);
	show("s-is-dgram", r, sb);
	int wfd = check("open-wronly", sys_open(path, O_WRONLY, 0));
	r = fsendfile(wfd, sv[0], 0, 0, NULL, &sb);
	put_str("fd-wronly: ");
	put_str(err_name(r));
	put_str("\n");

	/* the reader has gone: EPIPE, and the program lives on */
	sys_close(sv[1]);
	r = fsendfile(fd, sv[0], 0, 10, NULL, &sb);
	show("peer-closed", r, sb);

	sys_close(wfd);
	sys_close(sv[0]);
	sys_close(dg[0]);
	sys_close(dg[1]);
	sys_close(pfd[0]);
	sys_close(pfd[1]);
	sys_close(fd);
	check("unlink", sys_unlink(path));
	put_str("done\n");
	return 0;
}
