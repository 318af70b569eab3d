/* Processes: fork and exec on behalf of a guest, personality-neutral. */
#ifndef PERSONA_SYSCALLS_PROCESS_H
#define PERSONA_SYSCALLS_PROCESS_H
#include <stdint.h>
#include "syscalls/thread.h"

/* Remember how persona was started, so a guest's exec of a foreign binary
 * can start persona again with the same run options; `trace_fd` and
 * `report_fd` (or -1) are descriptors of persona's that such a new persona
 * inherits (the trace output, the --report-missing record). */
void process_set_self(const char *persona_path, char *const *run_options, int trace_fd,
                      int report_fd);

/* fork(2) from a guest thread.  Like fork: the child's pid in the parent,
 * 0 in the child, or -errno.  In the child only the calling thread exists;
 * persona's state is made to say so and dispatch is turned on again. */
long process_fork(struct persona_thread *t);

/* execve(2) for the guest: a binary of a personality persona runs is started
 * under persona again (argv[0] preserved); anything else (a native Linux
 * binary, a #! script) goes to the kernel as is.  The new program starts
 * with the guest's signal mask.  Returns -errno; on success never returns. */
long process_exec(const char *path, char *const argv[], char *const envp[],
                  uint64_t guest_sigmask);

/* End the whole process with `status` on the guest's behalf, after the
 * exit hooks (--stats, --report-missing).  Not a guarded host call: a guest
 * signal pending by then must not turn the exit into an EINTR. */
_Noreturn void process_exit(int status);

/* PTRACE_TRACEME for the next exec of a native program (see ptrace). */
void process_trace_me_at_exec(void);

#endif
