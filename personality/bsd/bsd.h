/* What the BSD personalities share: typed argument access and the handlers
 * whose binary interface is the same on FreeBSD and NetBSD (same number
 * meaning, same argument registers, no struct or flag to convert).
 *
 * Each personality's table names a handler `<prefix>_sys_<name>`; a shared
 * one is mapped onto its single definition here by a macro in the
 * personality's own header (`#define fbsd_sys_read bsd_sys_read`), so the
 * table needs no extra column and no handler is written twice. */
#ifndef PERSONA_PERSONALITY_BSD_BSD_H
#define PERSONA_PERSONALITY_BSD_BSD_H
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include "personality/personality.h"

/* Typed argument access: the BSDs pass int arguments in the low 32 bits of
 * a 64-bit register; the upper half is not guaranteed to be clean. */
#define ARG_INT(c, i)  ((int)(int32_t)(c)->a[i])
#define ARG_UINT(c, i) ((unsigned)(uint32_t)(c)->a[i])
#define ARG_LONG(c, i) ((long)(c)->a[i])
#define ARG_PTR(c, i)  ((c)->a[i])

/* sys_shared.c */
long bsd_sys_exit(struct sysctx *c);
long bsd_sys_read(struct sysctx *c);
long bsd_sys_mprotect(struct sysctx *c);
long bsd_sys_write(struct sysctx *c);
long bsd_sys_readv(struct sysctx *c);
long bsd_sys_writev(struct sysctx *c);
long bsd_sys_close(struct sysctx *c);
long bsd_sys_dup(struct sysctx *c);
long bsd_sys_getppid(struct sysctx *c);
long bsd_sys_getuid(struct sysctx *c);
long bsd_sys_geteuid(struct sysctx *c);
long bsd_sys_getgid(struct sysctx *c);
long bsd_sys_getegid(struct sysctx *c);
long bsd_sys_issetugid(struct sysctx *c);
long bsd_sys_sched_yield(struct sysctx *c);
long bsd_sys_dup2(struct sysctx *c);
long bsd_sys_fsync(struct sysctx *c);
long bsd_sys_fdatasync(struct sysctx *c);

/* sys_path.c */
long bsd_sys_unlink(struct sysctx *c);
long bsd_sys_rename(struct sysctx *c);
/* renameat(fromfd, from, tofd, to): both paths through the view. */
long bsd_renameat(struct sysctx *c, int ofd, uint64_t uold, int nfd, uint64_t unew);

/* path_calls.c: the path calls whose interface both BSDs share (AT_*
 * flags in FreeBSD's numbers, see at_path.h). */
long bsd_sys_access(struct sysctx *c);
long bsd_sys_eaccess(struct sysctx *c);
long bsd_sys_faccessat(struct sysctx *c);
long bsd_sys_chdir(struct sysctx *c);
long bsd_sys_fchdir(struct sysctx *c);
long bsd_sys_mkdir(struct sysctx *c);
long bsd_sys_mkdirat(struct sysctx *c);
long bsd_sys_rmdir(struct sysctx *c);
long bsd_sys_unlinkat(struct sysctx *c);
long bsd_sys_renameat(struct sysctx *c);
long bsd_sys_link(struct sysctx *c);
long bsd_sys_linkat(struct sysctx *c);
long bsd_sys_symlink(struct sysctx *c);
long bsd_sys_symlinkat(struct sysctx *c);
long bsd_sys_readlink(struct sysctx *c);
long bsd_sys_readlinkat(struct sysctx *c);
long bsd_sys_chmod(struct sysctx *c);
long bsd_sys_lchmod(struct sysctx *c);
long bsd_sys_fchmodat(struct sysctx *c);
long bsd_sys_fchmod(struct sysctx *c);
long bsd_sys_chown(struct sysctx *c);
long bsd_sys_lchown(struct sysctx *c);
long bsd_sys_fchownat(struct sysctx *c);
long bsd_sys_fchown(struct sysctx *c);
long bsd_sys_utimes(struct sysctx *c);
long bsd_sys_mkfifoat(struct sysctx *c);
long bsd_sys_mkfifo(struct sysctx *c);
/* The current directory in the guest's view, NUL included in cap: its
 * length or -ERANGE. */
long bsd_guest_cwd(struct sysctx *c, char *guest, size_t cap);
/* mknodat with a Linux device number (the caller converts its dev_t). */
long bsd_mknodat(struct sysctx *c, int dirfd, uint64_t upath, unsigned mode, unsigned long dev);

