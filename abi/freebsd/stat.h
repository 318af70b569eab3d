/*
 * FreeBSD struct stat / struct statfs (FreeBSD 12+ and the FreeBSD 11 compat
 * layouts), dev_t encoding, and converters from the Linux structures.
 *
 * Sources: sys/sys/stat.h, sys/sys/mount.h, sys/sys/types.h (makedev),
 * sys/kern/vfs_syscalls.c (freebsd11_cvtstat, freebsd11_cvtstatfs),
 * sys/kern/vfs_init.c (vfs_register: type numbers); layouts cross-checked
 * against golang.org/x/sys/unix/ztypes_freebsd_amd64.go (Stat_t, Statfs_t)
 * and Go 1.19 src/syscall/ztypes_freebsd_amd64.go (stat_freebsd11_t,
 * statfs_freebsd11_t).
 */
#ifndef PERSONA_ABI_FREEBSD_STAT_H
#define PERSONA_ABI_FREEBSD_STAT_H

#include <stdint.h>
#include <sys/stat.h>     /* Linux struct stat */
#include <sys/statfs.h>   /* Linux struct statfs */

#include "abi/freebsd/time.h"   /* struct fbsd_timespec */

/* sys/sys/stat.h: S_IF* and permission bits are the same numbers as Linux
 * (asserted in stat.c); FreeBSD adds a whiteout type. */
#define FBSD_S_IFMT   0170000
#define FBSD_S_IFWHT  0160000

/* sys/sys/stat.h: struct stat since FreeBSD 12 (ino64), 224 bytes. */
struct fbsd_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint16_t st_mode;
	int16_t  st_bsdflags;     /* FreeBSD 14; st_padding0 before */
	uint32_t st_uid;
	uint32_t st_gid;
	int32_t  st_padding1;
	uint64_t st_rdev;
	struct fbsd_timespec st_atim;
	struct fbsd_timespec st_mtim;
	struct fbsd_timespec st_ctim;
	struct fbsd_timespec st_birthtim;
	int64_t  st_size;
	int64_t  st_blocks;
	int32_t  st_blksize;
	uint32_t st_flags;        /* chflags(2) flags */
	uint64_t st_gen;
	uint64_t st_filerev;      /* FreeBSD 14; st_spare[0] before */
	uint64_t st_spare[9];
};

/* sys/sys/stat.h: struct freebsd11_stat, what FreeBSD 11 binaries (and Go
 * <= 1.20 on old kernels) pass to the compat stat calls.  120 bytes on
 * amd64: the two trailing bit-field pads are zero-width when
 * sizeof(struct timespec) == 16. */
struct fbsd11_stat {
	uint32_t st_dev;
	uint32_t st_ino;
	uint16_t st_mode;
	uint16_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t st_rdev;
	struct fbsd_timespec st_atim;
	struct fbsd_timespec st_mtim;
	struct fbsd_timespec st_ctim;
	int64_t  st_size;
	int64_t  st_blocks;
	int32_t  st_blksize;
	uint32_t st_flags;
	uint32_t st_gen;
	int32_t  st_lspare;
	struct fbsd_timespec st_birthtim;
};

/* sys/sys/types.h __makedev(): the FreeBSD 12+ 64-bit dev_t.  Minor bits
 * 8..15 move to 32..39 and major bits 8..31 to 40..63, so old 32-bit values
 * (major < 256, minor byte 1 zero) keep their encoding. */
uint64_t fbsd_makedev(unsigned major, unsigned minor);
unsigned fbsd_major(uint64_t dev);
unsigned fbsd_minor(uint64_t dev);
/* A FreeBSD 12+ kernel answers FreeBSD 11 stat calls by truncating its
 * 64-bit dev_t to 32 bits (freebsd11_cvtstat); this does the same. */
uint32_t fbsd11_makedev(unsigned major, unsigned minor);

/* Linux dev_t (gnu_dev_major/minor) -> FreeBSD 12+ dev_t. */
uint64_t fbsd_dev_from_linux(uint64_t linux_dev);

/*
 * Linux struct stat -> FreeBSD 12+ struct stat.  Pads and spares are zeroed;
 * st_flags, st_gen, st_filerev, st_bsdflags are 0.  Linux struct stat has no
 * birth time, so st_birthtim is set to the ctime (the oldest time stat(2)
 * knows); a caller with statx(STATX_BTIME) can overwrite it.
 */
void fbsd_stat_from_linux(struct fbsd_stat *out, const struct stat *in);

/* Linux struct stat -> struct freebsd11_stat.  st_dev, st_ino, st_nlink and
 * st_rdev are truncated as freebsd11_cvtstat() does by default
 * (vfs.ino64_trunc_error=0). */
void fbsd11_stat_from_linux(struct fbsd11_stat *out, const struct stat *in);

/* ---- statfs ---- */

#define FBSD_MFSNAMELEN   16      /* sys/sys/mount.h */
#define FBSD_MNAMELEN     1024
#define FBSD11_MNAMELEN   88
#define FBSD_STATFS_VERSION   0x20140518u
#define FBSD11_STATFS_VERSION 0x20030518u

