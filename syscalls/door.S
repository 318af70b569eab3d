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
 * struct guest_entry { rip, rsp, rdi, rsi, rdx, rax, r8, r9, r10, r12, r13,
 * r14, r15, rbx, rbp } (door.h); rcx and r11 zeroed.
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
    mov 48(%r13), %r8
    mov 56(%r13), %r9
    mov 64(%r13), %r10
    mov 88(%r13), %r14
    mov 96(%r13), %r15
    mov 104(%r13), %rbx
    mov 112(%r13), %rbp
    xor %ecx, %ecx
    xor %r11d, %r11d
    mov 72(%r13), %r12
    mov 80(%r13), %r13
    cld
    ret

/* Rewritten syscall sites.  A patched site's `syscall` became a jump that
 * reaches a per-site stub (syscalls/rewrite.c), which sets %rcx to the
 * address just past the site and jumps here; every other register is the
 * guest's, %rsp included, and nothing was written to the guest's stack.
 * %gs base is this thread's struct persona_thread (thread.c).
 *
 * Three zones matter to a signal (door.c, rewrite_signal_position):
 *  [door_stub_entry, door_stub_committed): still on the guest's stack with
 *      the guest's registers: the signal is the guest's, at the site;
 *  [door_stub_committed, door_stub_exit_window): persona is working for
 *      the guest: queued, delivered on the way out;
 *  [door_stub_exit_window, door_stub_exit_window_end]: the result is in
 *      place, the guest's registers are being reloaded from stub_regs: the
 *      signal is the guest's, just after the call. */
    .globl door_stub_entry, door_stub_committed, door_stub_exit_window, door_stub_exit_window_end
    .type door_stub_entry,@function
door_stub_entry:
    mov %rsp, %gs:PT_OFF_REGS+GR_RSP
    mov %gs:PT_OFF_STUB_SP, %rsp
door_stub_committed:
    mov %rcx, %gs:PT_OFF_REGS+GR_RIP
    mov %rcx, %gs:PT_OFF_REGS+GR_RCX    /* as after `syscall`: %rcx = %rip */
    mov %rax, %gs:PT_OFF_REGS+GR_RAX
    mov %rbx, %gs:PT_OFF_REGS+GR_RBX
    mov %rdx, %gs:PT_OFF_REGS+GR_RDX
    mov %rsi, %gs:PT_OFF_REGS+GR_RSI
    mov %rdi, %gs:PT_OFF_REGS+GR_RDI
    mov %rbp, %gs:PT_OFF_REGS+GR_RBP
    mov %r8, %gs:PT_OFF_REGS+GR_R8
    mov %r9, %gs:PT_OFF_REGS+GR_R9
    mov %r10, %gs:PT_OFF_REGS+GR_R10
    mov %r12, %gs:PT_OFF_REGS+GR_R12
    mov %r13, %gs:PT_OFF_REGS+GR_R13
    mov %r14, %gs:PT_OFF_REGS+GR_R14
    mov %r15, %gs:PT_OFF_REGS+GR_R15
    pushfq
    pop %rax
    mov %rax, %gs:PT_OFF_REGS+GR_RFLAGS
    mov %rax, %gs:PT_OFF_REGS+GR_R11    /* as after `syscall`: %r11 = rflags */
    mov %gs:PT_OFF_REGS+GR_RAX, %rax
    cmp door_fast_clock_nr(%rip), %rax
    je door_stub_clock
