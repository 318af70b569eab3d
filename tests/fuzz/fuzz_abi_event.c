/* FreeBSD 11 <-> 12 struct kevent (abi/freebsd/event.c): 11 -> 12 -> 11 is
 * the identity, 12 -> 11 -> 12 keeps every field but ext[], which is 0. */
#include "abi/freebsd/event.h"
#include "tests/fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    struct fbsd11_kevent k11, k11b;
    struct fbsd_kevent k12, k12b;

    fz_take(&f, &k11, sizeof k11);
    fbsd_kevent_from11(&k12, &k11);
    for (int i = 0; i < 4; i++)
        FZ_CHECK(k12.ext[i] == 0, "ext[%d] not zero", i);
    fbsd_kevent_to11(&k11b, &k12);
    FZ_CHECK(memcmp(&k11, &k11b, sizeof k11) == 0, "11 -> 12 -> 11 changed it");

    fz_take(&f, &k12, sizeof k12);
    fbsd_kevent_to11(&k11, &k12);
    fbsd_kevent_from11(&k12b, &k11);
    memset(k12.ext, 0, sizeof k12.ext);
    FZ_CHECK(memcmp(&k12, &k12b, sizeof k12) == 0, "12 -> 11 -> 12 changed more than ext");
    return 0;
}
