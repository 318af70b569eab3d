#include "cli/script.h"
#include "loader/elf.h"
#include "personality/brand.h"
#include "syscalls/foreign_exec.h"
#include "syscalls/log.h"
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

#define EXIT_NOT_FOUND 127
#define EXIT_CANNOT_RUN 126
#define LINE_MAX_BYTES 256      /* BINPRM_BUF_SIZE: what the kernel reads */
#define MAX_DEPTH 4             /* binfmt_script's interpreter nesting limit */

int script_is_script(int fd)
{
    char m[2];
    return pread(fd, m, 2, 0) == 2 && m[0] == '#' && m[1] == '!';
}

/* The interpreter and its argument from the first line, in buf. */
static int parse_line(const char *path, char *buf, size_t cap, char **interp, char **arg)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t n = pread(fd, buf, cap - 1, 0);
    close(fd);
    if (n < 2)
        return -ENOEXEC;
    buf[n] = 0;
    char *nl = strchr(buf, '\n');
    if (nl)
        *nl = 0;
    else if ((size_t)n == cap - 1)
        return -ENOEXEC;        /* the line does not fit: the kernel refuses it too */
    char *p = buf + 2;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return -ENOEXEC;
    *interp = p;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    *arg = NULL;
    if (*p) {
        *p++ = 0;
        while (*p == ' ' || *p == '\t')
            p++;
        char *end = p + strlen(p);
        while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
            *--end = 0;
        if (*p)
            *arg = p;
    }
    return 0;
}

/* Is the file at path an ELF file persona runs (FreeBSD, NetBSD)? */
static bool is_foreign_elf(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct elf_info info;
    struct brand_match m;
    char err[160];
    bool foreign = elf_inspect(fd, &info, err, sizeof err) == 0 &&
                   brand_recognise(&info, &m, err, sizeof err) && !m.brand->fallback;
    close(fd);
    return foreign;
}

static int run_at_depth(const struct run_options *opt, const char *path, int argc, char **argv, int depth)
{
    if (depth > MAX_DEPTH) {
        warnmsg("%s: too many levels of #! interpreters", argv[0]);
        return EXIT_CANNOT_RUN;
    }
    char line[LINE_MAX_BYTES + 1], *interp = NULL, *arg = NULL;
    int r = parse_line(path, line, sizeof line, &interp, &arg);
    if (r < 0) {
        warnmsg("%s: bad #! line: %s", argv[0], r == -ENOEXEC ? "no interpreter, or longer than 255 bytes" : strerror(-r));
        return EXIT_CANNOT_RUN;
    }
    char **nargv = calloc((size_t)argc + 3, sizeof *nargv);
    if (!nargv)
        return EXIT_CANNOT_RUN;
    int k = 0;
    nargv[k++] = interp;
    if (arg)
        nargv[k++] = arg;
    nargv[k++] = (char *)path;
    for (int i = 1; i < argc; i++)
        nargv[k++] = argv[i];
    nargv[k] = NULL;
    if (access(interp, F_OK) != 0) {
        warnmsg("%s: interpreter %s: %s", argv[0], interp, strerror(errno));
        return EXIT_NOT_FOUND;
    }
    int ifd = open(interp, O_RDONLY | O_CLOEXEC);
    bool nested = ifd >= 0 && script_is_script(ifd);
    if (ifd >= 0)
        close(ifd);
    if (nested)
        return run_at_depth(opt, interp, k, nargv, depth + 1);
    if (is_foreign_elf(interp)) {
        struct run_options o = *opt;
        o.argv0 = NULL;
        return run_program(&o, k, nargv);
    }
    /* A native interpreter: what it starts may be FreeBSD or NetBSD. */
    char why[512];
    run_export_mode_options(opt);
    r = foreign_exec_setup(opt->foreign_exec, why, sizeof why);
    if (r == -2 || (r < 0 && opt->foreign_exec == FOREIGN_EXEC_USERNS)) {
        warnmsg("--foreign-exec: %s", why);
        return EXIT_CANNOT_RUN;
    }
    char **envp = foreign_exec_env(environ);
    execve(interp, nargv, envp ? envp : environ);
    warnmsg("%s: interpreter %s: %s", argv[0], interp, strerror(errno));
    return errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN;
}

int script_run(const struct run_options *opt, const char *path, int argc, char **argv)
{
    return run_at_depth(opt, path, argc, argv, 1);
}
