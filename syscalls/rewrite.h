/* Rewritten syscall sites: the fast way into persona.
 *
 * At load time, before the guest's first instruction (so no other thread
 * can be running it), every site syscalls/sites.c proves safe is patched:
 *   site:  0f 05 (syscall)    ->  eb XX (jmp rel8 to the pad)
 *   pad:   cc cc cc cc cc     ->  e9 rel32 (jmp to the site's stub)
 *   stub:  lea site+2(%rip), %rcx ; jmp *door_stub_entry
 * The stubs live in one page within +-2 GiB of the image.  Nothing is
 * pushed on the guest's stack; door_stub_entry (door.S) saves the guest's
 * registers in the thread block it finds through %gs.  Syscall User
 * Dispatch stays armed for every site not patched (no pad in reach, code
 * mapped or generated later). */
#ifndef PERSONA_SYSCALLS_REWRITE_H
#define PERSONA_SYSCALLS_REWRITE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "loader/elf.h"
#include "syscalls/thread.h"

struct rewrite_stats {
    size_t candidates;      /* 0f 05 byte pairs in executable segments */
    size_t sites;           /* proven `syscall` instructions */
    size_t patched;         /* rewrite_survey: sites that would be patched */
    size_t no_pad;
    size_t undecodable;     /* rewrite_survey: candidates in functions that did not decode */
    const char *bounds;     /* where function bounds came from */
};

/* Whether this CPU and kernel let persona enter by rewritten sites
 * (XSAVE, for the guest's vector state); if not, why. */
bool rewrite_supported(char *why, size_t cap);

/* Patch the sites of the image mapped from the ELF file at fd.  0, or -1
 * with a reason (nothing is patched then; the trap backend serves all). */
int rewrite_image(int fd, const struct elf_info *info, const struct loaded_image *img,
                  struct rewrite_stats *st, char *err, size_t errlen);

/* What rewrite_image would find in the ELF file at fd, from the file's
 * own bytes (each executable PT_LOAD read into a buffer, file addresses,
 * nothing mapped or patched): for `persona info`.  `patched` counts the
 * sites the finder gives a pad.  0, or -1 if the file cannot be read. */
int rewrite_survey(int fd, struct rewrite_stats *st);

/* If rip lies in a per-site stub or a pad, the site it belongs to. */
bool rewrite_site_of(uint64_t rip, uint64_t *site);

#endif
