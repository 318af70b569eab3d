/* The door: the only code through which control passes between guest code
 * and persona.  Everything here lives in one contiguous section whose range
 * is handed to Syscall User Dispatch as the "always allowed" region, so the
 * raw `syscall` instructions below (rt_sigreturn, arch_prctl, the guarded host
 * call) are never themselves trapped.
 *
 * Register and ABI notes:
 *  - Linux delivers a signal with %rsp = 8 (mod 16), like a function entry.
 *  - The guest's %fs holds *its* TLS; persona's C code needs glibc's, so the
 *    entry swaps FS base first (wrfsbase, or arch_prctl without FSGSBASE).
 *  - The per-thread state sits at the base of the alt stack (thread.h). */
#include "syscalls/thread.h"

#define SYS_rt_sigreturn 15
#define SYS_arch_prctl   158
#define ARCH_SET_FS      0x1002
#define ARCH_GET_FS      0x1003
#define SD_ALLOW         0
#define SD_BLOCK         1
#define EINTR            4
#define EFAULT           14
#define ENAMETOOLONG     36

    .section .text.persona_door,"ax",@progbits
    .p2align 12
    .globl door_region_start
door_region_start:

/* door_set_fs(base in %rdi).  Clobbers rax, rcx, rsi, rdi, r11. */
    .type door_set_fs,@function
door_set_fs:
    cmpb $0, door_have_fsgsbase(%rip)
    je 1f
    wrfsbase %rdi
    ret
1:  mov %rdi, %rsi
    mov $ARCH_SET_FS, %edi
    mov $SYS_arch_prctl, %eax
    syscall
    ret

/* door_get_fs() -> %rax.  Clobbers rcx, rsi, rdi, r11. */
    .globl door_get_fs
    .type door_get_fs,@function
door_get_fs:
    cmpb $0, door_have_fsgsbase(%rip)
    je 1f
    rdfsbase %rax
    ret
1:  sub $8, %rsp
    mov %rsp, %rsi
    mov $ARCH_GET_FS, %edi
    mov $SYS_arch_prctl, %eax
    syscall
    pop %rax
    ret

/* Installed (SA_SIGINFO|SA_ONSTACK) for every signal persona handles.
 * void door_signal_entry(int sig, siginfo_t *info, ucontext_t *uc) */
    .globl door_signal_entry
    .type door_signal_entry,@function
door_signal_entry:
    push %rbx
    push %r12
    push %r13
    push %r14
    push %r15                       /* %rsp is now 16-byte aligned */
    mov %edi, %r13d
    mov %rsi, %r14
    mov %rdx, %r15
    mov %rsp, %r12
    and $-PT_ALTSTACK_SIZE, %r12    /* r12 = struct persona_thread * */
    call door_get_fs
    mov %rax, %rbx                  /* rbx = FS base of the interrupted code */
    cmp PT_OFF_HOST_FS(%r12), %rbx
    je 1f
    mov PT_OFF_HOST_FS(%r12), %rdi
    call door_set_fs
1:  movb $SD_ALLOW, PT_OFF_SELECTOR(%r12)
    xor %ecx, %ecx
    xchg %rcx, PT_OFF_IN_GUEST(%r12)
    mov %r13d, %edi                 /* sig */
    mov %rcx, %r13                  /* r13 = was_in_guest */
    mov %r14, %rsi                  /* info */
    mov %r15, %rdx                  /* uc */
    mov %rbx, %r8                   /* interrupted FS base */
    mov %r12, %r9                   /* thread */
    call door_dispatch_signal       /* -> 1: resume the guest */
    test %eax, %eax
    jz 2f
    mov PT_OFF_GUEST_FS(%r12), %rbx
    movq $1, PT_OFF_IN_GUEST(%r12)
    jmp 3f
2:  mov %r13, PT_OFF_IN_GUEST(%r12)
3:  cmpq $0, PT_OFF_IN_GUEST(%r12)  /* the selector mirrors in_guest */
    je 4f
    movb $SD_BLOCK, PT_OFF_SELECTOR(%r12)
4:  cmp PT_OFF_HOST_FS(%r12), %rbx
    je 5f
    mov %rbx, %rdi
    call door_set_fs
5:  pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    ret                             /* into door_sigreturn_restorer */

/* SA_RESTORER for every persona handler: it must sit inside the allowed
 * region, or its rt_sigreturn would itself be dispatched. */
    .globl door_sigreturn_restorer
    .type door_sigreturn_restorer,@function
