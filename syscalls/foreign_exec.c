#include "syscalls/foreign_exec.h"
#include "syscalls/binfmt_rules.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

enum foreign_exec_mode foreign_exec_mode = FOREIGN_EXEC_AUTO;
const char *foreign_exec_options;

static bool is_options_var(const char *e)
{
    size_t n = sizeof FOREIGN_EXEC_ENV - 1;
    return strncmp(e, FOREIGN_EXEC_ENV, n) == 0 && e[n] == '=';
}

char **foreign_exec_env(char *const envp[])
{
    size_t n = 0;
    while (envp && envp[n])
        n++;
    char **out = calloc(n + 2, sizeof *out);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_options_var(envp[i]))
            out[k++] = envp[i];
    if (foreign_exec_options && *foreign_exec_options) {
        static char var[512];
        snprintf(var, sizeof var, FOREIGN_EXEC_ENV "=%s", foreign_exec_options);
        out[k++] = var;
    }
    out[k] = NULL;
    return out;
}

char **foreign_exec_strip_env(char **envp)
{
    bool any = false;
    for (size_t i = 0; envp && envp[i]; i++)
        any |= is_options_var(envp[i]);
    if (!any)
        return envp;
    size_t n = 0;
    while (envp[n])
        n++;
    char **out = calloc(n + 1, sizeof *out);
    if (!out)
        return envp;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_options_var(envp[i]))
            out[k++] = envp[i];
    return out;
}

int foreign_exec_parse(const char *s)
{
    if (!strcmp(s, "auto"))
        return FOREIGN_EXEC_AUTO;
    if (!strcmp(s, "userns"))
        return FOREIGN_EXEC_USERNS;
    if (!strcmp(s, "off"))
        return FOREIGN_EXEC_OFF;
    return -1;
}

/* binfmt_misc instances per user namespace came with Linux 6.7
 * (fs/binfmt_misc.c, "binfmt_misc: enable sandboxed mounts").  Checked
 * first: on an older kernel the mount fails only after the process is in
 * the new namespaces, with their costs and nothing gained. */
static bool kernel_has_userns_binfmt(void)
{
    struct utsname u;
    unsigned major = 0, minor = 0;
    if (uname(&u) != 0 || sscanf(u.release, "%u.%u", &major, &minor) != 2)
        return false;
    return major > 6 || (major == 6 && minor >= 7);
}

static int write_map(pid_t pid, const char *file, const char *text)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, file);
    return binfmt_write_file(path, text);
}

/* A system call for the helper below, which shares this process's memory
 * and so must not touch errno (or anything else of libc's). */
static long raw3(long nr, long a, long b, long c)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(nr), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}

struct map_helper {
    int go_fd;                  /* a byte on it: the parent has unshared */
    int go_write_fd;            /* the other end: the helper's copy must go */
    char uid_map[32], gid_map[32];
};

static int write_maps_outside(void *arg)
{
    struct map_helper *h = arg;
    static const char all[] = "0 0 4294967295";
    char c;
    /* Its copy of the write end would keep the read below from ever
     * seeing the end of file when the parent gives up without writing. */
    raw3(SYS_close, h->go_write_fd, 0, 0);
    if (raw3(SYS_read, h->go_fd, (long)&c, 1) != 1)
        return 1;               /* the parent could not unshare */
    const char *paths[2] = { h->uid_map, h->gid_map };
    for (int i = 0; i < 2; i++) {
        long fd = raw3(SYS_open, (long)paths[i], O_WRONLY | O_CLOEXEC, 0);
        if (fd < 0 || raw3(SYS_write, fd, (long)all, sizeof all - 1) != (long)(sizeof all - 1))
            return 1;
        raw3(SYS_close, fd, 0, 0);
    }
    return 0;
}

/* Root maps every id to itself.  Writing such a map takes CAP_SETUID and
 * CAP_SETGID in the parent namespace, which the process gives up by
 * unsharing: a helper started before, still outside, writes it
 * (user_namespaces(7), "Defining user and group ID mappings").  The
 * helper shares the memory (CLONE_VM): no copy of persona's page tables,
 * which a fork would cost on every run. */
