/* The guest's descriptor table, as far as persona keeps anything per
 * descriptor: a byte of marks per number, one bit per client (kqueue, the
 * SO_NOSIGPIPE option; later the PID view and the sandbox), and a hook per
 * client, run when a marked descriptor is closed or replaced.
 *
 * The calls that close or replace guest descriptors (close, dup2 onto an
 * open number, F_DUP2FD, closefrom, close_range) call fdt_closing() first.
 * It takes no lock: one atomic load per number in the range, up to the
 * highest number ever marked, so closing descriptors no client marked costs
 * nearly nothing; only a client's own hook takes that client's locks.
 *
 * Numbers are the guest's, below fd_reserved_base() (syscalls/fdreserve.h);
 * others are never marked. */
#ifndef PERSONA_SYSCALLS_FDTABLE_H
#define PERSONA_SYSCALLS_FDTABLE_H
#include <stdbool.h>

enum fdt_client {
    FDT_KQUEUE,       /* a kqueue, or a descriptor with knotes in one */
    FDT_NOSIGPIPE,    /* a socket with SO_NOSIGPIPE */
    FDT_NCLIENTS
};

/* Called with the range [lo, hi] of the client's marked descriptors that
 * are about to be closed or replaced (their marks already cleared). */
typedef void (*fdt_hook)(int lo, int hi);

/* Set a client's hook (once, before its first mark). */
void fdt_set_hook(enum fdt_client who, fdt_hook hook);

/* Mark fd for a client; false if it cannot be (not a guest number, no
 * memory) -- then the client gets no hook call for it. */
bool fdt_mark(int fd, enum fdt_client who);

bool fdt_marked(int fd, enum fdt_client who);

/* Descriptors lo..hi (inclusive) are about to be closed or replaced: run
 * the hooks of the clients that marked any of them, and clear the marks. */
void fdt_closing(int lo, int hi);

#endif
