/* ioctl(2) for both BSDs: personality/bsd/ioctl.h. */
#include "personality/bsd/ioctl.h"
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/report.h"
#include "syscalls/uaccess.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>


/* Unknown requests are recorded (--debug, --report-missing). */
static void report_unknown_ioctl(struct sysctx *c, unsigned long req)
{
    /* sys/sys/ioccom.h: number in bits 0..7, group char in 8..15,
     * argument size in 16..28. */
    char what[96], detail[64];
    int group = (int)((req >> 8) & 0xff);
    snprintf(what, sizeof what, "0x%08lx", req);
    snprintf(detail, sizeof detail, "group '%c', number %lu, %lu-byte argument: ENOTTY",
             group >= 0x20 && group < 0x7f ? group : '?', req & 0xff, (req >> 16) & 0x1fff);
    report_unimplemented(REPORT_IOCTL, what, -1, detail, c->regs);
}

static long tty_getattr(int fd, uint64_t uarg, const struct bsd_termios_ops *ops)
{
    struct termios lt = {0};
    struct fbsd_termios ft;
    /* A raw TCGETS fills the kernel's struct termios, which is the head of
     * glibc's; speeds come from c_cflag (see abi/freebsd/termios.h). */
    long r = HOST3(SYS_ioctl, fd, TCGETS, &lt);
    if (r < 0)
        return r;
    ops->from_linux(&ft, &lt);
    return copy_to_guest(uarg, &ft, sizeof ft);
}

static long tty_setattr(int fd, unsigned long lreq, uint64_t uarg, const struct bsd_termios_ops *ops)
{
    struct fbsd_termios ft;
    struct termios lt;
    if (copy_from_guest(&ft, uarg, sizeof ft))
        return -EFAULT;
    ops->to_linux(&lt, &ft);
    if (ft.c_cflag & FBSD_CIGNORE) {
        /* tcsetattr(TCSASOFT): keep the terminal's own c_cflag (termios(4)). */
        struct termios cur = {0};
        long r = HOST3(SYS_ioctl, fd, TCGETS, &cur);
        if (r < 0)
            return r;
        lt.c_cflag = cur.c_cflag;
    }
    return HOST3(SYS_ioctl, fd, lreq, &lt);
}

/* TIOCFLUSH's argument: FREAD 1 / FWRITE 2 (sys/sys/fcntl.h), 0 = both. */
static long tty_flush(int fd, uint64_t uarg)
{
    int which;
    if (copy_from_guest(&which, uarg, sizeof which))
        return -EFAULT;
    int q = (which & 3) == 1 ? TCIFLUSH : (which & 3) == 2 ? TCOFLUSH : TCIOFLUSH;
    return HOST3(SYS_ioctl, fd, TCFLSH, q);
}

/*
 * ioctl(int fd, u_long com, caddr_t data).  BSD ioctl numbers encode
 * the argument's size and direction (sys/sys/ioccom.h, the same on both
 * BSDs), so no BSD request equals a Linux one; each known request is
 * mapped, the rest is ENOTTY.  Arguments whose layout is the same (int, pid_t, struct winsize)
 * go to the host kernel as they are.  pgrp/sid values are host pids until
 * the PID view exists.
 */
long bsd_ioctl(struct sysctx *c, const struct bsd_termios_ops *ops)
{
    int fd = ARG_INT(c, 0);
    /* FreeBSD's sys_ioctl drops the upper 32 bits of com (NetBSD's
     * u_long takes them, but no request has any). */
    unsigned long req = (uint32_t)c->a[1];
    uint64_t arg = ARG_PTR(c, 2);

    switch (req) {
    case FBSD_TIOCGETA:   return tty_getattr(fd, arg, ops);
    case FBSD_TIOCSETA:   return tty_setattr(fd, TCSETS, arg, ops);
    case FBSD_TIOCSETAW:  return tty_setattr(fd, TCSETSW, arg, ops);
    case FBSD_TIOCSETAF:  return tty_setattr(fd, TCSETSF, arg, ops);
    case FBSD_TIOCGWINSZ: return HOST3(SYS_ioctl, fd, TIOCGWINSZ, arg);
    case FBSD_TIOCSWINSZ: return HOST3(SYS_ioctl, fd, TIOCSWINSZ, arg);
    case FBSD_TIOCGPGRP:  return HOST3(SYS_ioctl, fd, TIOCGPGRP, arg);
    case FBSD_TIOCSPGRP:  return HOST3(SYS_ioctl, fd, TIOCSPGRP, arg);
    case FBSD_TIOCGSID:   return HOST3(SYS_ioctl, fd, TIOCGSID, arg);
    case FBSD_TIOCSCTTY:  return HOST3(SYS_ioctl, fd, TIOCSCTTY, 0);
    case FBSD_TIOCNOTTY:  return HOST2(SYS_ioctl, fd, TIOCNOTTY);
    case FBSD_TIOCEXCL:   return HOST2(SYS_ioctl, fd, TIOCEXCL);
    case FBSD_TIOCNXCL:   return HOST2(SYS_ioctl, fd, TIOCNXCL);
    case FBSD_TIOCOUTQ:   return HOST3(SYS_ioctl, fd, TIOCOUTQ, arg);
    case FBSD_TIOCDRAIN:  return HOST3(SYS_ioctl, fd, TCSBRK, 1);  /* tcdrain */
    case FBSD_TIOCFLUSH:  return tty_flush(fd, arg);
    case FBSD_TIOCSTART:  return HOST3(SYS_ioctl, fd, TCXONC, TCOON);
    case FBSD_TIOCSTOP:   return HOST3(SYS_ioctl, fd, TCXONC, TCOOFF);
    case FBSD_TIOCSBRK:   return HOST2(SYS_ioctl, fd, TIOCSBRK);
    case FBSD_TIOCCBRK:   return HOST2(SYS_ioctl, fd, TIOCCBRK);
    case FBSD_FIONBIO:    return HOST3(SYS_ioctl, fd, FIONBIO, arg);
    case FBSD_FIOASYNC:   return HOST3(SYS_ioctl, fd, FIOASYNC, arg);
    case FBSD_FIONREAD:   return HOST3(SYS_ioctl, fd, FIONREAD, arg);
    case FBSD_FIOCLEX:    return HOST2(SYS_ioctl, fd, FIOCLEX);
    case FBSD_FIONCLEX:   return HOST2(SYS_ioctl, fd, FIONCLEX);
    }
    /* A bad descriptor is EBADF whatever the request (sys_ioctl's fget). */
    long r = HOST2(SYS_fcntl, fd, F_GETFD);
    if (r < 0)
        return r;
    report_unknown_ioctl(c, req);
    return -ENOTTY;
}
