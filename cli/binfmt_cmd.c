/* `persona binfmt`: register FreeBSD ELF files with the kernel's
 * binfmt_misc, so that any program, native ones included (a Linux /bin/sh,
 * nohup, make), can exec a FreeBSD binary and get it run under persona —
 * the way qemu-user and WSL make foreign binaries directly executable.
 *
 * The kernel starts the registered interpreter, `persona-binfmt` (a link to
 * persona installed next to it), with flag P (preserve argv[0]) as
 *   persona-binfmt /full/path/of/program original-argv0 args...
 * (Documentation/admin-guide/binfmt-misc.rst). */
#include "cli/commands.h"
#include "cli/run.h"
#include "syscalls/log.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "personality/brand.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define ENTRY_NAME "persona-freebsd"
#define INTERP_NAME "persona-binfmt"

/* The binfmt_misc magic of a brand: ELF, 64-bit, little-endian, version 1,
 * then the brand's EI_OSABI byte (FreeBSD: 9, personality/registry.c). */
static void brand_magic(const struct brand *b, char *out, size_t cap)
{
    snprintf(out, cap, "\\x7fELF\\x02\\x01\\x01\\x%02x", (unsigned)b->osabi);
}

static const char usage[] =
    "usage: persona binfmt install|uninstall|status\n"
    "Registers FreeBSD/amd64 ELF files with binfmt_misc so that any program\n"
    "can execute them directly under persona (needs root; in a user\n"
    "namespace with its own binfmt_misc mount, affects only that namespace).\n";

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

static int interp_path(char *out, size_t cap)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return -1;
    self[n] = 0;
    char *slash = strrchr(self, '/');
    *slash = 0;
    if (strlen(self) + sizeof INTERP_NAME + 1 > cap)
        return -1;
    memcpy(out, self, strlen(self));
    out[strlen(self)] = '/';
    memcpy(out + strlen(self) + 1, INTERP_NAME, sizeof INTERP_NAME);
    if (access(out, X_OK) != 0) {
        warnmsg("binfmt: %s is missing (it is a link to persona made by the build)", out);
        return -1;
    }
    return 0;
}

static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t w = write(fd, text, strlen(text));
    int e = errno;
    close(fd);
    return w < 0 ? -e : 0;
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
    if (ensure_mounted() != 0)
        return 1;
    const char *entry = BINFMT_DIR "/" ENTRY_NAME;
    if (!strcmp(verb, "status")) {
        FILE *f = fopen(entry, "re");
        if (!f) {
            printf("not installed\n");
            return 0;
        }
        char line[512];
        while (fgets(line, sizeof line, f))
            fputs(line, stdout);
        fclose(f);
        return 0;
    }
    if (!strcmp(verb, "uninstall")) {
        int r = write_file(entry, "-1");
        if (r < 0 && r != -ENOENT) {
            warnmsg("binfmt: cannot remove %s: %s", entry, strerror(-r));
            return 1;
        }
        return 0;
    }
    if (!strcmp(verb, "install")) {
        char interp[PATH_MAX];
        if (interp_path(interp, sizeof interp) != 0)
            return 1;
        write_file(entry, "-1");    /* replace an older registration */
        char rule[PATH_MAX + 128], magic[64];
        brand_magic(brand_by_name("freebsd"), magic, sizeof magic);
        snprintf(rule, sizeof rule, ":%s:M::%s::%s:P", ENTRY_NAME, magic, interp);
        int r = write_file(BINFMT_DIR "/register", rule);
        if (r < 0) {
            warnmsg("binfmt: cannot register: %s", strerror(-r));
            return 1;
        }
        return 0;
    }
    warnmsg("binfmt: unknown action '%s' (install, uninstall or status)", verb);
    return 2;
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
    return run_program(&opt, argc - 2, argv + 2);
}
