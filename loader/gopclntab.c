#include "loader/gopclntab.h"
#include <string.h>

static uint64_t rd(const uint8_t *p, int size)
{
    if (size == 4) {
        uint32_t v;
        memcpy(&v, p, 4);
        return v;
    }
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

int gopclntab_parse(struct gopclntab *t, const uint8_t *data, size_t size, uint64_t text_addr)
{
    memset(t, 0, sizeof *t);
    if (size < 8 + 8 * 8)
        return -1;
    uint32_t magic = (uint32_t)rd(data, 4);
    if ((magic != 0xfffffff0u && magic != 0xfffffff1u) || data[4] || data[5])
        return -1;
    int ps = data[7];
    if (ps != 8)
        return -1;          /* amd64 only */
    t->data = data;
    t->size = size;
    t->nfunc = rd(data + 8, ps);
    t->text_start = rd(data + 8 + 2 * ps, ps);
    if (t->text_start == 0)
        t->text_start = text_addr;
    t->funcname_off = rd(data + 8 + 3 * ps, ps);
    t->pcln_off = rd(data + 8 + 7 * ps, ps);
    /* nfunc + 1 entries: the last one holds the end of the text. */
    if (t->pcln_off >= size || t->funcname_off >= size ||
        t->nfunc >= (size - t->pcln_off) / 8)
        return -1;
    return 0;
}

const char *gopclntab_lookup(const struct gopclntab *t, uint64_t pc, uint64_t *offset)
{
    if (!t->data || pc < t->text_start || t->nfunc == 0)
        return NULL;
    uint64_t target = pc - t->text_start;
    const uint8_t *ftab = t->data + t->pcln_off;
    /* Last entry with entryOff <= target. */
    uint64_t lo = 0, hi = t->nfunc;
    while (hi - lo > 1) {
        uint64_t mid = (lo + hi) / 2;
        if (rd(ftab + mid * 8, 4) <= target)
            lo = mid;
        else
            hi = mid;
    }
    uint64_t entry = rd(ftab + lo * 8, 4);
    uint64_t end = rd(ftab + (lo + 1) * 8, 4);   /* the nfunc+1'th is the text end */
    if (target < entry || target >= end)
        return NULL;
    uint64_t funcoff = rd(ftab + lo * 8 + 4, 4);
    if (t->pcln_off + funcoff + 8 > t->size)
        return NULL;
    uint64_t nameoff = rd(t->data + t->pcln_off + funcoff + 4, 4);
    uint64_t at = t->funcname_off + nameoff;
    if (at >= t->size || !memchr(t->data + at, 0, t->size - at))
        return NULL;
    *offset = target - entry;
    return (const char *)t->data + at;
}
