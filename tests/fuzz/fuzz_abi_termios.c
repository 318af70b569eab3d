/* termios both ways (abi/freebsd/termios.c).  One conversion normalises;
 * after it the round trip must be the identity (Linux -> FreeBSD -> Linux
 * and FreeBSD -> Linux -> FreeBSD), and speeds map onto known codes. */
#include "abi/freebsd/termios.h"
#include "tests/fuzz/fuzz_util.h"
#include <termios.h>

static bool same_linux(const struct termios *a, const struct termios *b)
{
    return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag && a->c_cflag == b->c_cflag &&
           a->c_lflag == b->c_lflag && memcmp(a->c_cc, b->c_cc, sizeof a->c_cc) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    struct fbsd_termios ft, ft2, ft3;
    struct termios lt, lt2, lt3;
    fz_take(&f, &ft, sizeof ft);
    fz_take(&f, &lt, sizeof lt);

    fbsd_termios_to_linux(&lt2, &ft);
    fbsd_termios_from_linux(&ft2, &lt2);
    fbsd_termios_to_linux(&lt3, &ft2);
    FZ_CHECK(same_linux(&lt2, &lt3), "FreeBSD -> Linux not stable");
    fbsd_termios_from_linux(&ft3, &lt3);
    FZ_CHECK(memcmp(&ft2, &ft3, sizeof ft2) == 0, "FreeBSD -> Linux -> FreeBSD not stable");

    fbsd_termios_from_linux(&ft2, &lt);
    fbsd_termios_to_linux(&lt2, &ft2);
    fbsd_termios_from_linux(&ft3, &lt2);
    FZ_CHECK(memcmp(&ft2, &ft3, sizeof ft2) == 0,
             "Linux -> FreeBSD -> Linux -> FreeBSD: cflag %#x/%#x ispeed %u/%u ospeed %u/%u "
             "(Linux c_cflag %#x)", ft2.c_cflag, ft3.c_cflag, ft2.c_ispeed, ft3.c_ispeed,
             ft2.c_ospeed, ft3.c_ospeed, lt.c_cflag);

    uint32_t baud = fz_u32(&f);
    unsigned code = fbsd_speed_to_linux_code(baud);
    FZ_CHECK(fbsd_speed_from_linux_code(code) <= baud, "baud %u rounded up", baud);
    FZ_CHECK(fbsd_speed_to_linux_code(fbsd_speed_from_linux_code(code)) == code,
             "speed code %u", code);
    return 0;
}
