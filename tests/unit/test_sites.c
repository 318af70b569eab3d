/* Unit tests for syscalls/sites.{h,c}, the finder of rewritable syscall
 * sites, and for loader/code_map.{h,c}, where its function bounds come from.
 *
 * Two halves:
 *  - crafted code: hand-assembled byte arrays with explicit function ranges,
 *    one rule of the finder per test (what is a site, which pads it may use);
 *  - real binaries: the finder over the executable segments of the built
 *    samples (Go and C) and of the FreeBSD esbuild, read from the files,
 *    checked against an independent decode (objdump -d) and the file bytes.
 * The real-binary tests fail (not skip) when a binary is missing: build the
 * samples and run scripts/fetch-testbins.sh. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader/code_map.h"
#include "loader/gopclntab.h"
#include "syscalls/rewrite.h"
#include "syscalls/sites.h"

/* ------------------------------------------------------------ crafted code */

#define BASE 0x401000ULL

/* A code buffer with function ranges, built instruction by instruction. */
struct code {
    uint8_t b[4096];
    size_t n;
    struct code_range f[16];
    size_t nf;
};

static void emit_bytes(struct code *c, const uint8_t *p, size_t n)
{
    cr_assert_leq(c->n + n, sizeof c->b);
    memcpy(c->b + c->n, p, n);
    c->n += n;
}
#define EMIT(c, ...)                                                   \
    do {                                                               \
        const uint8_t bytes_[] = { __VA_ARGS__ };                      \
        emit_bytes((c), bytes_, sizeof bytes_);                        \
    } while (0)

static void fill(struct code *c, uint8_t v, size_t n)
{
    cr_assert_leq(c->n + n, sizeof c->b);
    memset(c->b + c->n, v, n);
    c->n += n;
}

static uint64_t here(const struct code *c) { return BASE + c->n; }

static void func_begin(struct code *c)
{
    cr_assert_lt(c->nf, 16);
    c->f[c->nf].start = here(c);
}

static void func_end(struct code *c)
{
    c->f[c->nf].end = here(c);
    c->nf++;
}

#define SYSCALL(c) EMIT(c, 0x0f, 0x05)
#define MOV_EAX_20(c) EMIT(c, 0xb8, 0x14, 0x00, 0x00, 0x00) /* mov $20,%eax */
#define RET(c) EMIT(c, 0xc3)

/* What every scan must satisfy, whatever the code: each patch is a 0f 05
 * site with a 5-byte pad inside the buffer, within jmp rel8 reach of
 * site+2; pads overlap neither each other nor any site. */
static void check_invariants(const struct code *c, const struct site_scan *s)
{
    cr_assert_eq(s->npatches + s->no_pad, s->nsites, "patched %zu + no_pad %zu != sites %zu",
                 s->npatches, s->no_pad, s->nsites);
    cr_assert_leq(s->nsites + s->undecodable, s->candidates);
    for (size_t i = 0; i < s->npatches; i++) {
        const struct site_patch *p = &s->patches[i];
        cr_assert(p->site >= BASE && p->site + 2 <= here(c));
        cr_assert(c->b[p->site - BASE] == 0x0f && c->b[p->site - BASE + 1] == 0x05);
        cr_assert(p->pad >= BASE && p->pad + 5 <= here(c), "pad %#lx outside the code",
                  (unsigned long)p->pad);
        int64_t d = (int64_t)(p->pad - (p->site + 2));
        cr_assert(d >= -128 && d <= 127, "pad %#lx out of rel8 reach of site %#lx",
                  (unsigned long)p->pad, (unsigned long)p->site);
        if (i)
            cr_assert_gt(p->site, s->patches[i - 1].site, "patches not sorted by site");
        for (size_t j = 0; j < s->npatches; j++) {
            const struct site_patch *q = &s->patches[j];
            if (j != i)
                cr_assert(p->pad + 5 <= q->pad || q->pad + 5 <= p->pad,
                          "pads %#lx and %#lx overlap", (unsigned long)p->pad,
                          (unsigned long)q->pad);
            cr_assert(p->pad + 5 <= q->site || q->site + 2 <= p->pad,
                      "pad %#lx overlaps site %#lx", (unsigned long)p->pad,
                      (unsigned long)q->site);
        }
    }
}

static struct site_scan scan(const struct code *c, enum pad_policy policy)
{
    struct site_scan s;
    cr_assert_eq(sites_find(c->b, BASE, c->n, c->f, c->nf, policy, &s), 0);
    check_invariants(c, &s);
    return s;
}

/* The trailing int3 run of a Go function, its first byte kept. */
Test(sites, trailing_int3_pad_in_reach)
{
    struct code c = { 0 };
    func_begin(&c);
    MOV_EAX_20(&c);
    uint64_t site = here(&c);
    SYSCALL(&c);
    RET(&c);
    uint64_t run = here(&c);
    fill(&c, 0xcc, 24);
    func_end(&c);

    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.candidates, 1);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 1);
    cr_assert_eq(s.no_pad, 0);
    cr_assert_eq(s.undecodable, 0);
    cr_assert_eq(s.patches[0].site, site);
    /* In the run, never its first int3 (a call that does not return would
     * return there), and within [site+2-128, site+2+127]. */
    cr_assert_geq(s.patches[0].pad, run + 1);
    cr_assert_leq(s.patches[0].pad + 5, c.f[0].end);
    cr_assert_geq(s.patches[0].pad, site + 2 - 128);
    cr_assert_leq(s.patches[0].pad, site + 2 + 127);
    site_scan_free(&s);
}

