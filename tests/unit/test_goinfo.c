/* Unit tests for loader/goinfo.{h,c}: Go build info on hand-built buffers
 * (Go >= 1.18 inline strings, Go < 1.18 pointers, the header-less scan)
 * and on garbage, which must give "not found" and never crash. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <elf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "loader/goinfo.h"

static const uint8_t MAGIC[14] = "\xff Go buildinf:";
static const uint8_t START[16] = { 0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02,
                                   0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6 };
static const uint8_t END[16] = { 0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72,
                                 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2 };

#define MODTEXT "path\texample.com/tool/cmd/tool\n" \
                "mod\texample.com/tool\tv1.2.3\th1:abc=\n" \
                "dep\tgolang.org/x/sys\tv0.1.0\th1:def=\n" \
                "build\tGOOS=freebsd\n"

/* modinfo as the linker stores it: sentinels around the text. */
static size_t wrap_modinfo(uint8_t *out, const char *text)
{
    size_t n = strlen(text);
    memcpy(out, START, 16);
    memcpy(out + 16, text, n);
    memcpy(out + 16 + n, END, 16);
    return n + 32;
}

static size_t put_uvarint(uint8_t *p, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    p[n++] = (uint8_t)v;
    return n;
}

static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

/* An inline (Go >= 1.18) header at buf+at; returns the bytes used. */
static size_t build_inline(uint8_t *buf, size_t at, const char *vers, const char *modtext)
{
    uint8_t *h = buf + at;
    memset(h, 0, 32);
    memcpy(h, MAGIC, 14);
    h[14] = 8;
    h[15] = 2;
    size_t off = 32;
    off += put_uvarint(h + off, strlen(vers));
    memcpy(h + off, vers, strlen(vers));
    off += strlen(vers);
    uint8_t mod[4096];
    size_t mlen = modtext ? wrap_modinfo(mod, modtext) : 0;
    off += put_uvarint(h + off, mlen);
    memcpy(h + off, mod, mlen);
    return at + off + mlen;
}

Test(goinfo, inline_format)
{
    uint8_t buf[1024];
    memset(buf, 0xaa, sizeof buf);
    size_t n = build_inline(buf, 64, "go1.26.5", MODTEXT);
    struct go_info gi;
    cr_assert(go_info_from_region(buf, n, NULL, 0, &gi));
    cr_expect(gi.found);
    cr_expect_eq(gi.source, GO_SRC_INLINE);
    cr_expect_str_eq(gi.version, "go1.26.5");
    cr_expect_str_eq(gi.path, "example.com/tool/cmd/tool");
    cr_expect_str_eq(gi.mod_path, "example.com/tool");
    cr_expect_str_eq(gi.mod_version, "v1.2.3");
    cr_expect_str_eq(go_info_source_name(gi.source), "buildinfo");
}

Test(goinfo, inline_long_modinfo_multibyte_varint)
{
    static char text[3000];
    strcpy(text, "path\tp/q\nmod\tp\t(devel)\t\n");
    while (strlen(text) < 2500)
        strcat(text, "dep\tsome.example/module\tv0.0.0-20220715151400-c0bba94af5f8\th1:x=\n");
    static uint8_t buf[8192];
    size_t n = build_inline(buf, 0, "go1.19.8", text);
    struct go_info gi;
    cr_assert(go_info_from_region(buf, n, NULL, 0, &gi));
    cr_expect_str_eq(gi.version, "go1.19.8");
    cr_expect_str_eq(gi.path, "p/q");
    cr_expect_str_eq(gi.mod_path, "p");
    cr_expect_str_eq(gi.mod_version, "(devel)");
}

Test(goinfo, inline_without_modinfo)
{
    uint8_t buf[256] = { 0 };
    size_t n = build_inline(buf, 0, "go1.21.0 X:loopvar", NULL);
    struct go_info gi;
    cr_assert(go_info_from_region(buf, n, NULL, 0, &gi));
    cr_expect_str_eq(gi.version, "go1.21.0 X:loopvar");
    cr_expect_str_eq(gi.path, "");
    cr_expect_str_eq(gi.mod_path, "");
}

