/* Unit tests for abi/freebsd/stat.{h,c}.  Offsets and sizes are written out
 * literally from sys/sys/stat.h and sys/sys/mount.h (amd64). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <linux/magic.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include "abi/freebsd/stat.h"

Test(stat, fbsd_stat_layout)
{
	cr_assert_eq(sizeof(struct fbsd_stat), 224);
	cr_assert_eq(offsetof(struct fbsd_stat, st_dev), 0);
	cr_assert_eq(offsetof(struct fbsd_stat, st_ino), 8);
	cr_assert_eq(offsetof(struct fbsd_stat, st_nlink), 16);
	cr_assert_eq(offsetof(struct fbsd_stat, st_mode), 24);
	cr_assert_eq(offsetof(struct fbsd_stat, st_uid), 28);
	cr_assert_eq(offsetof(struct fbsd_stat, st_gid), 32);
	cr_assert_eq(offsetof(struct fbsd_stat, st_rdev), 40);
	cr_assert_eq(offsetof(struct fbsd_stat, st_atim), 48);
	cr_assert_eq(offsetof(struct fbsd_stat, st_birthtim), 96);
	cr_assert_eq(offsetof(struct fbsd_stat, st_size), 112);
	cr_assert_eq(offsetof(struct fbsd_stat, st_blocks), 120);
	cr_assert_eq(offsetof(struct fbsd_stat, st_blksize), 128);
	cr_assert_eq(offsetof(struct fbsd_stat, st_flags), 132);
	cr_assert_eq(offsetof(struct fbsd_stat, st_gen), 136);
}

Test(stat, fbsd11_stat_layout)
{
	cr_assert_eq(sizeof(struct fbsd11_stat), 120);
	cr_assert_eq(offsetof(struct fbsd11_stat, st_ino), 4);
	cr_assert_eq(offsetof(struct fbsd11_stat, st_mode), 8);
	cr_assert_eq(offsetof(struct fbsd11_stat, st_nlink), 10);
	cr_assert_eq(offsetof(struct fbsd11_stat, st_atim), 24);
	cr_assert_eq(offsetof(struct fbsd11_stat, st_size), 72);
	cr_assert_eq(offsetof(struct fbsd11_stat, st_birthtim), 104);
}

Test(stat, statfs_layout)
{
	cr_assert_eq(sizeof(struct fbsd_statfs), 2344);
	cr_assert_eq(offsetof(struct fbsd_statfs, f_fstypename), 280);
	cr_assert_eq(offsetof(struct fbsd_statfs, f_mntfromname), 296);
	cr_assert_eq(offsetof(struct fbsd_statfs, f_mntonname), 1320);
	cr_assert_eq(sizeof(struct fbsd11_statfs), 472);
}

Test(stat, makedev)
{
	/* sys/sys/types.h __makedev() */
	cr_assert_eq(fbsd_makedev(8, 1), 0x801);
	cr_assert_eq(fbsd_makedev(0, 0x100), 0x100000000ULL);
	cr_assert_eq(fbsd_makedev(0x12345678, 0x9abcdef0), 0x123456de9abc78f0ULL);
	cr_assert_eq(fbsd_major(0x123456de9abc78f0ULL), 0x12345678);
	cr_assert_eq(fbsd_minor(0x123456de9abc78f0ULL), 0x9abcdef0);
	cr_assert_eq(fbsd11_makedev(8, 1), 0x801);
	cr_assert_eq(fbsd11_makedev(0x12345678, 0x9abcdef0), 0x9abc78f0);
	cr_assert_eq(fbsd_dev_from_linux(makedev(136, 3)), 0x8803);
	cr_assert_eq(fbsd_dev_from_linux(makedev(259, 65536)),
	             fbsd_makedev(259, 65536));
}

static struct stat sample_stat(void)
{
	struct stat s;
	memset(&s, 0, sizeof(s));
	s.st_dev = makedev(8, 2);
	s.st_ino = 0x123456789aULL;
	s.st_nlink = 70000;
	s.st_mode = S_IFREG | 04755;
	s.st_uid = 1000;
	s.st_gid = 100;
	s.st_rdev = makedev(4, 64);
	s.st_size = 0x1234567890LL;
	s.st_blksize = 4096;
	s.st_blocks = 24;
	s.st_atim.tv_sec = 1700000001; s.st_atim.tv_nsec = 11;
	s.st_mtim.tv_sec = 1700000002; s.st_mtim.tv_nsec = 22;
	s.st_ctim.tv_sec = 1700000003; s.st_ctim.tv_nsec = 33;
	return s;
}

Test(stat, stat_from_linux)
{
	struct stat s = sample_stat();
	struct fbsd_stat f;
	static const unsigned char zero[80];

	memset(&f, 0xee, sizeof(f));
	fbsd_stat_from_linux(&f, &s);
	cr_assert_eq(f.st_dev, 0x802);
	cr_assert_eq(f.st_ino, 0x123456789aULL);
	cr_assert_eq(f.st_nlink, 70000);
	cr_assert_eq(f.st_mode, 0104755);
	cr_assert_eq(f.st_uid, 1000);
	cr_assert_eq(f.st_gid, 100);
	cr_assert_eq(f.st_rdev, 0x440);
	cr_assert_eq(f.st_atim.tv_sec, 1700000001);
	cr_assert_eq(f.st_atim.tv_nsec, 11);
	cr_assert_eq(f.st_mtim.tv_nsec, 22);
	cr_assert_eq(f.st_ctim.tv_sec, 1700000003);
	cr_assert_eq(f.st_birthtim.tv_sec, 1700000003);   /* ctime stands in */
	cr_assert_eq(f.st_birthtim.tv_nsec, 33);
	cr_assert_eq(f.st_size, 0x1234567890LL);
	cr_assert_eq(f.st_blocks, 24);
	cr_assert_eq(f.st_blksize, 4096);
	cr_assert_eq(f.st_flags, 0);
	cr_assert_eq(f.st_gen, 0);
	cr_assert_eq(f.st_bsdflags, 0);
	cr_assert_eq(f.st_padding1, 0);
	cr_assert_eq(memcmp((char *)&f + 144, zero, 80), 0, "spares zeroed");
}

