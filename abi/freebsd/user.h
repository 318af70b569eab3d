/*
 * struct kinfo_proc: what kern.proc.pid.<pid> (and the other kern.proc
 * process lists) return, one record per process, on FreeBSD 13/14 amd64.
 *
 * Sources: sys/sys/user.h (struct kinfo_proc, KINFO_PROC_SIZE = 1088 on
 * amd64, KI_NSPARE_INT 2, KI_NSPARE_PTR 5, KI_NSPARE_LONG 12, the *LEN
 * string sizes, KI_CTTY/KI_SLEADER, PS_INMEM); sys/sys/proc.h (SIDL..SLOCK,
 * P_CONTROLT, P_INMEM, NOCPU); sys/kern/kern_proc.c (MAXCPU_OLD 254,
 * NOCPU_OLD 255 for the legacy cpu bytes); sys/sys/_sigset.h (sigset_t is 4 x uint32);
 * sys/sys/rtprio.h (struct priority, 4 bytes); sys/sys/resource.h (struct
 * rusage, 144 bytes on amd64); sys/sys/param.h (MAXCOMLEN 19).
 */
#ifndef PERSONA_ABI_FREEBSD_USER_H
#define PERSONA_ABI_FREEBSD_USER_H

#include <stddef.h>
#include <stdint.h>

#define FBSD_KINFO_PROC_SIZE  1088

#define FBSD_WMESGLEN        8
#define FBSD_LOCKNAMELEN     8
#define FBSD_TDNAMLEN        16
#define FBSD_COMMLEN         19
#define FBSD_KI_EMULNAMELEN  16
#define FBSD_KI_NGROUPS      16
#define FBSD_LOGNAMELEN      17
#define FBSD_LOGINCLASSLEN   17
#define FBSD_MAXCOMLEN       19

/* ki_stat (sys/sys/proc.h) */
#define FBSD_SIDL    1   /* being created by fork */
#define FBSD_SRUN    2   /* running or on a run queue */
#define FBSD_SSLEEP  3   /* sleeping on an address */
#define FBSD_SSTOP   4   /* stopped */
#define FBSD_SZOMB   5   /* exited, waiting for the parent */
#define FBSD_SWAIT   6   /* waiting for an interrupt */
#define FBSD_SLOCK   7   /* blocked on a lock */

#define FBSD_P_CONTROLT  0x00000002   /* ki_flag: has a controlling terminal */
#define FBSD_KI_CTTY     0x00000001   /* ki_kiflag: controlling tty vnode active */
#define FBSD_KI_SLEADER  0x00000002   /* ki_kiflag: session leader */
#define FBSD_P_INMEM     0x10000000   /* ki_flag: loaded into memory */
#define FBSD_PS_INMEM    0x00000001   /* ki_sflag: the same, legacy */
#define FBSD_KI_CRF_GRP_OVERFLOW 0x80000000u  /* ki_cr_flags: over KI_NGROUPS groups */
#define FBSD_NODEV       ((uint64_t)-1)
#define FBSD_NOCPU       (-1)

struct fbsd_kp_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

struct fbsd_kp_rusage {
	struct fbsd_kp_timeval ru_utime;
	struct fbsd_kp_timeval ru_stime;
	int64_t ru_long[14];           /* ru_maxrss .. ru_nivcsw */
};

