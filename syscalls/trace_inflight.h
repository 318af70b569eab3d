/* Calls in flight under --trace: strace's "<unfinished ...>" and
 * "<... NAME resumed>".
 *
 * A traced call registers its head (the trace line up to its first output
 * argument) when it starts.  Its line is normally printed whole when it
 * ends; but if another line is printed first — by another thread, or by the
 * watcher for a call blocked longer than INFLIGHT_WATCH_MS — the head goes
 * out at once as "HEAD <unfinished ...>", and the owner later prints the rest
 * as "<... NAME resumed>REST = RESULT".  A reader so sees a blocked call
 * while it blocks, and every line in the order things happened.
 *
 * Lock-free: a slot moves between states by compare-and-swap, so neither a
 * signal nor a thread that dies mid-call can leave a lock held. */
#ifndef PERSONA_SYSCALLS_TRACE_INFLIGHT_H
#define PERSONA_SYSCALLS_TRACE_INFLIGHT_H
#include <stdbool.h>
#include <stddef.h>

#define INFLIGHT_WATCH_MS 200

/* Register the calling thread's call; returns its slot, or -1 when every
 * slot is taken (the call is then simply printed whole at its end). */
int inflight_begin(const char *head, size_t len);
/* The call ended.  True if its head was already printed as unfinished: the
 * caller prints the resumed form. */
bool inflight_end(int slot);
/* Print the heads of other threads' calls in flight as unfinished (before
 * the caller prints a line of its own).  self: the caller's slot or -1. */
void inflight_flush_others(int self);
/* Print this call's own head as unfinished now (execve, before the image
 * goes away). */
void inflight_flush_self(int slot);
/* In a fork child: forget the calls of the threads that did not come
 * along, keep `self` (the fork itself, or -1). */
void inflight_after_fork(int self);
/* Write a finished trace line (with its newline) where the trace goes. */
void inflight_write(const char *buf, size_t len);

#endif
