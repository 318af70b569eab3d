/* `persona info FILE`: what persona sees in an ELF file, without running it.
 *
 * Text output, one "key:" per line (values start at column 15):
 *
 *   file:         build/samples/go-hello
 *   personality:  freebsd (EI_OSABI 9 (FreeBSD))
 *   os version:   none                    | 1400097 (FreeBSD 14.0, FreeBSD ABI note)
 *   type:         static executable (ET_EXEC)
 *   entry:        0x45cc80
 *   segments:     LOAD         r-x  0x400000           0x80247
 *                 ...          (type, flags, vaddr, memsz; "(file N)" when
 *                               the file part is shorter: bss)
 *   go:           go1.19.8 (build info)          } only for Go binaries
 *   go package:   persona/samples/go/hello       } (package and module lines
 *   go module:    persona/samples/go (devel)     }  only when known)
 *   syscall sites: 32 found, 32 rewritable (bounds from .gopclntab), 0 left to the trap
 *                 (freebsd binaries only: what `persona run` would patch,
 *                 syscalls/rewrite.c, found in the file's own bytes; ". This
 *                 machine cannot rewrite them: <why>." is added when this
 *                 CPU or kernel lets the trap catch every call; the one key
 *                 longer than the column, so its value starts at column 16)
 *   runnable:     yes | no: <the reason `persona run` would give>
 *
 * JSON output (--format json): one object on one line, documented with
 * examples in docs/info-json.md.  The keys are stable; new keys may be added.
 *
 *   file           string   the FILE argument as given
 *   personality    string   "freebsd" | "netbsd" | "linux"
 *   recognised_by  string   how: "EI_OSABI 9 (FreeBSD)", "FreeBSD ABI note (.note.tag)", ...
 *   osabi          integer  the EI_OSABI byte
 *   os_version     integer|null  from the FreeBSD/NetBSD ABI note (__FreeBSD_version)
 *   os_release     string|null   that version as "14.0"
 *   type           string   "ET_EXEC" | "ET_DYN"
 *   linking        string   "static" | "static-pie" | "dynamic"
 *   interpreter    string|null   PT_INTERP path
 *   entry          integer  e_entry (for ET_DYN: relative to the load base)
 *   segments       array of {type, flags, offset, vaddr, filesz, memsz, align}:
 *                  type "LOAD", "NOTE", ... or "0x6474e553" for unknown ones;
 *                  flags "r-x" style; the rest integers
 *   go_note        boolean  the Go linker's build-id note is present
 *   go             object|null  {version, path, module, module_version, source}:
 *                  strings or null; source "buildinfo" | "buildinfo-pointers" | "scan"
 *   syscall_sites  object|null  {found, rewritable, trap, candidates, undecodable:
 *                  integers; bounds: ".gopclntab" | "symbol table" | "none";
 *                  supported: boolean; unsupported_reason: string|null};
 *                  null unless freebsd (or when the code cannot be read)
 *   runnable       boolean  `persona run` would start it
 *   reason         string|null   why not (the message `persona run` prints)
 *   executable     boolean  the file has execute permission for this user
 *
 * Integers are unsigned 64-bit values written in decimal.
 * Exit status: 0 on success; 1 if FILE cannot be read or is not a usable
 * ELF file (one "persona: FILE: reason" line on stderr); 2 for usage errors. */
#include "cli/commands.h"
#include "cli/runnable.h"
#include "loader/elf.h"
#include "loader/goinfo.h"
#include "syscalls/log.h"
#include "syscalls/rewrite.h"
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: persona info [--format text|json] FILE\n"
    "Shows what persona sees in an ELF file: its personality and how it was\n"
    "recognised, the OS version from its ABI note, static or dynamic linking,\n"
    "the entry point, the segments, the Go build info of Go binaries, how\n"
    "many of its syscall sites `persona run` would rewrite, and whether\n"
    "`persona run` can start it (and if not, why).\n"
    "Exit status: 0, 1 if FILE is unreadable or not a usable ELF file, 2 for\n"
    "a usage error.  The JSON fields are described in docs/info-json.md.\n";

#define MAX_SEGMENTS 128

struct info_report {
    const char *file;
    struct elf_info elf;
    GElf_Phdr ph[MAX_SEGMENTS];
    size_t nph;
    struct go_info go;
    struct brand_match brand;   /* brand.brand NULL: not recognised */
    bool have_sites;            /* a freebsd binary whose code was read */
    struct rewrite_stats sites;
    bool rewrite_ok;            /* this CPU and kernel allow rewriting */
    char rewrite_why[160];
    bool runnable, executable;
    char why[512];
};

