/* loader/code_map: where the functions of an ELF file are, for analysing
 * its code (finding syscall sites).  From Go's .gopclntab (kept even in
 * stripped Go binaries; a function runs to the next one's entry, its
 * alignment padding included) or else from the symbol table (STT_FUNC
 * symbols with a size; padding lies between them). */
#ifndef PERSONA_LOADER_CODE_MAP_H
#define PERSONA_LOADER_CODE_MAP_H
#include <stddef.h>
#include <stdint.h>

struct code_range {
    uint64_t start, end;    /* [start, end) */
};

enum code_map_source { CODE_MAP_NONE, CODE_MAP_GOPCLNTAB, CODE_MAP_SYMTAB };

struct code_map {
    enum code_map_source source;
    struct code_range *funcs;   /* sorted by start, not overlapping; malloc'd */
    size_t nfuncs;
};

/* Function bounds of the ELF file open at fd, shifted by `bias` (the load
 * base of a PIE).  0 (possibly with source NONE and no functions) or -1. */
int code_map_load(int fd, uint64_t bias, struct code_map *out);
void code_map_free(struct code_map *m);

/* The bounds in a .gopclntab image (Go >= 1.18; see gopclntab.h), file
 * addresses.  Returns the count (0 if not recognised); *out malloc'd. */
size_t code_map_from_gopclntab(const uint8_t *data, size_t size, uint64_t text_addr,
                               struct code_range **out);

#endif
