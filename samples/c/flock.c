/* flock: whole-file advisory locks as both systems define them — owned by
 * the open file description, so a second open (here in a fork child)
 * conflicts, a dup shares the lock, and a blocked LOCK_EX is granted when
 * the holder unlocks.  The FreeBSD and Linux builds must print the same. */
#include "sys.h"

#ifdef TARGET_FREEBSD
#define NR_FLOCK 131
#define NR_FORK 2
#define NR_WAIT4 7
#define NR_DUP 41
#else
#define NR_FLOCK 73
#define NR_FORK 57
#define NR_WAIT4 61
#define NR_DUP 32
#endif
#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

static const char *path = "flock-sample.lock";

static long lock(int fd, int how) { return SC2(NR_FLOCK, fd, how); }

/* In a child with its own open of the file: report what `how` gets. */
static void child_tries(const char *label, int how)
{
    long pid = check("fork", SC0(NR_FORK));
    if (pid == 0) {
        int fd = (int)check("open", sys_open(path, O_RDWR, 0));
        put_result(label, lock(fd, how));
        sys_exit(0);
    }
    int status;
    check("wait4", SC4(NR_WAIT4, pid, &status, 0, 0));
}

int main(int argc, char **argv, char **envp)
{
    int fd = (int)check("open", sys_open(path, O_RDWR | O_CREAT, 0644));
    put_result("parent LOCK_EX", lock(fd, LOCK_EX));
    child_tries("child LOCK_EX|LOCK_NB while parent holds LOCK_EX", LOCK_EX | LOCK_NB);
    child_tries("child LOCK_SH|LOCK_NB while parent holds LOCK_EX", LOCK_SH | LOCK_NB);
    put_result("parent LOCK_UN", lock(fd, LOCK_UN));
    child_tries("child LOCK_EX|LOCK_NB after unlock", LOCK_EX | LOCK_NB);
    put_result("parent LOCK_SH", lock(fd, LOCK_SH));
    child_tries("child LOCK_SH|LOCK_NB beside parent's LOCK_SH", LOCK_SH | LOCK_NB);
    child_tries("child LOCK_EX|LOCK_NB beside parent's LOCK_SH", LOCK_EX | LOCK_NB);
    put_result("parent upgrades to LOCK_EX", lock(fd, LOCK_EX));
    /* A dup shares the open file description, and so the lock. */
    int fd2 = (int)check("dup", SC1(NR_DUP, fd));
    put_result("LOCK_UN through a dup", lock(fd2, LOCK_UN));
    child_tries("child LOCK_EX|LOCK_NB after the dup unlocked", LOCK_EX | LOCK_NB);
    /* A blocked LOCK_EX is granted once the holder lets go. */
    put_result("parent LOCK_EX again", lock(fd, LOCK_EX));
    long pid = check("fork", SC0(NR_FORK));
    if (pid == 0) {
        int cfd = (int)check("open", sys_open(path, O_RDWR, 0));
        long r = lock(cfd, LOCK_EX);       /* blocks until the parent unlocks */
        put_result("child's blocking LOCK_EX granted", r);
        sys_exit(0);
    }
    struct timespec ts = { 0, 200 * 1000 * 1000 };
    sys_nanosleep(&ts, NULL);
    long un = lock(fd, LOCK_UN);
    int status;
    check("wait4", SC4(NR_WAIT4, pid, &status, 0, 0));
    /* Printed after the child's line: only the unlock can have let it go. */
    put_result("parent LOCK_UN, which let the child in", un);
    sys_close(fd2);
    sys_close(fd);
    sys_unlink(path);
    return 0;
}