/* A run of exactly 5 int3s leaves 4 usable bytes: no pad; 6 leave 5. */
Test(sites, trailing_run_loses_its_first_byte)
{
    for (size_t run = 5; run <= 6; run++) {
        struct code c = { 0 };
        func_begin(&c);
        SYSCALL(&c);
        RET(&c);
        fill(&c, 0xcc, run);
        func_end(&c);
        struct site_scan s = scan(&c, PADS_TRAILING_INT3);
        cr_assert_eq(s.nsites, 1);
        cr_assert_eq(s.npatches, run == 6 ? 1 : 0, "run of %zu int3s", run);
        cr_assert_eq(s.no_pad, run == 6 ? 0 : 1);
        if (run == 6)
            cr_assert_eq(s.patches[0].pad, c.f[0].start + 4);
        site_scan_free(&s);
    }
}

/* int3s in the middle of a function (followed by code) are not padding. */
Test(sites, int3_run_not_at_the_end_is_not_a_pad)
{
    struct code c = { 0 };
    func_begin(&c);
    SYSCALL(&c);
    fill(&c, 0xcc, 16);
    RET(&c);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 0);
    cr_assert_eq(s.no_pad, 1);
    site_scan_free(&s);
}

/* Padding only beyond jmp rel8 reach: the site stays with the trap. */
Test(sites, no_pad_in_reach)
{
    struct code c = { 0 };
    func_begin(&c);
    SYSCALL(&c);
    fill(&c, 0x90, 200);            /* code (nops are not int3 padding) */
    RET(&c);
    fill(&c, 0xcc, 7);
    func_end(&c);
    /* A neighbour whose padding is also too far away. */
    func_begin(&c);
    fill(&c, 0x90, 100);
    RET(&c);
    fill(&c, 0xcc, 31);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 0);
    cr_assert_eq(s.no_pad, 1);
    site_scan_free(&s);
}

/* The edges of rel8 reach: a pad starting at site+2+127 is in reach,
 * one byte further is not; backwards, site+2-128 is, one byte nearer the
 * start of the buffer is not. */
Test(sites, reach_edges)
{
    for (int extra = 0; extra <= 1; extra++) {
        struct code c = { 0 };
        func_begin(&c);
        uint64_t site = here(&c);
        SYSCALL(&c);
        fill(&c, 0x90, 125 + (size_t)extra);
        RET(&c);
        fill(&c, 0xcc, 6);          /* exactly one pad: run+1 .. run+6 */
        func_end(&c);
        struct site_scan s = scan(&c, PADS_TRAILING_INT3);
        cr_assert_eq(s.nsites, 1);
        if (!extra) {
            cr_assert_eq(s.npatches, 1);
            cr_assert_eq(s.patches[0].pad, site + 2 + 127);
        } else {
            cr_assert_eq(s.npatches, 0, "pad at site+2+128 accepted");
        }
        site_scan_free(&s);
    }
    for (int extra = 0; extra <= 1; extra++) {
        struct code c = { 0 };
        func_begin(&c);             /* one 5-byte pad at BASE+2 */
        RET(&c);
        fill(&c, 0xcc, 6);
        func_end(&c);
        func_begin(&c);
        fill(&c, 0x90, 121 + (size_t)extra);
        uint64_t site = here(&c);
        SYSCALL(&c);
        RET(&c);
        func_end(&c);
        cr_assert_eq(site, BASE + 128 + (uint64_t)extra);
        struct site_scan s = scan(&c, PADS_TRAILING_INT3);
        cr_assert_eq(s.nsites, 1);
        if (!extra) {
            cr_assert_eq(s.npatches, 1);
            cr_assert_eq(s.patches[0].pad, site + 2 - 128);
        } else {
            cr_assert_eq(s.npatches, 0, "pad at site+2-129 accepted");
        }
        site_scan_free(&s);
    }
}

/* 0f 05 inside other instructions: an immediate, a displacement, and
 * straddling two instructions.  Candidates, never sites. */
Test(sites, bytes_that_are_not_instructions)
{
    struct code c = { 0 };
    func_begin(&c);
    EMIT(&c, 0xb8, 0x0f, 0x05, 0x00, 0x00);             /* mov $0x50f,%eax */
    EMIT(&c, 0x8b, 0x80, 0x0f, 0x05, 0x00, 0x00);       /* mov 0x50f(%rax),%eax */
    EMIT(&c, 0x48, 0x83, 0xc0, 0x0f);                   /* add $0xf,%rax */
    EMIT(&c, 0x05, 0x01, 0x00, 0x00, 0x00);             /* add $1,%eax */
    EMIT(&c, 0x48, 0x8d, 0x05, 0x0f, 0x05, 0x00, 0x00); /* lea 0x50f(%rip),%rax */
    RET(&c);
    fill(&c, 0xcc, 26);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.candidates, 4);
    cr_assert_eq(s.nsites, 0);
    cr_assert_eq(s.npatches, 0);
    cr_assert_eq(s.undecodable, 0);
    site_scan_free(&s);
}

