/* poll and select, both BSDs (poll.c): the personality reads its own
 * timeout argument (milliseconds, timeval or timespec) and checks it as
 * its kernel does. */
#ifndef PERSONA_PERSONALITY_BSD_POLL_H
#define PERSONA_PERSONALITY_BSD_POLL_H
#include <stdint.h>
#include <time.h>
#include "personality/personality.h"

/* The OS's poll bits beyond the ones both BSDs share (0: none). */
struct bsd_pollbits {
    short inigneof;     /* FreeBSD POLLINIGNEOF */
    short rdhup;        /* FreeBSD POLLRDHUP */
};

/* poll on the guest's struct pollfd[nfds]; ts NULL: no timeout. */
long bsd_poll(struct sysctx *c, uint64_t ufds, unsigned nfds, const struct timespec *ts,
              const struct bsd_pollbits *pb);
/* select on the guest's fd_sets; ts NULL: no timeout. */
long bsd_select(struct sysctx *c, int nd, uint64_t in, uint64_t ou, uint64_t ex,
                const struct timespec *ts);
/* ppoll/pollts and pselect: the same, with the guest's mask replaced by
 * *mask (host numbering) while they wait; mask NULL: the mask stays. */
long bsd_ppoll(struct sysctx *c, uint64_t ufds, unsigned nfds, const struct timespec *ts,
               const uint64_t *mask, const struct bsd_pollbits *pb);
long bsd_pselect(struct sysctx *c, int nd, uint64_t in, uint64_t ou, uint64_t ex,
                 const struct timespec *ts, const uint64_t *mask);

#endif
