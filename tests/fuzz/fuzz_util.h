/* Helpers shared by the libFuzzer targets (tests/fuzz/README).
 *
 * A target takes its inputs from the fuzz bytes with fz_take*() (running
 * out gives zeros, so every input is usable) and states the converter's
 * promises with FZ_CHECK: a broken one aborts, which libFuzzer reports as
 * a crash and saves as a reproducer, the same as a sanitizer report. */
#ifndef PERSONA_FUZZ_UTIL_H
#define PERSONA_FUZZ_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fz {
    const uint8_t *p;
    size_t n;
};

/* Copy the next len bytes into dst, zero-filling what the input lacks. */
static inline void fz_take(struct fz *f, void *dst, size_t len)
{
    size_t k = len < f->n ? len : f->n;
    memcpy(dst, f->p, k);
    memset((uint8_t *)dst + k, 0, len - k);
    f->p += k;
    f->n -= k;
}

#define FZ_TAKE_TYPE(name, type)                        \
    static inline type name(struct fz *f)               \
    {                                                   \
        type v;                                         \
        fz_take(f, &v, sizeof v);                       \
        return v;                                       \
    }
FZ_TAKE_TYPE(fz_u8, uint8_t)
FZ_TAKE_TYPE(fz_u16, uint16_t)
FZ_TAKE_TYPE(fz_u32, uint32_t)
FZ_TAKE_TYPE(fz_u64, uint64_t)
FZ_TAKE_TYPE(fz_int, int)

/* The rest of the input, as a heap copy of exactly its size, so ASan sees
 * any read past its end (libFuzzer's own buffer is exact too, but targets
 * that split the input need their own pieces). */
static inline uint8_t *fz_rest(struct fz *f, size_t *len)
{
    *len = f->n;
    uint8_t *b = malloc(f->n ? f->n : 1);
    if (!b)
        abort();
    memcpy(b, f->p, f->n);
    f->p += f->n;
    f->n = 0;
    return b;
}

#define FZ_CHECK(cond, ...)                                             \
    do {                                                                \
        if (!(cond)) {                                                  \
            fprintf(stderr, "%s:%d: broken promise: %s: ", __FILE__,     \
                    __LINE__, #cond);                                   \
            fprintf(stderr, __VA_ARGS__);                               \
            fputc('\n', stderr);                                        \
            abort();                                                    \
        }                                                               \
    } while (0)

#endif
