/* Unit tests for abi/freebsd/termios.{h,c}.  FreeBSD values written out from
 * sys/sys/_termios.h, sys/sys/ttycom.h and sys/sys/filio.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <stddef.h>
#include <string.h>
#include <termios.h>

#include "abi/freebsd/termios.h"

Test(termios, layout)
{
	cr_assert_eq(sizeof(struct fbsd_termios), 44);
	cr_assert_eq(offsetof(struct fbsd_termios, c_cc), 16);
	cr_assert_eq(offsetof(struct fbsd_termios, c_ispeed), 36);
	cr_assert_eq(offsetof(struct fbsd_termios, c_ospeed), 40);
	cr_assert_eq(sizeof(struct fbsd_winsize), 8);
}

Test(termios, ioctl_numbers)
{
	cr_assert_eq(FBSD_TIOCGETA, 0x402c7413);
	cr_assert_eq(FBSD_TIOCSETA, 0x802c7414);
	cr_assert_eq(FBSD_TIOCSETAW, 0x802c7415);
	cr_assert_eq(FBSD_TIOCSETAF, 0x802c7416);
	cr_assert_eq(FBSD_TIOCGWINSZ, 0x40087468);
	cr_assert_eq(FBSD_TIOCSWINSZ, 0x80087467);
	cr_assert_eq(FBSD_TIOCGPGRP, 0x40047477);
	cr_assert_eq(FBSD_TIOCSPGRP, 0x80047476);
	cr_assert_eq(FBSD_TIOCSCTTY, 0x20007461);
	cr_assert_eq(FBSD_TIOCNOTTY, 0x20007471);
	cr_assert_eq(FBSD_FIONBIO, 0x8004667e);
	cr_assert_eq(FBSD_FIONREAD, 0x4004667f);
	cr_assert_eq(FBSD_FIOCLEX, 0x20006601);
	cr_assert_eq(FBSD_FIONCLEX, 0x20006602);
	cr_assert_eq(FBSD_FIOASYNC, 0x8004667d);
}

/* A typical Linux cooked-mode terminal at 38400 baud. */
static struct termios linux_sane(void)
{
	struct termios t;
	memset(&t, 0, sizeof(t));
	t.c_iflag = ICRNL | IXON | IMAXBEL | IUTF8 | BRKINT;
	t.c_oflag = OPOST | ONLCR;
	t.c_cflag = CS8 | CREAD | HUPCL | B38400;
	t.c_lflag = ISIG | ICANON | IEXTEN | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE;
	t.c_cc[VINTR] = 3;    t.c_cc[VQUIT] = 0x1c;  t.c_cc[VERASE] = 0x7f;
	t.c_cc[VKILL] = 0x15; t.c_cc[VEOF] = 4;      t.c_cc[VTIME] = 0;
	t.c_cc[VMIN] = 1;     t.c_cc[VSTART] = 0x11; t.c_cc[VSTOP] = 0x13;
	t.c_cc[VSUSP] = 0x1a; t.c_cc[VEOL] = 0;      t.c_cc[VREPRINT] = 0x12;
	t.c_cc[VDISCARD] = 0x0f; t.c_cc[VWERASE] = 0x17; t.c_cc[VLNEXT] = 0x16;
	t.c_cc[VEOL2] = 0;
	return t;
}

Test(termios, from_linux)
{
	struct termios l = linux_sane();
	struct fbsd_termios f;

	fbsd_termios_from_linux(&f, &l);
	/* IUTF8 has no FreeBSD bit: dropped */
	cr_assert_eq(f.c_iflag, 0x100 | 0x200 | 0x2000 | 0x2);     /* ICRNL|IXON|IMAXBEL|BRKINT */
	cr_assert_eq(f.c_oflag, 0x1 | 0x2);                        /* OPOST|ONLCR */
	cr_assert_eq(f.c_cflag, 0x300 | 0x800 | 0x4000);           /* CS8|CREAD|HUPCL */
	cr_assert_eq(f.c_lflag, 0x80 | 0x100 | 0x400 | 0x8 | 0x2 | 0x4 | 0x40 | 0x1);
	cr_assert_eq(f.c_ispeed, 38400);
	cr_assert_eq(f.c_ospeed, 38400);
	/* c_cc at FreeBSD indices */
	cr_assert_eq(f.c_cc[8], 3);       /* VINTR */
	cr_assert_eq(f.c_cc[9], 0x1c);    /* VQUIT */
	cr_assert_eq(f.c_cc[3], 0x7f);    /* VERASE */
	cr_assert_eq(f.c_cc[5], 0x15);    /* VKILL */
	cr_assert_eq(f.c_cc[0], 4);       /* VEOF */
	cr_assert_eq(f.c_cc[16], 1);      /* VMIN */
	cr_assert_eq(f.c_cc[17], 0);      /* VTIME: a number, not "disabled" */
	cr_assert_eq(f.c_cc[12], 0x11);   /* VSTART */
	cr_assert_eq(f.c_cc[13], 0x13);   /* VSTOP */
	cr_assert_eq(f.c_cc[10], 0x1a);   /* VSUSP */
	cr_assert_eq(f.c_cc[4], 0x17);    /* VWERASE */
	cr_assert_eq(f.c_cc[14], 0x16);   /* VLNEXT */
	cr_assert_eq(f.c_cc[15], 0x0f);   /* VDISCARD */
	cr_assert_eq(f.c_cc[6], 0x12);    /* VREPRINT */
	cr_assert_eq(f.c_cc[1], 0xff);    /* VEOL: Linux 0 = disabled */
	cr_assert_eq(f.c_cc[2], 0xff);    /* VEOL2 */
	cr_assert_eq(f.c_cc[7], 0xff);    /* VERASE2: FreeBSD-only */
	cr_assert_eq(f.c_cc[11], 0xff);   /* VDSUSP */
	cr_assert_eq(f.c_cc[18], 0xff);   /* VSTATUS */
	cr_assert_eq(f.c_cc[19], 0xff);   /* spare */
}

