/*
 * NetBSD directory entries (__getdents30) and the converter from Linux
 * getdents64 records.
 *
 * Source: NetBSD sys/sys/dirent.h (struct dirent since NetBSD 3.0, MAXNAMLEN
 * 511, _DIRENT_RECLEN: name offset + name + NUL rounded up to the 8-byte
 * alignment of d_fileno); cross-checked against Go's
 * syscall/ztypes_netbsd_amd64.go (Dirent, 528 bytes).  d_type uses the same
 * DT_* numbers as Linux.
 */
#ifndef PERSONA_ABI_NETBSD_DIRENT_H
#define PERSONA_ABI_NETBSD_DIRENT_H
#include <stddef.h>
#include <stdint.h>
/* glibc's <dirent.h> renames d_fileno; include it first (see
 * abi/freebsd/dirent.h). */
#include <dirent.h>

#define NBSD_MAXNAMLEN 511

struct nbsd_dirent {
    uint64_t d_fileno;
    uint16_t d_reclen;
    uint16_t d_namlen;
    uint8_t  d_type;
    char     d_name[NBSD_MAXNAMLEN + 1];
};

#define NBSD_DIRENT_RECLEN(namlen) \
    ((offsetof(struct nbsd_dirent, d_name) + (size_t)(namlen) + 1 + 7) & ~(size_t)7)

/*
 * Convert whole Linux linux_dirent64 records from in[0..inlen) into NetBSD
 * records in out[0..outcap), stopping at the first that does not fit; the
 * padding after each NUL-terminated name is zero.  `variant` is unused (the
 * shape of personality/bsd's bsd_dirent_conv).  Returns the bytes written;
 * *consumed = Linux bytes converted, *last_off = d_off of the last one
 * converted (untouched when none).  A malformed record stops the walk.
 */
size_t nbsd_dirents_from_linux(void *out, size_t outcap, const void *linux_buf, size_t inlen,
                               int variant, size_t *consumed, int64_t *last_off);

#endif
