/*
 * FreeBSD sysctl(3) MIB numbers and OID metadata (sys/sys/sysctl.h).
 * The CTL_SYSCTL_* names for the 0.x meta requests are in recent
 * sys/sys/sysctl.h (older releases used the bare numbers); NEXTNOSKIP (7)
 * exists from FreeBSD 13 on.  Go's runtime/os_freebsd.go asks {0, 3} (CTL_SYSCTL,
 * NAME2OID) and {CTL_HW, HW_PAGESIZE}; defs_freebsd_amd64.go has
 * CTL_MAXNAME = 24; x/sys zerrors_freebsd_amd64.go has CTL_KERN/HW/NET,
 * KERN_OSTYPE/OSRELEASE/VERSION/HOSTNAME and HW_MACHINE.
 */
#ifndef PERSONA_ABI_FREEBSD_SYSCTL_H
#define PERSONA_ABI_FREEBSD_SYSCTL_H

#define FBSD_CTL_MAXNAME        24   /* max components in a MIB */

/* ---- top level ---------------------------------------------------------- */
#define FBSD_CTL_UNSPEC         0
#define FBSD_CTL_SYSCTL         0    /* "magic" meta node, same number */
#define FBSD_CTL_KERN           1
#define FBSD_CTL_VM             2
#define FBSD_CTL_VFS            3
#define FBSD_CTL_NET            4
#define FBSD_CTL_DEBUG          5
#define FBSD_CTL_HW             6
#define FBSD_CTL_MACHDEP        7
#define FBSD_CTL_USER           8
#define FBSD_CTL_P1003_1B       9

/* ---- CTL_SYSCTL (0.x) meta requests ------------------------------------ */
#define FBSD_CTL_SYSCTL_DEBUG      0   /* printf all nodes */
#define FBSD_CTL_SYSCTL_NAME       1   /* OID -> dotted name */
#define FBSD_CTL_SYSCTL_NEXT       2   /* next OID, honouring CTLFLAG_SKIP */
#define FBSD_CTL_SYSCTL_NAME2OID   3   /* name (as new value) -> int[] */
#define FBSD_CTL_SYSCTL_OIDFMT     4   /* u_int kind, then format string */
#define FBSD_CTL_SYSCTL_OIDDESCR   5   /* description string */
#define FBSD_CTL_SYSCTL_OIDLABEL   6   /* aggregation label */
#define FBSD_CTL_SYSCTL_NEXTNOSKIP 7   /* next OID, ignoring CTLFLAG_SKIP */

/* ---- CTL_KERN ----------------------------------------------------------- */
#define FBSD_KERN_OSTYPE         1   /* string */
#define FBSD_KERN_OSRELEASE      2   /* string */
#define FBSD_KERN_OSREV          3   /* int */
#define FBSD_KERN_VERSION        4   /* string */
#define FBSD_KERN_MAXVNODES      5
#define FBSD_KERN_MAXPROC        6
#define FBSD_KERN_MAXFILES       7
#define FBSD_KERN_ARGMAX         8
#define FBSD_KERN_SECURELVL      9
#define FBSD_KERN_HOSTNAME       10  /* string */
#define FBSD_KERN_HOSTID         11
#define FBSD_KERN_CLOCKRATE      12  /* struct clockinfo */
#define FBSD_KERN_VNODE          13
#define FBSD_KERN_PROC           14  /* node */
#define FBSD_KERN_FILE           15
#define FBSD_KERN_PROF           16
#define FBSD_KERN_POSIX1         17
#define FBSD_KERN_NGROUPS        18
#define FBSD_KERN_JOB_CONTROL    19
#define FBSD_KERN_SAVED_IDS      20
#define FBSD_KERN_BOOTTIME       21  /* struct timeval */
#define FBSD_KERN_NISDOMAINNAME  22
#define FBSD_KERN_UPDATEINTERVAL 23
#define FBSD_KERN_OSRELDATE      24  /* int */
#define FBSD_KERN_NTP_PLL        25
#define FBSD_KERN_BOOTFILE       26
#define FBSD_KERN_MAXFILESPERPROC 27
#define FBSD_KERN_MAXPROCPERUID  28
#define FBSD_KERN_DUMPDEV        29
#define FBSD_KERN_IPC            30
#define FBSD_KERN_DUMMY          31
#define FBSD_KERN_PS_STRINGS     32  /* address of PS_STRINGS */
#define FBSD_KERN_USRSTACK       33  /* address of USRSTACK */
#define FBSD_KERN_LOGSIGEXIT     34
#define FBSD_KERN_IOV_MAX        35
#define FBSD_KERN_HOSTUUID       36  /* string */
#define FBSD_KERN_ARND           37  /* random bytes */
#define FBSD_KERN_MAXPHYS        38

