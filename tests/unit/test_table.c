/* The FreeBSD syscall table is consistent: one row per number, unique
 * names, every implemented row has a handler, every missing row has none,
 * and the rows Go and esbuild need at start-up are implemented. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "personality/freebsd/table.h"

struct row { int nr; const char *name; int status; };
#define SYSCALL(nr_, name_, status_, class_, kinds_, note_) { nr_, #name_, SYS_##status_ },
static const struct row rows[] = {
#include "personality/freebsd/syscalls.def"
};
#undef SYSCALL
#define NROWS (sizeof rows / sizeof rows[0])

Test(table, numbers_and_names_are_unique)
{
    for (size_t i = 0; i < NROWS; i++)
        for (size_t j = i + 1; j < NROWS; j++) {
            cr_assert_neq(rows[i].nr, rows[j].nr, "number %d listed twice", rows[i].nr);
            cr_assert_str_neq(rows[i].name, rows[j].name, "name %s listed twice", rows[i].name);
        }
}

Test(table, rows_fit_and_handlers_match_status)
{
    for (size_t i = 0; i < NROWS; i++) {
        cr_assert(rows[i].nr >= 0 && rows[i].nr < FBSD_SYSCALL_MAX);
        const struct syscall_entry *e = &fbsd_syscall_table[rows[i].nr];
        cr_assert_str_eq(e->name, rows[i].name);
        if (e->status == SYS_MISSING)
            cr_assert_null(e->handler, "%s is missing but has a handler", e->name);
        else
            cr_assert_not_null(e->handler, "%s is implemented but has no handler", e->name);
    }
}

static const struct syscall_entry *by_name(const char *name)
{
    for (int nr = 0; nr < FBSD_SYSCALL_MAX; nr++)
        if (fbsd_syscall_table[nr].name && !strcmp(fbsd_syscall_table[nr].name, name))
            return &fbsd_syscall_table[nr];
    return NULL;
}

/* Numbers from FreeBSD sys/kern/syscalls.master. */
Test(table, known_numbers)
{
    struct { int nr; const char *name; } k[] = {
        { 1, "exit" }, { 3, "read" }, { 4, "write" }, { 5, "open" }, { 165, "sysarch" },
        { 189, "freebsd11_fstat" }, { 202, "__sysctl" }, { 232, "clock_gettime" },
        { 340, "sigprocmask" }, { 363, "freebsd11_kevent" }, { 416, "sigaction" },
        { 417, "sigreturn" }, { 454, "_umtx_op" }, { 455, "thr_new" }, { 477, "mmap" },
        { 551, "fstat" }, { 554, "getdirentries" }, { 560, "kevent" },
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        cr_assert_str_eq(fbsd_syscall_table[k[i].nr].name, k[i].name);
}

Test(table, go_startup_calls_are_implemented)
{
    const char *need[] = { "sysarch", "__sysctl", "sigaction", "sigprocmask", "sigaltstack",
                           "thr_new", "thr_self", "thr_kill", "_umtx_op", "mmap", "munmap",
                           "madvise", "clock_gettime", "nanosleep", "cpuset_getaffinity",
                           "kqueue", "kevent", "fcntl", "openat", "fstat", "getrandom" };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        const struct syscall_entry *e = by_name(need[i]);
        cr_assert_not_null(e, "%s not in the table", need[i]);
        cr_assert_neq(e->status, SYS_MISSING, "%s is missing", need[i]);
    }
}

/* Numbers and names against an independent source: Go's own FreeBSD table
 * (syscall/zsysnum_freebsd_amd64.go, generated from an older
 * syscalls.master).  Each Go entry must be a row of ours with the same
 * number and name, a freebsdNN_ prefix aside (FreeBSD renamed calls it
 * kept for compatibility), except the ones listed with a reason. */
static const struct { int nr; const char *why; } go_only[] = {
    { 17, "Go calls it obreak; syscalls.master: break" },
    { 515, "Go: cap_getrights; FreeBSD 14: __cap_rights_get" },
    { 72, "vadvise (COMPAT11): not in persona's table yet" },
    { 173, "freebsd6_pread: not in persona's table yet" },
    { 174, "freebsd6_pwrite: not in persona's table yet" },
    { 197, "freebsd6_mmap: not in persona's table yet" },
    { 199, "freebsd6_lseek: not in persona's table yet" },
    { 200, "freebsd6_truncate: not in persona's table yet" },
    { 201, "freebsd6_ftruncate: not in persona's table yet" },
    { 252, "openbsd_poll: not in persona's table yet" },
    { 278, "nstat: not in persona's table yet" },
    { 279, "nfstat: not in persona's table yet" },
    { 280, "nlstat: not in persona's table yet" },
    { 299, "fhstat (FreeBSD 11 numbering): not in persona's table yet" },
    { 398, "fhstatfs (FreeBSD 11 numbering): not in persona's table yet" },
    { 434, "_umtx_lock: obsolete, not in persona's table" },
    { 435, "_umtx_unlock: obsolete, not in persona's table" },
    { 514, "cap_new: obsolete, not in persona's table" },
};

static bool allowed_go_only(int nr)
{
    for (size_t i = 0; i < sizeof go_only / sizeof go_only[0]; i++)
        if (go_only[i].nr == nr)
            return true;
    return false;
}

Test(table, agrees_with_gos_freebsd_table)
{
    const char *paths[] = { "/usr/lib/go/src/syscall/zsysnum_freebsd_amd64.go",
                            "/usr/lib/go-1.19/src/syscall/zsysnum_freebsd_amd64.go" };
    FILE *f = NULL;
    for (size_t i = 0; !f && i < 2; i++)
        f = fopen(paths[i], "r");
    cr_assert_not_null(f, "Go's zsysnum_freebsd_amd64.go not found (Debian golang-go)");
    char line[512];
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        char name[64];
        int nr;
        if (sscanf(line, " SYS_%63[A-Z0-9_] = %d", name, &nr) != 2)
            continue;
        for (char *p = name; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        checked++;
        if (allowed_go_only(nr))
            continue;
        cr_assert(nr >= 0 && nr < FBSD_SYSCALL_MAX && fbsd_syscall_table[nr].name,
                  "Go's SYS_%s = %d has no row here", name, nr);
        const char *ours = fbsd_syscall_table[nr].name;
        if (!strncmp(ours, "freebsd", 7)) {
            const char *u = strchr(ours, '_');
            if (u)
                ours = u + 1;
        }
        cr_assert_str_eq(ours, name, "number %d: Go says %s, the table %s", nr, name,
                         fbsd_syscall_table[nr].name);
    }
    fclose(f);
    cr_assert_gt(checked, 300, "read only %d of Go's entries", checked);
}
