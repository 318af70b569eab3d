/* `persona syscalls`: the coverage table, printed from the personality's
 * own syscall table (never from a list kept by hand). */
#include "cli/commands.h"
#include "personality/personality.h"
#include "personality/brand.h"
#include "syscalls/log.h"
#include <stdio.h>
#include <string.h>

static const char *status_name(int s)
{
    return s == SYS_DONE ? "done" : s == SYS_PARTIAL ? "partial" : "missing";
}

static void json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            printf("\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            printf("\\u%04x", *s);
        else
            putchar(*s);
    }
    putchar('"');
}

static const char usage[] =
    "usage: persona syscalls [--personality freebsd|netbsd] [--format text|json|markdown]\n"
    "                        [--status done|partial|missing]\n"
    "Prints the system call coverage of a personality and its totals.\n";

int cmd_syscalls(int argc, char **argv)
{
    const char *format = "text", *want = NULL, *pers_name = "freebsd";
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--format") == 0 && v) {
            format = v;
            i++;
        } else if (strcmp(a, "--status") == 0 && v) {
            want = v;
            i++;
        } else if (strcmp(a, "--personality") == 0 && v) {
            pers_name = v;
            i++;
        } else {
            warnmsg("syscalls: unknown or incomplete option '%s' (see 'persona syscalls --help')", a);
            return 2;
        }
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "markdown")) {
        warnmsg("syscalls: unknown format '%s' (text, json or markdown)", format);
        return 2;
    }
    if (want && strcmp(want, "done") && strcmp(want, "partial") && strcmp(want, "missing")) {
        warnmsg("syscalls: unknown status '%s' (done, partial or missing)", want);
        return 2;
    }
    const struct brand *b = brand_by_name(pers_name);
    if (!b || !b->personality) {
        warnmsg("syscalls: %s personality '%s' (available: freebsd)",
                b ? "no system call table yet for the" : "unknown", pers_name);
        return 2;
    }
    const struct personality *p = b->personality;
    unsigned counts[3] = { 0 };
    for (unsigned nr = 0; nr < p->table_size; nr++)
        if (p->table[nr].name)
            counts[p->table[nr].status]++;

    bool first = true;
    if (!strcmp(format, "json"))
        printf("{\"personality\":\"%s\",\"totals\":{\"done\":%u,\"partial\":%u,\"missing\":%u},\"syscalls\":[",
               p->name, counts[SYS_DONE], counts[SYS_PARTIAL], counts[SYS_MISSING]);
    else if (!strcmp(format, "markdown"))
        printf("| number | name | status | note |\n| ---: | --- | --- | --- |\n");
    for (unsigned nr = 0; nr < p->table_size; nr++) {
        const struct syscall_entry *e = &p->table[nr];
        if (!e->name || (want && strcmp(want, status_name(e->status))))
            continue;
        const char *note = e->note ? e->note : "";
        if (!strcmp(format, "json")) {
            printf("%s{\"number\":%u,\"name\":", first ? "" : ",", nr);
            json_string(e->name);
            printf(",\"status\":\"%s\",\"note\":", status_name(e->status));
            json_string(note);
            putchar('}');
        } else if (!strcmp(format, "markdown")) {
            printf("| %u | `%s` | %s | %s |\n", nr, e->name, status_name(e->status), note);
        } else {
            printf("%4u  %-28s %-8s %s\n", nr, e->name, status_name(e->status), note);
        }
        first = false;
    }
    if (!strcmp(format, "json"))
        printf("]}\n");
    else if (!strcmp(format, "markdown"))
        printf("\nTotals: %u done, %u partial, %u missing.\n",
               counts[SYS_DONE], counts[SYS_PARTIAL], counts[SYS_MISSING]);
    else
        printf("%s: %u done, %u partial, %u missing\n", p->name,
               counts[SYS_DONE], counts[SYS_PARTIAL], counts[SYS_MISSING]);
    return 0;
}