door_stub_slow:                         /* every register is in stub_regs now */
    call door_get_fs
    mov %rax, %gs:PT_OFF_GUEST_FS
    mov %gs:PT_OFF_HOST_FS, %rdi
    call door_set_fs
    movb $SD_ALLOW, %gs:PT_OFF_SELECTOR
    movq $0, %gs:PT_OFF_IN_GUEST
    /* The guest's vector state.  XGETBV(1) says which XSAVE components are
     * in use (XINUSE).  With nothing beyond x87 (bit 0), SSE (1) and PKRU
     * (9, always in use under Linux), persona's C code can only disturb
     * XMM0-15 (it never runs x87 code, never changes MXCSR or PKRU; AVX
     * upper halves it may dirty go back to their initial state with
     * VZEROUPPER): save those 16 registers, ~6 ns, where XSAVE+XRSTOR cost
     * ~190 ns on the reference VM.  Otherwise XSAVEOPT everything. */
    mov $1, %ecx
    xgetbv
    test $~0x203, %eax
    jnz 1f
    test %edx, %edx
    jnz 1f
    movq $0, %gs:PT_OFF_FP_FULL
    movdqu %xmm0, %gs:PT_OFF_XSAVE+160
    movdqu %xmm1, %gs:PT_OFF_XSAVE+176
    movdqu %xmm2, %gs:PT_OFF_XSAVE+192
    movdqu %xmm3, %gs:PT_OFF_XSAVE+208
    movdqu %xmm4, %gs:PT_OFF_XSAVE+224
    movdqu %xmm5, %gs:PT_OFF_XSAVE+240
    movdqu %xmm6, %gs:PT_OFF_XSAVE+256
    movdqu %xmm7, %gs:PT_OFF_XSAVE+272
    movdqu %xmm8, %gs:PT_OFF_XSAVE+288
    movdqu %xmm9, %gs:PT_OFF_XSAVE+304
    movdqu %xmm10, %gs:PT_OFF_XSAVE+320
    movdqu %xmm11, %gs:PT_OFF_XSAVE+336
    movdqu %xmm12, %gs:PT_OFF_XSAVE+352
    movdqu %xmm13, %gs:PT_OFF_XSAVE+368
    movdqu %xmm14, %gs:PT_OFF_XSAVE+384
    movdqu %xmm15, %gs:PT_OFF_XSAVE+400
    movq $(GUEST_FP_LAZY | GUEST_FP_EXT_INIT), %gs:PT_OFF_REGS+GR_FPFLAGS
    jmp 2f
    /* XSAVEOPT skips what is unchanged since the XRSTOR below and what is
     * in its initial state (its XSTATE_BV bit is clear then, and the area
     * holds stale bytes: door.c makes the FXSAVE part whole). */
1:  movq $1, %gs:PT_OFF_FP_FULL
    movq $0, %gs:PT_OFF_REGS+GR_FPFLAGS
    mov $-1, %eax
    mov $-1, %edx
    xsaveopt64 %gs:PT_OFF_XSAVE
2:  cld
    mov %gs:PT_OFF_SELF, %rdi
    call door_stub_call                 /* door.c: the call, pending signals */
    cmpq $0, %gs:PT_OFF_FP_FULL
    jne 5f
    cmpb $0, door_have_avx(%rip)
    je 3f
    vzeroupper
3:  testq $GUEST_FP_RELOAD, %gs:PT_OFF_REGS+GR_FPFLAGS
    jz 4f
    fxrstor64 %gs:PT_OFF_XSAVE          /* sigreturn set x87/MXCSR/XMM */
    jmp 6f
4:  movdqu %gs:PT_OFF_XSAVE+160, %xmm0
    movdqu %gs:PT_OFF_XSAVE+176, %xmm1
    movdqu %gs:PT_OFF_XSAVE+192, %xmm2
    movdqu %gs:PT_OFF_XSAVE+208, %xmm3
    movdqu %gs:PT_OFF_XSAVE+224, %xmm4
    movdqu %gs:PT_OFF_XSAVE+240, %xmm5
    movdqu %gs:PT_OFF_XSAVE+256, %xmm6
    movdqu %gs:PT_OFF_XSAVE+272, %xmm7
    movdqu %gs:PT_OFF_XSAVE+288, %xmm8
    movdqu %gs:PT_OFF_XSAVE+304, %xmm9
    movdqu %gs:PT_OFF_XSAVE+320, %xmm10
    movdqu %gs:PT_OFF_XSAVE+336, %xmm11
    movdqu %gs:PT_OFF_XSAVE+352, %xmm12
    movdqu %gs:PT_OFF_XSAVE+368, %xmm13
    movdqu %gs:PT_OFF_XSAVE+384, %xmm14
    movdqu %gs:PT_OFF_XSAVE+400, %xmm15
    jmp 6f
5:  mov $-1, %eax
    mov $-1, %edx
    xrstor64 %gs:PT_OFF_XSAVE
6:  mov %gs:PT_OFF_GUEST_FS, %rdi
    call door_set_fs
