#include "syscalls/report.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"
#include "personality/personality.h"
#include "loader/gopclntab.h"
#include "syscalls/fdreserve.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <gelf.h>
#include <libelf.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ITEMS 512
#define MAX_FRAMES 16
#define MAX_PROGRAMS 32

struct item {
    enum report_kind kind;
    char what[96];
    char detail[64];
    long number;
    unsigned long count;
    int thread, pid, program;   /* first hit: guest thread, process, programs[] index */
    int nframes;
    uint64_t frames[MAX_FRAMES];
};

/* The record of one run: shared by every process of the run, so that the
 * report holds what children hit too.  Fork children inherit the mapping;
 * a persona started for a guest's execve maps it again from the descriptor
 * it is given (--report-fd).  Each process rewrites the file from it at its
 * exit, so the last one out leaves the whole run's report. */
struct record {
    pthread_mutex_t lock;       /* process-shared, robust: a child killed
                                   while holding it does not wedge the rest */
    int nitems, nprograms;
    char path[4096];            /* the JSON file; empty: no report */
    char programs[MAX_PROGRAMS][1024];
    struct item items[MAX_ITEMS];
};

/* Until --report-missing sets up the shared record, items are counted here
 * (for --debug's once-per-item lines). */
static struct record private_record = { .lock = PTHREAD_MUTEX_INITIALIZER };
static struct record *rec = &private_record;
static int record_fd = -1;
static int my_program;

static const char *kind_name(enum report_kind k)
{
    static const char *names[] = { "syscall", "ioctl", "sysctl", "flags", "other" };
    return names[k];
}

static void lock_record(void)
{
    if (pthread_mutex_lock(&rec->lock) == EOWNERDEAD)
        pthread_mutex_consistent(&rec->lock);
}

static int add_program(const char *path)
{
    for (int i = 0; i < rec->nprograms; i++)
        if (strcmp(rec->programs[i], path) == 0)
            return i;
    if (rec->nprograms == MAX_PROGRAMS)
        return 0;
    snprintf(rec->programs[rec->nprograms], sizeof rec->programs[0], "%s", path);
    return rec->nprograms++;
}

static struct record *map_record(int fd)
{
    void *m = mmap(NULL, sizeof(struct record), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    return m == MAP_FAILED ? NULL : m;
}

void report_configure(const char *path, const char *program_path)
{
    if (!path)
        return;
    int fd = (int)syscall(SYS_memfd_create, "persona-report", MFD_CLOEXEC);
    struct record *r = NULL;
    if (fd >= 0 && ftruncate(fd, sizeof(struct record)) == 0)
        r = map_record(fd);
    if (!r) {
        /* Still a report of this process and its fork children. */
        if (fd >= 0)
            close(fd);
        fd = -1;
        r = mmap(NULL, sizeof *r, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (r == MAP_FAILED) {
            warnmsg("--report-missing: no memory for the record; reporting this process only");
            r = &private_record;
        }
    }
    if (r != &private_record) {
        pthread_mutexattr_t a;
        pthread_mutexattr_init(&a);
        pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
        pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
        pthread_mutex_init(&r->lock, &a);
        pthread_mutexattr_destroy(&a);
    }
    rec = r;
    snprintf(rec->path, sizeof rec->path, "%s", path);
    record_fd = fd >= 0 ? fd_hide(fd) : -1;
    lock_record();
    my_program = add_program(program_path ? program_path : "");
    pthread_mutex_unlock(&rec->lock);
}

bool report_attach(int fd, const char *program_path)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size != (off_t)sizeof(struct record))
        return false;
    struct record *r = map_record(fd);
    if (!r)
        return false;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    rec = r;
    record_fd = fd;
    lock_record();
    my_program = add_program(program_path ? program_path : "");
    pthread_mutex_unlock(&rec->lock);
    return true;
}

