/* A set of address ranges: sorted, disjoint, half-open [start, end) runs,
 * with touching runs merged.  Pure bookkeeping (no locking, no system
 * calls besides the allocator); memguard.c keeps the guest's mappings in
 * one. */
#ifndef PERSONA_SYSCALLS_RANGESET_H
#define PERSONA_SYSCALLS_RANGESET_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct range {
    uint64_t start, end;
};

struct rangeset {
    struct range *v;        /* v[0..n), ascending, v[i].end < v[i+1].start */
    size_t n, cap;
};

/* Room for `extra` more runs, so that the next add/remove calls (each
 * needs at most one) cannot fail.  False if memory is short. */
bool rangeset_reserve(struct rangeset *s, size_t extra);
/* Add [start, end); merges with what it overlaps or touches.  False only
 * if memory is short (the set is then unchanged). */
bool rangeset_add(struct rangeset *s, uint64_t start, uint64_t end);
/* Remove [start, end); may split a run in two.  False only if memory is
 * short for that split (the set is then unchanged). */
bool rangeset_remove(struct rangeset *s, uint64_t start, uint64_t end);
/* Every address of [start, end) is in the set (true for an empty range). */
bool rangeset_covers(const struct rangeset *s, uint64_t start, uint64_t end);
/* Some address of [start, end) is in the set. */
bool rangeset_overlaps(const struct rangeset *s, uint64_t start, uint64_t end);
/* The first maximal part of [from, end) that is not in the set: true with
 * it in gap_start and gap_end, false if [from, end) is covered.  Walk all
 * gaps by passing the previous gap_end as from. */
bool rangeset_next_gap(const struct rangeset *s, uint64_t from, uint64_t end,
                       uint64_t *gap_start, uint64_t *gap_end);
void rangeset_clear(struct rangeset *s);

#endif
