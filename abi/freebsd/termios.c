/*
 * FreeBSD <-> Linux termios conversion.  FreeBSD facts: sys/sys/_termios.h,
 * sys/sys/ttycom.h, sys/sys/filio.h, sys/sys/ioccom.h.  Linux facts: the
 * host's <termios.h> (asm-generic/termbits.h).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/freebsd/termios.h"

#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>       /* _POSIX_VDISABLE (0 on Linux) */

_Static_assert(sizeof(struct fbsd_termios) == 44, "fbsd_termios size");
_Static_assert(offsetof(struct fbsd_termios, c_cc) == 16, "c_cc");
_Static_assert(offsetof(struct fbsd_termios, c_ispeed) == 36, "c_ispeed");
_Static_assert(offsetof(struct fbsd_termios, c_ospeed) == 40, "c_ospeed");
_Static_assert(sizeof(struct fbsd_winsize) == 8 &&
	sizeof(struct winsize) == sizeof(struct fbsd_winsize), "winsize");
_Static_assert(FBSD_TCSANOW == TCSANOW && FBSD_TCSADRAIN == TCSADRAIN &&
	FBSD_TCSAFLUSH == TCSAFLUSH, "TCSA*");

/* sys/sys/ioccom.h encoding, used only to check the literal numbers. */
#define IOC_(dir, grp, num, len) \
	((unsigned long)(dir) | ((unsigned long)(len) << 16) | ((grp) << 8) | (num))
#define IOV_  0x20000000UL
#define IOR_  0x40000000UL
#define IOW_  0x80000000UL
_Static_assert(FBSD_TIOCGETA == IOC_(IOR_, 't', 19, sizeof(struct fbsd_termios)), "TIOCGETA");
_Static_assert(FBSD_TIOCSETA == IOC_(IOW_, 't', 20, sizeof(struct fbsd_termios)), "TIOCSETA");
_Static_assert(FBSD_TIOCSETAW == IOC_(IOW_, 't', 21, sizeof(struct fbsd_termios)), "TIOCSETAW");
_Static_assert(FBSD_TIOCSETAF == IOC_(IOW_, 't', 22, sizeof(struct fbsd_termios)), "TIOCSETAF");
_Static_assert(FBSD_TIOCGWINSZ == IOC_(IOR_, 't', 104, 8), "TIOCGWINSZ");
_Static_assert(FBSD_TIOCSWINSZ == IOC_(IOW_, 't', 103, 8), "TIOCSWINSZ");
_Static_assert(FBSD_TIOCGPGRP == IOC_(IOR_, 't', 119, 4), "TIOCGPGRP");
_Static_assert(FBSD_TIOCSPGRP == IOC_(IOW_, 't', 118, 4), "TIOCSPGRP");
_Static_assert(FBSD_TIOCSCTTY == IOC_(IOV_, 't', 97, 0), "TIOCSCTTY");
_Static_assert(FBSD_TIOCNOTTY == IOC_(IOV_, 't', 113, 0), "TIOCNOTTY");
_Static_assert(FBSD_FIOCLEX == IOC_(IOV_, 'f', 1, 0), "FIOCLEX");
_Static_assert(FBSD_FIONCLEX == IOC_(IOV_, 'f', 2, 0), "FIONCLEX");
_Static_assert(FBSD_FIONREAD == IOC_(IOR_, 'f', 127, 4), "FIONREAD");
_Static_assert(FBSD_FIONBIO == IOC_(IOW_, 'f', 126, 4), "FIONBIO");
_Static_assert(FBSD_FIOASYNC == IOC_(IOW_, 'f', 125, 4), "FIOASYNC");
_Static_assert(FBSD_FIOSEEKDATA == IOC_(IOR_ | IOW_, 'f', 97, 8), "FIOSEEKDATA");

struct bitpair { uint32_t fbsd; tcflag_t lnx; };

static const struct bitpair iflags[] = {
	{ FBSD_IGNBRK, IGNBRK }, { FBSD_BRKINT, BRKINT }, { FBSD_IGNPAR, IGNPAR },
	{ FBSD_PARMRK, PARMRK }, { FBSD_INPCK, INPCK },   { FBSD_ISTRIP, ISTRIP },
	{ FBSD_INLCR, INLCR },   { FBSD_IGNCR, IGNCR },   { FBSD_ICRNL, ICRNL },
	{ FBSD_IXON, IXON },     { FBSD_IXOFF, IXOFF },   { FBSD_IXANY, IXANY },
	{ FBSD_IMAXBEL, IMAXBEL },
};

