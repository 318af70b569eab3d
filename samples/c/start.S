/*
 * start.S — process entry for the freestanding samples (both targets).
 *
 * On entry %rsp points at argc, followed by argv[], NULL, envp[], NULL and the
 * aux vector. FreeBSD additionally passes that address in %rdi, Linux does not,
 * so only %rsp is used. Calls main(argc, argv, envp) and exits with its result.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp			/* outermost frame */
	movq	(%rsp), %rdi			/* argc */
	leaq	8(%rsp), %rsi			/* argv */
	leaq	16(%rsp,%rdi,8), %rdx		/* envp = argv + argc + 1 */
	andq	$-16, %rsp			/* SysV ABI: 16-byte aligned at call */
	call	main
	movl	%eax, %edi
#if defined(TARGET_FREEBSD) || defined(TARGET_NETBSD)
	movl	$1, %eax			/* SYS_exit (both BSDs) */
#else
	movl	$231, %eax			/* __NR_exit_group */
#endif
	syscall
	hlt
	.size	_start, .-_start

	.section .note.GNU-stack, "", @progbits
