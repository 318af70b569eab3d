/*
 * note.S — FreeBSD ABI tag, linked into the FreeBSD builds only.
 *
 * An ELF note (namesz, descsz, type, name, desc) in section .note.tag; the
 * linker places SHT_NOTE sections in a PT_NOTE segment, which is where a
 * FreeBSD kernel (and persona) look for it. Type 1 = NT_FREEBSD_ABI_TAG,
 * desc = __FreeBSD_version the binary was built for (14.0-RELEASE era).
 */
	.section .note.tag, "a", @note
	.p2align 2
	.long	8		/* namesz: "FreeBSD\0" */
	.long	4		/* descsz */
	.long	1		/* NT_FREEBSD_ABI_TAG */
	.asciz	"FreeBSD"
	.p2align 2
	.long	1400097		/* __FreeBSD_version */
	.p2align 2

	.section .note.GNU-stack, "", @progbits
