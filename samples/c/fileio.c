/*
 * fileio.c DIR — file I/O round trip inside DIR: create, write, pread,
 * lseek, fstat, ftruncate, O_APPEND, O_EXCL, rename, unlink. Leaves DIR as
 * it found it.
 */
#include "sys.h"

int main(int argc, char **argv, char **envp)
{
	static const char text[] = "hello, persona file io\n";
	char a[1024], b[1024], buf[64];
	struct stat st;
	long fd, r;

	if (argc != 2) {
		put_err("usage: fileio DIR\n");
		return 2;
	}
	path_join(a, sizeof a, argv[1], "fileio.tmp");
	path_join(b, sizeof b, argv[1], "fileio-renamed.tmp");

	fd = check("open", sys_open(a, O_CREAT | O_RDWR | O_TRUNC, 0644));
	put_str("open: OK\n");
	put_kv("write", sys_write(fd, text, sizeof text - 1));

	r = check("pread", sys_pread(fd, buf, 7, 7));
	put_kv("pread", r);
	put_str("pread-data=");
	sys_write(1, buf, r);
	put_str("\n");
	put_kv("offset-after-pread", sys_lseek(fd, 0, SEEK_CUR));

	put_kv("lseek-end", sys_lseek(fd, 0, SEEK_END));
	put_kv("lseek-set", sys_lseek(fd, 4, SEEK_SET));
	r = check("read", sys_read(fd, buf, 3));
	put_str("read-data=");
	sys_write(1, buf, r);
	put_str("\n");
	put_kv("lseek-cur", sys_lseek(fd, 0, SEEK_CUR));
	put_result("lseek-negative", sys_lseek(fd, -100, SEEK_SET));

	check("fstat", sys_fstat(fd, &st));
	put_kv("fstat-size", st.st_size);
	put_kv("fstat-isreg", (st.st_mode & S_IFMT) == S_IFREG);
	put_kv("fstat-nlink", (long)st.st_nlink);

	check("ftruncate", sys_ftruncate(fd, 5));
	check("fstat", sys_fstat(fd, &st));
	put_kv("size-after-ftruncate", st.st_size);
	check("ftruncate", sys_ftruncate(fd, 8192));
	check("fstat", sys_fstat(fd, &st));
	put_kv("size-after-extend", st.st_size);
	r = check("pread", sys_pread(fd, buf, 8, 8000));
	put_kv("pread-hole", r);
	put_kv("hole-is-zero", memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0);
	check("ftruncate", sys_ftruncate(fd, 5));
	check("close", sys_close(fd));

	fd = check("open-append", sys_open(a, O_WRONLY | O_APPEND, 0));
	sys_lseek(fd, 0, SEEK_SET);
	put_kv("append-write", sys_write(fd, "!!", 2));
	check("close", sys_close(fd));
	fd = check("open-read", sys_open(a, O_RDONLY, 0));
	r = check("read", sys_read(fd, buf, sizeof buf));
	put_str("content=");
	sys_write(1, buf, r);
	put_str("\n");
	put_kv("read-at-eof", sys_read(fd, buf, sizeof buf));
	check("close", sys_close(fd));

	put_result("open-excl-existing", sys_open(a, O_CREAT | O_EXCL | O_WRONLY, 0644));
	put_result("rename", sys_rename(a, b));
	put_result("open-old-name", sys_open(a, O_RDONLY, 0));
	fd = sys_openat(AT_FDCWD, b, O_RDONLY, 0);
	put_result("openat-new-name", fd);
	if (fd >= 0) {
		check("fstat", sys_fstat(fd, &st));
		put_kv("renamed-size", st.st_size);
		sys_close(fd);
	}
	put_result("unlink", sys_unlink(b));
	put_result("unlink-again", sys_unlink(b));
	put_result("close-closed", sys_close(fd));
	return 0;
}
