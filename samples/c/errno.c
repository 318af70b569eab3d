/*
 * errno.c DIR — a table of calls that must fail, each printed as
 * "call: ENAME" (names, not numbers: FreeBSD and Linux number errnos
 * differently, so the same text on both builds means persona translated the
 * error). Scratch files live in DIR and are removed at the end.
 */
#include "sys.h"

static char dir[1024], file[1024], sub[1024], subfile[1024], tmp[1200];

int main(int argc, char **argv, char **envp)
{
	char buf[64], longname[400];
	int pfd[2];
	long fd;

	if (argc != 2) {
		put_err("usage: errno DIR\n");
		return 2;
	}
	path_join(dir, sizeof dir, argv[1], "errno.d");
	path_join(file, sizeof file, dir, "file");
	path_join(sub, sizeof sub, dir, "sub");
	path_join(subfile, sizeof subfile, sub, "x");
	check("setup mkdir", sys_mkdir(dir, 0755));
	check("setup mkdir", sys_mkdir(sub, 0755));
	fd = check("setup create", sys_open(file, O_CREAT | O_WRONLY, 0644));
	sys_close(fd);
	fd = check("setup create", sys_open(subfile, O_CREAT | O_WRONLY, 0644));
	sys_close(fd);

	path_join(tmp, sizeof tmp, dir, "does-not-exist");
	put_result("open-missing", sys_open(tmp, O_RDONLY, 0));
	path_join(tmp, sizeof tmp, dir, "no/such/dir");
	put_result("mkdir-missing-parent", sys_mkdir(tmp, 0755));
	put_result("read-bad-fd", sys_read(999, buf, 1));
	put_result("write-bad-fd", sys_write(-1, buf, 1));
	put_result("close-bad-fd", sys_close(12345));
	put_result("mkdir-existing", sys_mkdir(sub, 0755));
	put_result("open-excl-existing", sys_open(file, O_CREAT | O_EXCL | O_WRONLY, 0644));
	put_result("rmdir-nonempty", sys_rmdir(sub));
	put_result("rmdir-file", sys_rmdir(file));
	put_result("open-directory-on-file", sys_open(file, O_RDONLY | O_DIRECTORY, 0));
	path_join(tmp, sizeof tmp, file, "below-a-file");
	put_result("open-below-file", sys_open(tmp, O_RDONLY, 0));
	put_result("chdir-file", sys_chdir(file));
	put_result("open-dir-for-write", sys_open(sub, O_WRONLY, 0));

	for (unsigned i = 0; i < 300; i++)
		longname[i] = 'n';
	longname[300] = 0;
	path_join(tmp, sizeof tmp, dir, longname);
	put_result("open-long-name", sys_open(tmp, O_RDONLY, 0));
	put_result("readlink-not-link", sys_readlink(file, buf, sizeof buf));
	put_result("rename-into-own-subdir", sys_rename(dir, sub));

	fd = check("open", sys_open(file, O_RDONLY, 0));
	put_result("write-readonly-fd", sys_write(fd, "x", 1));
	put_result("ftruncate-readonly-fd", sys_ftruncate(fd, 0));
	sys_close(fd);

	check("pipe2", sys_pipe2(pfd, 0));
	put_result("lseek-pipe", sys_lseek(pfd[0], 0, SEEK_SET));
	put_result("write-bad-pointer", sys_write(pfd[1], (void *)16, 8));
	check("write", sys_write(pfd[1], "abc", 3));
	put_result("read-into-bad-pointer", sys_read(pfd[0], (void *)16, 3));
	check("close", sys_close(pfd[0]));
	check("sigaction", sys_signal_disposition(SIGPIPE, SIG_IGN));
	put_result("write-pipe-no-reader", sys_write(pfd[1], "x", 1));
	sys_close(pfd[1]);

	{
		struct timespec ts;
		struct timespec bad = {0, 2000000000L};
		put_result("clock_gettime-bad-clock", sys_clock_gettime(12345, &ts));
		put_result("nanosleep-bad-nsec", sys_nanosleep(&bad, 0));
	}
	put_result("kill-bad-signal", sys_kill(sys_getpid(), 1000));

	/* cleanup */
	check("cleanup", sys_unlink(subfile));
	check("cleanup", sys_rmdir(sub));
	check("cleanup", sys_unlink(file));
	check("cleanup", sys_rmdir(dir));
	return 0;
}