/* 0f 05 outside every known function: looked at, not a site. */
Test(sites, bytes_outside_functions)
{
    struct code c = { 0 };
    func_begin(&c);
    RET(&c);
    fill(&c, 0xcc, 31);
    func_end(&c);
    SYSCALL(&c);                    /* not in any range */
    RET(&c);
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.candidates, 1);
    cr_assert_eq(s.nsites, 0);
    cr_assert_eq(s.undecodable, 0);
    site_scan_free(&s);
}

/* A direct branch into the pad: that pad is never handed out. */
Test(sites, branch_into_pad)
{
    /* Alone: the function's only padding is a branch target. */
    struct code c = { 0 };
    func_begin(&c);
    SYSCALL(&c);
    EMIT(&c, 0x74, 0x06);           /* je +6: to BASE+10 */
    RET(&c);
    fill(&c, 0xcc, 27);             /* run at +5, pads from +6 */
    func_end(&c);
    uint64_t target = BASE + 10;
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 0, "pad %#lx holds a branch target",
                 (unsigned long)(s.npatches ? s.patches[0].pad : 0));
    cr_assert_eq(s.no_pad, 1);
    site_scan_free(&s);

    /* With a neighbour: its padding is taken instead. */
    func_begin(&c);
    RET(&c);
    fill(&c, 0xcc, 31);
    func_end(&c);
    s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.npatches, 1);
    cr_assert(s.patches[0].pad > target || s.patches[0].pad + 5 <= target,
              "pad %#lx holds the branch target %#lx", (unsigned long)s.patches[0].pad,
              (unsigned long)target);
    cr_assert_geq(s.patches[0].pad, c.f[1].start + 2);
    site_scan_free(&s);

    /* The branch from the neighbour into the first function's pad. */
    struct code d = { 0 };
    func_begin(&d);
    SYSCALL(&d);
    RET(&d);
    fill(&d, 0xcc, 29);             /* run at +3, pads from +4 */
    func_end(&d);
    func_begin(&d);
    EMIT(&d, 0xe9);                 /* jmp rel32 to BASE+5 */
    int32_t rel = (int32_t)((int64_t)(BASE + 5) - (int64_t)(here(&d) + 4));
    emit_bytes(&d, (const uint8_t *)&rel, 4);
    fill(&d, 0xcc, 27);
    func_end(&d);
    s = scan(&d, PADS_TRAILING_INT3);
    cr_assert_eq(s.npatches, 1);
    cr_assert(s.patches[0].pad > BASE + 5 || s.patches[0].pad + 5 <= BASE + 5,
              "pad %#lx holds the neighbour's branch target", (unsigned long)s.patches[0].pad);
    site_scan_free(&s);
}

/* A branch to site+1 would land in the middle of `jmp rel8`: skip it. */
Test(sites, branch_to_second_byte_of_site)
{
    struct code c = { 0 };
    func_begin(&c);
    EMIT(&c, 0xeb, 0x01);           /* jmp +1: to the syscall's second byte */
    uint64_t site = here(&c);
    SYSCALL(&c);
    RET(&c);
    fill(&c, 0xcc, 27);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 0, "site %#lx patched although site+1 is a branch target",
                 (unsigned long)site);
    cr_assert_eq(s.no_pad, 1);
    site_scan_free(&s);

    /* A branch to the site itself (or just after it) is fine. */
    struct code d = { 0 };
    func_begin(&d);
    EMIT(&d, 0xeb, 0x00);           /* jmp +0: to the syscall */
    SYSCALL(&d);
    EMIT(&d, 0x75, 0xfc);           /* jne -4: back to the syscall */
    EMIT(&d, 0x74, 0x00);           /* je +0: to the ret after the site */
    RET(&d);
    fill(&d, 0xcc, 23);
    func_end(&d);
    s = scan(&d, PADS_TRAILING_INT3);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 1);
    site_scan_free(&s);
}