struct fbsd_kinfo_proc {
	int32_t  ki_structsize;
	int32_t  ki_layout;
	uint64_t ki_args, ki_paddr, ki_addr, ki_tracep, ki_textvp, ki_fd, ki_vmspace;
	uint64_t ki_wchan;
	int32_t  ki_pid;
	int32_t  ki_ppid;
	int32_t  ki_pgid;
	int32_t  ki_tpgid;
	int32_t  ki_sid;
	int32_t  ki_tsid;
	int16_t  ki_jobc;
	int16_t  ki_spare_short1;
	uint32_t ki_tdev_freebsd11;
	uint32_t ki_siglist[4];
	uint32_t ki_sigmask[4];
	uint32_t ki_sigignore[4];
	uint32_t ki_sigcatch[4];
	uint32_t ki_uid;
	uint32_t ki_ruid;
	uint32_t ki_svuid;
	uint32_t ki_rgid;
	uint32_t ki_svgid;
	int16_t  ki_ngroups;
	int16_t  ki_spare_short2;
	uint32_t ki_groups[FBSD_KI_NGROUPS];
	uint64_t ki_size;              /* virtual size, bytes */
	int64_t  ki_rssize;            /* resident set, pages */
	int64_t  ki_swrss;
	int64_t  ki_tsize;             /* text, pages */
	int64_t  ki_dsize;             /* data, pages */
	int64_t  ki_ssize;             /* stack, pages */
	uint16_t ki_xstat;
	uint16_t ki_acflag;
	uint32_t ki_pctcpu;
	uint32_t ki_estcpu;
	uint32_t ki_slptime;
	uint32_t ki_swtime;
	uint32_t ki_cow;
	uint64_t ki_runtime;           /* microseconds */
	struct fbsd_kp_timeval ki_start;
	struct fbsd_kp_timeval ki_childtime;
	int64_t  ki_flag;
	int64_t  ki_kiflag;
	int32_t  ki_traceflag;
	char     ki_stat;
	int8_t   ki_nice;
	char     ki_lock;
	char     ki_rqindex;
	uint8_t  ki_oncpu_old;
	uint8_t  ki_lastcpu_old;
	char     ki_tdname[FBSD_TDNAMLEN + 1];
	char     ki_wmesg[FBSD_WMESGLEN + 1];
	char     ki_login[FBSD_LOGNAMELEN + 1];
	char     ki_lockname[FBSD_LOCKNAMELEN + 1];
	char     ki_comm[FBSD_COMMLEN + 1];
	char     ki_emul[FBSD_KI_EMULNAMELEN + 1];
	char     ki_loginclass[FBSD_LOGINCLASSLEN + 1];
	char     ki_moretdname[FBSD_MAXCOMLEN - FBSD_TDNAMLEN + 1];
	char     ki_sparestrings[46];
	int32_t  ki_spareints[2];
	uint64_t ki_tdev;
	int32_t  ki_oncpu;
	int32_t  ki_lastcpu;
	int32_t  ki_tracer;
	int32_t  ki_flag2;
	int32_t  ki_fibnum;
	uint32_t ki_cr_flags;
	int32_t  ki_jid;
	int32_t  ki_numthreads;
	int32_t  ki_tid;
	uint8_t  ki_pri[4];            /* struct priority: class, level, native, user */
	struct fbsd_kp_rusage ki_rusage;
	struct fbsd_kp_rusage ki_rusage_ch;
	uint64_t ki_pcb, ki_kstack, ki_udata, ki_tdaddr, ki_pd;
	uint64_t ki_spareptrs[5];
	int64_t  ki_sparelongs[12];
	int64_t  ki_sflag;
	int64_t  ki_tdflags;
};

_Static_assert(sizeof(struct fbsd_kp_rusage) == 144, "struct rusage");
_Static_assert(sizeof(struct fbsd_kinfo_proc) == FBSD_KINFO_PROC_SIZE, "KINFO_PROC_SIZE");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_pid) == 72, "ki_pid");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_tdev_freebsd11) == 100, "ki_tdev_freebsd11");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_uid) == 168, "ki_uid");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_size) == 256, "ki_size");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_start) == 336, "ki_start");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_stat) == 388, "ki_stat");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_comm) == 447, "ki_comm");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_tdev) == 560, "ki_tdev");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_numthreads) == 596, "ki_numthreads");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_rusage) == 608, "ki_rusage");
_Static_assert(offsetof(struct fbsd_kinfo_proc, ki_sflag) == 1072, "ki_sflag");

#endif /* PERSONA_ABI_FREEBSD_USER_H */
