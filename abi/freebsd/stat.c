/*
 * Linux stat/statfs -> FreeBSD stat/statfs.  Facts: see stat.h.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/freebsd/stat.h"

#include <linux/magic.h>
#include <stddef.h>
#include <string.h>
#include <sys/statvfs.h>    /* ST_* f_flags bits */
#include <sys/sysmacros.h>

/* ---- layout pins: sys/sys/stat.h, ztypes_freebsd_amd64.go Stat_t ---- */
_Static_assert(sizeof(struct fbsd_timespec) == 16, "timespec");
_Static_assert(sizeof(struct fbsd_stat) == 224, "fbsd_stat size");
_Static_assert(offsetof(struct fbsd_stat, st_dev) == 0, "st_dev");
_Static_assert(offsetof(struct fbsd_stat, st_ino) == 8, "st_ino");
_Static_assert(offsetof(struct fbsd_stat, st_nlink) == 16, "st_nlink");
_Static_assert(offsetof(struct fbsd_stat, st_mode) == 24, "st_mode");
_Static_assert(offsetof(struct fbsd_stat, st_uid) == 28, "st_uid");
_Static_assert(offsetof(struct fbsd_stat, st_gid) == 32, "st_gid");
_Static_assert(offsetof(struct fbsd_stat, st_rdev) == 40, "st_rdev");
_Static_assert(offsetof(struct fbsd_stat, st_atim) == 48, "st_atim");
_Static_assert(offsetof(struct fbsd_stat, st_mtim) == 64, "st_mtim");
_Static_assert(offsetof(struct fbsd_stat, st_ctim) == 80, "st_ctim");
_Static_assert(offsetof(struct fbsd_stat, st_birthtim) == 96, "st_birthtim");
_Static_assert(offsetof(struct fbsd_stat, st_size) == 112, "st_size");
_Static_assert(offsetof(struct fbsd_stat, st_blocks) == 120, "st_blocks");
_Static_assert(offsetof(struct fbsd_stat, st_blksize) == 128, "st_blksize");
_Static_assert(offsetof(struct fbsd_stat, st_flags) == 132, "st_flags");
_Static_assert(offsetof(struct fbsd_stat, st_gen) == 136, "st_gen");
_Static_assert(offsetof(struct fbsd_stat, st_filerev) == 144, "st_filerev");

/* Go 1.19 syscall stat_freebsd11_t; sys/sys/stat.h struct freebsd11_stat */
_Static_assert(sizeof(struct fbsd11_stat) == 120, "fbsd11_stat size");
_Static_assert(offsetof(struct fbsd11_stat, st_ino) == 4, "11 st_ino");
_Static_assert(offsetof(struct fbsd11_stat, st_mode) == 8, "11 st_mode");
_Static_assert(offsetof(struct fbsd11_stat, st_nlink) == 10, "11 st_nlink");
_Static_assert(offsetof(struct fbsd11_stat, st_rdev) == 20, "11 st_rdev");
_Static_assert(offsetof(struct fbsd11_stat, st_atim) == 24, "11 st_atim");
_Static_assert(offsetof(struct fbsd11_stat, st_size) == 72, "11 st_size");
_Static_assert(offsetof(struct fbsd11_stat, st_blksize) == 88, "11 st_blksize");
_Static_assert(offsetof(struct fbsd11_stat, st_gen) == 96, "11 st_gen");
_Static_assert(offsetof(struct fbsd11_stat, st_birthtim) == 104, "11 birthtim");

