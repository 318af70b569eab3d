#include "syscalls/sites.h"
#include <Zydis/Zydis.h>
#include <emmintrin.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define JMP_REL8_LEN 2
#define JMP_REL32_LEN 5

/* The next 0f 05 byte pair in [p, end), or NULL.  SSE2 (every x86-64):
 * 16 positions per step, comparing each byte and the one after it; 0x0f
 * alone is too common in code (every two-byte opcode) for memchr. */
static const uint8_t *next_0f05(const uint8_t *p, const uint8_t *end)
{
    const __m128i f = _mm_set1_epi8(0x0f), five = _mm_set1_epi8(0x05);
    while (end - p >= 17) {
        __m128i a = _mm_loadu_si128((const __m128i *)p);
        __m128i b = _mm_loadu_si128((const __m128i *)(p + 1));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, f),
                                                               _mm_cmpeq_epi8(b, five)));
        if (m)
            return p + __builtin_ctz(m);
        p += 16;
    }
    for (; end - p >= 2; p++)
        if (p[0] == 0x0f && p[1] == 0x05)
            return p;
    return NULL;
}

/* What decoding one function told us. */
struct func_facts {
    bool decoded;               /* every byte decoded, instruction by instruction */
    uint64_t tail_start;        /* first byte of the trailing int3 run (== end: none) */
    uint64_t *targets;          /* direct branch targets inside [lo, hi) of interest */
    size_t ntargets, cap;
};

struct scanner {
    const uint8_t *text;
    uint64_t base;
    size_t len;
    const struct code_range *funcs;
    size_t nfuncs;
    enum pad_policy policy;
    ZydisDecoder dec;
    uint32_t *pad_used;         /* per function: pad bytes handed out */
    uint64_t *branch_targets;   /* of every function decoded so far */
    size_t ntargets, cap;
    uint8_t *decoded_state;     /* per function: 0 not yet, 1 ok, 2 failed */
    uint64_t *tail_start;       /* per function (trailing int3 run) */
    uint64_t *syscalls;         /* `syscall` instructions met while decoding */
    size_t nsyscalls, syscalls_cap;
};

static bool in_text(const struct scanner *s, uint64_t a, uint64_t n)
{
    return a >= s->base && n <= s->len && a - s->base <= s->len - n;
}

static int add_target(struct scanner *s, uint64_t a)
{
    if (s->ntargets == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        uint64_t *p = realloc(s->branch_targets, cap * sizeof *p);
        if (!p)
            return -1;
        s->branch_targets = p;
        s->cap = cap;
    }
    s->branch_targets[s->ntargets++] = a;
    return 0;
}

static bool targeted(const struct scanner *s, uint64_t lo, uint64_t hi)
{
    for (size_t i = 0; i < s->ntargets; i++)
        if (s->branch_targets[i] >= lo && s->branch_targets[i] < hi)
            return true;
    return false;
}

/* Decode function i from its start (once); record its branch targets and
 * its trailing int3 run.  Returns false if some byte did not decode. */
static bool decode_func(struct scanner *s, size_t i)
{
    if (s->decoded_state[i])
        return s->decoded_state[i] == 1;
    const struct code_range *f = &s->funcs[i];
    s->decoded_state[i] = 2;
    s->tail_start[i] = f->end;
    if (!in_text(s, f->start, f->end - f->start))
        return false;
    uint64_t a = f->start, run = f->end;
    bool in_run = false;
    while (a < f->end) {
        ZydisDecodedInstruction insn;
        ZydisDecoderContext ctx;
        if (!ZYAN_SUCCESS(ZydisDecoderDecodeInstruction(&s->dec, &ctx, s->text + (a - s->base),
                                                        f->end - a, &insn)))
            return false;
        if ((insn.attributes & ZYDIS_ATTRIB_IS_RELATIVE) && insn.raw.imm[0].is_relative) {
            if (add_target(s, a + insn.length + (uint64_t)insn.raw.imm[0].value.s) != 0)
                return false;
        }
        if (insn.mnemonic == ZYDIS_MNEMONIC_SYSCALL && insn.length == 2) {
            if (s->nsyscalls == s->syscalls_cap) {
                size_t cap = s->syscalls_cap ? s->syscalls_cap * 2 : 64;
                uint64_t *q = realloc(s->syscalls, cap * sizeof *q);
                if (!q)
                    return false;
                s->syscalls = q;
                s->syscalls_cap = cap;
            }
            s->syscalls[s->nsyscalls++] = a;
        }
        if (insn.mnemonic == ZYDIS_MNEMONIC_INT3) {
            if (!in_run)
                run = a;
            in_run = true;
        } else {
            in_run = false;
            run = f->end;
        }
        a += insn.length;
    }
    s->tail_start[i] = in_run ? run : f->end;
    s->decoded_state[i] = 1;
    return true;
}

/* Is [a, a+n) code-free padding between functions i and i+1 (nop/int3)? */
static bool gap_is_padding(struct scanner *s, uint64_t a, uint64_t end)
{
    while (a < end) {
        ZydisDecodedInstruction insn;
        ZydisDecoderContext ctx;
        if (!in_text(s, a, end - a) ||
            !ZYAN_SUCCESS(ZydisDecoderDecodeInstruction(&s->dec, &ctx, s->text + (a - s->base),
                                                        end - a, &insn)))
            return false;
        if (insn.mnemonic != ZYDIS_MNEMONIC_NOP && insn.mnemonic != ZYDIS_MNEMONIC_INT3)
            return false;
        a += insn.length;
    }
    return true;
}

