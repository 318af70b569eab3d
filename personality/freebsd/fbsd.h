/* Internal header of the FreeBSD personality: handler prototypes (from the
 * table) and the helpers every handler file uses. */
#ifndef PERSONA_PERSONALITY_FREEBSD_FBSD_H
#define PERSONA_PERSONALITY_FREEBSD_FBSD_H
#include <errno.h>
#include <stdint.h>
#include <sys/syscall.h>
#include "personality/personality.h"
#include "syscalls/door.h"
#include "syscalls/uaccess.h"
#include "syscalls/log.h"

#define PROTO_DONE(name)    long fbsd_sys_##name(struct sysctx *c);
#define PROTO_PARTIAL(name) long fbsd_sys_##name(struct sysctx *c);
#define PROTO_MISSING(name)
#define SYSCALL(nr, name, status, class, kinds, note) PROTO_##status(name)
#include "personality/freebsd/syscalls.def"
#undef SYSCALL

/* Handlers follow the contract in personality/personality.h; a FreeBSD
 * errno with no Linux counterpart is returned as GUEST_ERRNO(e). */

/* Typed argument access: FreeBSD passes int arguments in the low 32 bits of
 * a 64-bit register; the upper half is not guaranteed to be clean. */
#define ARG_INT(c, i)  ((int)(int32_t)(c)->a[i])
#define ARG_UINT(c, i) ((unsigned)(uint32_t)(c)->a[i])
#define ARG_LONG(c, i) ((long)(c)->a[i])
#define ARG_PTR(c, i)  ((c)->a[i])

/* FreeBSD thread ids are a separate number space above PID_MAX
 * (sys/sys/proc.h: THREAD0_TID = NO_PID + 1 = 100000+1 on FreeBSD 14). */
#define FBSD_TID_BASE 100000

/* The kernel-provided signal trampoline ("sigcode") mapped into the guest. */
extern uint64_t fbsd_sigcode_addr;

/* FreeBSD release persona reports everywhere (kern.osreldate, AT_OSRELDATE,
 * kern.osrelease): FreeBSD 14.1. */
#define FBSD_OSRELDATE 1401000
#define FBSD_OSRELEASE "14.1-RELEASE"

#endif
