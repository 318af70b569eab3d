/* sendfile(2): int sendfile(int fd, int s, off_t offset, size_t nbytes,
 *                           struct sf_hdtr *hdtr, off_t *sbytes, int flags)
 *
 * FreeBSD's call (sys/kern/kern_sendfile.c, sendfile(2)) sends headers,
 * then nbytes of the regular file fd from offset (0: up to the end of the
 * file), then trailers, to the stream socket s, and stores the total sent
 * (headers included) in *sbytes -- also when it fails part-way with EAGAIN
 * (non-blocking socket) or EINTR.  It neither uses nor moves fd's offset.
 * persona sends the headers with writev, the file with Linux sendfile(2)
 * (which, given an offset, leaves the file position alone too), and the
 * trailers with one writev, as FreeBSD does (kern_writev: a short trailer
 * write is success).
 *
 * Differences from the obvious mapping, after FreeBSD:
 *  - the checks come in FreeBSD's order: negative offset, the sf_hdtr
 *    copy-in (at most IOV_MAX iovecs), fd readable (EBADF) and a regular
 *    file (EINVAL), then s a socket (ENOTSOCK) of type SOCK_STREAM
 *    (EINVAL) and connected (ENOTCONN: Linux would say EPIPE for TCP);
 *  - headers and file data never raise SIGPIPE (FreeBSD queues them with
 *    pr_send, not sosend); a peer that has gone away is just EPIPE;
 *  - an EINTR is final, never restarted under SA_RESTART (vn_sendfile turns
 *    ERESTART into EINTR), so a caller can account for *sbytes;
 *  - a fault writing *sbytes is ignored (sendfile(2) BUGS).
 * Gaps: flags (SF_NODISKIO, SF_NOCACHE, SF_SYNC, SF_USER_READAHEAD and the
 * readahead count; the seventh argument, on the guest's stack) are
 * performance hints persona does not read; trailers never raise SIGPIPE
 * either (FreeBSD's writev would, without SO_NOSIGPIPE); headers are sent
 * even when offset is at or past the end of the file (the manual's
 * promise; FreeBSD 14's loop skips them then). */
#include "personality/freebsd/fbsd.h"
#include "syscalls/fdreserve.h"
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* sys/sys/socket.h: struct sf_hdtr, 32 bytes on amd64 */
struct fbsd_sf_hdtr {
    uint64_t headers;       /* struct iovec * */
    int32_t  hdr_cnt;
    uint64_t trailers;      /* struct iovec * */
    int32_t  trl_cnt;
};
_Static_assert(sizeof(struct fbsd_sf_hdtr) == 32, "struct sf_hdtr");

#define FBSD_UIO_MAXIOV 1024   /* sys/sys/uio.h */
#define LINUX_SENDFILE_MAX 0x7ffff000L

/* A direct (not door-guarded) host call for bookkeeping: result or -errno. */
#define RAW(...) ({ long r_ = syscall(__VA_ARGS__); r_ < 0 ? -(long)errno : r_; })

struct iovs {
    struct iovec *v;
    int n;
    size_t total;
};

/* copyinuio(): count at most UIO_MAXIOV (an unsigned compare, so negative
 * counts fail too), total no more than SSIZE_MAX. */
static long iovs_in(struct iovs *io, uint64_t guest, int cnt)
{
    io->v = NULL;
    io->n = 0;
    io->total = 0;
    if (!guest)
        return 0;
    if ((unsigned)cnt > FBSD_UIO_MAXIOV)
        return -EINVAL;
    if (cnt == 0)
        return 0;
    io->v = malloc((size_t)cnt * sizeof *io->v);
    if (!io->v)
        return -ENOMEM;
    if (copy_from_guest(io->v, guest, (size_t)cnt * sizeof *io->v))
        return -EFAULT;
    io->n = cnt;
    for (int i = 0; i < cnt; i++) {
        if (io->v[i].iov_len > (size_t)SSIZE_MAX - io->total)
            return -EINVAL;
        io->total += io->v[i].iov_len;
    }
    return 0;
}

/* Write all of io to s, moving through it as the host takes it; returns
 * the bytes sent, or -errno when nothing more went (the count so far is in
 * *sent). */
static long send_all(int s, struct iovs *io, uint64_t *sent)
{
    struct iovec *v = io->v;
    int n = io->n;
    while (n > 0) {
        if (v->iov_len == 0) {
            v++, n--;
            continue;
        }
        long r = HOST3(SYS_writev, s, v, n > FBSD_UIO_MAXIOV ? FBSD_UIO_MAXIOV : n);
        if (r < 0)
            return r;
        *sent += (uint64_t)r;
        while (n > 0 && (size_t)r >= v->iov_len) {
            r -= (long)v->iov_len;
            v++, n--;
        }
        if (n > 0 && r > 0) {
            v->iov_base = (char *)v->iov_base + r;
            v->iov_len -= (size_t)r;
        }
    }
    return 0;
}