/* sys/sys/mount.h; ztypes_freebsd_amd64.go Statfs_t */
_Static_assert(sizeof(struct fbsd_statfs) == 2344, "fbsd_statfs size");
_Static_assert(offsetof(struct fbsd_statfs, f_flags) == 8, "f_flags");
_Static_assert(offsetof(struct fbsd_statfs, f_bavail) == 48, "f_bavail");
_Static_assert(offsetof(struct fbsd_statfs, f_spare) == 104, "f_spare");
_Static_assert(offsetof(struct fbsd_statfs, f_namemax) == 184, "f_namemax");
_Static_assert(offsetof(struct fbsd_statfs, f_fsid) == 192, "f_fsid");
_Static_assert(offsetof(struct fbsd_statfs, f_fstypename) == 280, "fstypename");
_Static_assert(offsetof(struct fbsd_statfs, f_mntfromname) == 296, "mntfrom");
_Static_assert(offsetof(struct fbsd_statfs, f_mntonname) == 1320, "mnton");
/* Go 1.19 syscall statfs_freebsd11_t */
_Static_assert(sizeof(struct fbsd11_statfs) == 472, "fbsd11_statfs size");
_Static_assert(offsetof(struct fbsd11_statfs, f_mntonname) == 384, "11 mnton");

/* sys/sys/stat.h: file type and permission bits equal Linux's. */
_Static_assert(FBSD_S_IFMT == S_IFMT, "S_IFMT");
_Static_assert(0010000 == S_IFIFO && 0020000 == S_IFCHR && 0040000 == S_IFDIR &&
	0060000 == S_IFBLK && 0100000 == S_IFREG && 0120000 == S_IFLNK &&
	0140000 == S_IFSOCK, "S_IF*");
_Static_assert(0004000 == S_ISUID && 0002000 == S_ISGID && 0001000 == S_ISVTX &&
	0000777 == (S_IRWXU | S_IRWXG | S_IRWXO), "permission bits");

/* ---- dev_t: sys/sys/types.h __makedev/__major/__minor ---- */

uint64_t fbsd_makedev(unsigned major, unsigned minor)
{
	return ((uint64_t)(major & 0xffffff00u) << 32) |
	       ((uint64_t)(major & 0xffu) << 8) |
	       ((uint64_t)(minor & 0xff00u) << 24) |
	       (uint64_t)(minor & 0xffff00ffu);
}

unsigned fbsd_major(uint64_t d)
{
	return (unsigned)(((d >> 32) & 0xffffff00u) | ((d >> 8) & 0xffu));
}

unsigned fbsd_minor(uint64_t d)
{
	return (unsigned)(((d >> 24) & 0xff00u) | (d & 0xffff00ffu));
}

uint32_t fbsd11_makedev(unsigned major, unsigned minor)
{
	return (uint32_t)fbsd_makedev(major, minor);
}

uint64_t fbsd_dev_from_linux(uint64_t d)
{
	return fbsd_makedev(gnu_dev_major(d), gnu_dev_minor(d));
}

static struct fbsd_timespec ts(struct timespec t)
{
	struct fbsd_timespec r = { .tv_sec = t.tv_sec, .tv_nsec = t.tv_nsec };
	return r;
}

void fbsd_stat_from_linux(struct fbsd_stat *out, const struct stat *in)
{
	memset(out, 0, sizeof(*out));
	out->st_dev = fbsd_dev_from_linux(in->st_dev);
	out->st_ino = in->st_ino;
	out->st_nlink = in->st_nlink;
	out->st_mode = (uint16_t)in->st_mode;
	out->st_uid = in->st_uid;
	out->st_gid = in->st_gid;
	out->st_rdev = fbsd_dev_from_linux(in->st_rdev);
	out->st_atim = ts(in->st_atim);
	out->st_mtim = ts(in->st_mtim);
	out->st_ctim = ts(in->st_ctim);
	out->st_birthtim = ts(in->st_ctim);
	out->st_size = in->st_size;
	out->st_blocks = in->st_blocks;
	out->st_blksize = (int32_t)in->st_blksize;
}

