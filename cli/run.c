/* `persona run`: find the program, recognise it, load it, enter it. */
#include "cli/run.h"
#include "syscalls/foreign_exec.h"
#include "cli/runnable.h"
#include "cli/script.h"
#include "loader/elf.h"
#include "personality/personality.h"
#include "syscalls/log.h"
#include "syscalls/trace.h"
#include "syscalls/report.h"
#include "syscalls/fdreserve.h"
#include "syscalls/process.h"
#include "syscalls/runtime.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

/* Exit codes of a shell that cannot run a command (POSIX sh, 2.8.2). */
#define EXIT_NOT_FOUND 127
#define EXIT_CANNOT_RUN 126

/* PATH lookup as execvp does it; names containing '/' are taken as is. */
static int resolve(const char *name, char *out, size_t cap)
{
    if (strchr(name, '/')) {
        snprintf(out, cap, "%s", name);
        return access(out, F_OK) == 0 ? 0 : -errno;
    }
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        size_t n = strcspn(path, ":");
        snprintf(out, cap, "%.*s%s%s", (int)n, path, n ? "/" : "", name);
        struct stat st;
        if (stat(out, &st) == 0 && S_ISREG(st.st_mode) && access(out, X_OK) == 0)
            return 0;
        path += n + (path[n] == ':');
    }
    return -ENOENT;
}

/* --trace, --stats, --report-missing.  Everything the options name is
 * checked here, before the guest starts: a bad call name or an output file
 * that cannot be written is a usage error (exit 2), not a surprise after
 * the run. */
static int setup_tracing(const struct run_options *opt, const struct personality *pers,
                         const char *execpath)
{
    const char *out = opt->trace_output;
    if (opt->trace_spec && *opt->trace_spec) {
        char err[160];
        if (!trace_parse_filter(pers, opt->trace_spec, err, sizeof err)) {
            warnmsg("--trace: %s", err);
            return -1;
        }
    }
    if (opt->report_fd > 2) {
        /* Started again by a guest's exec: record into the run's report. */
        if (!report_attach(opt->report_fd, execpath))
            warnmsg("--report-fd: %d is not a report record; this program is not reported",
                    opt->report_fd);
    } else if (opt->report_missing) {
        /* Written at exit (report_write); made sure of now.  An existing
         * file is left as it is until then. */
        int fd = open(opt->report_missing, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) {
            warnmsg("--report-missing: cannot write %s: %s", opt->report_missing, strerror(errno));
            return -1;
        }
        close(fd);
    }
    if (opt->trace_fd > 2 && fcntl(opt->trace_fd, F_GETFD) >= 0) {
        /* Started again by a guest's exec: go on writing where the parent
         * wrote, and keep the descriptor out of the new program's way. */
        fcntl(opt->trace_fd, F_SETFD, FD_CLOEXEC);
        trace_config.fd = opt->trace_fd;
    } else if (out) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            warnmsg("--trace-output: cannot write %s: %s", out, strerror(errno));
            return -1;
        }
        trace_config.fd = fd_hide(fd);     /* out of the guest's way */
    } else {
        /* stderr may be closed or redirected by the guest later: a copy. */
        int fd = fd_private_dup(2);
        trace_config.fd = fd >= 0 ? fd : 2;
    }
    trace_config.enabled = opt->trace;
    trace_config.verbose = opt->verbose;
    trace_config.timing = opt->timing;
    trace_config.stats = opt->stats;
    if (opt->report_fd <= 2)
        report_configure(opt->report_missing, execpath);
    return 0;
}

void run_export_mode_options(const struct run_options *opt)
{
    static char mode_opts[128];
    snprintf(mode_opts, sizeof mode_opts, "%s%s%s%s", opt->no_rewrite ? "--no-rewrite" : "",
             opt->no_rewrite && opt->backend ? "\x1f" : "", opt->backend ? "--backend=" : "",
             opt->backend ? opt->backend : "");
    foreign_exec_mode = opt->foreign_exec;
    foreign_exec_options = mode_opts;
}

/* PERSONA_DEBUG: set to anything but "" or "0". */
static bool debug_from_env(void)
{
    const char *v = getenv("PERSONA_DEBUG");
    return v && *v && strcmp(v, "0") != 0;
}