/* ---- formatting helpers ---- */

static const char *segment_type(uint32_t t, char *buf, size_t len)
{
    switch (t) {
    case PT_NULL:         return "NULL";
    case PT_LOAD:         return "LOAD";
    case PT_DYNAMIC:      return "DYNAMIC";
    case PT_INTERP:       return "INTERP";
    case PT_NOTE:         return "NOTE";
    case PT_SHLIB:        return "SHLIB";
    case PT_PHDR:         return "PHDR";
    case PT_TLS:          return "TLS";
    case PT_GNU_EH_FRAME: return "GNU_EH_FRAME";
    case PT_GNU_STACK:    return "GNU_STACK";
    case PT_GNU_RELRO:    return "GNU_RELRO";
    case 0x6474e553:      return "GNU_PROPERTY";
    }
    snprintf(buf, len, "0x%" PRIx32, t);
    return buf;
}

static void segment_flags(uint32_t f, char out[4])
{
    out[0] = f & PF_R ? 'r' : '-';
    out[1] = f & PF_W ? 'w' : '-';
    out[2] = f & PF_X ? 'x' : '-';
    out[3] = 0;
}

static const char *linking(const struct elf_info *e)
{
    return e->dynamic ? "dynamic" : e->type == ET_DYN ? "static-pie" : "static";
}

/* "14.0" from __FreeBSD_version 1400097, as the brand reads it. */
static void os_release(const struct brand_match *m, char *buf, size_t len)
{
    if (m->brand && m->brand->release)
        m->brand->release(m->os_version, buf, len);
    else
        snprintf(buf, len, "%u", m->os_version);
}

static const char *go_source_text(enum go_info_source s)
{
    switch (s) {
    case GO_SRC_INLINE:  return "build info";
    case GO_SRC_POINTER: return "build info, Go < 1.18 layout";
    case GO_SRC_SCAN:    return "no build info header: found by scanning the data";
    default:             return "?";
    }
}

/* JSON string: escapes, control characters as \u00XX, invalid UTF-8 bytes
 * as U+FFFD, so the output always parses. */
static void json_str(FILE *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', o);
    while (*p) {
        unsigned c = *p;
        if (c == '"' || c == '\\') {
            fprintf(o, "\\%c", c);
            p++;
        } else if (c < 0x20) {
            fprintf(o, "\\u%04x", c);
            p++;
        } else if (c < 0x80) {
            fputc((int)c, o);
            p++;
        } else {
            int n = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
            bool ok = n > 0;
            for (int i = 1; ok && i <= n; i++)
                ok = (p[i] & 0xc0) == 0x80;
            if (ok) {
                fwrite(p, 1, (size_t)n + 1, o);
                p += n + 1;
            } else {
                fputs("\\ufffd", o);
                p++;
            }
        }
    }
    fputc('"', o);
}

static void json_str_or_null(FILE *o, const char *s)
{
    if (s && *s)
        json_str(o, s);
    else
        fputs("null", o);
}

/* ---- output ---- */

