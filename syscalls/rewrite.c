#include "syscalls/rewrite.h"
#include "syscalls/sites.h"
#include "loader/code_map.h"
#include <cpuid.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern char door_stub_entry[];

#define STUB_SIZE 16
#define SLOT_SIZE 16            /* the door's address, then padding */
#define PAGE 4096ULL

/* The patched sites, for mapping a stub or pad address back to its site. */
static uint64_t stub_base;
static size_t nstubs;
static struct site_patch *by_stub;      /* stub i belongs to by_stub[i] */
static struct site_patch *by_pad;       /* sorted by pad */

bool rewrite_supported(char *why, size_t cap)
{
    unsigned a, b, c, d;
    /* CPUID.1:ECX bit 26 XSAVE, bit 27 OSXSAVE (the OS enabled it). */
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 26)) || !(c & (1u << 27))) {
        snprintf(why, cap, "the CPU or kernel has no XSAVE");
        return false;
    }
    /* CPUID.(EAX=0DH,ECX=1):EAX bit 0: XSAVEOPT, bit 2: XGETBV with ECX=1
     * (XINUSE), both used by door_stub_entry. */
    __cpuid_count(0xd, 1, a, b, c, d);
    if ((a & 5) != 5) {
        snprintf(why, cap, "the CPU has no XSAVEOPT or XGETBV(1)");
        return false;
    }
    extern uint32_t door_xsave_avx_offset;
    __cpuid_count(0xd, 2, a, b, c, d);
    if (b && a == 256)
        door_xsave_avx_offset = b;
    /* CPUID.(EAX=0DH,ECX=0):EBX: bytes XSAVE needs for what XCR0 enables. */
    __cpuid_count(0xd, 0, a, b, c, d);
    if (b > PT_XSAVE_SIZE) {
        snprintf(why, cap, "the XSAVE area (%u bytes) is larger than persona's %u", b,
                 PT_XSAVE_SIZE);
        return false;
    }
    return true;
}

static int rel32(uint64_t from_next, uint64_t to, int32_t *out)
{
    int64_t d = (int64_t)(to - from_next);
    if (d < INT32_MIN || d > INT32_MAX)
        return -1;
    *out = (int32_t)d;
    return 0;
}

/* One page (or more) of stubs within +-2 GiB of [lo, hi). */
static uint64_t map_stub_area(uint64_t lo, uint64_t hi, size_t size)
{
    size = (size + PAGE - 1) & ~(PAGE - 1);
    /* Just below the image first, then above it, stepping away. */
    for (uint64_t step = 1; step <= 64; step++) {
        uint64_t gap = step * (16ULL << 20);
        uint64_t cand[2] = { lo > gap + size ? ((lo - gap - size) & ~(PAGE - 1)) : 0,
                             ((hi + gap) + PAGE - 1) & ~(PAGE - 1) };
        for (int k = 0; k < 2; k++) {
            if (cand[k] < 0x100000 || cand[k] + size > 0x7ffffffff000ULL)
                continue;
            void *p = mmap((void *)cand[k], size, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
            if (p != MAP_FAILED)
                return (uint64_t)p;
        }
    }
    return 0;
}

static int by_pad_order(const void *a, const void *b)
{
    const struct site_patch *x = a, *y = b;
    return x->pad < y->pad ? -1 : x->pad > y->pad;
}

static int write_code(uint64_t at, const void *bytes, size_t n, int prot_after)
{
    uint64_t lo = at & ~(PAGE - 1), hi = (at + n + PAGE - 1) & ~(PAGE - 1);
    if (mprotect((void *)lo, hi - lo, PROT_READ | PROT_WRITE | PROT_EXEC) != 0)
        return -1;
    memcpy((void *)at, bytes, n);
    return mprotect((void *)lo, hi - lo, prot_after);
}

int rewrite_image(int fd, const struct elf_info *info, const struct loaded_image *img,
                  struct rewrite_stats *st, char *err, size_t errlen)
{
    memset(st, 0, sizeof *st);
    struct code_map map;
    if (code_map_load(fd, img->bias, &map) != 0) {
        snprintf(err, errlen, "cannot read the ELF file's sections");
        return -1;
    }
    st->bounds = map.source == CODE_MAP_GOPCLNTAB ? ".gopclntab"
               : map.source == CODE_MAP_SYMTAB ? "symbol table" : "none";
    enum pad_policy policy = map.source == CODE_MAP_GOPCLNTAB ? PADS_TRAILING_INT3 : PADS_GAPS;

    /* Every executable PT_LOAD, scanned as mapped. */
    Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    size_t nph = 0;
    if (!e || elf_getphdrnum(e, &nph) != 0) {
        if (e)
            elf_end(e);
        code_map_free(&map);
        snprintf(err, errlen, "cannot read the program headers");
        return -1;
    }
    struct site_patch *all = NULL;
    size_t nall = 0;
    for (size_t i = 0; i < nph; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph) || ph.p_type != PT_LOAD || !(ph.p_flags & PF_X) ||
            ph.p_filesz == 0)
            continue;
        uint64_t base = ph.p_vaddr + img->bias;
        struct site_scan scan;
        if (sites_find((const uint8_t *)base, base, ph.p_filesz, map.funcs, map.nfuncs,
                       policy, &scan) != 0)
            continue;
        st->candidates += scan.candidates;
        st->sites += scan.nsites;
        st->no_pad += scan.no_pad;
        struct site_patch *grown = realloc(all, (nall + scan.npatches + 1) * sizeof *all);
        if (grown) {
            all = grown;
            memcpy(all + nall, scan.patches, scan.npatches * sizeof *all);
            nall += scan.npatches;
        } else {
            st->no_pad += scan.npatches;
        }
        site_scan_free(&scan);
    }
    elf_end(e);
    code_map_free(&map);
    if (nall == 0) {
        free(all);
        return 0;
    }

    uint64_t lo = info->lowest_vaddr + img->bias, hi = info->highest_vaddr + img->bias;
    size_t size = SLOT_SIZE + nall * STUB_SIZE;
    uint64_t area = map_stub_area(lo, hi, size);
    if (!area) {
        free(all);
        st->no_pad += nall;
        snprintf(err, errlen, "no room for syscall stubs within 2 GiB of the image");
        return -1;
    }
    uint64_t door = (uint64_t)door_stub_entry;
    memcpy((void *)area, &door, 8);
    size_t used = 0;
    for (size_t i = 0; i < nall; i++) {
        uint64_t stub = area + SLOT_SIZE + used * STUB_SIZE;
        uint8_t code[STUB_SIZE];
        int32_t r_lea, r_slot, r_pad;
        int8_t r_site;
        if (rel32(stub + 7, all[i].site + 2, &r_lea) || rel32(stub + 13, area, &r_slot) ||
            rel32(all[i].pad + 5, stub, &r_pad)) {
            st->no_pad++;
            continue;
        }
        int64_t d8 = (int64_t)(all[i].pad - (all[i].site + 2));
        r_site = (int8_t)d8;
        code[0] = 0x48; code[1] = 0x8d; code[2] = 0x0d;          /* lea rel32(%rip), %rcx */
        memcpy(code + 3, &r_lea, 4);
        code[7] = 0xff; code[8] = 0x25;                          /* jmp *rel32(%rip) */
        memcpy(code + 9, &r_slot, 4);
        code[13] = code[14] = code[15] = 0xcc;
        memcpy((void *)stub, code, STUB_SIZE);
        uint8_t pad[5] = { 0xe9 };                               /* jmp rel32 */
        memcpy(pad + 1, &r_pad, 4);
        uint8_t site[2] = { 0xeb, (uint8_t)r_site };             /* jmp rel8 */
        /* The pad first: the site's jump must never lead to int3s. */
        if (write_code(all[i].pad, pad, sizeof pad, PROT_READ | PROT_EXEC) != 0 ||
            write_code(all[i].site, site, sizeof site, PROT_READ | PROT_EXEC) != 0) {
            snprintf(err, errlen, "cannot patch the guest's code: mprotect failed");
            free(all);
            return -1;
        }
        all[used++] = all[i];
    }
    mprotect((void *)area, (size + PAGE - 1) & ~(PAGE - 1), PROT_READ | PROT_EXEC);
    st->patched = used;
    stub_base = area + SLOT_SIZE;
    nstubs = used;
    by_stub = all;
    by_pad = malloc(used * sizeof *by_pad);
    if (by_pad) {
        memcpy(by_pad, all, used * sizeof *by_pad);
        qsort(by_pad, used, sizeof *by_pad, by_pad_order);
    }
    return 0;
}

