/* compat11: the FreeBSD 11 system calls Go <= 1.20 binaries still make when
 * the kernel reports an older release: stat/fstat/lstat/fstatat with the
 * 120-byte freebsd11 struct stat (numbers 188, 189, 190, 493) and
 * getdirentries with the freebsd11 dirent records (196).  The Linux build
 * does the same with Linux's stat family and getdents64; both print the
 * fields the two layouts share. */
#include "sys.h"

#ifdef TARGET_FREEBSD
/* sys/sys/stat.h struct freebsd11_stat */
struct st11 {
	u32 st_dev, st_ino;
	u16 st_mode, st_nlink;
	u32 st_uid, st_gid, st_rdev;
	struct timespec st_atim, st_mtim, st_ctim;
	long st_size, st_blocks;
	int st_blksize;
	u32 st_flags, st_gen;
	int st_lspare;
	struct timespec st_birthtim;
};
/* sys/sys/dirent.h struct freebsd11_dirent */
struct ent11 {
	u32 d_fileno;
	u16 d_reclen;
	u8 d_type, d_namlen;
	char d_name[];
};
#define NR_STAT 188
#define NR_FSTAT 189
#define NR_LSTAT 190
#define NR_FSTATAT 493
#define NR_GETDENTS 196
#define NR_SYMLINK 57
#define AT_SYMLINK_NOFOLLOW 0x200
typedef struct st11 st_t;
#else
typedef struct stat st_t;
#define NR_STAT 4
#define NR_FSTAT 5
#define NR_LSTAT 6
#define NR_FSTATAT 262
#define NR_GETDENTS NR_getdents64
#define NR_SYMLINK 88
#define AT_SYMLINK_NOFOLLOW 0x100
#endif

static void show(const char *label, long r, const st_t *st)
{
	put_str(label);
	if (r < 0) {
		put_str(": ");
		put_str(errno_name(r));
		put_str("\n");
		return;
	}
	static const char *types[16] = { [1] = "fifo", [2] = "chr", [4] = "dir", [8] = "reg",
					  [10] = "lnk", [12] = "sock" };
	const char *t = types[(st->st_mode >> 12) & 15];
	put_str(": type=");
	put_str(t ? t : "?");
	put_str(" perm=");
	put_num(st->st_mode & 0777);
	put_str(" nlink=");
	put_num(st->st_nlink);
	if (((st->st_mode >> 12) & 15) == 8) {
		put_str(" size=");
		put_num(st->st_size);
	}
	put_str(st->st_ino ? " ino=set\n" : " ino=0\n");
}

int main(int argc, char **argv, char **envp)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	check("chdir", sys_chdir(dir));
	sys_mkdir("compat11.d", 0755);
	check("chdir", sys_chdir("compat11.d"));
	int fd = (int)check("open", sys_open("file", O_WRONLY | O_CREAT | O_TRUNC, 0640));
	check("write", sys_write(fd, "hello", 5));
	sys_unlink("link");
	check("symlink", SC2(NR_SYMLINK, "file", "link"));
	sys_mkdir("sub", 0700);

	st_t st;
	show("stat file", SC2(NR_STAT, "file", &st), &st);
	show("fstat fd", SC2(NR_FSTAT, fd, &st), &st);
	show("stat link", SC2(NR_STAT, "link", &st), &st);
	show("lstat link", SC2(NR_LSTAT, "link", &st), &st);
	show("fstatat link nofollow", SC4(NR_FSTATAT, AT_FDCWD, "link", &st, AT_SYMLINK_NOFOLLOW), &st);
	show("stat sub", SC2(NR_STAT, "sub", &st), &st);
	show("stat missing", SC2(NR_STAT, "missing", &st), &st);
	sys_close(fd);

	/* List the directory through a small buffer (several calls), sorted. */
	int dfd = (int)check("open dir", sys_open(".", O_RDONLY | O_DIRECTORY, 0));
	char names[16][32];
	int n = 0;
	char buf[128];
	long got;
#ifdef TARGET_FREEBSD
	long base = 0;
	while ((got = SC4(NR_GETDENTS, dfd, buf, sizeof buf, &base)) > 0) {
		for (long off = 0; off < got;) {
			struct ent11 *e = (struct ent11 *)(buf + off);
			if (e->d_fileno && n < 16) {
				memcpy(names[n], e->d_name, e->d_namlen + 1);
				n++;
			}
			off += e->d_reclen;
		}
	}
#else
	while ((got = SC3(NR_GETDENTS, dfd, buf, sizeof buf)) > 0) {
		for (long off = 0; off < got;) {
			struct dirent_hdr *e = (struct dirent_hdr *)(buf + off);
			if (n < 16) {
				int l = 0;
				while (e->d_name[l] && l < 31) {
					names[n][l] = e->d_name[l];
					l++;
				}
				names[n][l] = 0;
				n++;
			}
			off += e->d_reclen;
		}
	}
#endif
	check("getdirentries", got);
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++) {
			int k = 0;
			while (names[i][k] && names[i][k] == names[j][k])
				k++;
			if ((unsigned char)names[i][k] > (unsigned char)names[j][k]) {
				char tmp[32];
				memcpy(tmp, names[i], 32);
				memcpy(names[i], names[j], 32);
				memcpy(names[j], tmp, 32);
			}
		}
	for (int i = 0; i < n; i++) {
		put_str("entry ");
		put_str(names[i]);
		put_str("\n");
	}
	sys_close(dfd);
	sys_unlink("file");
	sys_unlink("link");
	sys_rmdir("sub");
	sys_chdir("..");
	sys_rmdir("compat11.d");
	return 0;
}