Test(goinfo, magic_must_be_16_byte_aligned)
{
    uint8_t buf[512] = { 0 };
    size_t n = build_inline(buf, 8, "go1.26.5", MODTEXT);
    struct go_info gi;
    cr_expect_not(go_info_from_region(buf, n, NULL, 0, &gi));
    cr_expect_not(gi.found);
}

/* Go < 1.18: the header points at two Go string headers (data, len) in the
 * data segment, which point at the bytes in rodata. */
Test(goinfo, pointer_format_le64)
{
    static uint8_t data[256], rodata[512];
    const uint64_t data_va = 0x50e000, ro_va = 0x481000;
    memset(data, 0, sizeof data);
    memcpy(data, MAGIC, 14);
    data[14] = 8;
    data[15] = 0;
    put64(data + 16, data_va + 64);     /* &runtime.buildVersion */
    put64(data + 24, data_va + 80);     /* &runtime.modinfo */
    const char *vers = "go1.16.15";
    memcpy(rodata, vers, strlen(vers));
    size_t mlen = wrap_modinfo(rodata + 32, MODTEXT);
    put64(data + 64, ro_va);
    put64(data + 72, strlen(vers));
    put64(data + 80, ro_va + 32);
    put64(data + 88, mlen);
    struct go_segment segs[] = {
        { .vaddr = ro_va, .data = rodata, .size = sizeof rodata },
        { .vaddr = data_va, .data = data, .size = sizeof data, .writable = true },
    };
    struct go_info gi;
    cr_assert(go_info_from_region(data, sizeof data, segs, 2, &gi));
    cr_expect_eq(gi.source, GO_SRC_POINTER);
    cr_expect_str_eq(gi.version, "go1.16.15");
    cr_expect_str_eq(gi.path, "example.com/tool/cmd/tool");
    cr_expect_str_eq(gi.mod_path, "example.com/tool");
    cr_expect_str_eq(gi.mod_version, "v1.2.3");
}

Test(goinfo, pointer_format_be32)
{
    uint8_t data[128] = { 0 }, ro[64] = { 0 };
    memcpy(data, MAGIC, 14);
    data[14] = 4;
    data[15] = 1;                                   /* big-endian */
    const uint8_t hdr[] = { 0x00, 0x01, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00 };
    memcpy(data + 16, hdr, 8);                      /* vers at 0x10040, mod 0 */
    const uint8_t str[] = { 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08 };
    memcpy(data + 64, str, 8);                      /* {0x20000, 8} */
    memcpy(ro, "go1.12.9", 8);
    struct go_segment segs[] = {
        { .vaddr = 0x10000, .data = data, .size = sizeof data },
        { .vaddr = 0x20000, .data = ro, .size = sizeof ro },
    };
    struct go_info gi;
    cr_assert(go_info_from_region(data, sizeof data, segs, 2, &gi));
    cr_expect_str_eq(gi.version, "go1.12.9");
    cr_expect_str_eq(gi.mod_path, "");
}

Test(goinfo, pointer_format_dangling_pointers)
{
    uint8_t data[64] = { 0 };
    memcpy(data, MAGIC, 14);
    data[14] = 8;
    put64(data + 16, 0xdeadbeef000);
    put64(data + 24, 0xdeadbeef100);
    struct go_segment seg = { .vaddr = 0x1000, .data = data, .size = sizeof data };
    struct go_info gi;
    cr_expect_not(go_info_from_region(data, sizeof data, &seg, 1, &gi));
    /* A string header whose length runs past its segment. */
    put64(data + 16, 0x1000 + 32);
    put64(data + 32, 0x1000);
    put64(data + 40, 1u << 20);
    cr_expect_not(go_info_from_region(data, sizeof data, &seg, 1, &gi));
    /* ... or past 2^64. */
    put64(data + 32, UINT64_MAX - 2);
    put64(data + 40, 16);
    cr_expect_not(go_info_from_region(data, sizeof data, &seg, 1, &gi));
}