static long do_sendfile(int fd, int s, int64_t offset, uint64_t nbytes,
                        struct iovs *hdr, struct iovs *trl, uint64_t *sent)
{
    if (fd_is_reserved(s))
        return -EBADF;
    /* sendfile_getobj(): a regular file (POSIX shared memory is one on
     * Linux too). */
    struct stat st;
    long r = RAW(SYS_fstat, fd, &st);
    if (r < 0)
        return r;
    if (!S_ISREG(st.st_mode))
        return -EINVAL;
    /* sendfile_getsock(): a stream socket. */
    struct stat sst;
    r = RAW(SYS_fstat, s, &sst);
    if (r < 0)
        return r;
    if (!S_ISSOCK(sst.st_mode))
        return -ENOTSOCK;
    int type = 0;
    socklen_t tl = sizeof type;
    r = RAW(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &type, &tl);
    if (r < 0)
        return r;
    if (type != SOCK_STREAM)
        return -EINVAL;

    int64_t rem = st.st_size > offset ? st.st_size - offset : 0;
    if (nbytes && nbytes < (uint64_t)rem)
        rem = (int64_t)nbytes;
    if (rem > 0 || hdr->total > 0) {
        /* sendfile_wait_generic(): ENOTCONN before anything is queued. */
        struct sockaddr_storage peer;
        socklen_t pl = sizeof peer;
        r = RAW(SYS_getpeername, s, &peer, &pl);
        if (r == -ENOTCONN)
            return r;
    }

    r = send_all(s, hdr, sent);
    if (r < 0)
        return r;
    off_t off = offset;
    while (rem > 0) {
        long chunk = rem > LINUX_SENDFILE_MAX ? LINUX_SENDFILE_MAX : (long)rem;
        r = HOST4(SYS_sendfile, s, fd, &off, chunk);
        if (r < 0)
            return r;
        if (r == 0)
            break;              /* the file shrank under us */
        *sent += (uint64_t)r;
        rem -= r;
    }
    if (trl->total > 0) {
        r = HOST3(SYS_writev, s, trl->v, trl->n);
        if (r < 0)
            return r;
        *sent += (uint64_t)r;
    }
    return 0;
}

long fbsd_sys_sendfile(struct sysctx *c)
{
    int fd = ARG_INT(c, 0), s = ARG_INT(c, 1);
    int64_t offset = ARG_LONG(c, 2);
    uint64_t nbytes = c->a[3], hdtrp = ARG_PTR(c, 4), sbytesp = ARG_PTR(c, 5);
    c->no_restart = true;

    if (offset < 0)
        return -EINVAL;
    struct iovs hdr = { 0 }, trl = { 0 };
    long r = 0;
    uint64_t sent = 0;
    if (hdtrp) {
        struct fbsd_sf_hdtr h;
        if (copy_from_guest(&h, hdtrp, sizeof h))
            return -EFAULT;
        r = iovs_in(&hdr, h.headers, h.hdr_cnt);
        if (r == 0)
            r = iovs_in(&trl, h.trailers, h.trl_cnt);
    }
    if (r == 0) {
        /* fget_read(): fd open for reading; *sbytes is written from here
         * on, whatever the outcome. */
        long fl = fd_is_reserved(fd) ? -EBADF : RAW(SYS_fcntl, fd, F_GETFL);
        if (fl < 0 || (fl & O_ACCMODE) == O_WRONLY || (fl & O_PATH))
            r = -EBADF;
    }
    if (r == 0) {
        /* Block SIGPIPE while sending; if the peer is gone, take back the
         * SIGPIPE Linux queued for this thread (FreeBSD sends none). */
        uint64_t pipe_bit = 1ULL << (SIGPIPE - 1), oldmask = 0;
        syscall(SYS_rt_sigprocmask, SIG_BLOCK, &pipe_bit, &oldmask, 8);
        r = do_sendfile(fd, s, offset, nbytes, &hdr, &trl, &sent);
        if (r == -EPIPE && !(oldmask & pipe_bit)) {
            struct timespec zero = { 0, 0 };
            syscall(SYS_rt_sigtimedwait, &pipe_bit, NULL, &zero, 8);
        }
        syscall(SYS_rt_sigprocmask, SIG_SETMASK, &oldmask, NULL, 8);
        if (sbytesp)
            (void)copy_to_guest(sbytesp, &sent, sizeof sent);
    }
    free(hdr.v);
    free(trl.v);
    return r;
}