int report_fd(void)
{
    return record_fd;
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
    lock_record();
    struct item *it = NULL;
    for (int i = 0; i < rec->nitems; i++)
        if (rec->items[i].kind == kind && strcmp(rec->items[i].what, what) == 0)
            it = &rec->items[i];
    if (!it && rec->nitems < MAX_ITEMS) {
        it = &rec->items[rec->nitems++];
        memset(it, 0, sizeof *it);
        it->kind = kind;
        snprintf(it->what, sizeof it->what, "%s", what);
        snprintf(it->detail, sizeof it->detail, "%s", detail ? detail : "");
        it->number = number;
        it->thread = current_thread ? current_thread->guest_tid : 0;
        it->pid = (int)getpid();
        it->program = my_program;
        if (regs)
            it->nframes = guest_backtrace(regs, it->frames, MAX_FRAMES);
        first = true;
    }
    if (it)
        it->count++;
    pthread_mutex_unlock(&rec->lock);
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

static void put_frame(FILE *f, const struct symtab *syms, uint64_t pc)
{
    fprintf(f, "{\"address\": \"0x%lx\"", (unsigned long)pc);
    uint64_t goff;
    const char *gname = syms->pcln ? gopclntab_lookup(&syms->go, pc, &goff) : NULL;
    if (gname) {
        fprintf(f, ", \"symbol\": ");
        json_str(f, gname);
        fprintf(f, ", \"offset\": %lu}", (unsigned long)goff);
        return;
    }
    for (int s = 0; s < syms->n; s++)
        if (pc >= syms->s[s].addr && pc < syms->s[s].addr + (syms->s[s].size ? syms->s[s].size : 1)) {
            fprintf(f, ", \"symbol\": ");
            json_str(f, syms->s[s].name);
            fprintf(f, ", \"offset\": %lu", (unsigned long)(pc - syms->s[s].addr));
            break;
        }
    fputc('}', f);
}

void report_write(void)
{
    static int written;
    if (!rec->path[0] || __atomic_exchange_n(&written, 1, __ATOMIC_SEQ_CST))
        return;
    lock_record();
    FILE *f = fopen(rec->path, "we");
    if (!f) {
        warnmsg("cannot write the report %s: %s", rec->path, strerror(errno));
        pthread_mutex_unlock(&rec->lock);
        return;
    }
    /* Symbols of each program an item was first hit in, loaded once. */
    static struct symtab syms[MAX_PROGRAMS];
    static bool loaded[MAX_PROGRAMS];
    fprintf(f, "{\n  \"personality\": ");
    json_str(f, active_personality ? active_personality->name : "");
    fprintf(f, ",\n  \"program\": ");
    json_str(f, rec->programs[0]);
    fprintf(f, ",\n  \"unimplemented\": [");
    for (int i = 0; i < rec->nitems; i++) {
        struct item *it = &rec->items[i];
        int prog = it->program >= 0 && it->program < rec->nprograms ? it->program : 0;
        if (!loaded[prog]) {
            syms[prog] = load_symbols(rec->programs[prog]);
            loaded[prog] = true;
        }
        fprintf(f, "%s\n    {\"kind\": \"%s\", \"name\": ", i ? "," : "", kind_name(it->kind));
        json_str(f, it->what);
        if (it->number >= 0)
            fprintf(f, ", \"number\": %ld", it->number);
        fprintf(f, ", \"result\": ");
        json_str(f, it->detail);
        fprintf(f, ", \"count\": %lu, \"first_hit\": {\"pid\": %d, \"thread\": %d, \"program\": ",
                it->count, it->pid, it->thread);
        json_str(f, rec->programs[prog]);
        fprintf(f, ", \"backtrace\": [");
        for (int k = 0; k < it->nframes; k++) {
            if (k)
                fprintf(f, ", ");
            put_frame(f, &syms[prog], it->frames[k]);
        }
        fprintf(f, "]}}");
    }
    fprintf(f, "%s]\n}\n", rec->nitems ? "\n  " : "");
    fclose(f);
    pthread_mutex_unlock(&rec->lock);
}
