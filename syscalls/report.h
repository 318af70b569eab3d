/* The "learning mode" record: every unimplemented system call, unknown
 * ioctl request, unknown sysctl name and unsupported flag combination a
 * guest hits, with counts and the guest's backtrace at the first hit.
 * One debug line per distinct item (--debug), a JSON file at exit
 * (--report-missing=FILE). */
#ifndef PERSONA_SYSCALLS_REPORT_H
#define PERSONA_SYSCALLS_REPORT_H
#include <stdbool.h>
#include <stdint.h>
#include "syscalls/guest_regs.h"

enum report_kind { REPORT_SYSCALL, REPORT_IOCTL, REPORT_SYSCTL, REPORT_FLAGS, REPORT_OTHER };

/* `what` names the item ("wait4", "0x402c7413", "kern.foo", "mmap MAP_X"),
 * `detail` says what the guest was told ("ENOSYS"). `regs` (the guest's registers at the call, for its backtrace) may be NULL. */
void report_unimplemented(enum report_kind kind, const char *what, long number,
                          const char *detail, const struct guest_regs *regs);

/* Where to write the JSON report at exit (NULL: none) and which program
 * is running (for symbolising guest addresses). */
void report_configure(const char *json_path, const char *program_path);
/* In a persona started for a guest's execve: go on recording into the
 * run's record, handed down as descriptor fd (--report-fd).  False if fd
 * is not one. */
bool report_attach(int fd, const char *program_path);
/* The record's descriptor, to hand down across exec (-1: none). */
int report_fd(void);
/* Write the JSON report (the whole run's, children's items included) once
 * per process; called on every way out of the process. */
void report_write(void);

#endif
