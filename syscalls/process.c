#include "syscalls/process.h"
#include "syscalls/door.h"
#include "syscalls/fdreserve.h"
#include "syscalls/foreign_exec.h"
#include "syscalls/signals.h"
#include "syscalls/backend.h"
#include "syscalls/threads.h"
#include "syscalls/log.h"
#include "syscalls/trace.h"
#include "loader/elf.h"
#include "personality/brand.h"
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

static char self_path[4096];
static char *const *self_options;   /* NULL-terminated run options */
static int self_keep_fds[2] = { -1, -1 };
static bool trace_me_at_exec;

void process_trace_me_at_exec(void)
{
    trace_me_at_exec = true;
}

void process_set_self(const char *persona_path, char *const *run_options, int trace_fd,
                      int report_fd)
{
    self_keep_fds[0] = trace_fd;
    self_keep_fds[1] = report_fd;
    size_t n = strlen(persona_path);
    if (n < sizeof self_path)
        memcpy(self_path, persona_path, n + 1);
    self_options = run_options;
}

long process_fork(struct persona_thread *t)
{
    /* glibc's fork runs the atfork handlers (kqueue descriptors are not
     * inherited on FreeBSD) and leaves malloc usable in the child; the
     * guest thread that asked is not inside any persona lock. */
    pid_t pid = fork();
    if (pid < 0)
        return -errno;
    if (pid > 0)
        return pid;
    /* Child: one thread, a new tid, the backend told (Syscall User
     * Dispatch is not inherited across fork). */
    t->host_tid = (int)syscall(SYS_gettid);
    threads_after_fork(t);
    trace_after_fork();
    active_backend->after_fork(t);
    return 0;
}

/* A binary persona should run itself? */
static bool is_foreign(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct elf_info info;
    struct brand_match m;
    char err[128];
    bool foreign = elf_inspect(fd, &info, err, sizeof err) == 0 &&
                   brand_recognise(&info, &m, err, sizeof err) && !m.brand->fallback;
    close(fd);
    return foreign;
}

long process_exec(const char *path, char *const argv[], char *const envp[],
                  uint64_t guest_sigmask)
{
    if (access(path, F_OK) != 0)
        return -errno;
    char *const *use_argv = argv;
    const char *use_path = path;
    char **pargv = NULL;
    if (is_foreign(path) && self_path[0]) {
        int nopt = 0, nargs = 0;
        while (self_options && self_options[nopt])
            nopt++;
        while (argv[nargs])
            nargs++;
        pargv = calloc(nopt + nargs + 8, sizeof *pargv);
        if (!pargv)
            return -ENOMEM;
        int k = 0;
        pargv[k++] = "persona";
        pargv[k++] = "run";
        for (int i = 0; i < nopt; i++)
            pargv[k++] = self_options[i];
        char *argv0 = NULL;
        if (nargs > 0 && asprintf(&argv0, "--argv0=%s", argv[0]) > 0)
            pargv[k++] = argv0;
        pargv[k++] = "--";
        pargv[k++] = (char *)path;
        for (int i = 1; i < nargs; i++)
            pargv[k++] = argv[i];
        pargv[k] = NULL;
        use_argv = pargv;
        use_path = self_path;
    }
    /* A native program may exec FreeBSD or NetBSD binaries in turn: give
     * it the private binfmt_misc that runs them under persona. */
    if (!pargv && foreign_exec_mode != FOREIGN_EXEC_OFF) {
        char why[512];
        uint64_t old;
        signals_block_all(&old);
        int r = foreign_exec_setup(foreign_exec_mode, why, sizeof why);
        syscall(SYS_rt_sigprocmask, SIG_SETMASK, &old, NULL, 8);
        if (r == -2 || (r < 0 && foreign_exec_mode == FOREIGN_EXEC_USERNS)) {
            warnmsg("exec %s: --foreign-exec: %s", path, why);
            return -EPERM;
        }
        if (r < 0)
            debugmsg("exec %s: FreeBSD and NetBSD programs it starts will not run under persona: %s",
                     path, why);
    }
    /* The new program inherits the guest's (virtual) signal mask; a new
     * persona also inherits the trace output. */
    bool keep = pargv != NULL;
    if (trace_me_at_exec && !pargv)
        syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
    for (int i = 0; keep && i < 2; i++)
        if (self_keep_fds[i] > 2)
            fcntl(self_keep_fds[i], F_SETFD, 0);
    /* ...and the guest's RLIMIT_NOFILE, not persona's wider one; persona's
     * own descriptors are close-on-exec, so a native program sees exactly
     * the guest's (syscalls/fdreserve.h). */
    fd_exec_prepare();
    char **native_envp = pargv ? NULL : foreign_exec_env(envp);
    int witness = trace_exec_starting(!pargv);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &guest_sigmask, NULL, 8);
    long r = HOST3(SYS_execve, use_path, use_argv, native_envp ? native_envp : envp);
    free(native_envp);
    trace_exec_failed(witness);
    fd_exec_failed();
    for (int i = 0; keep && i < 2; i++)
        if (self_keep_fds[i] > 2)
            fcntl(self_keep_fds[i], F_SETFD, FD_CLOEXEC);
    uint64_t none = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);
    free(pargv);
    return r;
}

void process_exit(int status)
{
    trace_at_exit();
    for (;;)
        syscall(SYS_exit_group, status);
}