void fbsd11_stat_from_linux(struct fbsd11_stat *out, const struct stat *in)
{
	struct fbsd_stat s;

	/* Go through the 12+ form, as the FreeBSD kernel does. */
	fbsd_stat_from_linux(&s, in);
	memset(out, 0, sizeof(*out));
	out->st_dev = (uint32_t)s.st_dev;
	out->st_ino = (uint32_t)s.st_ino;
	out->st_mode = s.st_mode;
	out->st_nlink = (uint16_t)s.st_nlink;
	out->st_uid = s.st_uid;
	out->st_gid = s.st_gid;
	out->st_rdev = (uint32_t)s.st_rdev;
	out->st_atim = s.st_atim;
	out->st_mtim = s.st_mtim;
	out->st_ctim = s.st_ctim;
	out->st_size = s.st_size;
	out->st_blocks = s.st_blocks;
	out->st_blksize = s.st_blksize;
	out->st_flags = s.st_flags;
	out->st_gen = (uint32_t)s.st_gen;
	out->st_birthtim = s.st_birthtim;
}

/* ---- statfs ---- */

/* Magic numbers not in <linux/magic.h>: fs/fuse/inode.c FUSE_SUPER_MAGIC,
 * OpenZFS ZFS_SUPER_MAGIC, fs/smb CIFS/SMB2 magic. */
#define LNX_FUSE_SUPER_MAGIC 0x65735546
#define LNX_ZFS_SUPER_MAGIC  0x2fc12fc1
#define LNX_CIFS_MAGIC       0xff534d42
#define LNX_SMB2_MAGIC       0xfe534d42

/* Linux include/linux/statfs.h: statfs(2) sets ST_VALID (2.6.36+) to say
 * f_flags is filled in; ST_NOSYMFOLLOW is Linux 5.10.  Neither is in glibc. */
#define LNX_ST_VALID        0x0020
#define LNX_ST_NOSYMFOLLOW  0x2000

static const struct { unsigned long magic; const char *name; } fstypes[] = {
	{ TMPFS_MAGIC, "tmpfs" },
	{ RAMFS_MAGIC, "tmpfs" },
	{ PROC_SUPER_MAGIC, "procfs" },
	{ DEVPTS_SUPER_MAGIC, "devfs" },
	{ NFS_SUPER_MAGIC, "nfs" },
	{ LNX_ZFS_SUPER_MAGIC, "zfs" },
	{ MSDOS_SUPER_MAGIC, "msdosfs" },
	{ ISOFS_SUPER_MAGIC, "cd9660" },
	{ LNX_FUSE_SUPER_MAGIC, "fusefs" },
	{ LNX_CIFS_MAGIC, "smbfs" },
	{ LNX_SMB2_MAGIC, "smbfs" },
};

const char *fbsd_fstypename_from_linux(long f_type, const char *mnton)
{
	unsigned long m = (unsigned long)f_type & 0xffffffffUL;
	size_t i;

	if (m == TMPFS_MAGIC && mnton && strcmp(mnton, "/dev") == 0)
		return "devfs";
	for (i = 0; i < sizeof(fstypes) / sizeof(fstypes[0]); i++)
		if (fstypes[i].magic == m)
			return fstypes[i].name;
	return "ufs";
}

/* sys/sys/fnv_hash.h: FreeBSD's FNV1_32_INIT is 33554467, not the usual
 * FNV offset basis; fnv_32_str multiplies, then xors each byte. */
uint32_t fbsd_vfs_typenum(const char *name)
{
	uint32_t h = 33554467u;

	for (; *name; name++) {
		h *= 0x01000193u;
		h ^= (unsigned char)*name;
	}
	return h & 0xff;
}

static int fs_is_remote(const char *name)
{
	return !strcmp(name, "nfs") || !strcmp(name, "fusefs") ||
	       !strcmp(name, "smbfs");
}

/* strncpy semantics with guaranteed NUL and zero fill. */
static void copy_name(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strnlen(src, cap - 1) : 0;

	memset(dst, 0, cap);
	if (n)
		memcpy(dst, src, n);
}