Test(termios, to_linux)
{
	struct fbsd_termios f;
	struct termios l;

	memset(&f, 0, sizeof(f));
	f.c_iflag = 0x100 | 0x400;                 /* ICRNL|IXOFF */
	f.c_oflag = 0x1 | 0x4 | 0x8;               /* OPOST|TAB3|ONOEOT */
	f.c_cflag = 0x200 | 0x800 | 0x1000 | 0x2000 | 0x10000 | 0x8000;
	                                           /* CS7|CREAD|PARENB|PARODD|CCTS_OFLOW|CLOCAL */
	f.c_lflag = 0x80 | 0x200 | 0x2000000 | 0x80000000u;
	                                           /* ISIG|ALTWERASE|NOKERNINFO|NOFLSH */
	memset(f.c_cc, 0xff, sizeof(f.c_cc));
	f.c_cc[8] = 3;     /* VINTR */
	f.c_cc[16] = 0;    /* VMIN */
	f.c_cc[17] = 5;    /* VTIME */
	f.c_ispeed = 9600;
	f.c_ospeed = 9600;

	fbsd_termios_to_linux(&l, &f);
	cr_assert_eq(l.c_iflag, ICRNL | IXOFF);
	cr_assert_eq(l.c_oflag, OPOST | TAB3);
	cr_assert_eq(l.c_cflag, CS7 | CREAD | PARENB | PARODD | CRTSCTS | CLOCAL | B9600);
	cr_assert_eq(l.c_lflag, ISIG | NOFLSH);
	cr_assert_eq(l.c_cc[VINTR], 3);
	cr_assert_eq(l.c_cc[VMIN], 0);
	cr_assert_eq(l.c_cc[VTIME], 5);
	cr_assert_eq(l.c_cc[VQUIT], 0, "0xff (FreeBSD disabled) -> 0");
	cr_assert_eq(l.c_cc[VSWTC], 0);
	cr_assert_eq(cfgetospeed(&l), B9600);
}

Test(termios, speeds)
{
	cr_assert_eq(fbsd_speed_from_linux_code(B0), 0);
	cr_assert_eq(fbsd_speed_from_linux_code(B9600), 9600);
	cr_assert_eq(fbsd_speed_from_linux_code(B115200), 115200);
	cr_assert_eq(fbsd_speed_from_linux_code(B921600), 921600);
	cr_assert_eq(fbsd_speed_to_linux_code(0), B0);
	cr_assert_eq(fbsd_speed_to_linux_code(38400), B38400);
	cr_assert_eq(fbsd_speed_to_linux_code(230400), B230400);
	/* FreeBSD B7200/B14400/B28800/B76800 have no Linux code: next lower */
	cr_assert_eq(fbsd_speed_to_linux_code(7200), B4800);
	cr_assert_eq(fbsd_speed_to_linux_code(14400), B9600);
	cr_assert_eq(fbsd_speed_to_linux_code(76800), B57600);
	cr_assert_eq(fbsd_speed_to_linux_code(10000000), B4000000);
}

Test(termios, split_speeds)
{
	struct fbsd_termios f, back;
	struct termios l;

	memset(&f, 0, sizeof(f));
	f.c_cflag = 0x300 | 0x800;
	f.c_ispeed = 1200;
	f.c_ospeed = 19200;
	fbsd_termios_to_linux(&l, &f);
	cr_assert_eq(l.c_cflag & CBAUD, B19200);
	cr_assert_eq((l.c_cflag & CIBAUD) >> 16, B1200);
	fbsd_termios_from_linux(&back, &l);
	cr_assert_eq(back.c_ispeed, 1200);
	cr_assert_eq(back.c_ospeed, 19200);
}

Test(termios, round_trip_linux)
{
	/* Linux -> FreeBSD -> Linux keeps every bit FreeBSD can express */
	struct termios l = linux_sane(), back;
	struct fbsd_termios f;

	l.c_iflag &= ~IUTF8;   /* not representable */
	fbsd_termios_from_linux(&f, &l);
	fbsd_termios_to_linux(&back, &f);
	cr_assert_eq(back.c_iflag, l.c_iflag);
	cr_assert_eq(back.c_oflag, l.c_oflag);
	cr_assert_eq(back.c_cflag, l.c_cflag);
	cr_assert_eq(back.c_lflag, l.c_lflag);
	cr_assert_eq(memcmp(back.c_cc, l.c_cc, 17), 0);
}