/* KERN_PROC sub-types: kern.proc.<type>.<pid> */
#define FBSD_KERN_PROC_ALL        0
#define FBSD_KERN_PROC_PID        1
#define FBSD_KERN_PROC_PGRP       2
#define FBSD_KERN_PROC_SESSION    3
#define FBSD_KERN_PROC_TTY        4
#define FBSD_KERN_PROC_UID        5
#define FBSD_KERN_PROC_RUID       6
#define FBSD_KERN_PROC_ARGS       7
#define FBSD_KERN_PROC_PROC       8
#define FBSD_KERN_PROC_SV_NAME    9
#define FBSD_KERN_PROC_RGID       10
#define FBSD_KERN_PROC_GID        11
#define FBSD_KERN_PROC_PATHNAME   12  /* pid -1 = self */
#define FBSD_KERN_PROC_OVMMAP     13
#define FBSD_KERN_PROC_OFILEDESC  14
#define FBSD_KERN_PROC_KSTACK     15
#define FBSD_KERN_PROC_INC_THREAD 0x10
#define FBSD_KERN_PROC_VMMAP      32
#define FBSD_KERN_PROC_FILEDESC   33
#define FBSD_KERN_PROC_GROUPS     34
#define FBSD_KERN_PROC_ENV        35
#define FBSD_KERN_PROC_AUXV       36
#define FBSD_KERN_PROC_RLIMIT     37
#define FBSD_KERN_PROC_PS_STRINGS 38
#define FBSD_KERN_PROC_UMASK      39
#define FBSD_KERN_PROC_OSREL      40
#define FBSD_KERN_PROC_SIGTRAMP   41
#define FBSD_KERN_PROC_CWD        42
#define FBSD_KERN_PROC_NFDS       43

/* ---- CTL_HW ------------------------------------------------------------- */
#define FBSD_HW_MACHINE       1   /* string: "amd64" */
#define FBSD_HW_MODEL         2   /* string */
#define FBSD_HW_NCPU          3   /* int */
#define FBSD_HW_BYTEORDER     4   /* int: 1234 */
#define FBSD_HW_PHYSMEM       5   /* u_long */
#define FBSD_HW_USERMEM       6
#define FBSD_HW_PAGESIZE      7   /* int */
#define FBSD_HW_DISKNAMES     8
#define FBSD_HW_DISKSTATS     9
#define FBSD_HW_FLOATINGPT    10
#define FBSD_HW_MACHINE_ARCH  11  /* string: "amd64" */
#define FBSD_HW_REALMEM       12

/* ---- CTL_USER ----------------------------------------------------------- */
#define FBSD_USER_CS_PATH     1

/* ---- OID kind word (returned first by CTL_SYSCTL_OIDFMT) ---------------- */
#define FBSD_CTLTYPE          0xf   /* mask for the type */
#define FBSD_CTLTYPE_NODE     1
#define FBSD_CTLTYPE_INT      2
#define FBSD_CTLTYPE_STRING   3
#define FBSD_CTLTYPE_S64      4
#define FBSD_CTLTYPE_OPAQUE   5
#define FBSD_CTLTYPE_STRUCT   FBSD_CTLTYPE_OPAQUE
#define FBSD_CTLTYPE_UINT     6
#define FBSD_CTLTYPE_LONG     7
#define FBSD_CTLTYPE_ULONG    8
#define FBSD_CTLTYPE_U64      9
#define FBSD_CTLTYPE_U8       0xa
#define FBSD_CTLTYPE_U16      0xb
#define FBSD_CTLTYPE_S8       0xc
#define FBSD_CTLTYPE_S16      0xd
#define FBSD_CTLTYPE_S32      0xe
#define FBSD_CTLTYPE_U32      0xf

#define FBSD_CTLFLAG_RD       0x80000000u
#define FBSD_CTLFLAG_WR       0x40000000u
#define FBSD_CTLFLAG_RW       (FBSD_CTLFLAG_RD | FBSD_CTLFLAG_WR)
#define FBSD_CTLFLAG_DORMANT  0x20000000u
#define FBSD_CTLFLAG_ANYBODY  0x10000000u
#define FBSD_CTLFLAG_SECURE   0x08000000u
#define FBSD_CTLFLAG_PRISON   0x04000000u
#define FBSD_CTLFLAG_DYN      0x02000000u
#define FBSD_CTLFLAG_SKIP     0x01000000u
#define FBSD_CTLFLAG_TUN      0x00080000u
#define FBSD_CTLFLAG_RDTUN    (FBSD_CTLFLAG_RD | FBSD_CTLFLAG_TUN)
#define FBSD_CTLFLAG_RWTUN    (FBSD_CTLFLAG_RW | FBSD_CTLFLAG_TUN)
#define FBSD_CTLFLAG_MPSAFE   0x00040000u
#define FBSD_CTLFLAG_VNET     0x00020000u
#define FBSD_CTLFLAG_DYING    0x00010000u
#define FBSD_CTLFLAG_CAPRD    0x00008000u
#define FBSD_CTLFLAG_CAPWR    0x00004000u
#define FBSD_CTLFLAG_CAPRW    (FBSD_CTLFLAG_CAPRD | FBSD_CTLFLAG_CAPWR)
#define FBSD_CTLFLAG_STATS    0x00002000u
#define FBSD_CTLFLAG_NOFETCH  0x00001000u

/* First number handed to dynamically created OIDs (OID_AUTO). */
#define FBSD_CTL_AUTO_START   0x100

#endif /* PERSONA_ABI_FREEBSD_SYSCTL_H */
