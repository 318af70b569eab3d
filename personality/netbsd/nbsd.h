/* Internal header of the NetBSD personality: handler prototypes (from the
 * table), the rows shared with the other BSD, and common helpers. */
#ifndef PERSONA_PERSONALITY_NETBSD_NBSD_H
#define PERSONA_PERSONALITY_NETBSD_NBSD_H
#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include "personality/personality.h"
#include "personality/bsd/bsd.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"

/* Rows whose handler is the one both BSDs share (personality/bsd/). */
#define nbsd_sys_exit        bsd_sys_exit
#define nbsd_sys_kqueue      bsd_sys_kqueue
#define nbsd_sys_read        bsd_sys_read
#define nbsd_sys_mprotect    bsd_sys_mprotect
#define nbsd_sys_write       bsd_sys_write
#define nbsd_sys_readv       bsd_sys_readv
#define nbsd_sys_writev      bsd_sys_writev
#define nbsd_sys_close       bsd_sys_close
#define nbsd_sys_dup         bsd_sys_dup
#define nbsd_sys_getppid     bsd_sys_getppid
#define nbsd_sys_getuid      bsd_sys_getuid
#define nbsd_sys_geteuid     bsd_sys_geteuid
#define nbsd_sys_getgid      bsd_sys_getgid
#define nbsd_sys_getegid     bsd_sys_getegid
#define nbsd_sys_issetugid   bsd_sys_issetugid
#define nbsd_sys_sched_yield bsd_sys_sched_yield
#define nbsd_sys_unlink      bsd_sys_unlink
#define nbsd_sys_rename      bsd_sys_rename
/* sockets (personality/bsd/socket.c) */
#define nbsd_sys_listen      bsd_sys_listen
#define nbsd_sys_shutdown    bsd_sys_shutdown
/* processes (personality/bsd/process.c, sys_proc.c, sys_cred.c, sys_time.c) */
#define nbsd_sys_fork        bsd_sys_fork
#define nbsd_sys_vfork       bsd_sys_vfork
#define nbsd_sys___vfork14   bsd_sys_vfork
#define nbsd_sys_execve      bsd_sys_execve
#define nbsd_sys_ptrace      bsd_sys_ptrace
#define nbsd_sys_umask       bsd_sys_umask
#define nbsd_sys_getpgrp     bsd_sys_getpgrp
#define nbsd_sys_setpgid     bsd_sys_setpgid
#define nbsd_sys_getpgid     bsd_sys_getpgid
#define nbsd_sys_getsid      bsd_sys_getsid
#define nbsd_sys_setsid      bsd_sys_setsid
#define nbsd_sys_setuid      bsd_sys_setuid
#define nbsd_sys_setgid      bsd_sys_setgid
#define nbsd_sys_seteuid     bsd_sys_seteuid
#define nbsd_sys_setegid     bsd_sys_setegid
#define nbsd_sys_setreuid    bsd_sys_setreuid
#define nbsd_sys_setregid    bsd_sys_setregid
#define nbsd_sys_getgroups   bsd_sys_getgroups
#define nbsd_sys___getrusage50    bsd_sys_getrusage
#define nbsd_sys___gettimeofday50 bsd_sys_gettimeofday
#define nbsd_sys___setitimer50    bsd_sys_setitimer
#define nbsd_sys___getitimer50    bsd_sys_getitimer

/* files and paths (personality/bsd/path_calls.c, sys_shared.c) */
#define nbsd_sys_access       bsd_sys_access
#define nbsd_sys_chdir        bsd_sys_chdir
#define nbsd_sys_fchdir       bsd_sys_fchdir
#define nbsd_sys_mkdir        bsd_sys_mkdir
#define nbsd_sys_mkdirat      bsd_sys_mkdirat
#define nbsd_sys_rmdir        bsd_sys_rmdir
#define nbsd_sys_renameat     bsd_sys_renameat
#define nbsd_sys_link         bsd_sys_link
#define nbsd_sys_symlink      bsd_sys_symlink
#define nbsd_sys_symlinkat    bsd_sys_symlinkat
/* readlink, readlinkat: sys_procfs.c (/proc/curproc/exe), then the shared ones */
#define nbsd_sys_chmod        bsd_sys_chmod
#define nbsd_sys_lchmod       bsd_sys_lchmod
#define nbsd_sys_fchmod       bsd_sys_fchmod
#define nbsd_sys_chown        bsd_sys_chown
#define nbsd_sys_lchown       bsd_sys_lchown
#define nbsd_sys_fchown       bsd_sys_fchown
#define nbsd_sys_mkfifoat     bsd_sys_mkfifoat
#define nbsd_sys_mkfifo       bsd_sys_mkfifo
#define nbsd_sys_dup2         bsd_sys_dup2
#define nbsd_sys_fsync        bsd_sys_fsync
#define nbsd_sys_fdatasync    bsd_sys_fdatasync
#define nbsd_sys___utimes50  bsd_sys_utimes

#define PROTO_DONE(name)    long nbsd_sys_##name(struct sysctx *c);
#define PROTO_PARTIAL(name) long nbsd_sys_##name(struct sysctx *c);
#define PROTO_MISSING(name)
#define SYSCALL(nr, name, status, class, kinds, note) PROTO_##status(name)
#include "personality/netbsd/syscalls.def"
#undef SYSCALL

/* sys_time.c: NetBSD clock ids -> Linux (-1: unknown); the ones the vDSO
 * answers exactly (the fast path). */
int nbsd_clockid_to_linux(int nclock);
int nbsd_fast_clock_host_id(int nclock);

/* sys/sys/syslimits.h: PATH_MAX 1024. */
#define NBSD_PATH_MAX 1024

/* processes: exec.c keeps the program's path; sys_procfs.c answers
 * readlink("/proc/curproc/exe") with it. */
extern char nbsd_execpath[NBSD_PATH_MAX];

/* The first LWP's id: NetBSD numbers a process's LWPs from 1
 * (sys/kern/kern_lwp.c). */
#define NBSD_FIRST_LID 1

#endif
