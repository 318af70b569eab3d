/* `persona binfmt`: register FreeBSD and NetBSD ELF files with the kernel's
 * binfmt_misc, so that any program, native ones included (a Linux /bin/sh,
 * nohup, make), can exec a FreeBSD binary and get it run under persona —
 * the way qemu-user and WSL make foreign binaries directly executable.
 *
 * The rules and how the kernel starts persona: cli/binfmt_rules.h. */
#include "cli/commands.h"
#include "syscalls/binfmt_rules.h"
#include "syscalls/foreign_exec.h"
#include "cli/run.h"
#include "syscalls/log.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: persona binfmt install|uninstall|status\n"
    "Registers FreeBSD/amd64 and NetBSD/amd64 ELF files with binfmt_misc so\n"
    "that any program can execute them directly under persona (needs root;\n"
    "in a user namespace with its own binfmt_misc mount, affects only that\n"
    "namespace).  Not needed for the descendants of 'persona run', which gets\n"
    "them a private binfmt_misc instance by itself (--foreign-exec).\n";

static int ensure_mounted(void)
{
    if (access(BINFMT_DIR "/register", F_OK) == 0)
        return 0;
    if (mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", 0, NULL) != 0) {
        warnmsg("binfmt: %s is not mounted and cannot be: %s", BINFMT_DIR, strerror(errno));
        return -1;
    }
    return 0;
}

int cmd_binfmt(int argc, char **argv)
{
    if (argc != 1 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
        if (argc == 1)
            return fputs(usage, stdout), 0;
        warnmsg("binfmt: expected install, uninstall or status (see 'persona binfmt --help')");
        return 2;
    }
    const char *verb = argv[0];
    if (strcmp(verb, "status") && strcmp(verb, "install") && strcmp(verb, "uninstall")) {
        warnmsg("binfmt: unknown action '%s' (install, uninstall or status)", verb);
        return 2;
    }
    if (ensure_mounted() != 0)
        return 1;
    if (!strcmp(verb, "status")) {
        binfmt_print_status();
        return 0;
    }
    if (!strcmp(verb, "uninstall")) {
        int r = binfmt_unregister_all();
        if (r < 0) {
            warnmsg("binfmt: cannot remove the rules: %s", strerror(-r));
            return 1;
        }
        return 0;
    }
    char interp[PATH_MAX], why[PATH_MAX + 64];
    if (binfmt_interp_path(interp, sizeof interp, why, sizeof why) != 0 ||
        binfmt_register_all(interp, "P", why, sizeof why) != 0) {
        warnmsg("binfmt: %s", why);
        return 1;
    }
    return 0;
}

int binfmt_interpreter_main(int argc, char **argv)
{
    /* argv: persona-binfmt PATH ORIGINAL-ARGV0 ARGS... */
    if (argc < 3) {
        warnmsg("persona-binfmt is started by the kernel's binfmt_misc (see 'persona binfmt --help')");
        return 2;
    }
    struct run_options opt = { 0 };
    opt.argv0 = argv[2];
    argv[2] = argv[1];
    /* The mode options of the persona run above the native program that
     * exec'd this one (syscalls/foreign_exec.h); nothing else is taken. */
    static char opts[512];
    const char *env = getenv(FOREIGN_EXEC_ENV);
    snprintf(opts, sizeof opts, "%s", env ? env : "");
    for (char *tok = strtok(opts, "\x1f"); tok; tok = strtok(NULL, "\x1f")) {
        if (!strcmp(tok, "--no-rewrite"))
            opt.no_rewrite = true;
        else if (!strncmp(tok, "--backend=", 10))
            opt.backend = tok + 10;
    }
    return run_program(&opt, argc - 2, argv + 2);
}