door_stub_exit_window:
    movq $1, %gs:PT_OFF_IN_GUEST
    movb $SD_BLOCK, %gs:PT_OFF_SELECTOR
    mov %gs:PT_OFF_REGS+GR_RAX, %rax
    mov %gs:PT_OFF_REGS+GR_RBX, %rbx
    mov %gs:PT_OFF_REGS+GR_RCX, %rcx
    mov %gs:PT_OFF_REGS+GR_RDX, %rdx
    mov %gs:PT_OFF_REGS+GR_RSI, %rsi
    mov %gs:PT_OFF_REGS+GR_RDI, %rdi
    mov %gs:PT_OFF_REGS+GR_RBP, %rbp
    mov %gs:PT_OFF_REGS+GR_R8, %r8
    mov %gs:PT_OFF_REGS+GR_R9, %r9
    mov %gs:PT_OFF_REGS+GR_R10, %r10
    mov %gs:PT_OFF_REGS+GR_R11, %r11
    mov %gs:PT_OFF_REGS+GR_R12, %r12
    mov %gs:PT_OFF_REGS+GR_R13, %r13
    mov %gs:PT_OFF_REGS+GR_R14, %r14
    mov %gs:PT_OFF_REGS+GR_R15, %r15
    pushq %gs:PT_OFF_REGS+GR_RFLAGS
    popfq                               /* no flag changes past this point */
    mov %gs:PT_OFF_REGS+GR_RSP, %rsp
door_stub_exit_window_end:
    jmp *%gs:PT_OFF_REGS+GR_RIP

/* clock_gettime from a rewritten site, answered from Linux's vDSO without
 * the rest of the door: the vDSO needs neither glibc's TLS nor the vector
 * registers (the kernel builds it with -mno-sse -mno-mmx), so neither is
 * switched.  Anything unusual goes to door_stub_slow, which runs the call
 * again from stub_regs: a clock the map does not hold (-1), tracing
 * (door_fast_clock_on = 0), a vDSO error, a bad guest pointer, or a guest
 * signal that arrived meanwhile. */
door_stub_clock:
    cmpb $0, door_fast_clock_on(%rip)
    je door_stub_slow
    mov %gs:PT_OFF_REGS+GR_RDI, %rdi
    cmp $16, %rdi
    jae door_stub_slow
    lea door_fast_clock_map(%rip), %rax
    movsbl (%rax,%rdi), %edi
    test %edi, %edi
    js door_stub_slow
    movb $SD_ALLOW, %gs:PT_OFF_SELECTOR /* a vDSO fallback is a real syscall */
    movq $0, %gs:PT_OFF_IN_GUEST
    sub $16, %rsp
    mov %rsp, %rsi
    call *door_vdso_clock_gettime(%rip)
    test %eax, %eax
    jnz 1f
    mov %gs:PT_OFF_REGS+GR_RSI, %rdi
    mov %rsp, %rsi                      /* struct timespec: same on both */
    call door_copy16
    test %rax, %rax
    jnz 1f
    cmpl $0, %gs:PT_OFF_INTERRUPT
    jne 1f
    add $16, %rsp
    movq $0, %gs:PT_OFF_REGS+GR_RAX
    andq $~1, %gs:PT_OFF_REGS+GR_RFLAGS  /* carry clear: success */
    andq $~1, %gs:PT_OFF_REGS+GR_R11
    jmp door_stub_exit_window
1:  add $16, %rsp
    jmp door_stub_slow

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

/* long door_copy16(void *dst, const void *src) -> 0 | -EFAULT: one
 * struct timespec, without rep movsb's start-up cost. */
    .globl door_copy16
    .type door_copy16,@function
door_copy16:
    mov (%rsi), %rax
    mov 8(%rsi), %rcx
    mov %rax, (%rdi)
    mov %rcx, 8(%rdi)
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

/* Set by door_fast_clock_setup (door.c). */
    .data
    .globl door_fast_clock_nr, door_fast_clock_on, door_fast_clock_map, door_vdso_clock_gettime
    .p2align 3
door_fast_clock_nr:      .quad -1       /* the personality's clock_gettime */
door_vdso_clock_gettime: .quad 0
door_fast_clock_map:     .fill 16, 1, 0xff   /* guest clock id -> Linux id, -1 */
door_fast_clock_on:      .byte 0

    .section .note.GNU-stack,"",@progbits
