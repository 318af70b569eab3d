/* Reading the Go build information of a binary (see goinfo.h).
 * Layout: Go's src/debug/buildinfo/buildinfo.go and cmd/link's buildinfo();
 * the modinfo sentinels: cmd/go/internal/modload/build.go (infoStart, infoEnd). */
#include "loader/goinfo.h"
#include <elf.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const uint8_t magic[14] = "\xff Go buildinf:";
static const uint8_t info_start[16] = {
    0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02,
    0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6,
};
static const uint8_t info_end[16] = {
    0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72,
    0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2,
};

#define HDR_SIZE 32
#define HDR_ALIGN 16
#define SEARCH_LIMIT (64 * 1024)      /* what debug/buildinfo reads too */
#define MODINFO_LIMIT (4u << 20)      /* longest module info believed */
#define MAX_SEGS 64

const char *go_info_source_name(enum go_info_source s)
{
    switch (s) {
    case GO_SRC_INLINE:  return "buildinfo";
    case GO_SRC_POINTER: return "buildinfo-pointers";
    case GO_SRC_SCAN:    return "scan";
    default:             return "none";
    }
}

/* Copy at most cap-1 bytes, NUL-terminated; bytes that are not printable
 * ASCII become '?', so the result is safe for a terminal and for JSON. */
static void copy_clean(char *dst, size_t cap, const void *src, size_t len)
{
    const uint8_t *s = src;
    if (cap == 0)
        return;
    if (len > cap - 1)
        len = cap - 1;
    for (size_t i = 0; i < len; i++)
        dst[i] = s[i] >= 0x20 && s[i] < 0x7f ? (char)s[i] : '?';
    dst[len] = 0;
}

/* Bytes at [addr, addr+n) if one segment's file data holds them all. */
static const uint8_t *resolve(const struct go_segment *segs, size_t nsegs,
                              uint64_t addr, uint64_t n)
{
    for (size_t i = 0; i < nsegs; i++) {
        const struct go_segment *s = &segs[i];
        if (!s->data || addr < s->vaddr)
            continue;
        uint64_t off = addr - s->vaddr;
        if (off <= s->size && n <= s->size - off)
            return s->data + off;
    }
    return NULL;
}

static uint64_t read_ptr(const uint8_t *p, unsigned size, bool big_endian)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint64_t)p[big_endian ? size - 1 - i : i] << (8 * i);
    return v;
}

