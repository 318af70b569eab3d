/* The guest's argv inside persona's command line.  The forms are the ones
 * persona starts itself with: cli/main.c (cmd_run's options, and
 * persona-binfmt's PATH ARGV0 ARGS), syscalls/process.c process_exec
 * (persona run OPTIONS --argv0=ARGV0 -- PATH ARGS). */
#include "syscalls/guest_cmdline.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool guest_cmdline_is_persona(pid_t pid)
{
    char path[64], self[PATH_MAX], other[PATH_MAX];
    ssize_t a = readlink("/proc/self/exe", self, sizeof self);
    snprintf(path, sizeof path, "/proc/%d/exe", (int)pid);
    ssize_t b = readlink(path, other, sizeof other);
    return a > 0 && a == b && memcmp(self, other, a) == 0;
}

#define MAXARGS 4096

size_t guest_cmdline(const char *in, size_t len, char *out, const char **prog)
{
    const char *arg[MAXARGS];
    int n = 0;
    for (size_t i = 0; i < len && n < MAXARGS; n++) {
        arg[n] = in + i;
        i += strnlen(in + i, len - i) + 1;
    }
    if (n < 2)
        return 0;
    const char *base = strrchr(arg[0], '/');
    base = base ? base + 1 : arg[0];
    const char *argv0 = NULL;
    int i;
    if (strcmp(base, "persona-binfmt") == 0) {
        if (n < 3)
            return 0;
        *prog = arg[1];
        argv0 = arg[2];
        i = 3;
    } else if (strcmp(arg[1], "run") == 0) {
        for (i = 2; i < n; i++) {
            const char *a = arg[i];
            if (strcmp(a, "--") == 0) {
                i++;
                break;
            }
            if (a[0] != '-' || a[1] == 0)
                break;
            if (strcmp(a, "-o") == 0)
                i++;            /* -o FILE */
            else if (strncmp(a, "--argv0=", 8) == 0)
                argv0 = a + 8;
        }
        if (i >= n)
            return 0;
        *prog = arg[i];
        if (!argv0)
            argv0 = arg[i];
        i++;
    } else {
        return 0;
    }
    size_t l = strlen(argv0) + 1, at = l;
    memmove(out, argv0, l);
    for (; i < n; i++) {
        l = strnlen(arg[i], in + len - arg[i]);
        memmove(out + at, arg[i], l);
        out[at + l] = 0;
        at += l + 1;
    }
    return at;
}
