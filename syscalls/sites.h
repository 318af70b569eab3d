/* Finding the guest's syscall sites that can be rewritten.
 *
 * Pure code analysis over the bytes of an executable image (no patching,
 * no side effects; unit-tested on crafted code and on real binaries).  A
 * site is a `syscall` instruction (0f 05) found by decoding its whole
 * function from the function's start (bounds from Go's .gopclntab or the
 * ELF symbol table), never by byte matching alone.  A site can be
 * rewritten when a 5-byte pad within reach of a 2-byte `jmp rel8` at the
 * site (-128..+127 from site+2) is known never to execute:
 *   - PADS_TRAILING_INT3: the int3 (0xcc) run that ends a function, less
 *     its first byte (Go's linker pads every function to 32 bytes with
 *     int3; a lone int3 after a call that never returns stays alone);
 *   - PADS_GAPS: bytes between one function's end and the next one's
 *     start that decode as nop/int3 only (C compilers' alignment padding).
 * A pad byte that some decoded direct branch targets is never used, and
 * neither is a site whose second byte is a branch target. */
#ifndef PERSONA_SYSCALLS_SITES_H
#define PERSONA_SYSCALLS_SITES_H
#include <stddef.h>
#include <stdint.h>
#include "loader/code_map.h"

enum pad_policy { PADS_TRAILING_INT3, PADS_GAPS };

struct site_patch {
    uint64_t site;          /* address of the 2-byte `syscall` */
    uint64_t pad;           /* address of 5 free bytes within rel8 reach */
};

struct site_scan {
    struct site_patch *patches;  /* malloc'd; sorted by site */
    size_t npatches;
    size_t nsites;               /* `syscall` instructions found */
    size_t candidates;           /* 0f 05 byte pairs looked at */
    size_t no_pad;               /* sites left without a pad in reach */
    size_t undecodable;          /* candidates in functions that did not decode */
};

/* Scan `len` bytes of code at `text` (its address in the guest is `base`)
 * with function bounds `funcs` (sorted by start, not overlapping).  0, or
 * -1 if out of memory.  Free with site_scan_free. */
int sites_find(const uint8_t *text, uint64_t base, size_t len,
               const struct code_range *funcs, size_t nfuncs,
               enum pad_policy policy, struct site_scan *out);
void site_scan_free(struct site_scan *s);

#endif
