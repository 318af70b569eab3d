/*
 * dirs.c DIR — directory operations inside DIR: mkdir, create entries,
 * list them with getdirentries(2) (FreeBSD) / getdents64(2) (Linux) in
 * several calls, print the names sorted, rmdir of a non-empty directory, cleanup.
 */
#include "sys.h"

#define MAXN 40
#define NFILL 24

static char names[MAXN][64];
static int types[MAXN];
static int count;

static void sort_names(void)
{
	for (int i = 1; i < count; i++)
		for (int j = i; j > 0 && str_cmp(names[j - 1], names[j]) > 0; j--) {
			char tmp[64];
			int t;
			str_cpy(tmp, names[j], sizeof tmp);
			str_cpy(names[j], names[j - 1], sizeof names[j]);
			str_cpy(names[j - 1], tmp, sizeof names[j - 1]);
			t = types[j], types[j] = types[j - 1], types[j - 1] = t;
		}
}

int main(int argc, char **argv, char **envp)
{
	static const char *files[] = {"charlie.txt", "alpha.txt", "bravo.txt"};
	/* 512 bytes (FreeBSD wants at least the directory block size): with
	 * the filler entries the listing needs several calls on both OSes. */
	static char dbuf[512] __attribute__((aligned(8)));
	char d[1024], p[1024], sub[1024];
	long fd, n;
	int dots = 0, calls = 0;

	if (argc != 2) {
		put_err("usage: dirs DIR\n");
		return 2;
	}
	path_join(d, sizeof d, argv[1], "dirs.d");
	put_result("mkdir", sys_mkdir(d, 0755));
	put_result("mkdir-again", sys_mkdir(d, 0755));
	for (unsigned i = 0; i < 3; i++) {
		path_join(p, sizeof p, d, files[i]);
		fd = check("create", sys_open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644));
		sys_write(fd, files[i], str_len(files[i]));
		sys_close(fd);
	}
	for (int i = 0; i < NFILL; i++) {
		char nm[16] = "filler-00";
		nm[7] = '0' + i / 10;
		nm[8] = '0' + i % 10;
		path_join(p, sizeof p, d, nm);
		fd = check("create", sys_open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644));
		sys_close(fd);
	}
	path_join(sub, sizeof sub, d, "subdir");
	put_result("mkdir-sub", sys_mkdir(sub, 0755));

	fd = check("open-dir", sys_open(d, O_RDONLY | O_DIRECTORY, 0));
	while ((n = sys_getdents(fd, dbuf, sizeof dbuf)) > 0) {
		calls++;
		for (long off = 0; off < n;) {
			struct dirent_hdr *de = (struct dirent_hdr *)(dbuf + off);
			if (!str_cmp(de->d_name, ".") || !str_cmp(de->d_name, ".."))
				dots++;
			else if (count < MAXN) {
				str_cpy(names[count], de->d_name, sizeof names[count]);
				types[count++] = de->d_type;
			}
			if (de->d_reclen == 0)
				die("getdents: zero reclen", 0);
			off += de->d_reclen;
		}
	}
	if (n < 0)
		die("getdents", n);
	sys_close(fd);
	put_kv("dot-entries", dots);
	put_kv("multiple-getdents-calls", calls > 1);
	put_kv("entries", count);
	sort_names();
	for (int i = 0; i < count; i++) {
		put_str("  ");
		put_str(names[i]);
		put_str(types[i] == DT_DIR ? " dir\n" : types[i] == DT_REG ? " file\n" : " other\n");
	}

	put_result("rmdir-nonempty", sys_rmdir(d));
	put_result("rmdir-sub", sys_rmdir(sub));
	for (unsigned i = 0; i < 3; i++) {
		path_join(p, sizeof p, d, files[i]);
		put_result(files[i], sys_unlink(p));
	}
	for (int i = 0; i < NFILL; i++) {
		char nm[16] = "filler-00";
		nm[7] = '0' + i / 10;
		nm[8] = '0' + i % 10;
		path_join(p, sizeof p, d, nm);
		check("unlink filler", sys_unlink(p));
	}
	put_result("rmdir-empty", sys_rmdir(d));
	put_result("rmdir-gone", sys_rmdir(d));
	return 0;
}
