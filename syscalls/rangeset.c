#include "syscalls/rangeset.h"
#include <stdlib.h>
#include <string.h>

/* Index of the first run with end > addr (n if none). */
static size_t first_ending_after(const struct rangeset *s, uint64_t addr)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->v[mid].end > addr)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

bool rangeset_reserve(struct rangeset *s, size_t extra)
{
    if (s->n + extra <= s->cap)
        return true;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < s->n + extra)
        cap *= 2;
    struct range *v = realloc(s->v, cap * sizeof *v);
    if (!v)
        return false;
    s->v = v;
    s->cap = cap;
    return true;
}

bool rangeset_add(struct rangeset *s, uint64_t start, uint64_t end)
{
    if (start >= end)
        return true;
    /* Runs i..j-1 overlap or touch [start, end]. */
    size_t i = start ? first_ending_after(s, start - 1) : 0;
    size_t j = i;
    while (j < s->n && s->v[j].start <= end)
        j++;
    if (i == j) {
        if (!rangeset_reserve(s, 1))
            return false;
        memmove(&s->v[i + 1], &s->v[i], (s->n - i) * sizeof s->v[0]);
        s->v[i] = (struct range){ start, end };
        s->n++;
        return true;
    }
    if (s->v[i].start < start)
        start = s->v[i].start;
    if (s->v[j - 1].end > end)
        end = s->v[j - 1].end;
    s->v[i] = (struct range){ start, end };
    memmove(&s->v[i + 1], &s->v[j], (s->n - j) * sizeof s->v[0]);
    s->n -= j - i - 1;
    return true;
}

bool rangeset_remove(struct rangeset *s, uint64_t start, uint64_t end)
{
    if (start >= end)
        return true;
    size_t i = first_ending_after(s, start);
    if (i == s->n || s->v[i].start >= end)
        return true;
    if (s->v[i].start < start && s->v[i].end > end) {
        /* Strictly inside one run: split it. */
        if (!rangeset_reserve(s, 1))
            return false;
        memmove(&s->v[i + 1], &s->v[i], (s->n - i) * sizeof s->v[0]);
        s->n++;
        s->v[i].end = start;
        s->v[i + 1].start = end;
        return true;
    }
    if (s->v[i].start < start) {
        s->v[i].end = start;    /* keep its head */
        i++;
    }
    size_t j = i;
    while (j < s->n && s->v[j].end <= end)
        j++;                    /* runs entirely inside go */
    if (j < s->n && s->v[j].start < end)
        s->v[j].start = end;    /* keep the tail of the last one */
    memmove(&s->v[i], &s->v[j], (s->n - j) * sizeof s->v[0]);
    s->n -= j - i;
    return true;
}

bool rangeset_covers(const struct rangeset *s, uint64_t start, uint64_t end)
{
    if (start >= end)
        return true;
    size_t i = first_ending_after(s, start);
    return i < s->n && s->v[i].start <= start && s->v[i].end >= end;
}

bool rangeset_overlaps(const struct rangeset *s, uint64_t start, uint64_t end)
{
    if (start >= end)
        return false;
    size_t i = first_ending_after(s, start);
    return i < s->n && s->v[i].start < end;
}

bool rangeset_next_gap(const struct rangeset *s, uint64_t from, uint64_t end,
                       uint64_t *gap_start, uint64_t *gap_end)
{
    if (from >= end)
        return false;
    size_t i = first_ending_after(s, from);
    if (i < s->n && s->v[i].start <= from) {
        from = s->v[i].end;     /* skip the run we are inside */
        i++;
        if (from >= end)
            return false;
    }
    *gap_start = from;
    *gap_end = i < s->n && s->v[i].start < end ? s->v[i].start : end;
    return true;
}

void rangeset_clear(struct rangeset *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
