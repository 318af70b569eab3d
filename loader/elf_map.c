/* Mapping PT_LOAD segments into this process. */
#include "loader/elf.h"
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#define PAGE 4096ULL
#define PAGE_DOWN(x) ((x) & ~(PAGE - 1))
#define PAGE_UP(x)   (((x) + PAGE - 1) & ~(PAGE - 1))

static int prot_of(uint32_t flags)
{
    return ((flags & PF_R) ? PROT_READ : 0) | ((flags & PF_W) ? PROT_WRITE : 0) |
           ((flags & PF_X) ? PROT_EXEC : 0);
}

/* Static PIE: a random, page-aligned base in the lower part of the user
 * address space, clear of where Linux puts persona, its heap and libraries. */
static uint64_t random_base(uint64_t span)
{
    uint64_t r = 0;
    if (getrandom(&r, sizeof r, 0) != sizeof r)
        r = (uint64_t)getpid() * 2654435761u;
    uint64_t base = 0x100000000ULL + ((r % 0x4000000ULL) << 12);  /* 4 GiB .. 260 GiB */
    (void)span;
    return base;
}

int elf_map(int fd, const struct elf_info *info, struct loaded_image *img,
            char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    Elf64_Phdr ph[info->phnum];
    size_t want = (size_t)info->phnum * sizeof(Elf64_Phdr);
    if (info->phentsize != sizeof(Elf64_Phdr) ||
        pread(fd, ph, want, info->phoff) != (ssize_t)want) {
        snprintf(err, errlen, "cannot read ELF program headers");
        return -1;
    }
    uint64_t lo = PAGE_DOWN(info->lowest_vaddr), hi = PAGE_UP(info->highest_vaddr);
    /* Reserve the whole span first (PROT_NONE), so that segments land
     * together and nothing of persona's is silently replaced. */
    uint64_t bias = 0;
    if (info->type == ET_DYN) {
        for (int tries = 0; tries < 8 && !bias; tries++) {
            uint64_t base = random_base(hi - lo);
            void *p = mmap((void *)base, hi - lo, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
            if (p != MAP_FAILED)
                bias = base - lo;
        }
        if (!bias) {
            /* The window is taken -- wholly so under AddressSanitizer,
             * whose shadow gap (PROT_NONE) spans 2 GiB .. 2 TiB: let the
             * kernel choose, as it does for any mapping. */
            void *p = mmap(NULL, hi - lo, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p != MAP_FAILED)
                bias = (uint64_t)p - lo;
        }
        if (!bias) {
            snprintf(err, errlen, "no room to place the position-independent image");
            return -1;
        }
    } else {
        void *p = mmap((void *)lo, hi - lo, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (p == MAP_FAILED || (uint64_t)p != lo) {
            snprintf(err, errlen, "cannot place the image at %#lx-%#lx: %s",
                     (unsigned long)lo, (unsigned long)hi,
                     p == MAP_FAILED ? strerror(errno) : "address in use");
            return -1;
        }
    }

    for (unsigned i = 0; i < info->phnum; i++) {
        if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
            continue;
        uint64_t vaddr = ph[i].p_vaddr + bias;
        uint64_t start = PAGE_DOWN(vaddr);
        uint64_t file_end = vaddr + ph[i].p_filesz;
        uint64_t mem_end = vaddr + ph[i].p_memsz;
        int prot = prot_of(ph[i].p_flags);
        int fixed = MAP_FIXED;   /* inside our own reservation */

        if (ph[i].p_filesz > 0) {
            uint64_t len = PAGE_UP(file_end) - start;
            /* Writable while we zero the tail of the last file page. */
            void *p = mmap((void *)start, len, prot | PROT_WRITE, MAP_PRIVATE | fixed, fd,
                           PAGE_DOWN(ph[i].p_offset));
            if (p == MAP_FAILED || (uint64_t)p != start) {
                snprintf(err, errlen, "cannot map segment at %#lx: %s (the address may be in use)",
                         (unsigned long)start, strerror(errno));
                return -1;
            }
            if (mem_end > file_end && (file_end & (PAGE - 1)))
                memset((void *)file_end, 0, PAGE_UP(file_end) - file_end);
            if (!(prot & PROT_WRITE))
                mprotect((void *)start, len, prot);
        }
        uint64_t anon_start = ph[i].p_filesz > 0 ? PAGE_UP(file_end) : start;
        if (PAGE_UP(mem_end) > anon_start) {
            void *p = mmap((void *)anon_start, PAGE_UP(mem_end) - anon_start, prot,
                           MAP_PRIVATE | MAP_ANONYMOUS | fixed, -1, 0);
            if (p == MAP_FAILED || (uint64_t)p != anon_start) {
                snprintf(err, errlen, "cannot map bss at %#lx: %s",
                         (unsigned long)anon_start, strerror(errno));
                return -1;
            }
        }
        if (PAGE_UP(mem_end) > img->brk)
            img->brk = PAGE_UP(mem_end);
    }

    img->bias = bias;
    img->start = lo + bias;
    img->end = hi + bias;
    img->entry = info->entry + bias;
    img->phnum = info->phnum;
    img->phentsize = info->phentsize;
    /* Program headers in memory: PT_PHDR, else inside the first segment. */
    for (unsigned i = 0; i < info->phnum; i++)
        if (ph[i].p_type == PT_PHDR)
            img->phdr = ph[i].p_vaddr + bias;
    if (!img->phdr)
        for (unsigned i = 0; i < info->phnum; i++)
            if (ph[i].p_type == PT_LOAD && info->phoff >= ph[i].p_offset &&
                info->phoff + want <= ph[i].p_offset + ph[i].p_filesz)
                img->phdr = ph[i].p_vaddr + bias + (info->phoff - ph[i].p_offset);
    return 0;
}
