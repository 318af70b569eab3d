/* Recognising which OS an ELF file was built for, like FreeBSD's
 * Elf_Brandinfo (sys/kern/imgact_elf.c): each brand names what marks a
 * binary as its OS (EI_OSABI, an ABI note, an interpreter path) and the
 * personality that runs it, if persona has one.  The loader only reports
 * raw ELF facts; nothing outside personality/ decides what they mean. */
#ifndef PERSONA_PERSONALITY_BRAND_H
#define PERSONA_PERSONALITY_BRAND_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "loader/elf.h"

struct personality;

struct brand {
    const char *name;               /* "freebsd" */
    const char *os_name;            /* "FreeBSD" */
    int osabi;                      /* EI_OSABI naming it, or -1 */
    const char *note_owner;         /* ABI note name ("FreeBSD"), or NULL */
    uint32_t note_type;
    const char *note_section;       /* where the note lives, for messages */
    const char *interp_prefix;      /* its dynamic linker's path prefix, or NULL */
    bool fallback;                  /* matches a SYSV/Linux EI_OSABI with no foreign mark */
    /* "14.0" from the note's version word. */
    void (*release)(uint32_t version, char *buf, size_t cap);
    const struct personality *personality;  /* NULL: recognised, not runnable yet */
};

struct brand_match {
    const struct brand *brand;
    char reason[96];                /* "EI_OSABI 9 (FreeBSD)", "FreeBSD ABI note (.note.tag)" */
    uint32_t os_version;            /* from the brand's ABI note, 0 if none */
};

/* The brand of an inspected file; NULL with a reason in err if none. */
const struct brand *brand_recognise(const struct elf_info *info, struct brand_match *m,
                                    char *err, size_t errlen);
/* The i-th brand persona knows, or NULL past the last. */
const struct brand *brand_at(int i);
/* A brand by name ("freebsd"), or NULL. */
const struct brand *brand_by_name(const char *name);

#endif