int rewrite_survey(int fd, struct rewrite_stats *st)
{
    memset(st, 0, sizeof *st);
    struct code_map map;
    if (code_map_load(fd, 0, &map) != 0)
        return -1;
    st->bounds = map.source == CODE_MAP_GOPCLNTAB ? ".gopclntab"
               : map.source == CODE_MAP_SYMTAB ? "symbol table" : "none";
    enum pad_policy policy = map.source == CODE_MAP_GOPCLNTAB ? PADS_TRAILING_INT3 : PADS_GAPS;
    Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    size_t nph = 0;
    int rc = 0;
    if (!e || elf_getphdrnum(e, &nph) != 0)
        rc = -1;
    for (size_t i = 0; rc == 0 && i < nph; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            rc = -1;
            break;
        }
        if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_X) || ph.p_filesz == 0)
            continue;
        uint8_t *buf = malloc(ph.p_filesz);
        if (!buf) {
            rc = -1;
            break;
        }
        size_t got = 0;
        while (got < ph.p_filesz) {
            ssize_t n = pread(fd, buf + got, ph.p_filesz - got, (off_t)(ph.p_offset + got));
            if (n <= 0)
                break;
            got += (size_t)n;
        }
        struct site_scan scan;
        if (got < ph.p_filesz ||
            sites_find(buf, ph.p_vaddr, ph.p_filesz, map.funcs, map.nfuncs, policy, &scan) != 0) {
            free(buf);
            rc = -1;
            break;
        }
        st->candidates += scan.candidates;
        st->sites += scan.nsites;
        st->patched += scan.npatches;
        st->no_pad += scan.no_pad;
        st->undecodable += scan.undecodable;
        site_scan_free(&scan);
        free(buf);
    }
    if (e)
        elf_end(e);
    code_map_free(&map);
    return rc;
}

bool rewrite_site_of(uint64_t rip, uint64_t *site)
{
    if (!nstubs)
        return false;
    if (rip >= stub_base && rip < stub_base + nstubs * STUB_SIZE) {
        *site = by_stub[(rip - stub_base) / STUB_SIZE].site;
        return true;
    }
    if (!by_pad)
        return false;
    size_t lo = 0, hi = nstubs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (by_pad[mid].pad + 5 <= rip)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < nstubs && rip >= by_pad[lo].pad && rip < by_pad[lo].pad + 5) {
        *site = by_pad[lo].site;
        return true;
    }
    return false;
}
