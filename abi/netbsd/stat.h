/*
 * NetBSD's struct stat since NetBSD 5.0 (the one __stat50, __fstat50,
 * __lstat50 and fstatat fill): sys/sys/stat.h, cross-checked against Go's
 * syscall/ztypes_netbsd_amd64.go (Stat_t).  Pure data and a converter.
 */
#ifndef PERSONA_ABI_NETBSD_STAT_H
#define PERSONA_ABI_NETBSD_STAT_H
#include <stddef.h>
#include <stdint.h>

struct nbsd_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;     /* long */
};

struct nbsd_stat {
    uint64_t st_dev;                     /* dev_t */
    uint32_t st_mode;                    /* mode_t */
    uint32_t pad0;
    uint64_t st_ino;                     /* ino_t */
    uint32_t st_nlink;                   /* nlink_t */
    uint32_t st_uid;
    uint32_t st_gid;
    uint32_t pad1;
    uint64_t st_rdev;
    struct nbsd_timespec st_atim, st_mtim, st_ctim, st_birthtim;
    int64_t st_size;                     /* off_t */
    int64_t st_blocks;                   /* blkcnt_t */
    uint32_t st_blksize;                 /* blksize_t */
    uint32_t st_flags;
    uint32_t st_gen;
    uint32_t st_spare[2];
    uint32_t pad2;
};
_Static_assert(sizeof(struct nbsd_timespec) == 16, "NetBSD timespec");
_Static_assert(offsetof(struct nbsd_stat, st_mode) == 8, "st_mode");
_Static_assert(offsetof(struct nbsd_stat, st_ino) == 16, "st_ino");
_Static_assert(offsetof(struct nbsd_stat, st_nlink) == 24, "st_nlink");
_Static_assert(offsetof(struct nbsd_stat, st_rdev) == 40, "st_rdev");
_Static_assert(offsetof(struct nbsd_stat, st_atim) == 48, "st_atim");
_Static_assert(offsetof(struct nbsd_stat, st_birthtim) == 96, "st_birthtim");
_Static_assert(offsetof(struct nbsd_stat, st_size) == 112, "st_size");
_Static_assert(offsetof(struct nbsd_stat, st_blksize) == 128, "st_blksize");
_Static_assert(offsetof(struct nbsd_stat, st_gen) == 136, "st_gen");
_Static_assert(sizeof(struct nbsd_stat) == 152, "NetBSD struct stat");

struct stat;
/* The NetBSD stat of a Linux one.  The S_IF* type bits and permission
 * bits have the same values on both.  Device numbers are handed over as
 * Linux encodes them (NetBSD's major/minor split is not applied yet), and
 * the birth time is the change time (statx is not asked). */
void nbsd_stat_from_linux(struct nbsd_stat *out, const struct stat *in);

#endif