Test(goinfo, garbage_headers)
{
    struct go_info gi;
    uint8_t h[64];

    /* Too short for a header. */
    memcpy(h, MAGIC, 14);
    cr_expect_not(go_info_from_region(h, 20, NULL, 0, &gi));
    cr_expect_not(go_info_decode_header(h, 31, NULL, 0, &gi));
    cr_expect_not(go_info_from_region(NULL, 100, NULL, 0, &gi));

    /* Inline: version length past the end. */
    memset(h, 0, sizeof h);
    memcpy(h, MAGIC, 14);
    h[14] = 8;
    h[15] = 2;
    h[32] = 40;
    cr_expect_not(go_info_decode_header(h, sizeof h, NULL, 0, &gi));
    /* Inline: a varint that never ends. */
    memset(h + 32, 0xff, 32);
    cr_expect_not(go_info_decode_header(h, sizeof h, NULL, 0, &gi));
    /* Inline: empty version. */
    h[32] = 0;
    cr_expect_not(go_info_decode_header(h, sizeof h, NULL, 0, &gi));
    /* Inline: huge 10-byte varint. */
    memset(h + 32, 0xff, 9);
    h[41] = 0x01;
    cr_expect_not(go_info_decode_header(h, sizeof h, NULL, 0, &gi));
    /* Pointer format with an impossible pointer size. */
    h[15] = 0;
    h[14] = 3;
    cr_expect_not(go_info_decode_header(h, sizeof h, NULL, 0, &gi));
    /* Inline, module info length past the end: the version still counts. */
    memset(h + 32, 0, 32);
    h[32] = 8;
    memcpy(h + 33, "go1.22.1", 8);
    h[41] = 100;
    h[14] = 8;
    h[15] = 2;
    cr_assert(go_info_decode_header(h, sizeof h, NULL, 0, &gi));
    cr_expect_str_eq(gi.version, "go1.22.1");
    cr_expect_str_eq(gi.path, "");
}

Test(goinfo, control_bytes_are_cleaned)
{
    uint8_t buf[256] = { 0 };
    size_t n = build_inline(buf, 0, "go1.2\n\x1b[31m\xc3", "path\tbad\x01path\n");
    struct go_info gi;
    cr_assert(go_info_from_region(buf, n, NULL, 0, &gi));
    cr_expect_str_eq(gi.version, "go1.2??[31m?");
    cr_expect_str_eq(gi.path, "bad?path");
}

Test(goinfo, modinfo_lines)
{
    struct go_info gi = { 0 };
    const char *t = "go\tgo1.20\npath\tmain/pkg\nmod\tmain\n";
    go_info_parse_modinfo(t, strlen(t), &gi);
    cr_expect_str_eq(gi.path, "main/pkg");
    cr_expect_str_eq(gi.mod_path, "main");
    cr_expect_str_eq(gi.mod_version, "");

    struct go_info g2 = { 0 };
    const char *t2 = "pathological\tno\nmodule\tno\npath\tyes";   /* no final newline */
    go_info_parse_modinfo(t2, strlen(t2), &g2);
    cr_expect_str_eq(g2.path, "yes");
    cr_expect_str_eq(g2.mod_path, "");
}

/* Without a header (esbuild's release builds): modinfo by its sentinels,
 * the version through a { ptr, len } string header in writable data. */
Test(goinfo, scan_without_header)
{
    static uint8_t ro[1024], data[256];
    memset(ro, 0x55, sizeof ro);
    memset(data, 0, sizeof data);
    memcpy(ro + 100, "go1.2 is not it", 15);
    memcpy(ro + 200, "go1.26.5", 8);
    wrap_modinfo(ro + 300, MODTEXT);
    const uint64_t ro_va = 0x9a0000, data_va = 0xe6f000;
    put64(data + 40, ro_va + 100);      /* "go1.2 is not it": spaces are fine, */
    put64(data + 48, 200);              /* but not this length */
    put64(data + 96, ro_va + 200);
    put64(data + 104, 8);
    struct go_segment segs[] = {
        { .vaddr = ro_va, .data = ro, .size = sizeof ro },
        { .vaddr = data_va, .data = data, .size = sizeof data, .writable = true },
    };
    struct go_info gi;
    cr_assert(go_info_scan(segs, 2, &gi));
    cr_expect_eq(gi.source, GO_SRC_SCAN);
    cr_expect_str_eq(gi.version, "go1.26.5");
    cr_expect_str_eq(gi.path, "example.com/tool/cmd/tool");
    cr_expect_str_eq(gi.mod_version, "v1.2.3");

    /* Nothing Go-like at all. */
    memset(ro, 0x55, sizeof ro);
    memset(data, 0, sizeof data);
    cr_expect_not(go_info_scan(segs, 2, &gi));
    cr_expect_not(gi.found);
}

