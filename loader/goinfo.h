/* loader/goinfo: the build information the Go linker embeds in a binary
 * (what `go version -m` prints), read without running anything.
 *
 * The Go linker writes a 32-byte header, 16-byte aligned, at the start of
 * the .go.buildinfo section (first in the writable data segment):
 *
 *   0  "\xff Go buildinf:"   14-byte magic
 *   14 pointer size (4 or 8)
 *   15 flags: 1 = big-endian pointers, 2 = strings are inline
 *   16 Go >= 1.18 (flags & 2): nothing until byte 32, then two strings,
 *      each a uvarint length followed by the bytes: the Go version and the
 *      module info.
 *      Go < 1.18: two pointers (pointer size each) to Go string headers
 *      { data pointer, length }: the version and the module info.
 *
 * The module info ("modinfo") is wrapped in two 16-byte sentinels and holds
 * tab-separated lines: "path\t<main package>", "mod\t<module>\t<version>\t<sum>",
 * "dep\t...", "build\t<key>=<value>".
 *
 * Some release pipelines drop the header (esbuild's FreeBSD build has no
 * .go.buildinfo); then the module info is found by its sentinels and the
 * version from runtime.buildVersion, a Go string header in the writable
 * data that points at "go1.N...".  The result says which way was used.
 *
 * Everything here works on bytes already in memory with bounded reads:
 * garbage in gives "not found", never a crash. */
#ifndef PERSONA_LOADER_GOINFO_H
#define PERSONA_LOADER_GOINFO_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum go_info_source {
    GO_SRC_NONE,
    GO_SRC_INLINE,          /* build info header, Go >= 1.18 inline strings */
    GO_SRC_POINTER,         /* build info header, Go < 1.18 string pointers */
    GO_SRC_SCAN,            /* no header: modinfo sentinels + runtime.buildVersion */
};

struct go_info {
    bool found;                 /* a Go version was found */
    enum go_info_source source;
    char version[64];           /* "go1.26.5" (may carry " X:exp" suffixes) */
    char path[256];             /* modinfo "path": the main package, "" if none */
    char mod_path[256];         /* modinfo "mod": the main module ... */
    char mod_version[128];      /* ... and its version, e.g. "(devel)" */
};

/* One file-backed piece of the image: size bytes at virtual address vaddr. */
struct go_segment {
    uint64_t vaddr;
    const uint8_t *data;
    size_t size;
    bool writable;
};

/* Name of a source for messages and JSON: "buildinfo", "buildinfo-pointers",
 * "scan", "none". */
const char *go_info_source_name(enum go_info_source s);

/* Look for the build info header at 16-byte aligned offsets of region (the
 * start of the data segment or the .go.buildinfo section, at most 64 KiB
 * are searched) and decode it; segs resolve the pointers of the old format.
 * Returns true and fills out (version, and modinfo when present) if found;
 * out is cleared either way. */
bool go_info_from_region(const uint8_t *region, size_t len,
                         const struct go_segment *segs, size_t nsegs,
                         struct go_info *out);

/* Decode one header (at least 32 bytes at hdr, len bytes available). */
bool go_info_decode_header(const uint8_t *hdr, size_t len,
                           const struct go_segment *segs, size_t nsegs,
                           struct go_info *out);

/* Fill path/mod_path/mod_version from module info text (with or without
 * the sentinels). */
void go_info_parse_modinfo(const char *mod, size_t len, struct go_info *out);

/* The fallback for binaries without the header: modinfo by its sentinels
 * anywhere in segs, the version from a string header in a writable segment.
 * Returns true if a version was found. */
bool go_info_scan(const struct go_segment *segs, size_t nsegs, struct go_info *out);

/* All of the above on an ELF64 little-endian file: .go.buildinfo section,
 * else the first writable non-executable PT_LOAD, else the scan (only for
 * binaries that look like Go: .gopclntab/.go.* sections or modinfo
 * sentinels).  Returns true if Go build info was found; false for non-Go
 * binaries and for anything unreadable. */
bool go_info_read_fd(int fd, struct go_info *out);

#endif
