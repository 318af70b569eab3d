/* loader/gopclntab: function names of a Go binary from its .gopclntab
 * section, which Go keeps even in stripped binaries (the runtime needs it
 * for stack traces).  Used to symbolise guest backtraces in reports.
 *
 * Layout (Go >= 1.18, src/runtime/symtab.go pcHeader; magic 0xfffffff0 for
 * Go 1.18-1.19, 0xfffffff1 for 1.20+), all offsets from the section start:
 *   0  magic u32; 4,5 zero; 6 minLC (pc quantum); 7 ptrSize
 *   8  nfunc, nfiles, textStart, funcnameOffset, cuOffset, filetabOffset,
 *      pctabOffset, pclnOffset (ptrSize each)
 * At pclnOffset: nfunc+1 pairs {entryOff u32, funcOff u32} sorted by
 * entryOff (pc - textStart); at pclnOffset + funcOff a _func whose second
 * u32 is nameOff into the function-name table. */
#ifndef PERSONA_LOADER_GOPCLNTAB_H
#define PERSONA_LOADER_GOPCLNTAB_H
#include <stddef.h>
#include <stdint.h>

struct gopclntab {
    const uint8_t *data;
    size_t size;
    uint64_t text_start;
    uint64_t nfunc;
    uint64_t funcname_off, pcln_off;
};

/* Recognise a pclntab image (the section's bytes); 0 on success.
 * `text_addr` is the address of .text: newer linkers (Go 1.22+) leave
 * textStart 0 in the file for the runtime to fill in from moduledata. */
int gopclntab_parse(struct gopclntab *t, const uint8_t *data, size_t size, uint64_t text_addr);
/* Name of the function containing pc and the offset into it, or NULL. */
const char *gopclntab_lookup(const struct gopclntab *t, uint64_t pc, uint64_t *offset);

#endif