static const struct bitpair oflags[] = {
	{ FBSD_OPOST, OPOST }, { FBSD_ONLCR, ONLCR }, { FBSD_OCRNL, OCRNL },
	{ FBSD_ONOCR, ONOCR }, { FBSD_ONLRET, ONLRET },
	{ FBSD_TAB3, TAB3 },   /* a 1-bit field on FreeBSD, 2 bits on Linux */
};

static const struct bitpair cflags[] = {
	{ FBSD_CSTOPB, CSTOPB }, { FBSD_CREAD, CREAD },   { FBSD_PARENB, PARENB },
	{ FBSD_PARODD, PARODD }, { FBSD_HUPCL, HUPCL },   { FBSD_CLOCAL, CLOCAL },
};

static const struct bitpair lflags[] = {
	{ FBSD_ECHOKE, ECHOKE },   { FBSD_ECHOE, ECHOE },     { FBSD_ECHOK, ECHOK },
	{ FBSD_ECHO, ECHO },       { FBSD_ECHONL, ECHONL },   { FBSD_ECHOPRT, ECHOPRT },
	{ FBSD_ECHOCTL, ECHOCTL }, { FBSD_ISIG, ISIG },       { FBSD_ICANON, ICANON },
	{ FBSD_IEXTEN, IEXTEN },   { FBSD_EXTPROC, EXTPROC }, { FBSD_TOSTOP, TOSTOP },
	{ FBSD_FLUSHO, FLUSHO },   { FBSD_PENDIN, PENDIN },   { FBSD_NOFLSH, NOFLSH },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t bits_from_linux(const struct bitpair *t, size_t n, tcflag_t v)
{
	uint32_t out = 0;
	for (size_t i = 0; i < n; i++)
		if ((v & t[i].lnx) == t[i].lnx)
			out |= t[i].fbsd;
	return out;
}

static tcflag_t bits_to_linux(const struct bitpair *t, size_t n, uint32_t v)
{
	tcflag_t out = 0;
	for (size_t i = 0; i < n; i++)
		if ((v & t[i].fbsd) == t[i].fbsd)
			out |= t[i].lnx;
	return out;
}

/* c_cc slots both systems have, FreeBSD index first.  VMIN and VTIME hold
 * numbers, the others characters (where "disabled" is spelled differently). */
static const struct { uint8_t fbsd, lnx, numeric; } ccmap[] = {
	{ FBSD_VEOF, VEOF, 0 },         { FBSD_VEOL, VEOL, 0 },
	{ FBSD_VEOL2, VEOL2, 0 },       { FBSD_VERASE, VERASE, 0 },
	{ FBSD_VWERASE, VWERASE, 0 },   { FBSD_VKILL, VKILL, 0 },
	{ FBSD_VREPRINT, VREPRINT, 0 }, { FBSD_VINTR, VINTR, 0 },
	{ FBSD_VQUIT, VQUIT, 0 },       { FBSD_VSUSP, VSUSP, 0 },
	{ FBSD_VSTART, VSTART, 0 },     { FBSD_VSTOP, VSTOP, 0 },
	{ FBSD_VLNEXT, VLNEXT, 0 },     { FBSD_VDISCARD, VDISCARD, 0 },
	{ FBSD_VMIN, VMIN, 1 },         { FBSD_VTIME, VTIME, 1 },
};

/* Linux speed codes (asm-generic/termbits.h) and their baud numbers,
 * ascending. */
static const struct { unsigned code; uint32_t baud; } speeds[] = {
	{ B0, 0 },             { B50, 50 },           { B75, 75 },
	{ B110, 110 },         { B134, 134 },         { B150, 150 },
	{ B200, 200 },         { B300, 300 },         { B600, 600 },
	{ B1200, 1200 },       { B1800, 1800 },       { B2400, 2400 },
	{ B4800, 4800 },       { B9600, 9600 },       { B19200, 19200 },
	{ B38400, 38400 },     { B57600, 57600 },     { B115200, 115200 },
	{ B230400, 230400 },   { B460800, 460800 },   { B500000, 500000 },
	{ B576000, 576000 },   { B921600, 921600 },   { B1000000, 1000000 },
	{ B1152000, 1152000 }, { B1500000, 1500000 }, { B2000000, 2000000 },
	{ B2500000, 2500000 }, { B3000000, 3000000 }, { B3500000, 3500000 },
	{ B4000000, 4000000 },
};

uint32_t fbsd_speed_from_linux_code(unsigned code)
{
	for (size_t i = 0; i < N(speeds); i++)
		if (speeds[i].code == code)
			return speeds[i].baud;
	return 0;
}

unsigned fbsd_speed_to_linux_code(uint32_t baud)
{
	unsigned code = B0;
	for (size_t i = 0; i < N(speeds) && speeds[i].baud <= baud; i++)
		code = speeds[i].code;
	return code;
}

/* CIBAUD holds the input speed code shifted by IBSHIFT (16) on Linux;
 * zero there means "same as output". */
#define LNX_IBSHIFT 16

void fbsd_termios_from_linux(struct fbsd_termios *out, const struct termios *in)
{
	unsigned ocode = in->c_cflag & CBAUD;
	unsigned icode = (in->c_cflag & CIBAUD) >> LNX_IBSHIFT;

	memset(out, 0, sizeof(*out));
	out->c_iflag = bits_from_linux(iflags, N(iflags), in->c_iflag);
	out->c_oflag = bits_from_linux(oflags, N(oflags), in->c_oflag);
	out->c_cflag = bits_from_linux(cflags, N(cflags), in->c_cflag);
	out->c_lflag = bits_from_linux(lflags, N(lflags), in->c_lflag);

	switch (in->c_cflag & CSIZE) {
	case CS5: out->c_cflag |= FBSD_CS5; break;
	case CS6: out->c_cflag |= FBSD_CS6; break;
	case CS7: out->c_cflag |= FBSD_CS7; break;
	default:  out->c_cflag |= FBSD_CS8; break;
	}
	if (in->c_cflag & CRTSCTS)
		out->c_cflag |= FBSD_CRTSCTS;

	memset(out->c_cc, FBSD_POSIX_VDISABLE, sizeof(out->c_cc));
	for (size_t i = 0; i < N(ccmap); i++) {
		cc_t c = in->c_cc[ccmap[i].lnx];
		if (!ccmap[i].numeric && c == _POSIX_VDISABLE)
			c = FBSD_POSIX_VDISABLE;
		out->c_cc[ccmap[i].fbsd] = c;
	}

	out->c_ospeed = fbsd_speed_from_linux_code(ocode);
	out->c_ispeed = icode ? fbsd_speed_from_linux_code(icode) : 0;
	/* An input code with no baud number (BOTHER: a termios2 custom
	 * speed) reads as "same as output", not as 0 baud. */
	if (out->c_ispeed == 0)
		out->c_ispeed = out->c_ospeed;
}

void fbsd_termios_to_linux(struct termios *out, const struct fbsd_termios *in)
{
	unsigned ocode = fbsd_speed_to_linux_code(in->c_ospeed);
	unsigned icode = in->c_ispeed ? fbsd_speed_to_linux_code(in->c_ispeed) : ocode;

	memset(out, 0, sizeof(*out));
	out->c_iflag = bits_to_linux(iflags, N(iflags), in->c_iflag);
	out->c_oflag = bits_to_linux(oflags, N(oflags), in->c_oflag);
	out->c_cflag = bits_to_linux(cflags, N(cflags), in->c_cflag);
	out->c_lflag = bits_to_linux(lflags, N(lflags), in->c_lflag);

	switch (in->c_cflag & FBSD_CSIZE) {
	case FBSD_CS5: out->c_cflag |= CS5; break;
	case FBSD_CS6: out->c_cflag |= CS6; break;
	case FBSD_CS7: out->c_cflag |= CS7; break;
	default:       out->c_cflag |= CS8; break;
	}
	if (in->c_cflag & FBSD_CRTSCTS)
		out->c_cflag |= CRTSCTS;

	out->c_cflag |= ocode;
	if (icode != ocode)
		out->c_cflag |= (tcflag_t)icode << LNX_IBSHIFT;
	out->c_line = 0;   /* N_TTY */

	/* memset left every slot 0, which is "disabled" on Linux (VSWTC too). */
	for (size_t i = 0; i < N(ccmap); i++) {
		uint8_t c = in->c_cc[ccmap[i].fbsd];
		if (!ccmap[i].numeric && c == FBSD_POSIX_VDISABLE)
			c = _POSIX_VDISABLE;
		out->c_cc[ccmap[i].lnx] = c;
	}

	/* glibc keeps the codes here too (used by cfget*speed on the struct). */
	out->c_ispeed = icode;
	out->c_ospeed = ocode;
}
