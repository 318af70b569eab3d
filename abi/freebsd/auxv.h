/*
 * FreeBSD ELF auxiliary vector (sys/sys/elf_common.h "Values for a_type",
 * Elf64_Auxinfo from sys/sys/elf64.h).  Go's runtime/os_freebsd.go reads
 * AT_PAGESZ (6), AT_TIMEKEEP (22), AT_HWCAP (25), AT_HWCAP2 (26) and stops
 * at AT_NULL; rtld-elf wants AT_PHDR/PHENT/PHNUM/BASE/ENTRY/EXECPATH/... .
 * NB: from 16 upwards the numbers differ from Linux's (Linux AT_HWCAP is 16,
 * AT_RANDOM 25, AT_EXECFN 31).
 */
#ifndef PERSONA_ABI_FREEBSD_AUXV_H
#define PERSONA_ABI_FREEBSD_AUXV_H

#include <stddef.h>
#include <stdint.h>

#define FBSD_AT_NULL          0   /* end of vector */
#define FBSD_AT_IGNORE        1
#define FBSD_AT_EXECFD        2
#define FBSD_AT_PHDR          3
#define FBSD_AT_PHENT         4
#define FBSD_AT_PHNUM         5
#define FBSD_AT_PAGESZ        6
#define FBSD_AT_BASE          7   /* interpreter base */
#define FBSD_AT_FLAGS         8
#define FBSD_AT_ENTRY         9
#define FBSD_AT_NOTELF        10
#define FBSD_AT_UID           11
#define FBSD_AT_EUID          12
#define FBSD_AT_GID           13
#define FBSD_AT_EGID          14
#define FBSD_AT_EXECPATH      15  /* char *: path of the executable */
#define FBSD_AT_CANARY        16  /* char *: SSP canary bytes */
#define FBSD_AT_CANARYLEN     17
#define FBSD_AT_OSRELDATE     18  /* int: kernel __FreeBSD_version */
#define FBSD_AT_NCPUS         19
#define FBSD_AT_PAGESIZES     20  /* u_long *: supported page sizes */
#define FBSD_AT_PAGESIZESLEN  21  /* bytes in that array */
#define FBSD_AT_TIMEKEEP      22  /* struct vdso_timekeep * */
#define FBSD_AT_STACKPROT     23
#define FBSD_AT_EHDRFLAGS     24  /* e_flags of the ELF header */
#define FBSD_AT_HWCAP         25
#define FBSD_AT_HWCAP2        26
#define FBSD_AT_BSDFLAGS      27  /* ELF_BSDF_* */
#define FBSD_AT_ARGC          28
#define FBSD_AT_ARGV          29
#define FBSD_AT_ENVC          30
#define FBSD_AT_ENVV          31
#define FBSD_AT_PS_STRINGS    32  /* struct ps_strings * */
#define FBSD_AT_FXRNG         33
#define FBSD_AT_KPRELOAD      34  /* vdso base preloaded by the kernel */
#define FBSD_AT_USRSTACKBASE  35  /* top of user stack */
#define FBSD_AT_USRSTACKLIM   36  /* stack grow limit */
#define FBSD_AT_COUNT         37  /* number of defined a_type values */

/* AT_BSDFLAGS bits (sys/sys/elf_common.h) */
#define FBSD_ELF_BSDF_SIGFASTBLK     0x0001
#define FBSD_ELF_BSDF_VMNOOVERCOMMIT 0x0002

/* Elf64_Auxinfo: int64_t a_type; union { long a_val; void *a_ptr;
 * void (*a_fcn)(void); } a_un; */
struct fbsd_elf64_auxinfo {
	int64_t a_type;
	uint64_t a_val;
};
_Static_assert(sizeof(struct fbsd_elf64_auxinfo) == 16, "Elf64_Auxinfo size");
_Static_assert(offsetof(struct fbsd_elf64_auxinfo, a_val) == 8, "a_un");

#endif /* PERSONA_ABI_FREEBSD_AUXV_H */
