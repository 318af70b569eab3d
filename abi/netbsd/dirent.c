/* Linux getdents64 records -> NetBSD __getdents30 records; facts in dirent.h. */
#include "abi/netbsd/dirent.h"
#include <string.h>

_Static_assert(offsetof(struct nbsd_dirent, d_reclen) == 8, "d_reclen");
_Static_assert(offsetof(struct nbsd_dirent, d_namlen) == 10, "d_namlen");
_Static_assert(offsetof(struct nbsd_dirent, d_type) == 12, "d_type");
_Static_assert(offsetof(struct nbsd_dirent, d_name) == 13, "d_name");
_Static_assert(sizeof(struct nbsd_dirent) == 528, "NetBSD struct dirent");

/* Linux struct linux_dirent64 (include/linux/dirent.h): fixed part. */
#define LNX_D_INO    0
#define LNX_D_OFF    8
#define LNX_D_RECLEN 16
#define LNX_D_TYPE   18
#define LNX_D_NAME   19

size_t nbsd_dirents_from_linux(void *out, size_t outcap, const void *linux_buf, size_t inlen,
                               int variant, size_t *consumed, int64_t *last_off)
{
    (void)variant;
    const unsigned char *in = linux_buf;
    unsigned char *o = out;
    size_t ipos = 0, opos = 0;
    while (inlen - ipos > LNX_D_NAME) {
        const unsigned char *r = in + ipos;
        uint16_t ireclen;
        memcpy(&ireclen, r + LNX_D_RECLEN, sizeof ireclen);
        if (ireclen <= LNX_D_NAME || ireclen > inlen - ipos)
            break;
        uint64_t ino;
        int64_t off;
        memcpy(&ino, r + LNX_D_INO, sizeof ino);
        memcpy(&off, r + LNX_D_OFF, sizeof off);
        size_t namlen = strnlen((const char *)r + LNX_D_NAME, ireclen - LNX_D_NAME);
        size_t oreclen = NBSD_DIRENT_RECLEN(namlen);
        if (oreclen > outcap - opos)
            break;
        memset(o + opos, 0, oreclen);
        struct nbsd_dirent h = {
            .d_fileno = ino,
            .d_reclen = (uint16_t)oreclen,
            .d_namlen = (uint16_t)namlen,
            .d_type = r[LNX_D_TYPE],
        };
        memcpy(o + opos, &h, offsetof(struct nbsd_dirent, d_name));
        memcpy(o + opos + offsetof(struct nbsd_dirent, d_name), r + LNX_D_NAME, namlen);
        opos += oreclen;
        ipos += ireclen;
        if (last_off)
            *last_off = off;
    }
    if (consumed)
        *consumed = ipos;
    return opos;
}