door_sigreturn_restorer:
    mov $SYS_rt_sigreturn, %eax
    syscall
    hlt

/* void door_enter_guest(struct persona_thread *t, const struct guest_entry *e)
 * struct guest_entry { rip, rsp, rdi, rsi, rdx, rax } — all else zeroed.
 * Never returns. */
    .globl door_enter_guest
    .type door_enter_guest,@function
door_enter_guest:
    mov %rdi, %r12
    mov %rsi, %r13
    mov PT_OFF_GUEST_FS(%r12), %rdi
    call door_set_fs
    movq $1, PT_OFF_IN_GUEST(%r12)
    movb $SD_BLOCK, PT_OFF_SELECTOR(%r12)
    mov 8(%r13), %rsp
    pushq 0(%r13)
    mov 16(%r13), %rdi
    mov 24(%r13), %rsi
    mov 32(%r13), %rdx
    mov 40(%r13), %rax
    xor %ebx, %ebx
    xor %ecx, %ecx
    xor %ebp, %ebp
    xor %r8d, %r8d
    xor %r9d, %r9d
    xor %r10d, %r10d
    xor %r11d, %r11d
    xor %r12d, %r12d
    xor %r14d, %r14d
    xor %r15d, %r15d
    xor %r13d, %r13d
    cld
    ret

/* long door_host_syscall(long nr, long a1, ..., long a6)
 * A host system call made on the guest's behalf.  If a deliverable guest
 * signal is pending (thread->interrupt), it returns -EINTR without entering
 * the kernel.  A signal that arrives between the check and the `syscall`
 * instruction is caught by the handler, which sees %rip inside
 * [door_guard_start, door_guard_syscall] and moves it to door_guard_eintr:
 * so no wake-up is lost before a blocking call (musl's cancellation trick). */
    .globl door_host_syscall, door_guard_start, door_guard_syscall, door_guard_eintr
    .type door_host_syscall,@function
door_host_syscall:
    mov %rdi, %rax
    mov %rsi, %rdi
    mov %rdx, %rsi
    mov %rcx, %rdx
    mov %r8, %r10
    mov %r9, %r8
    mov 8(%rsp), %r9
door_guard_start:
    mov %rsp, %r11
    and $-PT_ALTSTACK_SIZE, %r11
    cmpl $0, PT_OFF_INTERRUPT(%r11)
    jne door_guard_eintr
door_guard_syscall:
    syscall
    ret
door_guard_eintr:
    mov $-EINTR, %rax
    ret

/* Fault-safe guest memory access.  A fault with %rip in
 * [door_uaccess_start, door_uaccess_end) resumes at door_uaccess_fault,
 * which makes the routine return -EFAULT.  All routines are leaves that
 * leave %rsp untouched, so the fixup is a plain return. */
    .globl door_uaccess_start, door_uaccess_end, door_uaccess_fault
    .globl door_copy, door_strcpy, door_cas32, door_load32
door_uaccess_start:
/* long door_copy(void *dst, const void *src, size_t n) -> 0 | -EFAULT */
    .type door_copy,@function
door_copy:
    mov %rdx, %rcx
    rep movsb
    xor %eax, %eax
    ret

/* long door_strcpy(char *dst, const char *src, size_t max)
 *   -> length without NUL | -EFAULT | -ENAMETOOLONG (no NUL in max bytes) */
    .type door_strcpy,@function
door_strcpy:
    xor %eax, %eax
1:  cmp %rdx, %rax
    jae 3f
    movzbl (%rsi,%rax), %ecx
    mov %cl, (%rdi,%rax)
    test %cl, %cl
    jz 2f
    inc %rax
    jmp 1b
2:  ret
3:  mov $-ENAMETOOLONG, %rax
    ret

/* long door_cas32(uint32_t *p, uint32_t old, uint32_t new)
 *   -> value found at *p (== old on success) | -EFAULT */
    .type door_cas32,@function
door_cas32:
    mov %esi, %eax
    lock cmpxchg %edx, (%rdi)
    ret

/* long door_load32(const uint32_t *p) -> *p | -EFAULT */
    .type door_load32,@function
door_load32:
    mov (%rdi), %eax
    ret
door_uaccess_fault:
    mov $-EFAULT, %rax
    ret
door_uaccess_end:

    .globl door_region_end
door_region_end:

    .section .note.GNU-stack,"",@progbits
