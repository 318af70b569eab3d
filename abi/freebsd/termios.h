/*
 * FreeBSD termios, tty/file ioctl numbers, and termios converters.
 *
 * Sources: sys/sys/_termios.h (struct termios, flag bits, c_cc indices,
 * speeds), sys/sys/ttycom.h (TIOC*), sys/sys/filio.h (FIO*),
 * sys/sys/ioccom.h (encoding); numbers cross-checked against
 * golang.org/x/sys/unix/zerrors_freebsd_amd64.go (TIOC*) and the Rust libc
 * crate's FreeBSD module (FIO*, which the Go file lacks).
 */
#ifndef PERSONA_ABI_FREEBSD_TERMIOS_H
#define PERSONA_ABI_FREEBSD_TERMIOS_H

#include <stdint.h>
#include <termios.h>      /* Linux (glibc) struct termios */

/* sys/sys/_termios.h: c_cc indices */
#define FBSD_VEOF      0
#define FBSD_VEOL      1
#define FBSD_VEOL2     2
#define FBSD_VERASE    3
#define FBSD_VWERASE   4
#define FBSD_VKILL     5
#define FBSD_VREPRINT  6
#define FBSD_VERASE2   7
#define FBSD_VINTR     8
#define FBSD_VQUIT     9
#define FBSD_VSUSP    10
#define FBSD_VDSUSP   11
#define FBSD_VSTART   12
#define FBSD_VSTOP    13
#define FBSD_VLNEXT   14
#define FBSD_VDISCARD 15
#define FBSD_VMIN     16
#define FBSD_VTIME    17
#define FBSD_VSTATUS  18
#define FBSD_NCCS     20
#define FBSD_POSIX_VDISABLE 0xff   /* Linux uses 0 */

/* sys/sys/_termios.h: c_iflag */
#define FBSD_IGNBRK  0x00000001
#define FBSD_BRKINT  0x00000002
#define FBSD_IGNPAR  0x00000004
#define FBSD_PARMRK  0x00000008
#define FBSD_INPCK   0x00000010
#define FBSD_ISTRIP  0x00000020
#define FBSD_INLCR   0x00000040
#define FBSD_IGNCR   0x00000080
#define FBSD_ICRNL   0x00000100
#define FBSD_IXON    0x00000200
#define FBSD_IXOFF   0x00000400
#define FBSD_IXANY   0x00000800
#define FBSD_IMAXBEL 0x00002000

/* sys/sys/_termios.h: c_oflag */
#define FBSD_OPOST   0x00000001
#define FBSD_ONLCR   0x00000002
#define FBSD_TABDLY  0x00000004
#define FBSD_TAB0    0x00000000
#define FBSD_TAB3    0x00000004   /* expand tabs (OXTABS) */
#define FBSD_ONOEOT  0x00000008
#define FBSD_OCRNL   0x00000010
#define FBSD_ONOCR   0x00000020
#define FBSD_ONLRET  0x00000040

/* sys/sys/_termios.h: c_cflag */
#define FBSD_CIGNORE    0x00000001   /* tcsetattr: leave c_cflag alone */
#define FBSD_CSIZE      0x00000300
#define FBSD_CS5        0x00000000
#define FBSD_CS6        0x00000100
#define FBSD_CS7        0x00000200
#define FBSD_CS8        0x00000300
#define FBSD_CSTOPB     0x00000400
#define FBSD_CREAD      0x00000800
#define FBSD_PARENB     0x00001000
#define FBSD_PARODD     0x00002000
#define FBSD_HUPCL      0x00004000
#define FBSD_CLOCAL     0x00008000
#define FBSD_CCTS_OFLOW 0x00010000
#define FBSD_CRTS_IFLOW 0x00020000
#define FBSD_CRTSCTS    (FBSD_CCTS_OFLOW | FBSD_CRTS_IFLOW)
#define FBSD_CDTR_IFLOW 0x00040000
#define FBSD_CDSR_OFLOW 0x00080000
#define FBSD_CCAR_OFLOW 0x00100000

/* sys/sys/_termios.h: c_lflag */
#define FBSD_ECHOKE     0x00000001
#define FBSD_ECHOE      0x00000002
#define FBSD_ECHOK      0x00000004
#define FBSD_ECHO       0x00000008
#define FBSD_ECHONL     0x00000010
#define FBSD_ECHOPRT    0x00000020
#define FBSD_ECHOCTL    0x00000040
#define FBSD_ISIG       0x00000080
#define FBSD_ICANON     0x00000100
#define FBSD_ALTWERASE  0x00000200
#define FBSD_IEXTEN     0x00000400
#define FBSD_EXTPROC    0x00000800
#define FBSD_TOSTOP     0x00400000
#define FBSD_FLUSHO     0x00800000
#define FBSD_NOKERNINFO 0x02000000
#define FBSD_PENDIN     0x20000000
#define FBSD_NOFLSH     0x80000000u

/* sys/sys/termios.h: tcsetattr() actions (same as Linux) and TCSASOFT. */
#define FBSD_TCSANOW   0
#define FBSD_TCSADRAIN 1
#define FBSD_TCSAFLUSH 2
#define FBSD_TCSASOFT  0x10

/*
 * ioctl numbers, sys/sys/ioccom.h encoding:
 *   bits 0..7 number, 8..15 group char, 16..28 argument size,
 *   0x20000000 IOC_VOID, 0x40000000 IOC_OUT (kernel writes the argument),
 *   0x80000000 IOC_IN (kernel reads it).
 * The sizes are FreeBSD's (termios 44 = 0x2c), so none equals a Linux code.
 */
