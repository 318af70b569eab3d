/* Virtualized signals, host side: guest dispositions, per-thread masks and
 * pending sets, and routing of every host signal to the guest.  All sets
 * here use host (Linux) numbering: bit (sig-1).  The personality converts
 * its own numbers at the syscall boundary and builds the frames. */
#ifndef PERSONA_SYSCALLS_SIGNALS_H
#define PERSONA_SYSCALLS_SIGNALS_H
#include <stdbool.h>
#include <stdint.h>
#include <signal.h>
#include <time.h>
#include <ucontext.h>
#include "personality/personality.h"
#include "syscalls/guest_regs.h"

#define SIGBIT(s) (1ULL << ((s) - 1))
#define HOST_NSIG 64

extern struct guest_sigaction guest_actions[HOST_NSIG + 1];

/* Install the door for SIGSYS and the synchronous fault signals. */
void signals_init(void);
/* Change a guest disposition (host numbering); updates the host's. */
int signals_set_action(int sig, const struct guest_sigaction *act,
                       struct guest_sigaction *old);
/* SIG_BLOCK/SIG_UNBLOCK/SIG_SETMASK on the guest's mask. */
void signals_change_mask(struct persona_thread *t, int how, uint64_t set);
/* Any host signal reaching the door other than a trapped syscall. */
int signals_on_host_signal(struct persona_thread *t, int sig, siginfo_t *info,
                           ucontext_t *uc, bool from_guest);
/* At the exit door: deliver one pending, unmasked signal to the guest. */
void signals_deliver_pending(struct persona_thread *t, struct guest_regs *regs);
/* Calls that wait with a mask of their own (sigsuspend, pselect, ppoll):
 * _begin puts `mask` in place of the guest's; _end(interrupted = false)
 * puts the old one back at once, _end(true) leaves that to the exit door:
 * the signal delivered there gets a frame that saves the old mask, so the
 * handler runs with the call's mask and its return restores the old one
 * (FreeBSD kern_sig.c: td_oldsigmask, TDP_OLDMASK; Linux: saved_sigmask). */
void signals_call_mask_begin(struct persona_thread *t, uint64_t mask);
void signals_call_mask_end(struct persona_thread *t, bool interrupted);
/* The mask a signal frame records as the one to restore. */
uint64_t signals_frame_mask(const struct persona_thread *t);
/* sigsuspend(2): wait with `mask` until a signal it lets through is
 * delivered; always -EINTR (never restarted: the caller sets no_restart). */
long signals_suspend(struct persona_thread *t, uint64_t mask);
/* sigtimedwait(2) and its kin: take a signal of `set` (host numbering)
 * that is pending for this thread, waiting for one when none is, with
 * `set` unblocked meanwhile so that one sent to the process comes here
 * (FreeBSD kern_sigtimedwait).  Returns the host signal number with its
 * siginfo in *info, -EAGAIN when *timeout (NULL: none) passes, -EINVAL
 * for a bad timeout with nothing pending, -EINTR when a signal outside
 * `set` is let in (then *timeout holds the time left).  The guest's mask
 * is back as it was on return. */
int signals_wait(struct persona_thread *t, uint64_t set, struct timespec *timeout, siginfo_t *info);
/* kqueue's EVFILT_SIGNAL: while a signal is watched (calls nest), each of
 * its arrivals is counted, whatever the guest's disposition and mask (an
 * ignored one is caught for it, as FreeBSD's filter records every attempt
 * to deliver), and signals_arrival_fd(), an eventfd, gets a write.
 * -EINVAL for a signal that cannot be caught. */
int signals_watch(int sig, bool on);
uint64_t signals_arrivals(int sig);
int signals_arrival_fd(void);
/* Whether an EINTR from a host call should restart the guest's call. */
bool signals_should_restart(struct persona_thread *t);
/* Queue a signal for a thread of this process (thr_kill to self etc.). */
void signals_recompute_interrupt(struct persona_thread *t);
/* Block everything; used around thread start-up. */
void signals_block_all(uint64_t *old);
void signals_unblock_all(void);

#endif
