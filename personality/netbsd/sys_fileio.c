/* Reading and positioning with 64-bit offsets.  NetBSD keeps a PAD argument
 * before each off_t (sys/kern/syscalls.master: pread #173, lseek #199,
 * ftruncate #201), a leftover of 32-bit ABIs, so the offset is one
 * register further than on FreeBSD. */
#include "personality/netbsd/nbsd.h"

long nbsd_sys_pread(struct sysctx *c)    /* fd, buf, nbyte, PAD, offset */
{
    return HOST4(SYS_pread64, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_LONG(c, 4));
}

long nbsd_sys_pwrite(struct sysctx *c)   /* fd, buf, nbyte, PAD, offset */
{
    return HOST4(SYS_pwrite64, ARG_INT(c, 0), ARG_PTR(c, 1), ARG_PTR(c, 2), ARG_LONG(c, 4));
}

long nbsd_sys_lseek(struct sysctx *c)    /* fd, PAD, offset, whence */
{
    return HOST3(SYS_lseek, ARG_INT(c, 0), ARG_LONG(c, 2), ARG_INT(c, 3));
}

long nbsd_sys_ftruncate(struct sysctx *c) /* fd, PAD, length */
{
    return HOST2(SYS_ftruncate, ARG_INT(c, 0), ARG_LONG(c, 2));
}
