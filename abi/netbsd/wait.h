/* NetBSD/amd64 wait options, id types and status words. */
#ifndef PERSONA_ABI_NETBSD_WAIT_H
#define PERSONA_ABI_NETBSD_WAIT_H

/* Options (sys/sys/wait.h). */
#define NBSD_WNOHANG     0x00000001
#define NBSD_WUNTRACED   0x00000002   /* also WSTOPPED */
#define NBSD_WALTSIG     0x00000004   /* Linux __WCLONE */
#define NBSD_WALLSIG     0x00000008   /* Linux __WALL */
#define NBSD_WCONTINUED  0x00000010
#define NBSD_WEXITED     0x00000020
#define NBSD_WTRAPPED    0x00000040
#define NBSD_WNOWAIT     0x00010000
#define NBSD_WNOZOMBIE   0x00020000

/* The status word of a continued child: W_CONTCODE() = _WCONTINUED =
 * 0xffff (sys/sys/wait.h), as on Linux. */
#define NBSD_WCONTINUED_STATUS 0xffff

/* idtype_t (sys/sys/idtype.h, the Solaris numbering). */
#define NBSD_P_ALL   0
#define NBSD_P_PID   1
#define NBSD_P_LWPID 2
#define NBSD_P_PPID  3
#define NBSD_P_PGID  4

/* Linux wait4/waitid options for NetBSD ones; -1 if a bit has no Linux
 * counterpart (WNOZOMBIE, WTRAPPED) or is unknown.  `wait6` selects
 * waitid's meaning of WUNTRACED (WSTOPPED) and allows WEXITED. */
int nbsd_wait_options_to_linux(int nopt, int wait6);

#endif
