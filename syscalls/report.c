#include "syscalls/report.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"
#include "personality/personality.h"
#include "loader/gopclntab.h"
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ITEMS 512
#define MAX_FRAMES 16

struct item {
    enum report_kind kind;
    char what[96];
    char detail[64];
    long number;
    unsigned long count;
    int thread;
    int nframes;
    uint64_t frames[MAX_FRAMES];
};

static struct item items[MAX_ITEMS];
static int nitems;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const char *json_path;
static char program[4096];

static const char *kind_name(enum report_kind k)
{
    static const char *names[] = { "syscall", "ioctl", "sysctl", "flags", "other" };
    return names[k];
}

void report_configure(const char *path, const char *program_path)
{
    json_path = path;
    snprintf(program, sizeof program, "%s", program_path ? program_path : "");
}

/* The guest's call chain by frame pointers: Go on amd64 keeps them, and so
 * does C built without -fomit-frame-pointer.  Reads are fault-safe; the
 * walk stops at anything implausible. */
static int guest_backtrace(const struct guest_regs *regs, uint64_t *out, int max)
{
    int n = 0;
    out[n++] = regs->rip;
    uint64_t fp = regs->rbp;
    uint64_t sp = regs->rsp;
    while (n < max && fp && (fp & 7) == 0 && fp >= sp && fp - sp < (64ULL << 20)) {
        uint64_t frame[2];
        if (copy_from_guest(frame, fp, sizeof frame) != 0 || frame[1] == 0)
            break;
        out[n++] = frame[1];
        if (frame[0] <= fp)
            break;
        sp = fp;
        fp = frame[0];
    }
    return n;
}

void report_unimplemented(enum report_kind kind, const char *what, long number,
                          const char *detail, const struct guest_regs *regs)
{
    bool first = false;
    pthread_mutex_lock(&lock);
    struct item *it = NULL;
    for (int i = 0; i < nitems; i++)
        if (items[i].kind == kind && strcmp(items[i].what, what) == 0)
            it = &items[i];
    if (!it && nitems < MAX_ITEMS) {
        it = &items[nitems++];
        memset(it, 0, sizeof *it);
        it->kind = kind;
        snprintf(it->what, sizeof it->what, "%s", what);
        snprintf(it->detail, sizeof it->detail, "%s", detail ? detail : "");
        it->number = number;
        it->thread = current_thread ? current_thread->guest_tid : 0;
        if (regs)
            it->nframes = guest_backtrace(regs, it->frames, MAX_FRAMES);
        first = true;
    }
    if (it)
        it->count++;
    pthread_mutex_unlock(&lock);
    if (first && persona_debug)
        warnmsg("unimplemented %s %s %s%s%s", active_personality ? active_personality->name : "",
                kind_name(kind), what, detail && *detail ? ": " : "", detail ? detail : "");
}

/* Symbols of the guest ELF, when it has a symbol table. */
struct symtab {
    int n;
    struct sym { uint64_t addr, size; char *name; } *s;
    uint8_t *pcln;              /* .gopclntab bytes, for Go binaries */
    struct gopclntab go;
};

static struct symtab load_symbols(const char *path)
{
    struct symtab t = { 0, NULL };
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return t;
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    Elf_Scn *scn = NULL;
    size_t shstrndx = 0;
    uint64_t text_addr = 0;
    if (e)
        elf_getshdrstrndx(e, &shstrndx);
    while (e && (scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;
        const char *sname;
        if (gelf_getshdr(scn, &sh) && (sname = elf_strptr(e, shstrndx, sh.sh_name)) &&
            strcmp(sname, ".text") == 0)
            text_addr = sh.sh_addr;
    }
    scn = NULL;
    while (e && (scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            continue;
        const char *sname = elf_strptr(e, shstrndx, sh.sh_name);
        if (sname && strcmp(sname, ".gopclntab") == 0 && !t.pcln && sh.sh_size < (1ULL << 30)) {
            Elf_Data *d = elf_getdata(scn, NULL);
            if (d && d->d_buf && (t.pcln = malloc(d->d_size))) {
                memcpy(t.pcln, d->d_buf, d->d_size);
                if (gopclntab_parse(&t.go, t.pcln, d->d_size, text_addr) != 0) {
                    free(t.pcln);
                    t.pcln = NULL;
                }
            }
            continue;
        }
        if (sh.sh_type != SHT_SYMTAB || !sh.sh_entsize || t.s)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        size_t count = sh.sh_size / sh.sh_entsize;
        t.s = calloc(count, sizeof *t.s);
        for (size_t i = 0; d && t.s && i < count; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(d, (int)i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC)
                continue;
            const char *name = elf_strptr(e, sh.sh_link, sym.st_name);
            if (!name)
                continue;
            t.s[t.n++] = (struct sym){ sym.st_value, sym.st_size, strdup(name) };
        }
    }
    if (e)
        elf_end(e);
    close(fd);
    return t;
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", *s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

void report_write(void)
{
    static int written;
    if (!json_path || __atomic_exchange_n(&written, 1, __ATOMIC_SEQ_CST))
        return;
    pthread_mutex_lock(&lock);
    FILE *f = fopen(json_path, "we");
    if (!f) {
        warnmsg("cannot write the report %s: %s", json_path, strerror(errno));
        pthread_mutex_unlock(&lock);
        return;
    }
    struct symtab syms = load_symbols(program);
    fprintf(f, "{\n  \"personality\": ");
    json_str(f, active_personality ? active_personality->name : "");
    fprintf(f, ",\n  \"program\": ");
    json_str(f, program);
    fprintf(f, ",\n  \"unimplemented\": [");
    for (int i = 0; i < nitems; i++) {
        struct item *it = &items[i];
        fprintf(f, "%s\n    {\"kind\": \"%s\", \"name\": ", i ? "," : "", kind_name(it->kind));
        json_str(f, it->what);
        if (it->number >= 0)
            fprintf(f, ", \"number\": %ld", it->number);
        fprintf(f, ", \"result\": ");
        json_str(f, it->detail);
        fprintf(f, ", \"count\": %lu, \"first_hit\": {\"thread\": %d, \"backtrace\": [",
                it->count, it->thread);
        for (int k = 0; k < it->nframes; k++) {
            fprintf(f, "%s{\"address\": \"0x%lx\"", k ? ", " : "", (unsigned long)it->frames[k]);
            uint64_t goff;
            const char *gname = syms.pcln ? gopclntab_lookup(&syms.go, it->frames[k], &goff) : NULL;
            if (gname) {
                fprintf(f, ", \"symbol\": ");
                json_str(f, gname);
                fprintf(f, ", \"offset\": %lu}", (unsigned long)goff);
                continue;
            }
            for (int s = 0; s < syms.n; s++)
                if (it->frames[k] >= syms.s[s].addr &&
                    it->frames[k] < syms.s[s].addr + (syms.s[s].size ? syms.s[s].size : 1)) {
                    fprintf(f, ", \"symbol\": ");
                    json_str(f, syms.s[s].name);
                    fprintf(f, ", \"offset\": %lu", (unsigned long)(it->frames[k] - syms.s[s].addr));
                    break;
                }
            fputc('}', f);
        }
        fprintf(f, "]}}");
    }
    fprintf(f, "%s]\n}\n", nitems ? "\n  " : "");
    fclose(f);
    pthread_mutex_unlock(&lock);
}
