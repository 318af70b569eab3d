/* NetBSD open flags -> Linux (abi/netbsd/fcntl.h). */
#define _GNU_SOURCE 1   /* O_DIRECT */
#include "abi/netbsd/fcntl.h"
#include <fcntl.h>
#include <string.h>

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

static short lock_type_to_linux(int t)
{
    return t == NBSD_F_RDLCK ? F_RDLCK : t == NBSD_F_WRLCK ? F_WRLCK : t == NBSD_F_UNLCK ? F_UNLCK : -1;
}

void nbsd_flock_to_linux(struct flock *out, const struct nbsd_flock *in)
{
    memset(out, 0, sizeof *out);
    out->l_type = lock_type_to_linux(in->l_type);
    out->l_whence = in->l_whence;
    out->l_start = in->l_start;
    out->l_len = in->l_len;
    out->l_pid = in->l_pid;
}

void nbsd_flock_from_linux(struct nbsd_flock *out, const struct flock *in)
{
    memset(out, 0, sizeof *out);
    out->l_start = in->l_start;
    out->l_len = in->l_len;
    out->l_pid = in->l_pid;
    out->l_type = in->l_type == F_RDLCK ? NBSD_F_RDLCK : in->l_type == F_WRLCK ? NBSD_F_WRLCK : NBSD_F_UNLCK;
    out->l_whence = in->l_whence;
}
