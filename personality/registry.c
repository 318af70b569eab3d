/* The brands persona knows, in the order they are tried. */
#include "personality/brand.h"
#include "personality/personality.h"
#include <elf.h>
#include <stdio.h>
#include <string.h>

/* __FreeBSD_version 1400097 -> "14.0" (sys/sys/param.h). */
static void freebsd_release(uint32_t v, char *buf, size_t cap)
{
    snprintf(buf, cap, "%u.%u", v / 100000, v / 1000 % 100);
}

/* __NetBSD_Version__ 1000000000 -> "10.0" (sys/sys/param.h). */
static void netbsd_release(uint32_t v, char *buf, size_t cap)
{
    snprintf(buf, cap, "%u.%u", v / 100000000, v / 1000000 % 100);
}

/* Note types: FreeBSD sys/sys/elf_common.h (NT_FREEBSD_ABI_TAG 1), NetBSD
 * sys/sys/exec_elf.h (ELF_NOTE_TYPE_NETBSD_TAG 1). */
static const struct brand brands[] = {
    { .name = "freebsd", .os_name = "FreeBSD", .osabi = ELFOSABI_FREEBSD,
      .note_owner = "FreeBSD", .note_type = 1, .note_section = ".note.tag",
      .interp_prefix = "/libexec/ld-elf", .release = freebsd_release,
      .personality = &freebsd_personality },
    { .name = "netbsd", .os_name = "NetBSD", .osabi = ELFOSABI_NETBSD,
      .note_owner = "NetBSD", .note_type = 1, .note_section = ".note.netbsd.ident",
      .release = netbsd_release, .personality = &netbsd_personality },
    { .name = "linux", .os_name = "Linux", .osabi = -1, .fallback = true },
};
#define NBRANDS (sizeof brands / sizeof brands[0])

static const struct elf_note *brand_note(const struct brand *b, const struct elf_info *info)
{
    for (int i = 0; b->note_owner && i < info->nnotes; i++)
        if (strcmp(info->notes[i].owner, b->note_owner) == 0 && info->notes[i].type == b->note_type)
            return &info->notes[i];
    return NULL;
}

const struct brand *brand_recognise(const struct elf_info *info, struct brand_match *m,
                                    char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    const struct brand *b = NULL;
    for (size_t i = 0; !b && i < NBRANDS; i++)
        if (brands[i].osabi >= 0 && info->osabi == brands[i].osabi) {
            b = &brands[i];
            snprintf(m->reason, sizeof m->reason, "EI_OSABI %d (%s)", info->osabi, b->os_name);
        }
    for (size_t i = 0; !b && i < NBRANDS; i++)
        if (brand_note(&brands[i], info)) {
            b = &brands[i];
            if (b->note_section)
                snprintf(m->reason, sizeof m->reason, "%s ABI note (%s)", b->os_name, b->note_section);
            else
                snprintf(m->reason, sizeof m->reason, "%s ABI note", b->os_name);
        }
    for (size_t i = 0; !b && i < NBRANDS; i++)
        if (brands[i].interp_prefix && info->dynamic &&
            strncmp(info->interp, brands[i].interp_prefix, strlen(brands[i].interp_prefix)) == 0) {
            b = &brands[i];
            snprintf(m->reason, sizeof m->reason, "%s interpreter %.64s", b->os_name, info->interp);
        }
    for (size_t i = 0; !b && i < NBRANDS; i++)
        if (brands[i].fallback && (info->osabi == ELFOSABI_SYSV || info->osabi == ELFOSABI_LINUX)) {
            b = &brands[i];
            snprintf(m->reason, sizeof m->reason, "EI_OSABI %d with no foreign ABI note", info->osabi);
        }
    if (!b) {
        snprintf(err, errlen, "unrecognised ELF OS/ABI %d", info->osabi);
        return NULL;
    }
    const struct elf_note *n = brand_note(b, info);
    if (n && n->has_word)
        m->os_version = n->word;
    m->brand = b;
    return b;
}

const struct brand *brand_at(int i)
{
    return i >= 0 && i < (int)(sizeof brands / sizeof brands[0]) ? &brands[i] : NULL;
}

const struct brand *brand_by_name(const char *name)
{
    for (size_t i = 0; i < NBRANDS; i++)
        if (strcmp(brands[i].name, name) == 0)
            return &brands[i];
    return NULL;
}
