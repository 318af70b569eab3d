/* Internal header of the FreeBSD personality: handler prototypes (from the
 * table) and the helpers every handler file uses. */
#ifndef PERSONA_PERSONALITY_FREEBSD_FBSD_H
#define PERSONA_PERSONALITY_FREEBSD_FBSD_H
#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include "personality/personality.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"
#include "personality/bsd/bsd.h"

/* Rows whose handler is the one both BSDs share (personality/bsd/). */
#define fbsd_sys_exit        bsd_sys_exit
#define fbsd_sys_kqueue      bsd_sys_kqueue
#define fbsd_sys_read        bsd_sys_read
#define fbsd_sys_mprotect    bsd_sys_mprotect
#define fbsd_sys_write       bsd_sys_write
#define fbsd_sys_readv       bsd_sys_readv
#define fbsd_sys_writev      bsd_sys_writev
#define fbsd_sys_close       bsd_sys_close
#define fbsd_sys_dup         bsd_sys_dup
#define fbsd_sys_getppid     bsd_sys_getppid
#define fbsd_sys_getuid      bsd_sys_getuid
#define fbsd_sys_geteuid     bsd_sys_geteuid
#define fbsd_sys_getgid      bsd_sys_getgid
#define fbsd_sys_getegid     bsd_sys_getegid
#define fbsd_sys_issetugid   bsd_sys_issetugid
#define fbsd_sys_sched_yield bsd_sys_sched_yield
#define fbsd_sys_unlink      bsd_sys_unlink

/* path calls (personality/bsd/path_calls.c) */
#define fbsd_sys_dup2       bsd_sys_dup2
#define fbsd_sys_fsync      bsd_sys_fsync
#define fbsd_sys_fdatasync  bsd_sys_fdatasync
#define fbsd_sys_access     bsd_sys_access
#define fbsd_sys_eaccess    bsd_sys_eaccess
#define fbsd_sys_faccessat  bsd_sys_faccessat
#define fbsd_sys_chdir      bsd_sys_chdir
#define fbsd_sys_fchdir     bsd_sys_fchdir
#define fbsd_sys_mkdir      bsd_sys_mkdir
#define fbsd_sys_mkdirat    bsd_sys_mkdirat
#define fbsd_sys_rmdir      bsd_sys_rmdir
#define fbsd_sys_unlinkat   bsd_sys_unlinkat
#define fbsd_sys_renameat   bsd_sys_renameat
#define fbsd_sys_link       bsd_sys_link
#define fbsd_sys_linkat     bsd_sys_linkat
#define fbsd_sys_symlink    bsd_sys_symlink
#define fbsd_sys_symlinkat  bsd_sys_symlinkat
#define fbsd_sys_readlink   bsd_sys_readlink
#define fbsd_sys_readlinkat bsd_sys_readlinkat
#define fbsd_sys_chmod      bsd_sys_chmod
#define fbsd_sys_lchmod     bsd_sys_lchmod
#define fbsd_sys_fchmodat   bsd_sys_fchmodat
#define fbsd_sys_fchmod     bsd_sys_fchmod
#define fbsd_sys_chown      bsd_sys_chown
#define fbsd_sys_lchown     bsd_sys_lchown
#define fbsd_sys_fchownat   bsd_sys_fchownat
#define fbsd_sys_fchown     bsd_sys_fchown
#define fbsd_sys_utimes     bsd_sys_utimes
#define fbsd_sys_mkfifoat   bsd_sys_mkfifoat
#define fbsd_sys_mkfifo     bsd_sys_mkfifo
#define fbsd_sys_rename      bsd_sys_rename
/* sockets (personality/bsd/socket.c) */
#define fbsd_sys_listen      bsd_sys_listen
#define fbsd_sys_shutdown    bsd_sys_shutdown
/* processes (personality/bsd/process.c, sys_proc.c, sys_cred.c, sys_time.c) */
#define fbsd_sys_fork        bsd_sys_fork
#define fbsd_sys_vfork       bsd_sys_vfork
#define fbsd_sys_execve      bsd_sys_execve
#define fbsd_sys_ptrace      bsd_sys_ptrace
#define fbsd_sys_setpgid     bsd_sys_setpgid
#define fbsd_sys_getpgrp     bsd_sys_getpgrp
#define fbsd_sys_getpgid     bsd_sys_getpgid
#define fbsd_sys_getsid      bsd_sys_getsid
#define fbsd_sys_setsid      bsd_sys_setsid
#define fbsd_sys_umask       bsd_sys_umask
#define fbsd_sys_getrusage   bsd_sys_getrusage
#define fbsd_sys_getgroups   bsd_sys_getgroups
#define fbsd_sys_setuid      bsd_sys_setuid
#define fbsd_sys_setgid      bsd_sys_setgid
#define fbsd_sys_seteuid     bsd_sys_seteuid
#define fbsd_sys_setegid     bsd_sys_setegid
#define fbsd_sys_setreuid    bsd_sys_setreuid
#define fbsd_sys_setregid    bsd_sys_setregid
#define fbsd_sys_gettimeofday bsd_sys_gettimeofday
#define fbsd_sys_setitimer   bsd_sys_setitimer
#define fbsd_sys_getitimer   bsd_sys_getitimer

#define PROTO_DONE(name)    long fbsd_sys_##name(struct sysctx *c);
#define PROTO_PARTIAL(name) long fbsd_sys_##name(struct sysctx *c);
#define PROTO_MISSING(name)
#define SYSCALL(nr, name, status, class, kinds, note) PROTO_##status(name)
#include "personality/freebsd/syscalls.def"
#undef SYSCALL

/* Handlers follow the contract in personality/personality.h; a FreeBSD
 * errno with no Linux counterpart is returned as GUEST_ERRNO(e). */


/* FreeBSD thread ids are a separate number space above PID_MAX
 * (sys/sys/proc.h: THREAD0_TID = NO_PID + 1 = 100000+1 on FreeBSD 14). */
#define FBSD_TID_BASE 100000

/* The kernel-provided signal trampoline ("sigcode") mapped into the guest. */
extern uint64_t fbsd_sigcode_addr;

/* FreeBSD release persona reports everywhere (kern.osreldate, AT_OSRELDATE,
 * kern.osrelease): FreeBSD 14.1. */
#define FBSD_OSRELDATE 1401000
#define FBSD_OSRELEASE "14.1-RELEASE"

#endif
