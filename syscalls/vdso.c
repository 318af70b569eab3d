/* Finding a vDSO function by walking the image the kernel maps into every
 * process (AT_SYSINFO_EHDR): its dynamic symbol table, through the section
 * headers, which the vDSO image carries (arch/x86/entry/vdso/vdso2c.h). */
#include "syscalls/vdso.h"
#include <elf.h>
#include <string.h>
#include <sys/auxv.h>

void *vdso_symbol(const char *name)
{
    const unsigned char *base = (const unsigned char *)getauxval(AT_SYSINFO_EHDR);
    if (!base)
        return NULL;
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
    if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
        !eh->e_shoff || eh->e_shentsize != sizeof(Elf64_Shdr))
        return NULL;
    const Elf64_Shdr *sh = (const Elf64_Shdr *)(base + eh->e_shoff);
    /* The vDSO is linked at 0 (or a fixed base): addresses are offsets from
     * the first PT_LOAD's vaddr. */
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
    Elf64_Addr load = 0;
    for (int i = 0; i < eh->e_phnum; i++)
        if (ph[i].p_type == PT_LOAD) {
            load = ph[i].p_vaddr - ph[i].p_offset;
            break;
        }
    for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_DYNSYM || sh[i].sh_link >= eh->e_shnum)
            continue;
        const Elf64_Sym *sym = (const Elf64_Sym *)(base + sh[i].sh_offset);
        const char *str = (const char *)(base + sh[sh[i].sh_link].sh_offset);
        size_t n = sh[i].sh_entsize ? sh[i].sh_size / sh[i].sh_entsize : 0;
        for (size_t k = 0; k < n; k++)
            if (sym[k].st_name && ELF64_ST_TYPE(sym[k].st_info) == STT_FUNC &&
                sym[k].st_shndx != SHN_UNDEF && strcmp(str + sym[k].st_name, name) == 0)
                return (void *)(base + (sym[k].st_value - load));
    }
    return NULL;
}