static void print_text(FILE *o, const struct info_report *r)
{
    const struct elf_info *e = &r->elf;
    fprintf(o, "%-14s%s\n", "file:", r->file);
    const struct brand_match *m = &r->brand;
    fprintf(o, "%-14s%s (%s)\n", "personality:", m->brand ? m->brand->name : "unknown",
            m->brand ? m->reason : r->why);
    if (m->os_version) {
        char rel[32];
        os_release(m, rel, sizeof rel);
        fprintf(o, "%-14s%" PRIu32 " (%s %s, %s ABI note)\n", "os version:", m->os_version,
                m->brand->os_name, rel, m->brand->os_name);
    } else {
        fprintf(o, "%-14s%s\n", "os version:", "none");
    }
    const char *et = e->type == ET_DYN ? "ET_DYN" : "ET_EXEC";
    if (e->dynamic)
        fprintf(o, "%-14sdynamic (%s, interpreter %s)\n", "type:", et, e->interp);
    else if (e->type == ET_DYN)
        fprintf(o, "%-14sstatic PIE (%s)\n", "type:", et);
    else
        fprintf(o, "%-14sstatic executable (%s)\n", "type:", et);
    fprintf(o, "%-14s0x%" PRIx64 "%s\n", "entry:", e->entry,
            e->type == ET_DYN ? " (relative to the load base)" : "");
    for (size_t i = 0; i < r->nph; i++) {
        const GElf_Phdr *ph = &r->ph[i];
        char tbuf[16], fl[4];
        segment_flags(ph->p_flags, fl);
        fprintf(o, "%-14s%-13s%s", i == 0 ? "segments:" : "",
                segment_type(ph->p_type, tbuf, sizeof tbuf), fl);
        if (ph->p_type != PT_GNU_STACK) {
            char va[24];
            snprintf(va, sizeof va, "0x%" PRIx64, ph->p_vaddr);
            fprintf(o, "  %-18s 0x%" PRIx64, va, ph->p_memsz);
            if (ph->p_type == PT_LOAD && ph->p_filesz != ph->p_memsz)
                fprintf(o, " (file 0x%" PRIx64 ")", ph->p_filesz);
        }
        fputc('\n', o);
    }
    if (r->go.found) {
        fprintf(o, "%-14s%s (%s)\n", "go:", r->go.version[0] ? r->go.version : "version unknown",
                go_source_text(r->go.source));
        if (r->go.path[0])
            fprintf(o, "%-14s%s\n", "go package:", r->go.path);
        if (r->go.mod_path[0])
            fprintf(o, "%-14s%s%s%s\n", "go module:", r->go.mod_path,
                    r->go.mod_version[0] ? " " : "", r->go.mod_version);
    }
    if (r->have_sites) {
        const struct rewrite_stats *st = &r->sites;
        fprintf(o, "syscall sites: %zu found, %zu rewritable (bounds from %s), %zu left to the trap",
                st->sites, st->patched, st->bounds, st->sites - st->patched);
        if (!r->rewrite_ok)
            fprintf(o, ". This machine cannot rewrite them: %s.", r->rewrite_why);
        fputc('\n', o);
    }
    if (r->runnable)
        fprintf(o, "%-14syes%s\n", "runnable:",
                r->executable ? "" : " (once executable: the file has no execute permission)");
    else
        fprintf(o, "%-14sno: %s\n", "runnable:", r->why);
}

static void print_json(FILE *o, const struct info_report *r)
{
    const struct elf_info *e = &r->elf;
    fputs("{\"file\":", o);
    json_str(o, r->file);
    const struct brand_match *m = &r->brand;
    fprintf(o, ",\"personality\":\"%s\",\"recognised_by\":", m->brand ? m->brand->name : "unknown");
    json_str(o, m->brand ? m->reason : r->why);
    fprintf(o, ",\"osabi\":%u,\"os_version\":", e->osabi);
    if (m->os_version) {
        char rel[32];
        os_release(m, rel, sizeof rel);
        fprintf(o, "%" PRIu32 ",\"os_release\":\"%s\"", m->os_version, rel);
    } else {
        fputs("null,\"os_release\":null", o);
    }
    fprintf(o, ",\"type\":\"%s\",\"linking\":\"%s\",\"interpreter\":",
            e->type == ET_DYN ? "ET_DYN" : "ET_EXEC", linking(e));
    json_str_or_null(o, e->dynamic ? e->interp : NULL);
    fprintf(o, ",\"entry\":%" PRIu64 ",\"segments\":[", e->entry);
    for (size_t i = 0; i < r->nph; i++) {
        const GElf_Phdr *ph = &r->ph[i];
        char tbuf[16], fl[4];
        segment_flags(ph->p_flags, fl);
        fprintf(o, "%s{\"type\":\"%s\",\"flags\":\"%s\",\"offset\":%" PRIu64
                ",\"vaddr\":%" PRIu64 ",\"filesz\":%" PRIu64 ",\"memsz\":%" PRIu64
                ",\"align\":%" PRIu64 "}",
                i ? "," : "", segment_type(ph->p_type, tbuf, sizeof tbuf), fl,
                ph->p_offset, ph->p_vaddr, ph->p_filesz, ph->p_memsz, ph->p_align);
    }
    fprintf(o, "],\"go_note\":%s,\"go\":", e->has_go_note ? "true" : "false");
    if (r->go.found) {
        fputs("{\"version\":", o);
        json_str_or_null(o, r->go.version);
        fputs(",\"path\":", o);
        json_str_or_null(o, r->go.path);
        fputs(",\"module\":", o);
        json_str_or_null(o, r->go.mod_path);
        fputs(",\"module_version\":", o);
        json_str_or_null(o, r->go.mod_version);
        fprintf(o, ",\"source\":\"%s\"}", go_info_source_name(r->go.source));
    } else {
        fputs("null", o);
    }
    fputs(",\"syscall_sites\":", o);
    if (r->have_sites) {
        const struct rewrite_stats *st = &r->sites;
        fprintf(o, "{\"found\":%zu,\"rewritable\":%zu,\"trap\":%zu,\"candidates\":%zu,"
                   "\"undecodable\":%zu,\"bounds\":",
                st->sites, st->patched, st->sites - st->patched, st->candidates,
                st->undecodable);
        json_str(o, st->bounds);
        fprintf(o, ",\"supported\":%s,\"unsupported_reason\":", r->rewrite_ok ? "true" : "false");
        json_str_or_null(o, r->rewrite_ok ? NULL : r->rewrite_why);
        fputc('}', o);
    } else {
        fputs("null", o);
    }
    fprintf(o, ",\"runnable\":%s,\"reason\":", r->runnable ? "true" : "false");
    json_str_or_null(o, r->runnable ? NULL : r->why);
    fprintf(o, ",\"executable\":%s}\n", r->executable ? "true" : "false");
}