/* The function containing address a, or nfuncs. */
static size_t func_of(const struct scanner *s, uint64_t a)
{
    size_t lo = 0, hi = s->nfuncs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->funcs[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nfuncs && s->funcs[lo].start <= a ? lo : s->nfuncs;
}

/* The pad region that belongs to function i: [*lo, *hi). */
static bool pad_region(struct scanner *s, size_t i, uint64_t *lo, uint64_t *hi)
{
    if (s->policy == PADS_TRAILING_INT3) {
        if (!decode_func(s, i))
            return false;
        *lo = s->tail_start[i] + 1;     /* keep the run's first int3 */
        *hi = s->funcs[i].end;
    } else {
        if (i + 1 >= s->nfuncs || !decode_func(s, i))
            return false;
        *lo = s->funcs[i].end;
        *hi = s->funcs[i + 1].start;
        if (*hi > *lo && !gap_is_padding(s, *lo, *hi))
            return false;
    }
    return *hi > *lo;
}

/* Hand out 5 pad bytes reachable by `jmp rel8` from site+2, if any. */
static bool take_pad(struct scanner *s, uint64_t site, uint64_t *pad)
{
    uint64_t from = site + JMP_REL8_LEN;
    uint64_t reach_lo = from - 128, reach_hi = from + 127;   /* first pad byte */
    size_t f = func_of(s, site);
    /* Neighbouring functions whose pads may be in reach, nearest first. */
    for (size_t d = 0; d < 8; d++) {
        for (int side = 0; side < 2; side++) {
            if (side == 0 && d > f)
                continue;
            size_t i = side == 0 ? f - d : f + d;
            if (side == 1 && (d == 0 || i >= s->nfuncs))
                continue;
            uint64_t lo, hi;
            if (!pad_region(s, i, &lo, &hi))
                continue;
            uint64_t p = lo + s->pad_used[i];
            if (p + JMP_REL32_LEN > hi || p < reach_lo || p > reach_hi)
                continue;
            /* Decode the neighbours too: a branch into the pad rules it out. */
            if (i + 1 < s->nfuncs)
                decode_func(s, i + 1);
            if (targeted(s, p, p + JMP_REL32_LEN))
                continue;
            s->pad_used[i] += JMP_REL32_LEN;
            *pad = p;
            return true;
        }
    }
    return false;
}

int sites_find(const uint8_t *text, uint64_t base, size_t len,
               const struct code_range *funcs, size_t nfuncs,
               enum pad_policy policy, struct site_scan *out)
{
    memset(out, 0, sizeof *out);
    struct scanner s = { .text = text, .base = base, .len = len, .funcs = funcs,
                         .nfuncs = nfuncs, .policy = policy };
    ZydisDecoderInit(&s.dec, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    ZydisDecoderEnableMode(&s.dec, ZYDIS_DECODER_MODE_MINIMAL, ZYAN_TRUE);
    s.pad_used = calloc(nfuncs + 1, sizeof *s.pad_used);
    s.decoded_state = calloc(nfuncs + 1, 1);
    s.tail_start = calloc(nfuncs + 1, sizeof *s.tail_start);
    size_t cap = 0;
    int rc = -1;
    if (!s.pad_used || !s.decoded_state || !s.tail_start)
        goto done;

    /* Candidates: every 0f 05 byte pair, then proof by decoding. */
    uint64_t *sites = NULL;
    size_t nsites = 0;
    for (const uint8_t *p = text; (p = next_0f05(p, text + len)); p++) {
        out->candidates++;
        uint64_t a = base + (uint64_t)(p - text);
        size_t f = func_of(&s, a);
        if (f == nfuncs)
            continue;                   /* not inside any known function */
        if (!decode_func(&s, f)) {
            out->undecodable++;
            continue;
        }
        /* A site only if decoding f met a `syscall` instruction right here. */
        bool is_syscall = false;
        for (size_t k = 0; k < s.nsyscalls && !is_syscall; k++)
            is_syscall = s.syscalls[k] == a;
        if (!is_syscall)
            continue;
        if (nsites == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            uint64_t *q = realloc(sites, ncap * sizeof *q);
            if (!q) {
                free(sites);
                goto done;
            }
            sites = q;
            cap = ncap;
        }
        sites[nsites++] = a;
    }
    out->nsites = nsites;
    out->patches = calloc(nsites + 1, sizeof *out->patches);
    if (!out->patches) {
        free(sites);
        goto done;
    }
    for (size_t i = 0; i < nsites; i++) {
        uint64_t pad;
        /* A branch to the middle of the site would land inside the jmp. */
        if (targeted(&s, sites[i] + 1, sites[i] + 2) || !take_pad(&s, sites[i], &pad)) {
            out->no_pad++;
            continue;
        }
        out->patches[out->npatches++] = (struct site_patch){ sites[i], pad };
    }
    free(sites);
    rc = 0;
done:
    free(s.pad_used);
    free(s.decoded_state);
    free(s.tail_start);
    free(s.branch_targets);
    free(s.syscalls);
    if (rc != 0)
        site_scan_free(out);
    return rc;
}

void site_scan_free(struct site_scan *s)
{
    free(s->patches);
    memset(s, 0, sizeof *s);
}
