/* The NetBSD syscall table is consistent (one row per number, unique names,
 * handlers exactly for the implemented rows) and agrees with an independent
 * source: Go's syscall/zsysnum_netbsd_amd64.go, whose comments carry
 * syscalls.master's `{ type|sys|VERSION|name(...) }` lines. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "personality/netbsd/table.h"

struct row { int nr; const char *name; int status; };
#define SYSCALL(nr_, name_, status_, class_, kinds_, note_) { nr_, #name_, SYS_##status_ },
static const struct row rows[] = {
#include "personality/netbsd/syscalls.def"
};
#undef SYSCALL
#define NROWS (sizeof rows / sizeof rows[0])

Test(netbsd_table, numbers_and_names_are_unique)
{
    for (size_t i = 0; i < NROWS; i++)
        for (size_t j = i + 1; j < NROWS; j++) {
            cr_assert_neq(rows[i].nr, rows[j].nr, "number %d listed twice", rows[i].nr);
            cr_assert_str_neq(rows[i].name, rows[j].name, "name %s listed twice", rows[i].name);
        }
}

Test(netbsd_table, rows_fit_and_handlers_match_status)
{
    for (size_t i = 0; i < NROWS; i++) {
        cr_assert(rows[i].nr >= 0 && rows[i].nr < NBSD_SYSCALL_MAX);
        const struct syscall_entry *e = &nbsd_syscall_table[rows[i].nr];
        cr_assert_str_eq(e->name, rows[i].name);
        if (e->status == SYS_MISSING)
            cr_assert_null(e->handler, "%s is missing but has a handler", e->name);
        else
            cr_assert_not_null(e->handler, "%s is implemented but has no handler", e->name);
    }
}

/* The versioned numbers of the project's NetBSD reference
 * (../shared/reference/netbsd.md, from syscalls.master). */
Test(netbsd_table, known_numbers)
{
    struct { int nr; const char *name; } k[] = {
        { 1, "exit" }, { 3, "read" }, { 4, "write" }, { 197, "mmap" }, { 202, "__sysctl" },
        { 281, "__sigaltstack14" }, { 293, "__sigprocmask14" }, { 296, "__getcwd" },
        { 307, "getcontext" }, { 309, "_lwp_create" }, { 311, "_lwp_self" },
        { 317, "_lwp_setprivate" }, { 321, "_lwp_unpark" }, { 340, "__sigaction_sigtramp" },
        { 344, "kqueue" }, { 390, "__getdents30" }, { 394, "__socket30" },
        { 427, "__clock_gettime50" }, { 430, "__nanosleep50" }, { 435, "__kevent50" },
        { 439, "__stat50" }, { 440, "__fstat50" }, { 441, "__lstat50" }, { 449, "__wait450" },
        { 453, "pipe2" }, { 466, "fstatat" }, { 468, "openat" }, { 478, "___lwp_park60" },
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        cr_assert_str_eq(nbsd_syscall_table[k[i].nr].name, k[i].name, "number %d", k[i].nr);
}

/* Every entry of Go's table is a row of ours with the same number and the
 * name NetBSD's libc uses: `|sys|50|fstat` -> __fstat50, an unversioned
 * entry -> Go's constant in lower case (its alias: getpid_with_ppid is
 * SYS_GETPID). */
Test(netbsd_table, agrees_with_gos_netbsd_table)
{
    const char *paths[] = { "/usr/lib/go/src/syscall/zsysnum_netbsd_amd64.go",
                            "/usr/lib/go-1.19/src/syscall/zsysnum_netbsd_amd64.go" };
    FILE *f = NULL;
    for (size_t i = 0; !f && i < 2; i++)
        f = fopen(paths[i], "r");
    cr_assert_not_null(f, "Go's zsysnum_netbsd_amd64.go not found (Debian golang-go)");
    char line[512];
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        char cname[64], expect[80];
        int nr;
        if (sscanf(line, " SYS_%63[A-Z0-9_] = %d", cname, &nr) != 2)
            continue;
        for (char *p = cname; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        snprintf(expect, sizeof expect, "%s", cname);
        /* The proto: "{ type|sys|VERSION|name(" */
        const char *brace = strchr(line, '{');
        char ver[16] = "", pname[64] = "";
        if (brace) {
            const char *bar1 = strchr(brace, '|');
            const char *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
            const char *bar3 = bar2 ? strchr(bar2 + 1, '|') : NULL;
            if (bar3 && (size_t)(bar3 - bar2 - 1) < sizeof ver) {
                memcpy(ver, bar2 + 1, (size_t)(bar3 - bar2 - 1));
                ver[bar3 - bar2 - 1] = 0;
                sscanf(bar3 + 1, "%63[A-Za-z0-9_]", pname);
            }
        }
        if (ver[0])
            snprintf(expect, sizeof expect, "__%s%s", pname, ver);
        checked++;
        cr_assert(nr >= 0 && nr < NBSD_SYSCALL_MAX && nbsd_syscall_table[nr].name,
                  "Go's SYS_%s = %d has no row here", cname, nr);
        cr_assert_str_eq(nbsd_syscall_table[nr].name, expect, "number %d: Go says %s, the table %s",
                         nr, expect, nbsd_syscall_table[nr].name);
    }
    fclose(f);
    cr_assert_gt(checked, 250, "read only %d of Go's entries", checked);
}

Test(netbsd_table, hello_calls_are_implemented)
{
    const char *need[] = { "exit", "read", "write", "open", "close", "__fstat50" };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        bool found = false;
        for (int nr = 0; nr < NBSD_SYSCALL_MAX; nr++)
            if (nbsd_syscall_table[nr].name && !strcmp(nbsd_syscall_table[nr].name, need[i])) {
                cr_assert_neq(nbsd_syscall_table[nr].status, SYS_MISSING, "%s is missing", need[i]);
                found = true;
            }
        cr_assert(found, "%s not in the table", need[i]);
    }
}
