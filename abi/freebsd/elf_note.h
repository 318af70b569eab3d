/*
 * How FreeBSD (and NetBSD, Go, GNU) brand ELF files, plus struct ps_strings.
 *
 * Sources: sys/sys/elf_common.h (ELFOSABI_*, ELF_NOTE_* names, NT_FREEBSD_*,
 * NT_FREEBSD_FCTL_*, NT_GNU_*), sys/sys/exec.h (struct ps_strings);
 * Go 1.19 cmd/link/internal/ld/elf.go (Go's own notes, its NetBSD ident note
 * and the OS/ABI byte it writes), cmd/link/internal/amd64/obj.go (FreeBSD
 * interpreter path), debug/elf (ELFOSABI values).
 */
#ifndef PERSONA_ABI_FREEBSD_ELF_NOTE_H
#define PERSONA_ABI_FREEBSD_ELF_NOTE_H

#include <stddef.h>
#include <stdint.h>

/* e_ident[EI_OSABI] */
#define FBSD_ELFOSABI_NONE     0   /* SysV; NetBSD's own toolchain and
                                    * Linux binaries use this */
#define FBSD_ELFOSABI_NETBSD   2   /* Go's linker writes it for GOOS=netbsd */
#define FBSD_ELFOSABI_FREEBSD  9

/* Note names (n_name, NUL-terminated, padded to 4) and types */
#define FBSD_ELF_NOTE_FREEBSD  "FreeBSD"      /* namesz 8 */
#define FBSD_ELF_NOTE_NETBSD   "NetBSD"       /* namesz 7 */
#define FBSD_ELF_NOTE_GNU      "GNU"          /* namesz 4 */
#define FBSD_ELF_NOTE_GO       "Go"           /* Go writes namesz 4: "Go\0\0" */

/* FreeBSD executable notes (section .note.tag) */
#define FBSD_NT_FREEBSD_ABI_TAG     1   /* desc: u32 __FreeBSD_version */
#define FBSD_NT_FREEBSD_NOINIT_TAG  2   /* crt1 has no .init call */
#define FBSD_NT_FREEBSD_ARCH_TAG    3   /* desc: MACHINE_ARCH string */
#define FBSD_NT_FREEBSD_FEATURE_CTL 4   /* desc: u32 NT_FREEBSD_FCTL_* */

/* NT_FREEBSD_FEATURE_CTL bits (0x20 was ASG_DISABLE, retired) */
#define FBSD_NT_FREEBSD_FCTL_ASLR_DISABLE    0x00000001
#define FBSD_NT_FREEBSD_FCTL_PROTMAX_DISABLE 0x00000002
#define FBSD_NT_FREEBSD_FCTL_STKGAP_DISABLE  0x00000004
#define FBSD_NT_FREEBSD_FCTL_WXNEEDED        0x00000008
#define FBSD_NT_FREEBSD_FCTL_LA48            0x00000010

/* NetBSD ident note (".note.netbsd.ident"): type 1, desc u32 version */
#define FBSD_NT_NETBSD_IDENT        1

/* GNU notes */
#define FBSD_NT_GNU_ABI_TAG         1   /* desc: u32 os, major, minor, sub */
#define FBSD_NT_GNU_BUILD_ID        3

/* Go linker notes, all with name "Go" (".note.go.*") */
#define FBSD_NT_GO_PKGLIST          1
#define FBSD_NT_GO_ABIHASH          2
#define FBSD_NT_GO_DEPS             3
#define FBSD_NT_GO_BUILDID          4

/* PT_INTERP of dynamically linked FreeBSD executables. */
#define FBSD_INTERP_PATH            "/libexec/ld-elf.so.1"

/* Note header (Elf_Note, sys/sys/elf_common.h): three u32, then name and
 * desc each padded to 4 bytes. */
struct fbsd_elf_note {
	uint32_t n_namesz;
	uint32_t n_descsz;
	uint32_t n_type;
};
_Static_assert(sizeof(struct fbsd_elf_note) == 12, "Elf_Note size");

/* struct ps_strings (sys/sys/exec.h), found at PS_STRINGS below the top of
 * the user stack (and via AT_PS_STRINGS / KERN_PS_STRINGS):
 * char **ps_argvstr; u_int ps_nargvstr; char **ps_envstr; u_int ps_nenvstr. */
struct fbsd_ps_strings {
	uint64_t ps_argvstr;    /* guest char ** */
	uint32_t ps_nargvstr;
	uint32_t _pad0;
	uint64_t ps_envstr;     /* guest char ** */
	uint32_t ps_nenvstr;
	uint32_t _pad1;
};
_Static_assert(sizeof(struct fbsd_ps_strings) == 32, "ps_strings size");
_Static_assert(offsetof(struct fbsd_ps_strings, ps_nargvstr) == 8, "ps_nargvstr");
_Static_assert(offsetof(struct fbsd_ps_strings, ps_envstr) == 16, "ps_envstr");
_Static_assert(offsetof(struct fbsd_ps_strings, ps_nenvstr) == 24, "ps_nenvstr");

#endif /* PERSONA_ABI_FREEBSD_ELF_NOTE_H */
