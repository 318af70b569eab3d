/*
 * NetBSD termios: the same 44-byte struct termios as FreeBSD's
 * (abi/freebsd/termios.h), the same 4.4BSD flag values and tty ioctl
 * numbers, except (NetBSD sys/sys/termios.h):
 *   c_cflag  CRTSCTS is one bit, 0x00010000 (FreeBSD's CCTS_OFLOW), and
 *            0x00020000 is CDTRCTS (FreeBSD's CRTS_IFLOW); MDMBUF
 *            0x00100000 is FreeBSD's CCAR_OFLOW;
 *   c_cc[7]  is a spare slot (FreeBSD's VERASE2).
 * The converters are FreeBSD's with those two differences undone.
 */
#ifndef PERSONA_ABI_NETBSD_TERMIOS_H
#define PERSONA_ABI_NETBSD_TERMIOS_H
#include "abi/freebsd/termios.h"

#define NBSD_CRTSCTS 0x00010000u
#define NBSD_CDTRCTS 0x00020000u
#define NBSD_CC_SPARE 7
#define NBSD_POSIX_VDISABLE 0xff

void nbsd_termios_from_linux(struct fbsd_termios *out, const struct termios *in);
void nbsd_termios_to_linux(struct termios *out, const struct fbsd_termios *in);

#endif
