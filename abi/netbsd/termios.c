#include "abi/netbsd/termios.h"

void nbsd_termios_from_linux(struct fbsd_termios *out, const struct termios *in)
{
    fbsd_termios_from_linux(out, in);
    uint32_t hw = out->c_cflag & FBSD_CRTSCTS;
    out->c_cflag &= ~(FBSD_CRTSCTS | FBSD_CDTR_IFLOW | FBSD_CDSR_OFLOW);
    if (hw)
        out->c_cflag |= NBSD_CRTSCTS;
    out->c_cc[NBSD_CC_SPARE] = NBSD_POSIX_VDISABLE;
}

void nbsd_termios_to_linux(struct termios *out, const struct fbsd_termios *in)
{
    struct fbsd_termios t = *in;
    uint32_t hw = t.c_cflag & NBSD_CRTSCTS;
    t.c_cflag &= ~(NBSD_CRTSCTS | NBSD_CDTRCTS);   /* CDTRCTS: Linux has no DTR/CTS flow */
    if (hw)
        t.c_cflag |= FBSD_CRTSCTS;
    t.c_cc[FBSD_VERASE2] = FBSD_POSIX_VDISABLE;
    fbsd_termios_to_linux(out, &t);
}