Test(stat, stat11_from_linux_truncates)
{
	struct stat s = sample_stat();
	struct fbsd11_stat f;

	memset(&f, 0xee, sizeof(f));
	fbsd11_stat_from_linux(&f, &s);
	cr_assert_eq(f.st_dev, 0x802);
	cr_assert_eq(f.st_ino, 0x3456789a);          /* low 32 bits */
	cr_assert_eq(f.st_nlink, (uint16_t)70000);   /* low 16 bits */
	cr_assert_eq(f.st_mode, 0104755);
	cr_assert_eq(f.st_rdev, 0x440);
	cr_assert_eq(f.st_size, 0x1234567890LL);
	cr_assert_eq(f.st_blksize, 4096);
	cr_assert_eq(f.st_lspare, 0);
	cr_assert_eq(f.st_birthtim.tv_sec, 1700000003);
	cr_assert_eq(f.st_mtim.tv_sec, 1700000002);
}

Test(stat, typenum)
{
	/* vfs_register() hash; ufs is 0x35 on a stock FreeBSD 12+ */
	cr_assert_eq(fbsd_vfs_typenum("ufs"), 0x35);
	cr_assert_eq(fbsd_vfs_typenum("tmpfs"), 0x87);
	cr_assert_eq(fbsd_vfs_typenum("zfs"), 0xde);
	cr_assert_eq(fbsd_vfs_typenum("devfs"), 0x71);
}

Test(stat, fstypename)
{
	cr_assert_str_eq(fbsd_fstypename_from_linux(EXT4_SUPER_MAGIC, "/"), "ufs");
	cr_assert_str_eq(fbsd_fstypename_from_linux(TMPFS_MAGIC, "/tmp"), "tmpfs");
	cr_assert_str_eq(fbsd_fstypename_from_linux(TMPFS_MAGIC, "/dev"), "devfs");
	cr_assert_str_eq(fbsd_fstypename_from_linux(PROC_SUPER_MAGIC, "/proc"), "procfs");
	cr_assert_str_eq(fbsd_fstypename_from_linux(NFS_SUPER_MAGIC, NULL), "nfs");
	cr_assert_str_eq(fbsd_fstypename_from_linux(0x12345678, NULL), "ufs");
}

Test(stat, statfs_from_linux)
{
	struct statfs l;
	struct fbsd_statfs f;
	struct fbsd11_statfs o;
	char longpath[200];

	memset(&l, 0, sizeof(l));
	l.f_type = EXT4_SUPER_MAGIC;
	l.f_bsize = 4096;
	l.f_frsize = 1024;
	l.f_blocks = 1000;
	l.f_bfree = 500;
	l.f_bavail = 400;
	l.f_files = 300;
	l.f_ffree = 200;
	l.f_namelen = 255;
	l.f_flags = 0x20 | 0x1 | 0x2 | 0x8;   /* ST_VALID|RDONLY|NOSUID|NOEXEC */
	memcpy(&l.f_fsid, (int[2]){ 7, 9 }, 8);

	fbsd_statfs_from_linux(&f, &l, "/home");
	cr_assert_eq(f.f_version, 0x20140518);
	cr_assert_eq(f.f_type, 0x35);
	cr_assert_eq(f.f_flags, 0x1 | 0x8 | 0x4 | 0x1000);  /* MNT_RDONLY|NOSUID|NOEXEC|LOCAL */
	cr_assert_eq(f.f_bsize, 1024);
	cr_assert_eq(f.f_iosize, 4096);
	cr_assert_eq(f.f_blocks, 1000);
	cr_assert_eq(f.f_bfree, 500);
	cr_assert_eq(f.f_bavail, 400);
	cr_assert_eq(f.f_files, 300);
	cr_assert_eq(f.f_ffree, 200);
	cr_assert_eq(f.f_namemax, 255);
	cr_assert_eq(f.f_fsid.val[0], 7);
	cr_assert_eq(f.f_fsid.val[1], 9);
	cr_assert_str_eq(f.f_fstypename, "ufs");
	cr_assert_str_eq(f.f_mntonname, "/home");
	cr_assert_str_eq(f.f_mntfromname, "ufs");

	fbsd_statfs_from_linux_ex(&f, &l, "/", "/dev/ada0p2");
	cr_assert_str_eq(f.f_mntfromname, "/dev/ada0p2");

	/* FreeBSD 11 form: names cut to 87 bytes + NUL */
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	longpath[sizeof(longpath) - 1] = 0;
	fbsd_statfs_from_linux(&f, &l, longpath);
	fbsd11_statfs_from_fbsd(&o, &f);
	cr_assert_eq(o.f_version, 0x20030518);
	cr_assert_eq(o.f_type, 0x35);
	cr_assert_eq(o.f_bsize, 1024);
	cr_assert_eq(strlen(o.f_mntonname), 87);
	cr_assert_eq(memcmp(o.f_mntonname, longpath, 87), 0);
	cr_assert_str_eq(o.f_fstypename, "ufs");
}
