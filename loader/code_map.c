#include "loader/code_map.h"
#include "loader/gopclntab.h"
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint32_t rd32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

size_t code_map_from_gopclntab(const uint8_t *data, size_t size, uint64_t text_addr,
                               struct code_range **out)
{
    struct gopclntab t;
    *out = NULL;
    if (gopclntab_parse(&t, data, size, text_addr) != 0 || t.nfunc == 0 ||
        t.pcln_off + (t.nfunc + 1) * 8 > size)
        return 0;
    struct code_range *r = malloc(t.nfunc * sizeof *r);
    if (!r)
        return 0;
    /* nfunc+1 {entryOff, funcOff} pairs; the last entryOff is the text end. */
    const uint8_t *ftab = data + t.pcln_off;
    size_t n = 0;
    for (uint64_t i = 0; i < t.nfunc; i++) {
        uint64_t lo = rd32(ftab + i * 8), hi = rd32(ftab + (i + 1) * 8);
        if (hi <= lo || (n && t.text_start + lo < r[n - 1].end))
            continue;               /* not sorted: ignore rather than guess */
        if (t.text_start + hi < t.text_start)
            continue;               /* past the top of the address space */
        r[n++] = (struct code_range){ t.text_start + lo, t.text_start + hi };
    }
    *out = r;
    return n;
}

static int by_start(const void *a, const void *b)
{
    const struct code_range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static size_t from_symtab(Elf *e, Elf_Scn *scn, const GElf_Shdr *sh, struct code_range **out)
{
    Elf_Data *d = elf_getdata(scn, NULL);
    size_t count = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
    struct code_range *r = d ? malloc((count + 1) * sizeof *r) : NULL;
    size_t n = 0;
    for (size_t i = 0; r && i < count; i++) {
        GElf_Sym sym;
        if (gelf_getsym(d, (int)i, &sym) && GELF_ST_TYPE(sym.st_info) == STT_FUNC &&
            sym.st_size && sym.st_shndx != SHN_UNDEF &&
            sym.st_value + sym.st_size > sym.st_value)      /* no wrap-around */
            r[n++] = (struct code_range){ sym.st_value, sym.st_value + sym.st_size };
    }
    if (!r)
        return 0;
    qsort(r, n, sizeof *r, by_start);
    /* Aliases share a start; overlapping ranges are dropped. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && r[i].start < r[m - 1].end)
            continue;
        r[m++] = r[i];
    }
    *out = r;
    return m;
    (void)e;
}

int code_map_load(int fd, uint64_t bias, struct code_map *out)
{
    memset(out, 0, sizeof *out);
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    if (!e)
        return -1;
    size_t shstrndx = 0;
    elf_getshdrstrndx(e, &shstrndx);
    uint64_t text_addr = 0;
    Elf_Scn *scn = NULL, *pcln = NULL, *symtab = NULL;
    GElf_Shdr pcln_sh, sym_sh;
    while ((scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            continue;
        const char *name = elf_strptr(e, shstrndx, sh.sh_name);
        if (name && strcmp(name, ".text") == 0)
            text_addr = sh.sh_addr;
        if (name && strcmp(name, ".gopclntab") == 0 && !pcln) {
            pcln = scn;
            pcln_sh = sh;
        }
        if (sh.sh_type == SHT_SYMTAB && !symtab) {
            symtab = scn;
            sym_sh = sh;
        }
    }
    struct code_range *r = NULL;
    size_t n = 0;
    if (pcln) {
        Elf_Data *d = elf_getdata(pcln, NULL);
        if (d && d->d_buf && d->d_size == pcln_sh.sh_size)
            n = code_map_from_gopclntab(d->d_buf, d->d_size, text_addr, &r);
        if (n)
            out->source = CODE_MAP_GOPCLNTAB;
    }
    if (!n && symtab) {
        free(r);
        r = NULL;
        n = from_symtab(e, symtab, &sym_sh, &r);
        if (n)
            out->source = CODE_MAP_SYMTAB;
    }
    /* Shift by the load base; a range the shift wraps is not in the image. */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (r[i].end + bias > r[i].start + bias && r[i].start + bias >= bias)
            r[kept++] = (struct code_range){ r[i].start + bias, r[i].end + bias };
    n = kept;
    out->funcs = r;
    out->nfuncs = n;
    elf_end(e);
    return 0;
}

void code_map_free(struct code_map *m)
{
    free(m->funcs);
    memset(m, 0, sizeof *m);
}
