/* Reading and checking ELF headers with libelf. */
#include "loader/elf.h"
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define FAIL(...) do { snprintf(err, errlen, __VA_ARGS__); goto out; } while (0)

/* Record one PT_NOTE segment's notes.  The Go build id note (owner "Go",
 * type 4: cmd/link ELF_NOTE_GOBUILDID_TAG) is remembered on its own. */
static void scan_notes(Elf *e, const GElf_Phdr *ph, struct elf_info *info)
{
    Elf_Data *d = elf_getdata_rawchunk(e, ph->p_offset, ph->p_filesz, ELF_T_NHDR);
    if (!d)
        return;
    size_t off = 0, name_off, desc_off;
    GElf_Nhdr nh;
    while ((off = gelf_getnote(d, off, &nh, &name_off, &desc_off)) > 0) {
        const char *name = (const char *)d->d_buf + name_off;
        const uint8_t *desc = (const uint8_t *)d->d_buf + desc_off;
        if (nh.n_namesz == 3 && memcmp(name, "Go", 3) == 0 && nh.n_type == 4)
            info->has_go_note = true;
        if (info->nnotes == (int)(sizeof info->notes / sizeof info->notes[0]) ||
            nh.n_namesz == 0 || nh.n_namesz > sizeof info->notes[0].owner || name[nh.n_namesz - 1])
            continue;
        struct elf_note *n = &info->notes[info->nnotes++];
        memcpy(n->owner, name, nh.n_namesz);
        n->type = nh.n_type;
        n->has_word = nh.n_descsz == 4;
        if (n->has_word)
            memcpy(&n->word, desc, 4);
    }
}

int elf_inspect(int fd, struct elf_info *info, char *err, size_t errlen)
{
    int rc = -1;
    memset(info, 0, sizeof *info);
    elf_version(EV_CURRENT);

    unsigned char ident[EI_NIDENT];
    ssize_t n = pread(fd, ident, sizeof ident, 0);
    if (n < 4 || memcmp(ident, ELFMAG, SELFMAG) != 0) {
        snprintf(err, errlen, "not an ELF file");
        return -1;
    }
    if (n < EI_NIDENT) {
        snprintf(err, errlen, "truncated ELF header");
        return -1;
    }
    if (ident[EI_CLASS] != ELFCLASS64) {
        snprintf(err, errlen, "%s ELF files are not supported (only 64-bit x86-64)",
                 ident[EI_CLASS] == ELFCLASS32 ? "32-bit" : "unknown-class");
        return -1;
    }
    if (ident[EI_DATA] != ELFDATA2LSB) {
        snprintf(err, errlen, "big-endian ELF files are not supported");
        return -1;
    }

    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    if (!e) {
        snprintf(err, errlen, "corrupt ELF file: %s", elf_errmsg(-1));
        return -1;
    }
    GElf_Ehdr eh;
    if (!gelf_getehdr(e, &eh))
        FAIL("truncated or corrupt ELF header: %s", elf_errmsg(-1));
    if (eh.e_machine != EM_X86_64)
        FAIL("ELF machine %u is not x86-64", eh.e_machine);
    if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
        FAIL("ELF type %u is not an executable", eh.e_type);
    info->type = eh.e_type;
    info->entry = eh.e_entry;
    info->phoff = eh.e_phoff;
    info->phentsize = eh.e_phentsize;
    info->osabi = ident[EI_OSABI];

    size_t phnum;
    if (elf_getphdrnum(e, &phnum) != 0 || phnum == 0)
        FAIL("corrupt ELF program headers: %s", elf_errmsg(-1));
    info->phnum = (uint16_t)phnum;

    info->stack_prot = PROT_READ | PROT_WRITE;
    info->lowest_vaddr = UINT64_MAX;
    bool any_load = false, entry_ok = false;
    struct stat st;
    off_t fsize = fstat(fd, &st) == 0 ? st.st_size : 0;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph))
            FAIL("truncated or corrupt ELF program header %zu", i);
        if ((ph.p_type == PT_LOAD || ph.p_type == PT_INTERP || ph.p_type == PT_NOTE) &&
            (ph.p_offset > (uint64_t)fsize || ph.p_filesz > (uint64_t)fsize - ph.p_offset))
            FAIL("truncated ELF file: segment %zu lies beyond the end of the file", i);
        switch (ph.p_type) {
        case PT_LOAD:
            if ((ph.p_flags & PF_X) && eh.e_entry >= ph.p_vaddr &&
                eh.e_entry - ph.p_vaddr < ph.p_memsz)
                entry_ok = true;
            if (ph.p_vaddr >= 0x800000000000ULL || ph.p_memsz >= 0x800000000000ULL ||
                ph.p_vaddr + ph.p_memsz > 0x800000000000ULL)
                FAIL("corrupt ELF segment %zu: outside the user address space", i);
            if (ph.p_filesz > ph.p_memsz)
                FAIL("corrupt ELF segment %zu: file size exceeds memory size", i);
            if (ph.p_align > 1 && (ph.p_vaddr - ph.p_offset) % 4096 != 0)
                FAIL("corrupt ELF segment %zu: misaligned", i);
            any_load = true;
            if (ph.p_vaddr < info->lowest_vaddr)
                info->lowest_vaddr = ph.p_vaddr;
            if (ph.p_vaddr + ph.p_memsz > info->highest_vaddr)
                info->highest_vaddr = ph.p_vaddr + ph.p_memsz;
            break;
        case PT_INTERP: {
            size_t len = ph.p_filesz < sizeof info->interp - 1 ? ph.p_filesz : sizeof info->interp - 1;
            if (pread(fd, info->interp, len, ph.p_offset) != (ssize_t)len)
                FAIL("truncated ELF interpreter path");
            info->interp[len] = 0;
            info->dynamic = true;
            break;
        }
        case PT_NOTE:
            scan_notes(e, &ph, info);
            break;
        case PT_GNU_STACK:
            info->stack_prot = PROT_READ | PROT_WRITE | ((ph.p_flags & PF_X) ? PROT_EXEC : 0);
            break;
        }
    }
    if (!any_load)
        FAIL("ELF file has no loadable segments");
    if (!entry_ok)
        FAIL("corrupt ELF file: entry point %#lx is not in an executable segment",
             (unsigned long)eh.e_entry);

    rc = 0;
out:
    elf_end(e);
    return rc;
}
