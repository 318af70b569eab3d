/* Linux getdents64 records -> FreeBSD getdirentries records
 * (abi/freebsd/dirent.c).  Input: a flag byte (bit 0: the FreeBSD 11
 * layout), the output capacity, then the Linux buffer.  The output must
 * be whole records of the promised lengths with NUL-terminated names and
 * zeroed padding, and the walk must never claim more than it was given. */
#include "abi/freebsd/dirent.h"
#include "tests/fuzz/fuzz_util.h"

static void check_records(const uint8_t *o, size_t len, int compat11)
{
    size_t pos = 0;
    while (pos < len) {
        size_t reclen, namlen, nameoff;
        if (compat11) {
            struct fbsd11_dirent h;
            FZ_CHECK(len - pos >= offsetof(struct fbsd11_dirent, d_name), "short header");
            memcpy(&h, o + pos, offsetof(struct fbsd11_dirent, d_name));
            reclen = h.d_reclen;
            namlen = h.d_namlen;
            nameoff = offsetof(struct fbsd11_dirent, d_name);
            FZ_CHECK(reclen == FBSD11_DIRENT_RECLEN(namlen), "11 reclen %zu for namlen %zu",
                     reclen, namlen);
        } else {
            struct fbsd_dirent h;
            FZ_CHECK(len - pos >= offsetof(struct fbsd_dirent, d_name), "short header");
            memcpy(&h, o + pos, offsetof(struct fbsd_dirent, d_name));
            reclen = h.d_reclen;
            namlen = h.d_namlen;
            nameoff = offsetof(struct fbsd_dirent, d_name);
            FZ_CHECK(reclen == FBSD_DIRENT_RECLEN(namlen), "reclen %zu for namlen %zu",
                     reclen, namlen);
            FZ_CHECK(h.d_pad0 == 0 && h.d_pad1 == 0, "header padding not zero");
        }
        FZ_CHECK(namlen <= FBSD_MAXNAMLEN, "namlen %zu", namlen);
        FZ_CHECK(reclen <= len - pos, "record runs past the output");
        FZ_CHECK(memchr(o + pos + nameoff, 0, namlen) == NULL, "NUL inside the name");
        for (size_t i = nameoff + namlen; i < reclen; i++)
            FZ_CHECK(o[pos + i] == 0, "padding byte %zu not zero", i);
        pos += reclen;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    int compat11 = fz_u8(&f) & 1;
    size_t outcap = fz_u16(&f) % 8192;
    size_t inlen;
    uint8_t *in = fz_rest(&f, &inlen);
    uint8_t *out = malloc(outcap ? outcap : 1);

    size_t consumed = ~(size_t)0;
    int64_t last_off = 0x5a5a;
    size_t n = fbsd_dirents_from_linux(out, outcap, in, inlen, compat11, &consumed, &last_off);
    FZ_CHECK(n <= outcap, "wrote %zu into %zu", n, outcap);
    FZ_CHECK(consumed <= inlen, "consumed %zu of %zu", consumed, inlen);
    FZ_CHECK(n == 0 || consumed > 0, "output without input");
    check_records(out, n, compat11);

    /* The same input again with NULL out-parameters gives the same bytes. */
    uint8_t *again = malloc(outcap ? outcap : 1);
    FZ_CHECK(fbsd_dirents_from_linux(again, outcap, in, inlen, compat11, NULL, NULL) == n &&
             memcmp(out, again, n) == 0, "not deterministic");
    free(again);
    free(out);
    free(in);
    return 0;
}