int run_program(const struct run_options *opt, int argc, char **argv)
{
    /* --trace also reports each unimplemented call, ioctl and sysctl once. */
    persona_debug = opt->debug || opt->trace || debug_from_env();
    const char *name = argv[0];
    char path[PATH_MAX];
    int r = resolve(name, path, sizeof path);
    if (r < 0) {
        warnmsg("%s: %s", name, strerror(-r));
        return r == -ENOENT || r == -ENOTDIR ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        warnmsg("%s: %s", name, strerror(errno));
        return EXIT_NOT_FOUND;
    }
    if (S_ISDIR(st.st_mode)) {
        warnmsg("%s: Is a directory", name);
        return EXIT_CANNOT_RUN;
    }
    if (access(path, X_OK) != 0 || !(st.st_mode & 0111)) {
        warnmsg("%s: Permission denied (not executable)", name);
        return EXIT_CANNOT_RUN;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        warnmsg("%s: %s", name, strerror(errno));
        return EXIT_CANNOT_RUN;
    }
    if (script_is_script(fd)) {
        close(fd);
        return script_run(opt, path, argc, argv);
    }
    struct elf_info info;
    char err[256];
    if (elf_inspect(fd, &info, err, sizeof err) != 0) {
        warnmsg("%s: %s", name, err);
        return EXIT_CANNOT_RUN;
    }
    char why[512];
    struct brand_match brand;
    const struct personality *pers = runnable_personality(&info, &brand, why, sizeof why);
    if (!pers) {
        warnmsg("%s: %s", name, why);
        return EXIT_CANNOT_RUN;
    }

    char execpath[PATH_MAX];
    if (!realpath(path, execpath))
        snprintf(execpath, sizeof execpath, "%s", path);

    if (setup_tracing(opt, pers, execpath) != 0)
        return 2;
    run_export_mode_options(opt);
    const struct backend *backend = backend_choose(opt->backend, why, sizeof why);
    if (!backend) {
        warnmsg("%s", why);
        return opt->backend ? 2 : EXIT_CANNOT_RUN;
    }
    /* A guest's exec of another foreign binary starts persona again. */
    static char self[PATH_MAX];
    ssize_t sl = readlink("/proc/self/exe", self, sizeof self - 1);
    if (sl > 0) {
        self[sl] = 0;
        /* The same run options for programs the guest execs: tracing goes
         * on in the same output (the report file is this process's own). */
        static char *again[16];
        static char spec[512], fdopt[32], backendopt[48], reportopt[32];
        int n = 0;
        if (opt->debug)
            again[n++] = "--debug";
        if (opt->trace) {
            again[n++] = "--trace";
            if (trace_config.filter && opt->trace_spec) {
                snprintf(spec, sizeof spec, "--trace=%s", opt->trace_spec);
                again[n - 1] = spec;
            }
        }
        if (opt->timing)
            again[n++] = "-T";
        if (opt->verbose)
            again[n++] = "-v";
        if (opt->stats)
            again[n++] = "--stats";
        if (opt->no_rewrite)
            again[n++] = "--no-rewrite";
        if (opt->backend) {
            snprintf(backendopt, sizeof backendopt, "--backend=%s", opt->backend);
            again[n++] = backendopt;
        }
        if (opt->foreign_exec == FOREIGN_EXEC_OFF)
            again[n++] = "--foreign-exec=off";
        if (opt->trace || opt->stats) {
            snprintf(fdopt, sizeof fdopt, "--trace-fd=%d", trace_config.fd);
            again[n++] = fdopt;
        }
        if (report_fd() > 2) {
            snprintf(reportopt, sizeof reportopt, "--report-fd=%d", report_fd());
            again[n++] = reportopt;
        }
        again[n] = NULL;
        process_set_self(self, again, (opt->trace || opt->stats) ? trace_config.fd : -1,
                         report_fd());
    }
    if (opt->argv0)
        argv[0] = (char *)opt->argv0;
    struct runtime_start rs = {
        .pers = pers, .backend = backend, .rewrite = !opt->no_rewrite,
        .fd = fd, .info = &info, .execpath = execpath,
        .argc = argc, .argv = argv, .envp = foreign_exec_strip_env(environ),
        .exec_resumed = opt->trace_fd > 2,
    };
    runtime_start(&rs, err, sizeof err);
    warnmsg("%s: %s", name, err);
    return EXIT_CANNOT_RUN;
}
