#ifndef PERSONA_PERSONALITY_NETBSD_TABLE_H
#define PERSONA_PERSONALITY_NETBSD_TABLE_H
#include "personality/personality.h"
/* One past the highest NetBSD syscall number (the kernel masks %rax with
 * 511: sys/arch/x86/x86/syscall.c). */
#define NBSD_SYSCALL_MAX 512
extern const struct syscall_entry nbsd_syscall_table[NBSD_SYSCALL_MAX];
#endif