/* dirents.c: read a directory for the guest: Linux getdents64 records
 * turned into the BSD's by `conv` (the abi converter; `variant` is passed
 * through), never more than fit, the directory offset moved back past what
 * was handed out.  *basep (when ubasep) gets the offset read from.
 * Returns the bytes written, or -errno (EINVAL when not a directory). */
typedef size_t (*bsd_dirent_conv)(void *out, size_t outcap, const void *linux_buf, size_t inlen,
                                  int variant, size_t *consumed, int64_t *last_off);
long bsd_read_dirents(struct sysctx *c, int fd, uint64_t ubuf, size_t nbytes, uint64_t ubasep,
                      bsd_dirent_conv conv, int variant);

/* sys_mman.c: mmap once the flags are Linux ones (page offset, MAP_FIXED
 * range check against user_max, the end of the user map, MAP_ALIGNED by
 * trimming, memguard).  -EEXIST for MAP_FIXED_NOREPLACE over a mapping. */
long bsd_mmap_linux(struct sysctx *c, uint64_t addr, uint64_t len, int prot, int flags,
                    unsigned align_log2, int fd, uint64_t off, uint64_t user_max);
/* A request over persona's own memory: reported, EINVAL. */
long bsd_mman_refuse(struct sysctx *c, const char *call);
static inline int bsd_range_below(uint64_t addr, uint64_t len, uint64_t user_max)
{
    return addr + len >= addr && addr + len <= user_max;
}

/* sys_mman.c: munmap below the OS's top of the user map. */
long bsd_munmap(struct sysctx *c, uint64_t user_max);

/* sys_signal.c: sigaltstack, with the OS's MINSIGSTKSZ. */
long bsd_sigaltstack(struct sysctx *c, uint64_t minsigstksz);

/* processes */
/* process.c: fork/vfork (%rdx 1 in the child), execve. */
long bsd_sys_fork(struct sysctx *c);
long bsd_sys_vfork(struct sysctx *c);
long bsd_sys_execve(struct sysctx *c);
/* process.c: ptrace, PT_TRACE_ME only (at the next native exec). */
long bsd_sys_ptrace(struct sysctx *c);
/* process.c: a Linux wait status word (or a waitid result) in the guest's
 * signal numbers; `continued` is the guest's WIFCONTINUED word. */
int bsd_wait_status_from_linux(int st, int (*signo_from_linux)(int), int continued);
int bsd_wait_status_from_siginfo(const siginfo_t *si, int (*signo_from_linux)(int), int continued);
/* sys_proc.c */
long bsd_sys_setpgid(struct sysctx *c);
long bsd_sys_getpgrp(struct sysctx *c);
long bsd_sys_getpgid(struct sysctx *c);
long bsd_sys_getsid(struct sysctx *c);
long bsd_sys_setsid(struct sysctx *c);
long bsd_sys_umask(struct sysctx *c);
long bsd_sys_getrusage(struct sysctx *c);
long bsd_sys_getgroups(struct sysctx *c);
/* getrlimit/setrlimit(resource, rlp) with the guest's resource numbers
 * (`resource_to_linux`: -1 for none); RLIMIT_NOFILE is the guest's own. */
long bsd_getrlimit(struct sysctx *c, int (*resource_to_linux)(int));
long bsd_setrlimit(struct sysctx *c, int (*resource_to_linux)(int));
/* setgroups(n, gids) with the OS's NGROUPS_MAX. */
long bsd_setgroups(struct sysctx *c, int ngroups_max);
/* sys_cred.c */
long bsd_sys_setuid(struct sysctx *c);
long bsd_sys_setgid(struct sysctx *c);
long bsd_sys_seteuid(struct sysctx *c);
long bsd_sys_setegid(struct sysctx *c);
long bsd_sys_setreuid(struct sysctx *c);
long bsd_sys_setregid(struct sysctx *c);
/* sys_time.c */
long bsd_sys_gettimeofday(struct sysctx *c);
long bsd_sys_setitimer(struct sysctx *c);
long bsd_sys_getitimer(struct sysctx *c);

/* trace_class.c: the tracer's %file, %desc, %process... classes from a
 * row's argument kinds and class column. */
bool bsd_trace_in_class(const struct syscall_entry *e, const char *cls);

#endif
