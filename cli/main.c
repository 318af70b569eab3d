/* persona's command line: verbs and options. */
#include "cli/run.h"
#include "cli/commands.h"
#include "syscalls/foreign_exec.h"
#include "syscalls/log.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "persona_version.h"     /* generated: PERSONA_VERSION, PERSONA_BUILD */

static const char usage[] =
    "usage: persona run [options] PROGRAM [ARGS...]\n"
    "       persona info [--format text|json] FILE\n"
    "       persona syscalls [--format text|json|markdown] [--status S]\n"
    "       persona binfmt install|uninstall|status\n"
    "       persona completion bash|zsh\n"
    "       persona --help | --version\n"
    "\n"
    "Runs a program built for another operating system (FreeBSD/amd64) on\n"
    "Linux x86-64 by translating its system calls.\n"
    "\n"
    "run options:\n"
    "  --trace[=SPEC]         one line per guest system call, on stderr; SPEC is\n"
    "                         a list of calls and classes to show (open,read,\n"
    "                         %file,%desc,%net,%process,%thread,%signal,%memory,\n"
    "                         %time,%ipc,%creds,%system)\n"
    "  --trace-output=FILE, -o FILE\n"
    "                         write the trace and --stats to FILE\n"
    "  -v                     with --trace: show host paths too\n"
    "  -T                     with --trace: time spent in each call\n"
    "  --stats                a per-call table (calls, errors, time) at exit\n"
    "  --report-missing=FILE  write every unimplemented call, ioctl, sysctl and\n"
    "                         flag the program used, as JSON, at exit\n"
    "  --no-rewrite           catch every system call by trap instead of\n"
    "                         rewriting the program's syscall sites into\n"
    "                         jumps to persona\n"
    "  --backend=sud|seccomp  how calls that are not rewritten are caught:\n"
    "                         Syscall User Dispatch (Linux >= 5.11, the\n"
    "                         default) or a seccomp filter (older kernels)\n"
    "  --argv0=NAME           give the program NAME as argv[0]\n"
    "  --foreign-exec=auto|userns|off\n"
    "                         how a native program below this one (a shell,\n"
    "                         nohup, make) runs a FreeBSD or NetBSD binary:\n"
    "                         userns: under persona, through a binfmt_misc of\n"
    "                         a private user namespace (Linux >= 6.7; see the\n"
    "                         manual for what that namespace changes); auto\n"
    "                         (the default): userns where possible; off: not\n"
    "                         at all\n"
    "  --trace-fd=N           trace to inherited descriptor N\n"
    "  --report-fd=N          record into the run's inherited report record\n"
    "                         (these three are how persona starts itself again\n"
    "                         when a guest execs another FreeBSD program)\n"
    "  --debug                report unimplemented calls, ioctls and sysctls on\n"
    "                         stderr as they happen (also: PERSONA_DEBUG set to\n"
    "                         anything but 0)\n"
    "  --                     end of options\n"
    "\n"
    "Exit status: the program's own; 127 if PROGRAM is not found, 126 if it\n"
    "cannot be run (not executable, not an ELF file, unsupported kind),\n"
    "2 for a usage error (an unknown option, call name or class, -v/-T without\n"
    "--trace, an output file that cannot be written).\n";

static int usage_error(const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg);
    warnmsg("%s (see 'persona --help')", msg);
    return 2;
}

/* A usage error with a message of its own (no pointer to --help). */
static int usage_plain(const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg);
    warnmsg("%s", msg);
    return 2;
}

static int cmd_run(int argc, char **argv)
{
    struct run_options opt = { 0 };
    int i = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[0] != '-' || a[1] == 0)
            break;
        if (strcmp(a, "--debug") == 0)
            opt.debug = true;
        else if (strcmp(a, "--trace") == 0)
            opt.trace = true;
        else if (strncmp(a, "--trace=", 8) == 0) {
            opt.trace = true;
            opt.trace_spec = a + 8;
        } else if (strncmp(a, "--trace-output=", 15) == 0 || strcmp(a, "-o") == 0) {
            const char *file = a[1] == 'o' ? (i + 1 < argc ? argv[++i] : "") : a + 15;
            if (!*file)
                return usage_plain("%s needs a FILE", a[1] == 'o' ? "-o" : "--trace-output");
            opt.trace_output = file;
        }
        else if (strcmp(a, "-v") == 0)
            opt.verbose = true;
        else if (strcmp(a, "-T") == 0)
            opt.timing = true;
        else if (strcmp(a, "--stats") == 0)
            opt.stats = true;
        else if (strcmp(a, "--no-rewrite") == 0)
            opt.no_rewrite = true;
        else if (strncmp(a, "--backend=", 10) == 0 && a[10])
            opt.backend = a + 10;
        else if (strncmp(a, "--report-missing=", 17) == 0 && a[17])
            opt.report_missing = a + 17;
        else if (strncmp(a, "--argv0=", 8) == 0)
            opt.argv0 = a + 8;
        else if (strncmp(a, "--foreign-exec=", 15) == 0) {
            opt.foreign_exec = foreign_exec_parse(a + 15);
            if (opt.foreign_exec < 0)
                return usage_error("--foreign-exec: expected auto, userns or off, not '%s'", a + 15);
        }
        else if (strncmp(a, "--trace-fd=", 11) == 0 && atoi(a + 11) > 2)
            opt.trace_fd = atoi(a + 11);
        else if (strncmp(a, "--report-fd=", 12) == 0 && atoi(a + 12) > 2)
            opt.report_fd = atoi(a + 12);
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else
            return usage_error("unknown option '%s'", a);
    }
    /* Like strace's, these only shape a trace: without one they would do
     * nothing, so say so instead of ignoring them. */
    if (!opt.trace && (opt.timing || opt.verbose))
        return usage_plain("%s needs --trace", opt.timing ? "-T" : "-v");
    if (!opt.trace && !opt.stats && opt.trace_output && !opt.trace_fd)
        return usage_plain("%s needs --trace or --stats", "--trace-output");
    if (i >= argc)
        return usage_error("%s", "run: no program given");
    return run_program(&opt, argc - i, argv + i);
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '/');
    if (strcmp(base ? base + 1 : argv[0], "persona-binfmt") == 0)
        return binfmt_interpreter_main(argc, argv);
    if (argc < 2)
        return usage_error("%s", "no command given");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("persona %s (build %s)\n", PERSONA_VERSION, PERSONA_BUILD);
        return 0;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    if (strcmp(cmd, "binfmt") == 0)
        return cmd_binfmt(argc - 2, argv + 2);
    if (strcmp(cmd, "syscalls") == 0)
        return cmd_syscalls(argc - 2, argv + 2);
    if (strcmp(cmd, "info") == 0)
        return cmd_info(argc - 2, argv + 2);
    if (strcmp(cmd, "completion") == 0)
        return cmd_completion(argc - 2, argv + 2);
    if (cmd[0] == '-')
        return usage_error("unknown option '%s'", cmd);
    return usage_error("unknown command '%s'", cmd);
}