/* A uvarint-length-prefixed string at buf[*off], within len. */
static bool varint_string(const uint8_t *buf, size_t len, size_t *off,
                          const uint8_t **s, size_t *slen)
{
    uint64_t v = 0;
    size_t p = *off;
    for (unsigned shift = 0;; shift += 7) {
        if (p >= len || shift > 63)
            return false;
        uint8_t b = buf[p++];
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    if (v > len - p)
        return false;
    *s = buf + p;
    *slen = (size_t)v;
    *off = p + (size_t)v;
    return true;
}

/* A Go string header { data, len } at addr (old format). */
static bool pointer_string(const struct go_segment *segs, size_t nsegs, uint64_t addr,
                           unsigned psz, bool be, const uint8_t **s, size_t *slen)
{
    const uint8_t *hdr = resolve(segs, nsegs, addr, 2 * psz);
    if (!hdr)
        return false;
    uint64_t data = read_ptr(hdr, psz, be), n = read_ptr(hdr + psz, psz, be);
    if (n > MODINFO_LIMIT)
        return false;
    const uint8_t *p = n ? resolve(segs, nsegs, data, n) : hdr;
    if (!p)
        return false;
    *s = p;
    *slen = (size_t)n;
    return true;
}

static bool line_is(const char *l, size_t n, const char *key)
{
    size_t k = strlen(key);
    return n > k && memcmp(l, key, k) == 0 && l[k] == '\t';
}

void go_info_parse_modinfo(const char *mod, size_t len, struct go_info *out)
{
    /* With its sentinels (as stored): strip them, as debug/buildinfo does. */
    if (len >= 33 && memcmp(mod, info_start, 16) == 0 && mod[len - 17] == '\n')
        mod += 16, len -= 32;
    bool have_path = false, have_mod = false;
    while (len > 0) {
        const char *nl = memchr(mod, '\n', len);
        size_t n = nl ? (size_t)(nl - mod) : len;
        if (!have_path && line_is(mod, n, "path")) {
            copy_clean(out->path, sizeof out->path, mod + 5, n - 5);
            have_path = true;
        } else if (!have_mod && line_is(mod, n, "mod")) {
            const char *f = mod + 4, *end = mod + n;
            const char *tab = memchr(f, '\t', (size_t)(end - f));
            copy_clean(out->mod_path, sizeof out->mod_path, f, (size_t)((tab ? tab : end) - f));
            if (tab) {
                const char *v = tab + 1;
                const char *tab2 = memchr(v, '\t', (size_t)(end - v));
                copy_clean(out->mod_version, sizeof out->mod_version, v,
                           (size_t)((tab2 ? tab2 : end) - v));
            }
            have_mod = true;
        }
        if (!nl)
            break;
        len -= n + 1;
        mod += n + 1;
    }
}

bool go_info_decode_header(const uint8_t *hdr, size_t len,
                           const struct go_segment *segs, size_t nsegs,
                           struct go_info *out)
{
    if (!hdr || len < HDR_SIZE || memcmp(hdr, magic, sizeof magic) != 0)
        return false;
    unsigned psz = hdr[14];
    uint8_t flags = hdr[15];
    const uint8_t *vers = NULL, *mod = NULL;
    size_t vlen = 0, mlen = 0;
    enum go_info_source src;
    if (flags & 2) {
        size_t off = HDR_SIZE;
        if (!varint_string(hdr, len, &off, &vers, &vlen))
            return false;
        if (!varint_string(hdr, len, &off, &mod, &mlen))
            mod = NULL, mlen = 0;
        src = GO_SRC_INLINE;
    } else {
        if (psz != 4 && psz != 8)
            return false;
        bool be = flags & 1;
        uint64_t va = read_ptr(hdr + 16, psz, be), ma = read_ptr(hdr + 16 + psz, psz, be);
        if (!pointer_string(segs, nsegs, va, psz, be, &vers, &vlen))
            return false;
        if (!pointer_string(segs, nsegs, ma, psz, be, &mod, &mlen))
            mod = NULL, mlen = 0;
        src = GO_SRC_POINTER;
    }
    if (vlen == 0)
        return false;
    memset(out, 0, sizeof *out);
    out->found = true;
    out->source = src;
    copy_clean(out->version, sizeof out->version, vers, vlen);
    /* Like debug/buildinfo: module info counts only inside its sentinels. */
    if (mod && mlen >= 33 && mod[mlen - 17] == '\n')
        go_info_parse_modinfo((const char *)mod + 16, mlen - 32, out);
    return true;
}

bool go_info_from_region(const uint8_t *region, size_t len,
                         const struct go_segment *segs, size_t nsegs,
                         struct go_info *out)
{
    /* Cleared first, as go_info_scan does: "not found" leaves found false. */
    memset(out, 0, sizeof *out);
    if (!region)
        return false;
    for (size_t off = 0; off < SEARCH_LIMIT && len >= HDR_SIZE && off <= len - HDR_SIZE;
         off += HDR_ALIGN)
        if (memcmp(region + off, magic, sizeof magic) == 0 &&
            go_info_decode_header(region + off, len - off, segs, nsegs, out))
            return true;
    return false;
}

/* "go1.<digit>..." made of characters a Go version string uses. */
static bool looks_like_version(const uint8_t *s, size_t n)
{
    if (n < 5 || memcmp(s, "go1.", 4) != 0 || s[4] < '0' || s[4] > '9')
        return false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '.' || c == '-' || c == '+' || c == '_' || c == ' ' || c == ':' ||
              c == ',' || c == '='))
            return false;
    }
    return true;
}

static bool find_modinfo(const struct go_segment *segs, size_t nsegs, struct go_info *out)
{
    for (size_t i = 0; i < nsegs; i++) {
        const uint8_t *d = segs[i].data;
        size_t size = segs[i].size;
        if (!d)
            continue;
        const uint8_t *p = d;
        while ((p = memmem(p, size - (size_t)(p - d), info_start, 16)) != NULL) {
            const uint8_t *body = p + 16;
            size_t rest = size - (size_t)(body - d);
            if (rest > MODINFO_LIMIT)
                rest = MODINFO_LIMIT;
            const uint8_t *e = memmem(body, rest, info_end, 16);
            if (e && e > body && e[-1] == '\n') {
                bool text = true;
                for (const uint8_t *c = body; c < e && text; c++)
                    text = *c >= 0x20 || *c == '\t' || *c == '\n';
                if (text) {
                    go_info_parse_modinfo((const char *)body, (size_t)(e - body), out);
                    return true;
                }
            }
            p += 1;
        }
    }
    return false;
}

bool go_info_scan(const struct go_segment *segs, size_t nsegs, struct go_info *out)
{
    memset(out, 0, sizeof *out);
    bool mod = find_modinfo(segs, nsegs, out);
    bool vers = false;
    /* runtime.buildVersion: an 8-byte aligned { ptr, len } in writable data. */
    for (size_t i = 0; i < nsegs && !vers; i++) {
        const struct go_segment *s = &segs[i];
        if (!s->writable || !s->data || s->size < 16)
            continue;
        size_t off = (size_t)((8 - (s->vaddr & 7)) & 7);
        for (; off <= s->size - 16; off += 8) {
            uint64_t n = read_ptr(s->data + off + 8, 8, false);
            if (n < 5 || n >= sizeof out->version)
                continue;
            const uint8_t *str = resolve(segs, nsegs, read_ptr(s->data + off, 8, false), n);
            if (str && looks_like_version(str, (size_t)n)) {
                copy_clean(out->version, sizeof out->version, str, (size_t)n);
                vers = true;
                break;
            }
        }
    }
    if (!mod && !vers)
        return false;
    out->found = true;
    out->source = GO_SRC_SCAN;
    return true;
}

