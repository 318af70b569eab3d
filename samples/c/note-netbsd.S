/*
 * note-netbsd.S — NetBSD ABI tag, linked into the NetBSD builds only.
 *
 * An ELF note in section .note.netbsd.ident (sys/sys/exec_elf.h:
 * ELF_NOTE_TYPE_NETBSD_TAG 1, name "NetBSD", desc = __NetBSD_Version__ the
 * binary was built for; 1000000000 is NetBSD 10.0).
 */
	.section .note.netbsd.ident, "a", @note
	.p2align 2
	.long	7		/* namesz: "NetBSD\0" */
	.long	4		/* descsz */
	.long	1		/* ELF_NOTE_TYPE_NETBSD_TAG */
	.asciz	"NetBSD"
	.p2align 2
	.long	1000000000	/* __NetBSD_Version__ */
	.p2align 2

	.section .note.GNU-stack, "", @progbits