static int map_all_ids_from_outside(pid_t *helper, int *go_fd)
{
    static struct map_helper h;
    static char stack[16384] __attribute__((aligned(16)));
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        return -errno;
    snprintf(h.uid_map, sizeof h.uid_map, "/proc/%d/uid_map", (int)getpid());
    snprintf(h.gid_map, sizeof h.gid_map, "/proc/%d/gid_map", (int)getpid());
    h.go_fd = p[0];
    h.go_write_fd = p[1];
    pid_t pid = clone(write_maps_outside, stack + sizeof stack, CLONE_VM | SIGCHLD, &h);
    if (pid < 0) {
        int e = errno;
        close(p[0]);
        close(p[1]);
        return -e;
    }
    close(p[0]);                /* the helper has its own copy of the table */
    *helper = pid;
    *go_fd = p[1];
    return 0;
}

/* One id inside for one outside (all a user without CAP_SETUID outside
 * may map); gid_map needs setgroups denied first. */
static int map_one_id(unsigned uid_inside, unsigned uid_outside, unsigned gid_inside,
                      unsigned gid_outside)
{
    char map[64];
    pid_t self = getpid();
    int r = write_map(self, "setgroups", "deny");
    if (r == 0) {
        snprintf(map, sizeof map, "%u %u 1", uid_inside, uid_outside);
        r = write_map(self, "uid_map", map);
    }
    if (r == 0) {
        snprintf(map, sizeof map, "%u %u 1", gid_inside, gid_outside);
        r = write_map(self, "gid_map", map);
    }
    return r;
}

/* Another user than root registers the rules as root of the first
 * namespace (the instance's register file is its root's: only an id mapped
 * there can pass its permission check), then moves into a second user
 * namespace inside it where it is itself again.  binfmt_misc is looked up
 * from the innermost namespace outwards (fs/binfmt_misc.c,
 * current_binfmt_misc), so the rules still apply. */
static int become_self_again(uid_t uid, gid_t gid, char *why, size_t cap)
{
    int r = unshare(CLONE_NEWUSER) == 0 ? 0 : -errno;
    if (r == 0)
        r = map_one_id((unsigned)uid, 0, (unsigned)gid, 0);
    if (r < 0) {
        snprintf(why, cap, "cannot map user and group ids into the inner user namespace: %s",
                 strerror(-r));
        return -2;
    }
    return 0;
}

static int enter_namespaces(char *why, size_t cap)
{
    uid_t uid = geteuid();
    gid_t gid = getegid();
    pid_t helper = -1;
    int go = -1;
    if (uid == 0) {
        int r = map_all_ids_from_outside(&helper, &go);
        if (r < 0) {
            snprintf(why, cap, "fork: %s", strerror(-r));
            return -1;
        }
    }
    int r = unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0 ? 0 : -errno;
    bool mapped = true;
    if (helper > 0) {
        if (r == 0 && write(go, "x", 1) != 1)
            mapped = false;
        close(go);              /* without the byte, the helper just exits */
        int st = 0;
        while (waitpid(helper, &st, 0) < 0 && errno == EINTR)
            ;
        mapped = mapped && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    }
    if (r < 0) {
        snprintf(why, cap, "cannot create a user namespace: %s", strerror(-r));
        return -1;
    }
    if (uid != 0 && map_one_id(0, (unsigned)uid, 0, (unsigned)gid) < 0)
        mapped = false;
    if (!mapped) {
        /* In the namespace with no ids: there is no way back. */
        snprintf(why, cap, "cannot map user and group ids into the new user namespace");
        return -2;
    }
    return 0;
}

int foreign_exec_setup(enum foreign_exec_mode mode, char *why, size_t cap)
{
    if (mode == FOREIGN_EXEC_OFF || binfmt_all_registered())
        return 0;
    if (!kernel_has_userns_binfmt()) {
        snprintf(why, cap, "binfmt_misc has one instance per user namespace only from Linux 6.7");
        return -1;
    }
    char interp[PATH_MAX];
    if (binfmt_interp_path(interp, sizeof interp, why, cap) != 0)
        return -1;
    uid_t outside_uid = geteuid();
    gid_t outside_gid = getegid();
    int r = enter_namespaces(why, cap);
    if (r != 0)
        return r;
    /* The private instance, over the machine's (seen only in this mount
     * namespace, which propagates nothing back). */
    if (mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0) {
        snprintf(why, cap, "cannot mount a private binfmt_misc on %s: %s", BINFMT_DIR, strerror(errno));
        return -1;
    }
    /* F: the kernel opens persona-binfmt now, so it runs even where a
     * later view hides the path; P: the program's argv[0] is kept. */
    if (binfmt_register_all(interp, "PF", why, cap) != 0)
        return -1;
    return outside_uid != 0 ? become_self_again(outside_uid, outside_gid, why, cap) : 0;
}