/* --- ELF file ------------------------------------------------------------- */

/* n entries of size ent at off lie within a file of fsize bytes. */
static bool table_fits(uint64_t off, uint64_t n, uint64_t ent, uint64_t fsize)
{
    if (off > fsize || (ent && n > (fsize - off) / ent))
        return false;
    return true;
}

bool go_info_read_fd(int fd, struct go_info *out)
{
    memset(out, 0, sizeof *out);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(Elf64_Ehdr))
        return false;
    uint64_t fsize = (uint64_t)st.st_size;
    const uint8_t *f = mmap(NULL, fsize, PROT_READ, MAP_PRIVATE, fd, 0);
    if (f == MAP_FAILED)
        return false;
    bool ok = false;
    Elf64_Ehdr eh;
    memcpy(&eh, f, sizeof eh);
    if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
        eh.e_ident[EI_DATA] != ELFDATA2LSB)
        goto out;

    /* Program headers -> file-backed segments. */
    struct go_segment segs[MAX_SEGS];
    size_t nsegs = 0;
    if (eh.e_phentsize < sizeof(Elf64_Phdr) ||
        !table_fits(eh.e_phoff, eh.e_phnum, eh.e_phentsize, fsize))
        goto out;
    for (unsigned i = 0; i < eh.e_phnum && nsegs < MAX_SEGS; i++) {
        Elf64_Phdr ph;
        memcpy(&ph, f + eh.e_phoff + (uint64_t)i * eh.e_phentsize, sizeof ph);
        if (ph.p_type != PT_LOAD || ph.p_filesz == 0 || ph.p_offset >= fsize)
            continue;
        uint64_t n = ph.p_filesz < fsize - ph.p_offset ? ph.p_filesz : fsize - ph.p_offset;
        segs[nsegs++] = (struct go_segment){
            .vaddr = ph.p_vaddr, .data = f + ph.p_offset, .size = (size_t)n,
            .writable = (ph.p_flags & (PF_W | PF_X)) == PF_W,
        };
    }

    /* Section headers (optional): .go.buildinfo, and Go-looking names. */
    bool have_bi = false, looks_go = false;
    uint64_t bi_addr = 0;
    if (eh.e_shoff && eh.e_shnum && eh.e_shentsize >= sizeof(Elf64_Shdr) &&
        eh.e_shstrndx < eh.e_shnum && table_fits(eh.e_shoff, eh.e_shnum, eh.e_shentsize, fsize)) {
        Elf64_Shdr strs;
        memcpy(&strs, f + eh.e_shoff + (uint64_t)eh.e_shstrndx * eh.e_shentsize, sizeof strs);
        if (strs.sh_type != SHT_NOBITS && table_fits(strs.sh_offset, strs.sh_size, 1, fsize)) {
            const char *names = (const char *)f + strs.sh_offset;
            for (unsigned i = 0; i < eh.e_shnum; i++) {
                Elf64_Shdr sh;
                memcpy(&sh, f + eh.e_shoff + (uint64_t)i * eh.e_shentsize, sizeof sh);
                if (sh.sh_name >= strs.sh_size)
                    continue;
                const char *name = names + sh.sh_name;
                size_t max = (size_t)(strs.sh_size - sh.sh_name);
                size_t nlen = strnlen(name, max);
                if (nlen == max)
                    continue;
                if (strcmp(name, ".go.buildinfo") == 0) {
                    have_bi = true;
                    bi_addr = sh.sh_addr;
                }
                if (strncmp(name, ".go", 3) == 0)      /* .gopclntab, .go.buildinfo, ... */
                    looks_go = true;
            }
        }
    }

    /* Where debug/buildinfo looks: .go.buildinfo, else the data segment. */
    const struct go_segment *data_seg = NULL;
    for (size_t i = 0; i < nsegs && !have_bi; i++)
        if (segs[i].writable) {
            data_seg = &segs[i];
            break;
        }
    uint64_t start = have_bi ? bi_addr : data_seg ? data_seg->vaddr : 0;
    for (size_t i = 0; i < nsegs && (have_bi || data_seg); i++) {
        const struct go_segment *s = &segs[i];
        if (start >= s->vaddr && start - s->vaddr < s->size) {
            uint64_t off = start - s->vaddr;
            if (go_info_from_region(s->data + off, s->size - (size_t)off, segs, nsegs, out)) {
                ok = true;
                goto out;
            }
            break;
        }
    }

    /* No header: only for binaries that look like Go. */
    if (!looks_go) {
        for (size_t i = 0; i < nsegs && !looks_go; i++)
            looks_go = memmem(segs[i].data, segs[i].size, info_start, 16) != NULL;
    }
    if (looks_go)
        ok = go_info_scan(segs, nsegs, out);
out:
    munmap((void *)f, fsize);
    if (!ok)
        memset(out, 0, sizeof *out);
    return ok;
}
