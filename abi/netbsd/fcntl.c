/* NetBSD open flags -> Linux (abi/netbsd/fcntl.h). */
#include "abi/netbsd/fcntl.h"
#define _GNU_SOURCE 1   /* O_DIRECT */
#include <fcntl.h>

static const struct { int nbsd, lnx; } open_bits[] = {
    { NBSD_O_NONBLOCK, O_NONBLOCK }, { NBSD_O_APPEND, O_APPEND }, { NBSD_O_ASYNC, O_ASYNC },
    { NBSD_O_SYNC, O_SYNC }, { NBSD_O_NOFOLLOW, O_NOFOLLOW }, { NBSD_O_CREAT, O_CREAT },
    { NBSD_O_TRUNC, O_TRUNC }, { NBSD_O_EXCL, O_EXCL }, { NBSD_O_NOCTTY, O_NOCTTY },
    { NBSD_O_DSYNC, O_DSYNC }, { NBSD_O_DIRECT, O_DIRECT }, { NBSD_O_DIRECTORY, O_DIRECTORY },
    { NBSD_O_CLOEXEC, O_CLOEXEC },
};

int nbsd_open_flags_to_linux(int nflags, int *unknown)
{
    int l = nflags & NBSD_O_ACCMODE;     /* the same three values */
    int rest = nflags & ~NBSD_O_ACCMODE;
    for (unsigned i = 0; i < sizeof open_bits / sizeof open_bits[0]; i++)
        if (rest & open_bits[i].nbsd) {
            l |= open_bits[i].lnx;
            rest &= ~open_bits[i].nbsd;
        }
    *unknown = rest;
    return l;
}