/* sys/sys/mount.h: f_flags bits (MNT_*) this layer produces. */
#define FBSD_MNT_RDONLY       0x0000000000000001ULL
#define FBSD_MNT_SYNCHRONOUS  0x0000000000000002ULL
#define FBSD_MNT_NOEXEC       0x0000000000000004ULL
#define FBSD_MNT_NOSUID       0x0000000000000008ULL
#define FBSD_MNT_LOCAL        0x0000000000001000ULL
#define FBSD_MNT_NOSYMFOLLOW  0x0000000000400000ULL
#define FBSD_MNT_NOATIME      0x0000000010000000ULL

struct fbsd_fsid {
	int32_t val[2];
};

/* sys/sys/mount.h: struct statfs since FreeBSD 12, 2344 bytes. */
struct fbsd_statfs {
	uint32_t f_version;               /* FBSD_STATFS_VERSION */
	uint32_t f_type;                  /* vfc_typenum, see fbsd_vfs_typenum */
	uint64_t f_flags;                 /* MNT_* */
	uint64_t f_bsize;                 /* fragment size: unit of f_blocks */
	uint64_t f_iosize;                /* optimal transfer size */
	uint64_t f_blocks;
	uint64_t f_bfree;
	int64_t  f_bavail;
	uint64_t f_files;
	int64_t  f_ffree;
	uint64_t f_syncwrites;
	uint64_t f_asyncwrites;
	uint64_t f_syncreads;
	uint64_t f_asyncreads;
	uint64_t f_spare[10];
	uint32_t f_namemax;
	uint32_t f_owner;                 /* uid that mounted it */
	struct fbsd_fsid f_fsid;
	char     f_charspare[80];
	char     f_fstypename[FBSD_MFSNAMELEN];
	char     f_mntfromname[FBSD_MNAMELEN];
	char     f_mntonname[FBSD_MNAMELEN];
};

/* sys/sys/mount.h: struct freebsd11_statfs, 472 bytes (88-byte names). */
struct fbsd11_statfs {
	uint32_t f_version;               /* FBSD11_STATFS_VERSION */
	uint32_t f_type;
	uint64_t f_flags;
	uint64_t f_bsize;
	uint64_t f_iosize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	int64_t  f_bavail;
	uint64_t f_files;
	int64_t  f_ffree;
	uint64_t f_syncwrites;
	uint64_t f_asyncwrites;
	uint64_t f_syncreads;
	uint64_t f_asyncreads;
	uint64_t f_spare[10];
	uint32_t f_namemax;
	uint32_t f_owner;
	struct fbsd_fsid f_fsid;
	char     f_charspare[80];
	char     f_fstypename[FBSD_MFSNAMELEN];
	char     f_mntfromname[FBSD11_MNAMELEN];
	char     f_mntonname[FBSD11_MNAMELEN];
};

/*
 * FreeBSD file system type name for a Linux statfs f_type magic.  Chosen so
 * FreeBSD programs see a familiar name: ext2/3/4, xfs, btrfs, overlay,
 * squashfs and anything unknown -> "ufs"; tmpfs/ramfs -> "tmpfs" (but
 * "devfs" when mounted on "/dev", as FreeBSD has devfs there); proc ->
 * "procfs"; devpts -> "devfs"; nfs -> "nfs"; zfs -> "zfs"; vfat -> "msdosfs";
 * iso9660 -> "cd9660"; fuse -> "fusefs"; cifs/smb2 -> "smbfs".
 * mnton may be NULL.
 */
const char *fbsd_fstypename_from_linux(long linux_f_type, const char *mnton);

/* FreeBSD's f_type for a file system name: vfs_register() hashes the name
 * (FNV-1, FreeBSD's FNV1_32_INIT) into 8 bits when vfs.typenumhash=1, the
 * default.  Collisions between loaded file systems shift the number up, so
 * this is the collision-free value ("ufs" -> 0x35, "tmpfs" -> 0x87). */
uint32_t fbsd_vfs_typenum(const char *fstypename);

/*
 * Linux struct statfs -> FreeBSD 12+ struct statfs.  mnton (nullable) is the
 * guest-visible mount point; f_mntfromname gets the type name (what FreeBSD
 * shows for tmpfs/devfs/procfs mounts).  f_owner is 0 (Linux does not say
 * who mounted it); the I/O counters are 0.  MNT_LOCAL is set except for
 * network and fuse file systems.
 */
void fbsd_statfs_from_linux(struct fbsd_statfs *out, const struct statfs *in,
                            const char *mnton);
/* Same, with an explicit f_mntfromname (nullable: then as above). */
void fbsd_statfs_from_linux_ex(struct fbsd_statfs *out, const struct statfs *in,
                               const char *mnton, const char *mntfrom);

/* FreeBSD 12+ statfs -> freebsd11_statfs, as freebsd11_cvtstatfs() does:
 * names cut to 87 bytes + NUL. */
void fbsd11_statfs_from_fbsd(struct fbsd11_statfs *out,
                             const struct fbsd_statfs *in);

#endif /* PERSONA_ABI_FREEBSD_STAT_H */