/* Two sites, one long pad: two distinct, non-overlapping 5-byte pads. */
Test(sites, two_sites_share_one_long_pad)
{
    struct code c = { 0 };
    func_begin(&c);
    MOV_EAX_20(&c);
    SYSCALL(&c);
    MOV_EAX_20(&c);
    SYSCALL(&c);
    RET(&c);
    fill(&c, 0xcc, 49);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.nsites, 2);
    cr_assert_eq(s.npatches, 2);
    cr_assert_eq(s.patches[0].site, BASE + 5);
    cr_assert_eq(s.patches[1].site, BASE + 12);
    uint64_t a = s.patches[0].pad, b = s.patches[1].pad;
    cr_assert_neq(a, b);
    cr_assert(a + 5 <= b || b + 5 <= a, "pads %#lx and %#lx overlap", (unsigned long)a,
              (unsigned long)b);
    for (int i = 0; i < 2; i++)
        cr_assert_geq(s.patches[i].pad, BASE + 16);     /* run at +15 */
    site_scan_free(&s);

    /* Room for one pad only (run of 9: 8 usable bytes): one site waits. */
    struct code d = { 0 };
    func_begin(&d);
    SYSCALL(&d);
    SYSCALL(&d);
    RET(&d);
    fill(&d, 0xcc, 9);
    func_end(&d);
    s = scan(&d, PADS_TRAILING_INT3);
    cr_assert_eq(s.nsites, 2);
    cr_assert_eq(s.npatches, 1);
    cr_assert_eq(s.no_pad, 1);
    site_scan_free(&s);
}

/* C code: padding is the nop/int3 gap between sized functions. */
Test(sites, gaps_with_multibyte_nops)
{
    struct code c = { 0 };
    func_begin(&c);
    MOV_EAX_20(&c);
    uint64_t site = here(&c);
    SYSCALL(&c);
    RET(&c);
    func_end(&c);
    uint64_t gap = here(&c);
    EMIT(&c, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00);   /* nopl 0(%rax,%rax,1) */
    EMIT(&c, 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00);              /* nopw 0(%rax,%rax,1) */
    EMIT(&c, 0x66, 0x90);                                      /* xchg %ax,%ax */
    func_begin(&c);
    RET(&c);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_GAPS);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 1);
    cr_assert_eq(s.patches[0].site, site);
    cr_assert_geq(s.patches[0].pad, gap);
    cr_assert_leq(s.patches[0].pad + 5, c.f[1].start);
    site_scan_free(&s);

    /* The same gap under the Go policy: no trailing int3, no pad. */
    s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.npatches, 0);
    site_scan_free(&s);
}

Test(sites, gap_with_a_real_instruction_is_not_padding)
{
    struct code c = { 0 };
    func_begin(&c);
    SYSCALL(&c);
    RET(&c);
    func_end(&c);
    EMIT(&c, 0x90, 0x90, 0x90);
    EMIT(&c, 0x48, 0x89, 0xc3);     /* mov %rax,%rbx: code without a symbol */
    EMIT(&c, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90);
    func_begin(&c);
    RET(&c);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_GAPS);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 0, "pad %#lx in a gap holding code",
                 (unsigned long)(s.npatches ? s.patches[0].pad : 0));
    cr_assert_eq(s.no_pad, 1);
    site_scan_free(&s);
}

Test(sites, gap_of_int3_and_two_sites)
{
    struct code c = { 0 };
    func_begin(&c);
    SYSCALL(&c);
    SYSCALL(&c);
    RET(&c);
    func_end(&c);
    fill(&c, 0xcc, 10);
    func_begin(&c);
    RET(&c);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_GAPS);
    cr_assert_eq(s.nsites, 2);
    cr_assert_eq(s.npatches, 2);
    site_scan_free(&s);
}

/* A function with bytes that do not decode: its candidates are counted
 * as undecodable and none becomes a site. */
Test(sites, undecodable_function)
{
    struct code c = { 0 };
    func_begin(&c);
    SYSCALL(&c);
    MOV_EAX_20(&c);
    SYSCALL(&c);
    EMIT(&c, 0x06);                 /* push %es: invalid in 64-bit mode */
    RET(&c);
    fill(&c, 0xcc, 21);
    func_end(&c);
    /* A good neighbour is unaffected. */
    func_begin(&c);
    uint64_t good = here(&c);
    SYSCALL(&c);
    RET(&c);
    fill(&c, 0xcc, 29);
    func_end(&c);
    struct site_scan s = scan(&c, PADS_TRAILING_INT3);
    cr_assert_eq(s.candidates, 3);
    cr_assert_eq(s.undecodable, 2);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.npatches, 1);
    cr_assert_eq(s.patches[0].site, good);
    site_scan_free(&s);

    /* A function running past the end of the bytes does not decode either. */
    struct code d = { 0 };
    func_begin(&d);
    SYSCALL(&d);
    RET(&d);
    fill(&d, 0xcc, 30);
    func_end(&d);
    d.f[0].end += 64;
    s = scan(&d, PADS_TRAILING_INT3);
    cr_assert_eq(s.candidates, 1);
    cr_assert_eq(s.undecodable, 1);
    cr_assert_eq(s.nsites, 0);
    site_scan_free(&s);
}

Test(sites, empty_and_tiny_inputs)
{
    struct site_scan s;
    cr_assert_eq(sites_find(NULL, BASE, 0, NULL, 0, PADS_TRAILING_INT3, &s), 0);
    cr_assert_eq(s.candidates + s.nsites + s.npatches, 0);
    site_scan_free(&s);
    const uint8_t one[] = { 0x0f };
    struct code_range f = { BASE, BASE + 1 };
    cr_assert_eq(sites_find(one, BASE, 1, &f, 1, PADS_TRAILING_INT3, &s), 0);
    cr_assert_eq(s.candidates, 0);
    site_scan_free(&s);
    const uint8_t two[] = { 0x0f, 0x05 };
    f.end = BASE + 2;
    cr_assert_eq(sites_find(two, BASE, 2, &f, 1, PADS_TRAILING_INT3, &s), 0);
    cr_assert_eq(s.nsites, 1);
    cr_assert_eq(s.no_pad, 1);
    site_scan_free(&s);
}

