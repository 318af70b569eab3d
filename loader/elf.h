/* loader/: ELF file in, mapped image out.  Knows nothing about syscalls. */
#ifndef PERSONA_LOADER_ELF_H
#define PERSONA_LOADER_ELF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An ELF note from a PT_NOTE segment, as far as brands need it. */
struct elf_note {
    char owner[16];             /* n_name, NUL-terminated ("FreeBSD") */
    uint32_t type;
    bool has_word;              /* a 4-byte descriptor (an ABI version) */
    uint32_t word;
};

/* What the ELF headers say, before anything is mapped.  Which OS the file
 * is for is not decided here (personality/brand.h). */
struct elf_info {
    struct elf_note notes[8];
    int nnotes;
    bool has_go_note;
    int type;                   /* ET_EXEC or ET_DYN */
    uint64_t entry;
    uint64_t phoff;
    uint16_t phnum, phentsize;
    uint8_t osabi;
    bool dynamic;               /* has PT_INTERP */
    char interp[256];
    uint64_t lowest_vaddr, highest_vaddr;
    int stack_prot;             /* from PT_GNU_STACK, PROT_* */
};

/* Read and validate the headers of an open file.  On failure returns -1
 * and writes a one-line reason (no "persona:" prefix) into err. */
int elf_inspect(int fd, struct elf_info *info, char *err, size_t errlen);

/* A mapped image. */
struct loaded_image {
    uint64_t bias;              /* 0 for ET_EXEC, load base for ET_DYN */
    uint64_t entry;             /* with bias applied */
    uint64_t phdr;              /* address of the program headers in memory */
    uint16_t phnum, phentsize;
    uint64_t brk;               /* first byte after the highest segment */
    uint64_t start, end;        /* the whole reservation: [start, end) */
};

/* Map every PT_LOAD with its protections, zero the bss.  ET_DYN without
 * interpreter (static PIE) goes at a random page-aligned base. */
int elf_map(int fd, const struct elf_info *info, struct loaded_image *img,
            char *err, size_t errlen);

#endif