void fbsd_statfs_from_linux_ex(struct fbsd_statfs *out, const struct statfs *in,
                               const char *mnton, const char *mntfrom)
{
	const char *name = fbsd_fstypename_from_linux((long)in->f_type, mnton);
	uint64_t fl = 0;

	memset(out, 0, sizeof(*out));
	out->f_version = FBSD_STATFS_VERSION;
	out->f_type = fbsd_vfs_typenum(name);

	/* Linux ST_* (bits/statvfs.h); meaningful only with ST_VALID. */
	if (in->f_flags & LNX_ST_VALID) {
		if (in->f_flags & ST_RDONLY)
			fl |= FBSD_MNT_RDONLY;
		if (in->f_flags & ST_NOSUID)
			fl |= FBSD_MNT_NOSUID;
		if (in->f_flags & ST_NOEXEC)
			fl |= FBSD_MNT_NOEXEC;
		if (in->f_flags & ST_SYNCHRONOUS)
			fl |= FBSD_MNT_SYNCHRONOUS;
		if (in->f_flags & ST_NOATIME)
			fl |= FBSD_MNT_NOATIME;
		if (in->f_flags & LNX_ST_NOSYMFOLLOW)
			fl |= FBSD_MNT_NOSYMFOLLOW;
	}
	if (!fs_is_remote(name))
		fl |= FBSD_MNT_LOCAL;
	out->f_flags = fl;

	/* Linux counts blocks in f_frsize units and puts the preferred I/O
	 * size in f_bsize; FreeBSD calls those f_bsize and f_iosize. */
	out->f_bsize = in->f_frsize ? (uint64_t)in->f_frsize : (uint64_t)in->f_bsize;
	out->f_iosize = in->f_bsize;
	out->f_blocks = in->f_blocks;
	out->f_bfree = in->f_bfree;
	out->f_bavail = (int64_t)in->f_bavail;
	out->f_files = in->f_files;
	out->f_ffree = (int64_t)in->f_ffree;
	out->f_namemax = (uint32_t)in->f_namelen;
	memcpy(&out->f_fsid, &in->f_fsid, sizeof(out->f_fsid));

	copy_name(out->f_fstypename, sizeof(out->f_fstypename), name);
	copy_name(out->f_mntfromname, sizeof(out->f_mntfromname),
	          mntfrom ? mntfrom : name);
	copy_name(out->f_mntonname, sizeof(out->f_mntonname), mnton);
}

void fbsd_statfs_from_linux(struct fbsd_statfs *out, const struct statfs *in,
                            const char *mnton)
{
	fbsd_statfs_from_linux_ex(out, in, mnton, NULL);
}

void fbsd11_statfs_from_fbsd(struct fbsd11_statfs *out,
                             const struct fbsd_statfs *in)
{
	memset(out, 0, sizeof(*out));
	out->f_version = FBSD11_STATFS_VERSION;
	out->f_type = in->f_type;
	out->f_flags = in->f_flags;
	out->f_bsize = in->f_bsize;
	out->f_iosize = in->f_iosize;
	out->f_blocks = in->f_blocks;
	out->f_bfree = in->f_bfree;
	out->f_bavail = in->f_bavail;
	out->f_files = in->f_files;
	out->f_ffree = in->f_ffree;
	out->f_syncwrites = in->f_syncwrites;
	out->f_asyncwrites = in->f_asyncwrites;
	out->f_syncreads = in->f_syncreads;
	out->f_asyncreads = in->f_asyncreads;
	out->f_namemax = in->f_namemax;
	out->f_owner = in->f_owner;
	out->f_fsid = in->f_fsid;
	copy_name(out->f_fstypename, sizeof(out->f_fstypename), in->f_fstypename);
	copy_name(out->f_mntfromname, sizeof(out->f_mntfromname), in->f_mntfromname);
	copy_name(out->f_mntonname, sizeof(out->f_mntonname), in->f_mntonname);
}
