/* ioctl(2) for both BSDs: the tty and file requests both kernels number
 * alike (4.4BSD's sys/sys/ttycom.h and sys/sys/filio.h: the FBSD_TIOC* and
 * FBSD_FIO* values of abi/freebsd/termios.h are NetBSD's too; checked
 * against NetBSD's sys/sys/ttycom.h), with the personality's own termios
 * conversion (the struct is 44 bytes on both; flags and c_cc slots differ
 * a little: abi/netbsd/termios.h). */
#ifndef PERSONA_PERSONALITY_BSD_IOCTL_H
#define PERSONA_PERSONALITY_BSD_IOCTL_H
#include "personality/personality.h"
#include "abi/freebsd/termios.h"

struct bsd_termios_ops {
    void (*from_linux)(struct fbsd_termios *out, const struct termios *in);
    void (*to_linux)(struct termios *out, const struct fbsd_termios *in);
};

long bsd_ioctl(struct sysctx *c, const struct bsd_termios_ops *ops);

#endif
