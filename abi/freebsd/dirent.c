/*
 * Linux getdents64 records -> FreeBSD getdirentries records.  Facts: dirent.h.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/freebsd/dirent.h"

#include <dirent.h>
#include <string.h>

_Static_assert(sizeof(struct fbsd_dirent) == 280, "fbsd_dirent size");
_Static_assert(offsetof(struct fbsd_dirent, d_off) == 8, "d_off");
_Static_assert(offsetof(struct fbsd_dirent, d_reclen) == 16, "d_reclen");
_Static_assert(offsetof(struct fbsd_dirent, d_type) == 18, "d_type");
_Static_assert(offsetof(struct fbsd_dirent, d_namlen) == 20, "d_namlen");
_Static_assert(offsetof(struct fbsd_dirent, d_name) == 24, "d_name");
_Static_assert(sizeof(struct fbsd11_dirent) == 264, "fbsd11_dirent size");
_Static_assert(offsetof(struct fbsd11_dirent, d_reclen) == 4, "11 d_reclen");
_Static_assert(offsetof(struct fbsd11_dirent, d_type) == 6, "11 d_type");
_Static_assert(offsetof(struct fbsd11_dirent, d_namlen) == 7, "11 d_namlen");
_Static_assert(offsetof(struct fbsd11_dirent, d_name) == 8, "11 d_name");

_Static_assert(FBSD_DT_UNKNOWN == DT_UNKNOWN && FBSD_DT_FIFO == DT_FIFO &&
	FBSD_DT_CHR == DT_CHR && FBSD_DT_DIR == DT_DIR && FBSD_DT_BLK == DT_BLK &&
	FBSD_DT_REG == DT_REG && FBSD_DT_LNK == DT_LNK &&
	FBSD_DT_SOCK == DT_SOCK && FBSD_DT_WHT == DT_WHT, "DT_* match Linux");

/* Linux struct linux_dirent64 (include/linux/dirent.h): fixed part. */
#define LNX_D_INO     0
#define LNX_D_OFF     8
#define LNX_D_RECLEN  16
#define LNX_D_TYPE    18
#define LNX_D_NAME    19

size_t fbsd_dirents_from_linux(void *out, size_t outcap, const void *inbuf,
                               size_t inlen, int compat11, size_t *consumed,
                               int64_t *last_off)
{
	const unsigned char *in = inbuf;
	unsigned char *o = out;
	size_t ipos = 0, opos = 0;

	while (inlen - ipos > LNX_D_NAME) {
		const unsigned char *r = in + ipos;
		uint64_t ino;
		int64_t off;
		uint16_t ireclen;
		size_t namlen, oreclen;

		memcpy(&ireclen, r + LNX_D_RECLEN, sizeof(ireclen));
		if (ireclen <= LNX_D_NAME || ireclen > inlen - ipos)
			break;
		memcpy(&ino, r + LNX_D_INO, sizeof(ino));
		memcpy(&off, r + LNX_D_OFF, sizeof(off));
		namlen = strnlen((const char *)r + LNX_D_NAME, ireclen - LNX_D_NAME);

		if (namlen > FBSD_MAXNAMLEN) {
			ipos += ireclen;
			if (last_off)
				*last_off = off;
			continue;
		}

		oreclen = compat11 ? FBSD11_DIRENT_RECLEN(namlen)
		                   : FBSD_DIRENT_RECLEN(namlen);
		if (oreclen > outcap - opos)
			break;

		memset(o + opos, 0, oreclen);
		if (compat11) {
			struct fbsd11_dirent h = {
				.d_fileno = (uint32_t)ino,   /* truncated */
				.d_reclen = (uint16_t)oreclen,
				.d_type = r[LNX_D_TYPE],
				.d_namlen = (uint8_t)namlen,
			};
			memcpy(o + opos, &h, offsetof(struct fbsd11_dirent, d_name));
			memcpy(o + opos + offsetof(struct fbsd11_dirent, d_name),
			       r + LNX_D_NAME, namlen);
		} else {
			struct fbsd_dirent h = {
				.d_fileno = ino,
				.d_off = off,
				.d_reclen = (uint16_t)oreclen,
				.d_type = r[LNX_D_TYPE],
				.d_namlen = (uint16_t)namlen,
			};
			memcpy(o + opos, &h, offsetof(struct fbsd_dirent, d_name));
			memcpy(o + opos + offsetof(struct fbsd_dirent, d_name),
			       r + LNX_D_NAME, namlen);
		}
		opos += oreclen;
		ipos += ireclen;
		if (last_off)
			*last_off = off;
	}
	if (consumed)
		*consumed = ipos;
	return opos;
}
