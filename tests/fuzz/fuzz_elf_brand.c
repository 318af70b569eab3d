/* What `persona info` and `persona run` do with a file before anything
 * runs: elf_inspect() reads and checks the headers, brand_recognise()
 * decides which OS it is for.  Garbage must give a one-line reason, never
 * a crash, and what is accepted must be self-consistent. */
#include "loader/elf.h"
#include "personality/brand.h"
#include "personality/personality.h"
#include "tests/fuzz/fuzz_memfd.h"
#include "tests/fuzz/fuzz_util.h"
#include <elf.h>

/* registry.c points the runnable brands at their personalities; their
 * contents are not looked at here, so this target does not link the
 * syscall layer. */
const struct personality freebsd_personality;
const struct personality netbsd_personality;

static void check_string(const char *s, size_t cap, const char *what)
{
    FZ_CHECK(memchr(s, 0, cap) != NULL, "%s is not NUL-terminated", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = fz_memfd(data, size);
    struct elf_info info;
    char err[160];
    memset(err, 0x55, sizeof err);
    if (elf_inspect(fd, &info, err, sizeof err) != 0) {
        check_string(err, sizeof err, "elf_inspect's reason");
        FZ_CHECK(err[0] != 0, "elf_inspect failed without a reason");
        FZ_CHECK(strchr(err, '\n') == NULL, "reason spans lines: %s", err);
        return 0;
    }
    FZ_CHECK(info.type == ET_EXEC || info.type == ET_DYN, "type %d", info.type);
    FZ_CHECK(info.phnum > 0, "accepted without program headers");
    FZ_CHECK(info.nnotes >= 0 && info.nnotes <= 8, "nnotes %d", info.nnotes);
    FZ_CHECK(info.lowest_vaddr <= info.highest_vaddr, "lowest %#llx above highest %#llx", (unsigned long long)info.lowest_vaddr,
             (unsigned long long)info.highest_vaddr);
    FZ_CHECK(info.highest_vaddr <= 0x800000000000ULL, "image ends at %#llx",
             (unsigned long long)info.highest_vaddr);
    for (int i = 0; i < info.nnotes; i++)
        check_string(info.notes[i].owner, sizeof info.notes[i].owner, "note owner");
    check_string(info.interp, sizeof info.interp, "interpreter");
    FZ_CHECK(info.dynamic || info.interp[0] == 0, "interpreter without PT_INTERP");

    struct brand_match m;
    memset(err, 0x55, sizeof err);
    const struct brand *b = brand_recognise(&info, &m, err, sizeof err);
    if (!b) {
        check_string(err, sizeof err, "brand_recognise's reason");
        FZ_CHECK(err[0] != 0, "no brand and no reason");
        return 0;
    }
    FZ_CHECK(m.brand == b, "match names another brand");
    check_string(m.reason, sizeof m.reason, "match reason");
    FZ_CHECK(m.reason[0] != 0, "brand without a reason");
    FZ_CHECK(brand_by_name(b->name) == b, "brand %s not found by its name", b->name);
    if (b->release) {
        char rel[8];            /* smaller than "4294.967": must truncate */
        memset(rel, 0x55, sizeof rel);
        b->release(m.os_version, rel, sizeof rel);
        check_string(rel, sizeof rel, "release");
    }
    return 0;
}
