/*
 * NetBSD/amd64 aux vector entry types: sys/sys/exec_elf.h (AT_*), as
 * sys/kern/exec_elf.c elf_copyargs() fills them.  Pure data.
 */
#ifndef PERSONA_ABI_NETBSD_AUXV_H
#define PERSONA_ABI_NETBSD_AUXV_H

#define NBSD_AT_PHDR          3
#define NBSD_AT_PHENT         4
#define NBSD_AT_PHNUM         5
#define NBSD_AT_PAGESZ        6
#define NBSD_AT_BASE          7
#define NBSD_AT_FLAGS         8
#define NBSD_AT_ENTRY         9
#define NBSD_AT_STACKBASE    13
#define NBSD_AT_EUID       2000
#define NBSD_AT_RUID       2001
#define NBSD_AT_EGID       2002
#define NBSD_AT_RGID       2003
#define NBSD_AT_SUN_EXECNAME 2014

#endif
