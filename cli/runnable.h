/* Can `persona run` start this binary?  One rule shared by `run` (which
 * refuses with the reason) and `info` (which reports it). */
#ifndef PERSONA_CLI_RUNNABLE_H
#define PERSONA_CLI_RUNNABLE_H
#include "loader/elf.h"
#include "personality/brand.h"
#include <stddef.h>

struct personality;

/* The personality that runs a binary with these headers, or NULL with a
 * one-line reason in why (no "persona:" or file name prefix): a brand with
 * a personality (personality/registry.c), static binaries only so far.
 * *m says which brand matched (m->brand NULL if none). */
const struct personality *runnable_personality(const struct elf_info *info, struct brand_match *m,
                                               char *why, size_t whylen);

#endif