/* Pseudo-random bytes, with magic sprinkled at aligned offsets: never crash. */
Test(goinfo, random_garbage)
{
    static uint8_t buf[4096];
    uint64_t x = 0x9e3779b97f4a7c15u;
    struct go_segment seg = { .vaddr = 0x400000, .data = buf, .size = sizeof buf, .writable = true };
    for (int round = 0; round < 2000; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            buf[i] = (uint8_t)x;
        }
        size_t at = (x >> 8) % (sizeof buf / 16) * 16;
        memcpy(buf + at, MAGIC, 14 < sizeof buf - at ? 14 : sizeof buf - at);
        if (round & 1)
            buf[at + 15 < sizeof buf ? at + 15 : at] &= 0xfd;   /* pointer format */
        if (round % 3 == 0) {                                   /* a plausible pointer */
            size_t p = (at + 16) % (sizeof buf - 8);
            put64(buf + p, 0x400000 + (x >> 20) % sizeof buf);
        }
        struct go_info gi;
        bool ok = go_info_from_region(buf, sizeof buf, &seg, 1, &gi);
        if (ok)
            cr_expect(gi.version[0] != 0);
        go_info_scan(&seg, 1, &gi);
        go_info_parse_modinfo((const char *)buf, sizeof buf, &gi);
    }
}

/* A minimal ELF64 file in memory: one writable PT_LOAD holding the header. */
static int memfd_with(const void *p, size_t n)
{
    int fd = memfd_create("goinfo-test", 0);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, p, n), (ssize_t)n);
    return fd;
}

Test(goinfo, elf_file_data_segment)
{
    static uint8_t file[4096];
    memset(file, 0, sizeof file);
    Elf64_Ehdr *eh = (Elf64_Ehdr *)file;
    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS64;
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_ident[EI_OSABI] = ELFOSABI_FREEBSD;
    eh->e_type = ET_EXEC;
    eh->e_machine = EM_X86_64;
    eh->e_phoff = sizeof *eh;
    eh->e_phentsize = sizeof(Elf64_Phdr);
    eh->e_phnum = 2;
    Elf64_Phdr *ph = (Elf64_Phdr *)(file + sizeof *eh);
    ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
                          .p_vaddr = 0x400000, .p_filesz = 1024, .p_memsz = 1024 };
    ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = 1024,
                          .p_vaddr = 0x401400, .p_filesz = 2048, .p_memsz = 8192 };
    build_inline(file, 1024, "go1.25.1", MODTEXT);

    struct go_info gi;
    int fd = memfd_with(file, sizeof file);
    cr_assert(go_info_read_fd(fd, &gi));
    cr_expect_str_eq(gi.version, "go1.25.1");
    cr_expect_str_eq(gi.mod_path, "example.com/tool");
    close(fd);

    /* Program headers claimed beyond the end of the file. */
    eh->e_phoff = 4000;
    fd = memfd_with(file, sizeof file);
    cr_expect_not(go_info_read_fd(fd, &gi));
    close(fd);
    /* Huge counts. */
    eh->e_phoff = sizeof *eh;
    eh->e_phnum = 0xffff;
    eh->e_shoff = 100;
    eh->e_shnum = 0xffff;
    eh->e_shentsize = sizeof(Elf64_Shdr);
    fd = memfd_with(file, sizeof file);
    cr_expect_not(go_info_read_fd(fd, &gi));
    close(fd);
    /* Segment running past the end of the file: clamped, still readable. */
    eh->e_phnum = 2;
    eh->e_shoff = 0;
    eh->e_shnum = 0;
    ph[1].p_filesz = 1u << 30;
    fd = memfd_with(file, sizeof file);
    cr_expect(go_info_read_fd(fd, &gi));
    close(fd);
    /* Truncated to the ELF header, and not ELF at all. */
    fd = memfd_with(file, 40);
    cr_expect_not(go_info_read_fd(fd, &gi));
    close(fd);
    fd = memfd_with("not an ELF file, just text\n", 27);
    cr_expect_not(go_info_read_fd(fd, &gi));
    close(fd);
}