/* ----------------------------------------------------------- real binaries */

struct segment {
    uint64_t vaddr;
    size_t size;
    uint8_t *bytes;
};

struct binary {
    char path[512];
    struct code_map map;
    struct segment seg[8];
    size_t nseg;
};

/* The file's executable PT_LOAD bytes (as in the file, not as mapped) and
 * its function bounds (bias 0: file addresses). */
static void load_binary(struct binary *b, const char *path)
{
    memset(b, 0, sizeof *b);
    snprintf(b->path, sizeof b->path, "%s", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    cr_assert_geq(fd, 0, "%s is missing: build the samples / run scripts/fetch-testbins.sh",
                  path);
    cr_assert_eq(code_map_load(fd, 0, &b->map), 0, "code_map_load(%s)", path);
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    cr_assert_not_null(e);
    size_t nph = 0;
    cr_assert_eq(elf_getphdrnum(e, &nph), 0);
    for (size_t i = 0; i < nph; i++) {
        GElf_Phdr ph;
        cr_assert_not_null(gelf_getphdr(e, (int)i, &ph));
        if (ph.p_type != PT_LOAD || !(ph.p_flags & PF_X) || ph.p_filesz == 0)
            continue;
        cr_assert_lt(b->nseg, 8);
        struct segment *s = &b->seg[b->nseg++];
        s->vaddr = ph.p_vaddr;
        s->size = ph.p_filesz;
        s->bytes = malloc(s->size);
        cr_assert_not_null(s->bytes);
        cr_assert_eq(pread(fd, s->bytes, s->size, (off_t)ph.p_offset), (ssize_t)s->size);
    }
    elf_end(e);
    close(fd);
    cr_assert_gt(b->nseg, 0, "%s has no executable segment", path);
}

static void free_binary(struct binary *b)
{
    for (size_t i = 0; i < b->nseg; i++)
        free(b->seg[i].bytes);
    code_map_free(&b->map);
}

/* The file byte at address a (in an executable segment), or -1. */
static int byte_at(const struct binary *b, uint64_t a)
{
    for (size_t i = 0; i < b->nseg; i++)
        if (a >= b->seg[i].vaddr && a - b->seg[i].vaddr < b->seg[i].size)
            return b->seg[i].bytes[a - b->seg[i].vaddr];
    return -1;
}

static const struct code_range *func_at(const struct binary *b, uint64_t a)
{
    for (size_t lo = 0, hi = b->map.nfuncs; lo < hi;) {
        size_t mid = (lo + hi) / 2;
        if (b->map.funcs[mid].end <= a)
            lo = mid + 1;
        else if (b->map.funcs[mid].start > a)
            hi = mid;
        else
            return &b->map.funcs[mid];
    }
    return NULL;
}

/* objdump's reading of the same file: every instruction's address, length
 * and whether it is `syscall` or padding (nop / int3). */
enum insn_kind { K_OTHER, K_SYSCALL, K_PAD };
struct insn {
    uint64_t addr;
    uint32_t len;
    uint8_t kind;
};
struct listing {
    struct insn *v;
    size_t n, cap;
};

static void objdump(const char *path, struct listing *l)
{
    memset(l, 0, sizeof *l);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "objdump -d -w --no-show-raw-insn '%s'", path);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p, "objdump (binutils) is needed");
    char line[4096];
    while (fgets(line, sizeof line, p)) {
        char *s = line, *end;
        while (*s == ' ')
            s++;
        uint64_t a = strtoull(s, &end, 16);
        if (end == s || end[0] != ':' || end[1] != '\t')
            continue;
        char *m = end + 2;
        m[strcspn(m, "\n")] = 0;
        uint8_t kind = K_OTHER;
        if (strncmp(m, "syscall", 7) == 0 && (m[7] == 0 || m[7] == ' '))
            kind = K_SYSCALL;
        else if (strstr(m, "nop") || strncmp(m, "int3", 4) == 0 ||
                 strncmp(m, "xchg   %ax,%ax", 14) == 0)
            kind = K_PAD;
        if (l->n && l->v[l->n - 1].addr < a && l->v[l->n - 1].len == 0)
            l->v[l->n - 1].len = (uint32_t)(a - l->v[l->n - 1].addr);
        if (l->n == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 65536;
            l->v = realloc(l->v, l->cap * sizeof *l->v);
            cr_assert_not_null(l->v);
        }
        l->v[l->n++] = (struct insn){ a, 0, kind };
    }
    cr_assert_eq(pclose(p), 0, "objdump -d %s failed", path);
    cr_assert_gt(l->n, 0);
}

