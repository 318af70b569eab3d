/*
 * FreeBSD directory entries (getdirentries(2)) and the converter from Linux
 * getdents64 records.
 *
 * Sources: sys/sys/dirent.h (struct dirent, _GENERIC_DIRLEN, DT_*), and
 * sys/kern/vfs_syscalls.c freebsd11_kern_getdirentries() for the FreeBSD 11
 * record (struct freebsd11_dirent); cross-checked against
 * golang.org/x/sys/unix/ztypes_freebsd_amd64.go (Dirent) and Go 1.19
 * src/syscall/ztypes_freebsd_amd64.go (dirent_freebsd11).
 */
#ifndef PERSONA_ABI_FREEBSD_DIRENT_H
#define PERSONA_ABI_FREEBSD_DIRENT_H

#include <stddef.h>
#include <stdint.h>
/* glibc's <dirent.h> has "#define d_fileno d_ino".  Including it here first
 * makes that rename apply to the structs below and to every user alike, so
 * "d_fileno" works whatever the include order. */
#include <dirent.h>

/* sys/sys/dirent.h: d_type values -- the same numbers as Linux DT_*. */
#define FBSD_DT_UNKNOWN  0
#define FBSD_DT_FIFO     1
#define FBSD_DT_CHR      2
#define FBSD_DT_DIR      4
#define FBSD_DT_BLK      6
#define FBSD_DT_REG      8
#define FBSD_DT_LNK     10
#define FBSD_DT_SOCK    12
#define FBSD_DT_WHT     14

#define FBSD_MAXNAMLEN 255

/* sys/sys/dirent.h: struct dirent since FreeBSD 12 (ino64), 280 bytes. */
struct fbsd_dirent {
	uint64_t d_fileno;
	int64_t  d_off;        /* cookie of the next entry */
	uint16_t d_reclen;
	uint8_t  d_type;
	uint8_t  d_pad0;
	uint16_t d_namlen;
	uint16_t d_pad1;
	char     d_name[FBSD_MAXNAMLEN + 1];
};

/* sys/sys/dirent.h: struct freebsd11_dirent, 264 bytes. */
struct fbsd11_dirent {
	uint32_t d_fileno;
	uint16_t d_reclen;
	uint8_t  d_type;
	uint8_t  d_namlen;
	char     d_name[FBSD_MAXNAMLEN + 1];
};

/* Record lengths.  FreeBSD 12+: _GENERIC_DIRLEN(n), header + name + NUL
 * rounded up to 8.  FreeBSD 11 compat: header + (name + NUL rounded up to
 * 4), exactly as freebsd11_kern_getdirentries() builds it. */
#define FBSD_DIRENT_RECLEN(namlen) \
	((offsetof(struct fbsd_dirent, d_name) + (size_t)(namlen) + 1 + 7) & ~(size_t)7)
#define FBSD11_DIRENT_RECLEN(namlen) \
	(offsetof(struct fbsd11_dirent, d_name) + (((size_t)(namlen) + 1 + 3) & ~(size_t)3))

/*
 * Convert whole Linux struct linux_dirent64 records (d_ino u64, d_off i64,
 * d_reclen u16, d_type u8, d_name[] NUL-terminated) from in[0..inlen) into
 * FreeBSD records in out[0..outcap), stopping at the first record that does
 * not fit.  Names are NUL-terminated and the padding up to d_reclen is zero.
 * compat11 selects struct fbsd11_dirent (d_fileno truncated to 32 bits).
 *
 * Returns the bytes written.  *consumed (nullable) = Linux bytes converted;
 * *last_off (nullable) = d_off of the last converted Linux record, left
 * untouched when none was.  If consumed < inlen the caller lseeks the host
 * directory to *last_off so the rest is read again next time.  A return of
 * 0 with inlen > 0 means even the first entry does not fit: FreeBSD answers
 * that with EINVAL.  Records with names over 255 bytes (impossible from
 * Linux) are consumed and skipped, as FreeBSD's compat code skips them; a
 * malformed record (d_reclen too small or past inlen) stops the walk.
 */
size_t fbsd_dirents_from_linux(void *out, size_t outcap,
                               const void *linux_dirent64_buf, size_t inlen,
                               int compat11, size_t *consumed,
                               int64_t *last_off);

#endif /* PERSONA_ABI_FREEBSD_DIRENT_H */
