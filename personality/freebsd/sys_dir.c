/* getdirentries(2), FreeBSD 12+ (struct dirent with 64-bit d_fileno and
 * d_off) and the FreeBSD 11 compat call: the BSD directory reader
 * (personality/bsd/dirents.c) with FreeBSD's record converters. */
#include "personality/freebsd/fbsd_fs.h"
#include "abi/freebsd/dirent.h"

/* getdirentries(int fd, char *buf, size_t nbytes, off_t *basep) */
long fbsd_sys_getdirentries(struct sysctx *c)
{
    return bsd_read_dirents(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_PTR(c, 3),
                            fbsd_dirents_from_linux, 0);
}

/* freebsd11_getdirentries(int fd, char *buf, u_int count, long *basep):
 * struct freebsd11_dirent, 32-bit d_fileno, no d_off. */
long fbsd_sys_freebsd11_getdirentries(struct sysctx *c)
{
    return bsd_read_dirents(c, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_UINT(c, 2), ARG_PTR(c, 3),
                            fbsd_dirents_from_linux, 1);
}