static const struct insn *insn_covering(const struct listing *l, uint64_t a)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (l->v[mid].addr <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return NULL;
    const struct insn *i = &l->v[lo - 1];
    return a < i->addr + (i->len ? i->len : 16) ? i : NULL;
}

struct verdict {
    size_t sites, patched, objdump_sites;
};

/* The finder over every executable segment of the file, each result
 * checked against objdump and the file bytes. */
static struct verdict check_binary(const char *path, enum code_map_source want_source)
{
    struct binary b;
    load_binary(&b, path);
    cr_assert_eq(b.map.source, want_source, "%s: bounds from source %d", path, b.map.source);
    cr_assert_gt(b.map.nfuncs, 0);
    enum pad_policy policy =
        b.map.source == CODE_MAP_GOPCLNTAB ? PADS_TRAILING_INT3 : PADS_GAPS;
    struct listing l;
    objdump(path, &l);

    struct verdict v = { 0 };
    struct site_patch *all = NULL;
    size_t nall = 0;
    for (size_t i = 0; i < b.nseg; i++) {
        struct site_scan s;
        cr_assert_eq(sites_find(b.seg[i].bytes, b.seg[i].vaddr, b.seg[i].size, b.map.funcs,
                                b.map.nfuncs, policy, &s), 0);
        cr_assert_eq(s.undecodable, 0, "%s: %zu candidates in functions that do not decode",
                     path, s.undecodable);
        cr_assert_eq(s.npatches + s.no_pad, s.nsites);
        v.sites += s.nsites;
        v.patched += s.npatches;
        all = realloc(all, (nall + s.npatches + 1) * sizeof *all);
        memcpy(all + nall, s.patches, s.npatches * sizeof *all);
        nall += s.npatches;
        site_scan_free(&s);
    }

    /* objdump's syscall instructions inside function bounds. */
    for (size_t i = 0; i < l.n; i++)
        if (l.v[i].kind == K_SYSCALL && func_at(&b, l.v[i].addr))
            v.objdump_sites++;

    for (size_t i = 0; i < nall; i++) {
        const struct site_patch *p = &all[i];
        /* The site: bytes 0f 05, an instruction boundary, `syscall` to objdump. */
        cr_assert(byte_at(&b, p->site) == 0x0f && byte_at(&b, p->site + 1) == 0x05,
                  "%s: site %#lx is not 0f 05", path, (unsigned long)p->site);
        const struct insn *in = insn_covering(&l, p->site);
        cr_assert(in && in->addr == p->site && in->kind == K_SYSCALL,
                  "%s: site %#lx is not a syscall instruction to objdump", path,
                  (unsigned long)p->site);
        int64_t d = (int64_t)(p->pad - (p->site + 2));
        cr_assert(d >= -128 && d <= 127, "%s: pad %#lx out of reach of %#lx", path,
                  (unsigned long)p->pad, (unsigned long)p->site);
        /* The pad: never-executed padding in the file. */
        for (uint64_t a = p->pad; a < p->pad + 5; a++) {
            if (policy == PADS_TRAILING_INT3) {
                cr_assert_eq(byte_at(&b, a), 0xcc, "%s: pad %#lx: byte %#lx is not int3",
                             path, (unsigned long)p->pad, (unsigned long)a);
            } else {
                const struct insn *pi = insn_covering(&l, a);
                cr_assert(pi && pi->kind == K_PAD, "%s: pad %#lx: byte %#lx is not nop/int3",
                          path, (unsigned long)p->pad, (unsigned long)a);
                cr_assert_null(func_at(&b, a), "%s: pad %#lx inside a function", path,
                               (unsigned long)p->pad);
            }
        }
        if (policy == PADS_TRAILING_INT3) {
            /* ...at the end of a function, after its first int3. */
            const struct code_range *f = func_at(&b, p->pad);
            cr_assert_not_null(f);
            cr_assert_eq(byte_at(&b, p->pad - 1), 0xcc, "%s: pad %#lx takes the run's first int3",
                         path, (unsigned long)p->pad);
            for (uint64_t a = p->pad; a < f->end; a++)
                cr_assert_eq(byte_at(&b, a), 0xcc, "%s: pad %#lx is not in a trailing run",
                             path, (unsigned long)p->pad);
        }
        /* No other pad overlaps it, and no site. */
        for (size_t j = 0; j < nall; j++) {
            if (j != i)
                cr_assert(p->pad + 5 <= all[j].pad || all[j].pad + 5 <= p->pad,
                          "%s: pads %#lx and %#lx overlap", path, (unsigned long)p->pad,
                          (unsigned long)all[j].pad);
            cr_assert(p->pad + 5 <= all[j].site || all[j].site + 2 <= p->pad);
        }
    }
    cr_assert_eq(v.sites, v.objdump_sites,
                 "%s: the finder found %zu syscall sites, objdump %zu within function bounds",
                 path, v.sites, v.objdump_sites);
    /* Every objdump syscall (within bounds) is a patched site or was
     * counted: with all patched, the sets are equal. */
    if (v.patched == v.sites) {
        for (size_t i = 0; i < l.n; i++) {
            if (l.v[i].kind != K_SYSCALL || !func_at(&b, l.v[i].addr))
                continue;
            bool found = false;
            for (size_t j = 0; j < nall && !found; j++)
                found = all[j].site == l.v[i].addr;
            cr_assert(found, "%s: objdump's syscall at %#lx is not a site", path,
                      (unsigned long)l.v[i].addr);
        }
    }
    cr_log_info("%s: %zu sites, %zu patched, %zu syscalls to objdump", path, v.sites,
                v.patched, v.objdump_sites);

