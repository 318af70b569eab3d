/* File descriptors persona keeps for itself (the trace output, kqueue's
 * eventfds and timerfds) live at or above PERSONA_FD_RESERVED_BASE, out of
 * the range programs normally reach.  Guest calls that close or replace
 * descriptors in bulk leave this range alone. */
#ifndef PERSONA_SYSCALLS_FDRESERVE_H
#define PERSONA_SYSCALLS_FDRESERVE_H
#define PERSONA_FD_RESERVED_BASE 900
static inline int fd_is_reserved(long fd) { return fd >= PERSONA_FD_RESERVED_BASE; }
/* Move one of persona's own descriptors into the reserved range
 * (close-on-exec); returns the new number, or fd itself if it cannot. */
int fd_hide(int fd);
#endif
