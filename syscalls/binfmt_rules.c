#include "syscalls/binfmt_rules.h"
#include "personality/brand.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define INTERP_NAME "persona-binfmt"

/* The brands with a rule: runnable and marked by EI_OSABI (a magic can
 * only match fixed bytes; personality/registry.c has their numbers). */
static bool has_rule(const struct brand *b)
{
    return b->osabi >= 0 && b->personality && !b->fallback;
}

static void entry_path(const struct brand *b, char *out, size_t cap)
{
    snprintf(out, cap, BINFMT_DIR "/persona-%s", b->name);
}

int binfmt_write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t w = write(fd, text, strlen(text));
    int e = errno;
    close(fd);
    return w < 0 ? -e : 0;
}

int binfmt_interp_path(char *out, size_t cap, char *why, size_t whycap)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        snprintf(why, whycap, "cannot read /proc/self/exe: %s", strerror(errno));
        return -1;
    }
    self[n] = 0;
    *strrchr(self, '/') = 0;
    if ((size_t)snprintf(out, cap, "%s/" INTERP_NAME, self) >= cap) {
        snprintf(why, whycap, "path too long");
        return -1;
    }
    if (access(out, X_OK) != 0) {
        snprintf(why, whycap, "%s is missing (it is a link to persona made by the build)", out);
        return -1;
    }
    return 0;
}

int binfmt_register_all(const char *interp, const char *flags, char *why, size_t whycap)
{
    const struct brand *b;
    for (int i = 0; (b = brand_at(i)); i++) {
        if (!has_rule(b))
            continue;
        char entry[PATH_MAX], rule[PATH_MAX + 128];
        entry_path(b, entry, sizeof entry);
        binfmt_write_file(entry, "-1");     /* replace an older registration */
        /* ELF, 64-bit, little-endian, version 1, then the EI_OSABI byte */
        snprintf(rule, sizeof rule, ":persona-%s:M::\\x7fELF\\x02\\x01\\x01\\x%02x::%s:%s",
                 b->name, (unsigned)b->osabi, interp, flags);
        int r = binfmt_write_file(BINFMT_DIR "/register", rule);
        if (r < 0) {
            snprintf(why, whycap, "cannot register %s ELF files: %s", b->os_name, strerror(-r));
            return r;
        }
    }
    return 0;
}

int binfmt_unregister_all(void)
{
    int res = 0;
    const struct brand *b;
    for (int i = 0; (b = brand_at(i)); i++) {
        if (!has_rule(b))
            continue;
        char entry[PATH_MAX];
        entry_path(b, entry, sizeof entry);
        int r = binfmt_write_file(entry, "-1");
        if (r < 0 && r != -ENOENT)
            res = r;
    }
    return res;
}

bool binfmt_all_registered(void)
{
    const struct brand *b;
    for (int i = 0; (b = brand_at(i)); i++) {
        if (!has_rule(b))
            continue;
        char entry[PATH_MAX], line[64] = "";
        entry_path(b, entry, sizeof entry);
        FILE *f = fopen(entry, "re");
        if (!f)
            return false;
        bool enabled = fgets(line, sizeof line, f) && strncmp(line, "enabled", 7) == 0;
        fclose(f);
        if (!enabled)
            return false;
    }
    return true;
}

void binfmt_print_status(void)
{
    const struct brand *b;
    for (int i = 0; (b = brand_at(i)); i++) {
        if (!has_rule(b))
            continue;
        char entry[PATH_MAX], line[512];
        entry_path(b, entry, sizeof entry);
        FILE *f = fopen(entry, "re");
        printf("persona-%s: %s\n", b->name, f ? "installed" : "not installed");
        while (f && fgets(line, sizeof line, f))
            printf("  %s", line);
        if (f)
            fclose(f);
    }
}