    /* rewrite_survey (persona info) reads the file the same way. */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    cr_assert_geq(fd, 0);
    struct rewrite_stats st;
    cr_assert_eq(rewrite_survey(fd, &st), 0);
    close(fd);
    cr_assert_eq(st.sites, v.sites);
    cr_assert_eq(st.patched, v.patched);
    cr_assert_eq(st.no_pad, v.sites - v.patched);
    cr_assert_eq(st.undecodable, 0);
    cr_assert_str_eq(st.bounds, want_source == CODE_MAP_GOPCLNTAB ? ".gopclntab" : "symbol table");
    free(all);
    free(l.v);
    free_binary(&b);
    return v;
}

Test(sites_real, go_hello, .timeout = 60)
{
    struct verdict v = check_binary(PERSONA_TEST_SAMPLES "/go-hello", CODE_MAP_GOPCLNTAB);
    cr_assert_eq(v.sites, 32);
    cr_assert_eq(v.patched, v.sites);
}

Test(sites_real, c_hello, .timeout = 60)
{
    struct verdict v = check_binary(PERSONA_TEST_SAMPLES "/hello", CODE_MAP_SYMTAB);
    cr_assert_eq(v.sites, 2);
    cr_assert_eq(v.patched, v.sites);
}

Test(sites_real, esbuild, .timeout = 120)
{
    struct verdict v =
        check_binary(PERSONA_TEST_TESTBINS "/esbuild-freebsd/bin/esbuild", CODE_MAP_GOPCLNTAB);
    cr_assert_eq(v.sites, 34);
    cr_assert_eq(v.patched, v.sites);
}

/* ----------------------------------------------------- code_map_from_gopclntab */

Test(code_map, gopclntab_of_go_hello)
{
    const char *path = PERSONA_TEST_SAMPLES "/go-hello";
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    cr_assert_geq(fd, 0, "%s is missing: build the samples", path);
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    cr_assert_not_null(e);
    size_t shstrndx;
    cr_assert_eq(elf_getshdrstrndx(e, &shstrndx), 0);
    Elf_Data *pcln = NULL, *sym = NULL;
    GElf_Shdr text_sh = { 0 }, sym_sh = { 0 };
    for (Elf_Scn *scn = NULL; (scn = elf_nextscn(e, scn));) {
        GElf_Shdr sh;
        cr_assert_not_null(gelf_getshdr(scn, &sh));
        const char *name = elf_strptr(e, shstrndx, sh.sh_name);
        if (name && strcmp(name, ".text") == 0)
            text_sh = sh;
        else if (name && strcmp(name, ".gopclntab") == 0)
            pcln = elf_getdata(scn, NULL);
        else if (sh.sh_type == SHT_SYMTAB) {
            sym = elf_getdata(scn, NULL);
            sym_sh = sh;
        }
    }
    cr_assert_not_null(pcln, "no .gopclntab");
    cr_assert_neq(text_sh.sh_addr, 0, "no .text");

    struct code_range *r = NULL;
    size_t n = code_map_from_gopclntab(pcln->d_buf, pcln->d_size, text_sh.sh_addr, &r);
    cr_assert_gt(n, 1000, "only %zu functions", n);
    for (size_t i = 0; i < n; i++) {
        cr_assert_lt(r[i].start, r[i].end);
        cr_assert_geq(r[i].start, text_sh.sh_addr);
        cr_assert_leq(r[i].end, text_sh.sh_addr + text_sh.sh_size);
        if (i)
            cr_assert_leq(r[i - 1].end, r[i].start, "ranges %zu and %zu overlap or unsorted",
                          i - 1, i);
    }

    /* Each range starts a function of the runtime's own table... */
    struct gopclntab t;
    cr_assert_eq(gopclntab_parse(&t, pcln->d_buf, pcln->d_size, text_sh.sh_addr), 0);
    static const char *const want[] = { "runtime.main", "runtime.rt0_go", "runtime.mallocgc",
                                        "runtime.goexit", "runtime.morestack",
                                        "syscall.Syscall", "runtime.write1" };
    bool found[sizeof want / sizeof want[0]] = { 0 };
    for (size_t i = 0; i < n; i++) {
        uint64_t off = 1;
        const char *name = gopclntab_lookup(&t, r[i].start, &off);
        cr_assert_not_null(name, "no function at %#lx", (unsigned long)r[i].start);
        cr_assert_eq(off, 0, "%#lx is %s+%lu, not a function start", (unsigned long)r[i].start,
                     name, (unsigned long)off);
        for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
            if (strcmp(name, want[k]) == 0)
                found[k] = true;
    }
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
        cr_assert(found[k], "%s not among the functions", want[k]);

    /* ...and agrees with the symbol table the linker also wrote: every
     * text function symbol starts a range. */
    cr_assert_not_null(sym, "go-hello has no symbol table");
    size_t nsym = sym_sh.sh_size / sym_sh.sh_entsize, checked = 0;
    for (size_t i = 0; i < nsym; i++) {
        GElf_Sym s;
        cr_assert_not_null(gelf_getsym(sym, (int)i, &s));
        if (GELF_ST_TYPE(s.st_info) != STT_FUNC || s.st_value < text_sh.sh_addr ||
            s.st_value >= text_sh.sh_addr + text_sh.sh_size)
            continue;
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (r[mid].start < s.st_value)
                lo = mid + 1;
            else
                hi = mid;
        }
        cr_assert(lo < n && r[lo].start == s.st_value, "symbol %s at %#lx starts no range",
                  elf_strptr(e, sym_sh.sh_link, s.st_name), (unsigned long)s.st_value);
        checked++;
    }
    cr_assert_gt(checked, 1000);

    /* code_map_load finds the same bounds, shifted by the bias. */
    struct code_map m;
    cr_assert_eq(code_map_load(fd, 0x10000, &m), 0);
    cr_assert_eq(m.source, CODE_MAP_GOPCLNTAB);
    cr_assert_eq(m.nfuncs, n);
    for (size_t i = 0; i < n; i++)
        cr_assert(m.funcs[i].start == r[i].start + 0x10000 && m.funcs[i].end == r[i].end + 0x10000);
    code_map_free(&m);

    /* Not a pclntab: nothing. */
    uint8_t junk[256] = { 0 };
    struct code_range *none = (struct code_range *)1;
    cr_assert_eq(code_map_from_gopclntab(junk, sizeof junk, text_sh.sh_addr, &none), 0);
    cr_assert_null(none);
    free(r);
    elf_end(e);
    close(fd);
}

