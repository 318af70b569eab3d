#ifndef PERSONA_PERSONALITY_FREEBSD_TABLE_H
#define PERSONA_PERSONALITY_FREEBSD_TABLE_H
#include "personality/personality.h"
/* One past the highest FreeBSD syscall number in syscalls.def. */
#define FBSD_SYSCALL_MAX 600
extern const struct syscall_entry fbsd_syscall_table[FBSD_SYSCALL_MAX];
#endif
