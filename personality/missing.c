/* The one path for unimplemented system calls (FreeBSD's nosys()): ENOSYS,
 * recorded for --debug and --report-missing. */
#include "personality/personality.h"
#include "syscalls/report.h"
#include <errno.h>

long sys_missing(struct sysctx *c, const char *name)
{
    report_unimplemented(REPORT_SYSCALL, name, c->nr, "ENOSYS", c->regs);
    return -ENOSYS;
}
