/* Interception backends: how a guest system call that was not rewritten
 * reaches persona.  Each one delivers the same thing to the door (a SIGSYS
 * with the guest's registers, handed to syscall_enter); handlers never know
 * which backend caught a call.
 *   sud      Syscall User Dispatch (Linux >= 5.11): every syscall outside
 *            the door region traps while the thread's selector says BLOCK.
 *   seccomp  a seccomp filter returning SECCOMP_RET_TRAP for syscalls made
 *            from the guest's executable mappings (Linux >= 3.5). */
#ifndef PERSONA_SYSCALLS_BACKEND_H
#define PERSONA_SYSCALLS_BACKEND_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include "syscalls/thread.h"

/* Where the guest's code is: the ranges a filtering backend traps. */
struct guest_code {
    struct { uint64_t start, end; } range[16];
    int n;
};

struct backend {
    const char *name;
    /* Whether this kernel offers it; if not, why. */
    bool (*available)(char *why, size_t cap);
    /* Once, before the first guest instruction, with the guest's code. */
    int (*process_start)(const struct guest_code *code, char *err, size_t cap);
    /* On every host thread before it first runs guest code (the first
     * thread after process_start). */
    void (*thread_attach)(struct persona_thread *t);
    /* In a fork child, on its only thread. */
    void (*after_fork)(struct persona_thread *t);
    /* Whether this SIGSYS is a guest call this backend caught. */
    bool (*is_entry)(const siginfo_t *info);
};

extern const struct backend sud_backend, seccomp_backend;
extern const struct backend *active_backend;

/* The backend named (NULL: the best available); NULL with a reason if it
 * cannot run here or the name is unknown. */
const struct backend *backend_choose(const char *name, char *why, size_t cap);

/* Add [start, end) to a guest_code set (ignored when full). */
void guest_code_add(struct guest_code *c, uint64_t start, uint64_t end);

#endif