/* ---- gathering ---- */

/* Program headers (elf_inspect has validated them already). */
static int read_segments(int fd, struct info_report *r, char *err, size_t errlen)
{
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    if (!e) {
        snprintf(err, errlen, "corrupt ELF file: %s", elf_errmsg(-1));
        return -1;
    }
    size_t n = 0;
    int rc = 0;
    if (elf_getphdrnum(e, &n) != 0) {
        snprintf(err, errlen, "corrupt ELF program headers: %s", elf_errmsg(-1));
        rc = -1;
        n = 0;
    }
    for (size_t i = 0; i < n && r->nph < MAX_SEGMENTS; i++) {
        if (!gelf_getphdr(e, (int)i, &r->ph[r->nph])) {
            snprintf(err, errlen, "truncated or corrupt ELF program header %zu", i);
            rc = -1;
            break;
        }
        r->nph++;
    }
    elf_end(e);
    return rc;
}

static int inspect(const char *file, struct info_report *r)
{
    char err[256];
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        warnmsg("%s: %s", file, strerror(errno));
        return 1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        warnmsg("%s: %s", file, strerror(errno));
        close(fd);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        warnmsg("%s: Is a directory", file);
        close(fd);
        return 1;
    }
    if (elf_inspect(fd, &r->elf, err, sizeof err) != 0 ||
        read_segments(fd, r, err, sizeof err) != 0) {
        warnmsg("%s: %s", file, err);
        close(fd);
        return 1;
    }
    go_info_read_fd(fd, &r->go);
    r->runnable = runnable_personality(&r->elf, &r->brand, r->why, sizeof r->why) != NULL;
    if (r->brand.brand && r->brand.brand->personality) {
        r->have_sites = rewrite_survey(fd, &r->sites) == 0;
        r->rewrite_ok = rewrite_supported(r->rewrite_why, sizeof r->rewrite_why);
    }
    close(fd);
    r->executable = (st.st_mode & 0111) && access(file, X_OK) == 0;
    return 0;
}

static int info_usage_error(const char *msg, const char *arg)
{
    char buf[256];
    snprintf(buf, sizeof buf, msg, arg);
    warnmsg("info: %s (see 'persona info --help')", buf);
    return 2;
}

int cmd_info(int argc, char **argv)
{
    const char *format = "text", *file = NULL;
    bool opts = true;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (opts && a[0] == '-' && a[1]) {
            if (strcmp(a, "--") == 0) {
                opts = false;
            } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
                fputs(usage, stdout);
                return 0;
            } else if (strcmp(a, "--format") == 0) {
                if (i + 1 >= argc)
                    return info_usage_error("%s", "--format needs a value (text or json)");
                format = argv[++i];
            } else if (strncmp(a, "--format=", 9) == 0) {
                format = a + 9;
            } else {
                return info_usage_error("unknown option '%s'", a);
            }
        } else if (!file) {
            file = a;
        } else {
            return info_usage_error("unexpected argument '%s' (one FILE at a time)", a);
        }
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return info_usage_error("unknown format '%s' (text or json)", format);
    if (!file)
        return info_usage_error("%s", "no FILE given");

    static struct info_report r;
    memset(&r, 0, sizeof r);
    r.file = file;
    int rc = inspect(file, &r);
    if (rc != 0)
        return rc;
    if (strcmp(format, "json") == 0)
        print_json(stdout, &r);
    else
        print_text(stdout, &r);
    if (fflush(stdout) != 0) {
        warnmsg("info: writing the output: %s", strerror(errno));
        return 1;
    }
    return 0;
}
