/* Reading directories for both BSDs on top of Linux getdents64: FreeBSD's
 * getdirentries(2) (and its FreeBSD 11 compat call) and NetBSD's
 * __getdents30 differ only in the record layout, which the caller's
 * converter writes (abi/freebsd/dirent.h, abi/netbsd/dirent.h).
 *
 * A BSD record is a few bytes longer than the Linux record for the same
 * name (24-byte header against 19), so a buffer's worth of Linux entries
 * may not all fit in the guest's buffer.  Entries are converted in order
 * until one does not fit; the directory is then lseek'd back to the d_off
 * (the "next entry" cookie, the same notion on both) of the last entry
 * handed out, so the rest is read again by the next call: nothing is lost
 * and nothing repeats. */
#include "personality/bsd/at_path.h"
#include <unistd.h>

/* Bytes handed out per call at most: the guest may ask for more, it just
 * gets a short (never empty, before the end) answer, which getdirentries
 * allows.  Both buffers live on persona's per-thread signal stack. */
#define DIR_CHUNK 16384

long bsd_read_dirents(struct sysctx *c, int fd, uint64_t ubuf, size_t nbytes, uint64_t ubasep,
                      bsd_dirent_conv conv, int variant)
{
    if (nbytes > DIR_CHUNK)
        nbytes = DIR_CHUNK;

    /* basep receives the position of the block read: where we start. */
    long pos = HOST3(SYS_lseek, fd, 0, SEEK_CUR);
    if (pos < 0)
        return pos == -ESPIPE ? -EINVAL : pos;

    /* Ask Linux for about as much as will fit once converted (short names
     * grow by a third), but always enough for one maximal Linux record. */
    unsigned char lbuf[DIR_CHUNK] __attribute__((aligned(8)));
    unsigned char fbuf[DIR_CHUNK] __attribute__((aligned(8)));
    size_t want = nbytes - nbytes / 4;
    if (want < 288)
        want = nbytes < 288 ? nbytes : 288;
    long n = HOST3(SYS_getdents64, fd, lbuf, want);
    if (n < 0)
        /* getdirentries(2), getdents(2): EINVAL when fd is not a directory. */
        return n == -ENOTDIR ? -EINVAL : n;

    size_t consumed = 0;
    int64_t last_off = pos;
    size_t out = conv(fbuf, nbytes, lbuf, (size_t)n, variant,
                                         &consumed, &last_off);
    if (consumed < (size_t)n) {
        /* Not everything fitted: rewind to just after the last entry given
         * out (or to where we started, if none was). */
        long r = HOST3(SYS_lseek, fd, out ? last_off : pos, SEEK_SET);
        if (r < 0)
            return r;
        if (out == 0)
            return -EINVAL;     /* nbytes too small for the next entry */
    }
    /* off_t *basep (FreeBSD 12+) or long *basep (FreeBSD 11): both 8 bytes
     * on amd64; NetBSD's __getdents30 has none (ubasep 0). */
    int64_t base = pos;
    if ((out && copy_to_guest(ubuf, fbuf, out)) ||
        (ubasep && copy_to_guest(ubasep, &base, sizeof base))) {
        HOST3(SYS_lseek, fd, pos, SEEK_SET);    /* the entries were not delivered */
        return -EFAULT;
    }
    return (long)out;
}