/* C samples: bounds from the symbol table, sized functions only. */
Test(code_map, symtab_of_c_hello)
{
    const char *path = PERSONA_TEST_SAMPLES "/hello";
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    cr_assert_geq(fd, 0, "%s is missing: build the samples", path);
    struct code_map m;
    cr_assert_eq(code_map_load(fd, 0, &m), 0);
    close(fd);
    cr_assert_eq(m.source, CODE_MAP_SYMTAB);
    cr_assert_geq(m.nfuncs, 3);     /* main, _start, mem.c */
    for (size_t i = 1; i < m.nfuncs; i++)
        cr_assert_leq(m.funcs[i - 1].end, m.funcs[i].start);
    code_map_free(&m);
}

/* Not an ELF file: rewrite_survey says so, without crashing. */
Test(sites_real, survey_of_a_non_elf_file)
{
    char path[] = "/tmp/persona-test-sites.XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    unlink(path);
    cr_assert_eq(write(fd, "#!/bin/sh\necho not an ELF file\n", 31), 31);
    struct rewrite_stats st;
    cr_assert_eq(rewrite_survey(fd, &st), -1);
    close(fd);
}

/* The register-preservation sample (samples/c/regs.c) is only a test of
 * the rewritten path if its probe's `syscall` is patched. */
Test(sites_real, regs_probe_site_is_rewritable, .timeout = 60)
{
    const char *path = PERSONA_TEST_SAMPLES "/regs";
    struct binary b;
    load_binary(&b, path);
    cr_assert_eq(b.map.source, CODE_MAP_SYMTAB);
    /* regs_probe's bounds from the symbol table. */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    uint64_t lo = 0, hi = 0;
    for (Elf_Scn *scn = NULL; (scn = elf_nextscn(e, scn));) {
        GElf_Shdr sh;
        gelf_getshdr(scn, &sh);
        if (sh.sh_type != SHT_SYMTAB)
            continue;
        Elf_Data *d = elf_getdata(scn, NULL);
        for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
            GElf_Sym s;
            gelf_getsym(d, (int)i, &s);
            const char *name = elf_strptr(e, sh.sh_link, s.st_name);
            if (name && strcmp(name, "regs_probe") == 0) {
                lo = s.st_value;
                hi = s.st_value + s.st_size;
            }
        }
    }
    elf_end(e);
    close(fd);
    cr_assert_lt(lo, hi, "no sized regs_probe symbol in %s", path);
    size_t in_probe = 0;
    for (size_t i = 0; i < b.nseg; i++) {
        struct site_scan s;
        cr_assert_eq(sites_find(b.seg[i].bytes, b.seg[i].vaddr, b.seg[i].size, b.map.funcs,
                                b.map.nfuncs, PADS_GAPS, &s), 0);
        for (size_t k = 0; k < s.npatches; k++)
            if (s.patches[k].site >= lo && s.patches[k].site < hi)
                in_probe++;
        site_scan_free(&s);
    }
    cr_assert_eq(in_probe, 1, "regs_probe's syscall is not rewritable");
    free_binary(&b);
}