/* sys/sys/ttycom.h */
#define FBSD_TIOCEXCL      0x2000740dUL
#define FBSD_TIOCNXCL      0x2000740eUL
#define FBSD_TIOCGPTN      0x4004740fUL
#define FBSD_TIOCFLUSH     0x80047410UL   /* int: FREAD|FWRITE bits */
#define FBSD_TIOCGETA      0x402c7413UL   /* struct termios out */
#define FBSD_TIOCSETA      0x802c7414UL   /* tcsetattr(TCSANOW) */
#define FBSD_TIOCSETAW     0x802c7415UL   /* tcsetattr(TCSADRAIN) */
#define FBSD_TIOCSETAF     0x802c7416UL   /* tcsetattr(TCSAFLUSH) */
#define FBSD_TIOCGETD      0x4004741aUL
#define FBSD_TIOCSETD      0x8004741bUL
#define FBSD_TIOCPTMASTER  0x2000741cUL
#define FBSD_TIOCDRAIN     0x2000745eUL
#define FBSD_TIOCSIG       0x2004745fUL
#define FBSD_TIOCSCTTY     0x20007461UL
#define FBSD_TIOCGSID      0x40047463UL
#define FBSD_TIOCSWINSZ    0x80087467UL
#define FBSD_TIOCGWINSZ    0x40087468UL
#define FBSD_TIOCMGET      0x4004746aUL
#define FBSD_TIOCMBIC      0x8004746bUL
#define FBSD_TIOCMBIS      0x8004746cUL
#define FBSD_TIOCMSET      0x8004746dUL
#define FBSD_TIOCSTART     0x2000746eUL
#define FBSD_TIOCSTOP      0x2000746fUL
#define FBSD_TIOCPKT       0x80047470UL
#define FBSD_TIOCNOTTY     0x20007471UL
#define FBSD_TIOCSTI       0x80017472UL
#define FBSD_TIOCOUTQ      0x40047473UL
#define FBSD_TIOCSPGRP     0x80047476UL
#define FBSD_TIOCGPGRP     0x40047477UL
#define FBSD_TIOCCDTR      0x20007478UL
#define FBSD_TIOCSDTR      0x20007479UL
#define FBSD_TIOCCBRK      0x2000747aUL
#define FBSD_TIOCSBRK      0x2000747bUL
/* sys/sys/filio.h */
#define FBSD_FIOCLEX       0x20006601UL
#define FBSD_FIONCLEX      0x20006602UL
#define FBSD_FIOSEEKDATA   0xc0086661UL   /* off_t in/out */
#define FBSD_FIOSEEKHOLE   0xc0086662UL
#define FBSD_FIONSPACE     0x40046676UL
#define FBSD_FIONWRITE     0x40046677UL
#define FBSD_FIODTYPE      0x4004667aUL
#define FBSD_FIOGETOWN     0x4004667bUL
#define FBSD_FIOSETOWN     0x8004667cUL
#define FBSD_FIOASYNC      0x8004667dUL
#define FBSD_FIONBIO       0x8004667eUL
#define FBSD_FIONREAD      0x4004667fUL

/* sys/sys/_termios.h: struct termios, 44 bytes.  Speeds are plain baud
 * numbers (9600), not Linux's Bxxx codes. */
struct fbsd_termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t  c_cc[FBSD_NCCS];
	uint32_t c_ispeed;
	uint32_t c_ospeed;
};

/* sys/sys/ttycom.h: struct winsize, 8 bytes, same as Linux. */
struct fbsd_winsize {
	uint16_t ws_row;
	uint16_t ws_col;
	uint16_t ws_xpixel;
	uint16_t ws_ypixel;
};

/*
 * Linux termios -> FreeBSD.  Speeds come from the c_cflag CBAUD/CIBAUD
 * bits (a raw TCGETS leaves glibc's c_ispeed/c_ospeed unset).  Linux-only
 * bits (IUCLC, IUTF8, OLCUC, delays other than TAB3, XCASE, CMSPAR) are
 * dropped; FreeBSD-only c_cc slots (VERASE2, VDSUSP, VSTATUS) are disabled.
 * Disabled characters (Linux 0) become 0xff; VMIN/VTIME are copied as
 * numbers.
 */
void fbsd_termios_from_linux(struct fbsd_termios *out, const struct termios *in);

/*
 * FreeBSD termios -> Linux.  A speed Linux cannot encode becomes the next
 * lower Linux speed.  FreeBSD-only bits (ALTWERASE, NOKERNINFO, ONOEOT,
 * CDTR_IFLOW, CDSR_OFLOW, CCAR_OFLOW, CIGNORE) are dropped; either half
 * of FreeBSD's CRTSCTS sets Linux CRTSCTS.  If c_cflag has CIGNORE the
 * caller keeps the terminal's current c_cflag.
 */
void fbsd_termios_to_linux(struct termios *out, const struct fbsd_termios *in);

/* Linux Bxxx code <-> baud number (0 for an unknown code). */
uint32_t fbsd_speed_from_linux_code(unsigned linux_code);
unsigned fbsd_speed_to_linux_code(uint32_t baud);

#endif /* PERSONA_ABI_FREEBSD_TERMIOS_H */
