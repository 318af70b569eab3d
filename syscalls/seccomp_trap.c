/* The seccomp backend, for kernels without Syscall User Dispatch: one
 * filter (seccomp(2), SECCOMP_SET_MODE_FILTER) that answers
 * SECCOMP_RET_TRAP for every system call made from the guest's code and
 * lets every other one through.  The kernel then raises SIGSYS with
 * si_code SYS_SECCOMP, the call not made and the registers as at the
 * call (kernel/seccomp.c: syscall_rollback), exactly what the door's
 * SIGSYS path expects.
 *
 * The filter tests the instruction pointer (seccomp_data.instruction_pointer),
 * which libseccomp's rule API cannot express (it compares arguments
 * only), so the few instructions are written out here.  Filters are
 * inherited by every thread and child and cannot be removed: a native
 * program the guest execs keeps it, and is only trapped if its own code
 * happens to lie where the guest's was (a non-PIE binary at the guest's
 * addresses); see docs/persona.1, BACKENDS. */
#include "syscalls/backend.h"
#include "syscalls/log.h"
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SI_SYS_SECCOMP 1        /* include/uapi/asm-generic/siginfo.h */
#define IP_LO offsetof(struct seccomp_data, instruction_pointer)
#define IP_HI (IP_LO + 4)
#define MAX_PIECES 40

static bool seccomp_available(char *why, size_t cap)
{
    if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0) {
        snprintf(why, cap, "no seccomp: %s", strerror(errno));
        return false;
    }
    return true;
}

/* [start, end) cut at 4 GiB boundaries, so each piece is tested with one
 * compare of the high word and two of the low one. */
struct piece { uint32_t hi, lo, last; };

static int cut(const struct guest_code *code, struct piece *out, int max)
{
    int n = 0;
    for (int i = 0; i < code->n; i++) {
        uint64_t a = code->range[i].start, end = code->range[i].end;
        while (a < end) {
            uint64_t block_end = (a | 0xffffffffULL) + 1;
            uint64_t e = end < block_end ? end : block_end;
            if (n == max)
                return -1;
            out[n++] = (struct piece){ (uint32_t)(a >> 32), (uint32_t)a, (uint32_t)(e - 1) };
            a = e;
        }
    }
    return n;
}

static int seccomp_process_start(const struct guest_code *code, char *err, size_t cap)
{
    struct piece p[MAX_PIECES];
    int n = cut(code, p, MAX_PIECES);
    if (n < 0) {
        snprintf(err, cap, "the guest's code is in too many pieces for the filter");
        return -1;
    }
    struct sock_filter f[3 + 5 * MAX_PIECES + 2];
    int k = 0;
    f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    int trap = k + 5 * n + 1;          /* index of the RET TRAP below */
    for (int i = 0; i < n; i++) {
        int b = k;
        f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_HI);
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, p[i].hi, 0, 3);
        f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_LO);
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, p[i].lo, 0, 1);
        /* ip_lo > last: not this piece; else trap. */
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, p[i].last, 0,
                                              (uint8_t)(trap - (b + 5)));
    }
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP);
    struct sock_fprog prog = { .len = (unsigned short)k, .filter = f };
    /* Unprivileged filters need no_new_privs (seccomp(2)). */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        snprintf(err, cap, "cannot install the seccomp filter: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* The filter belongs to the thread that installed it and is copied into
 * every thread and child it creates. */
static void seccomp_thread_attach(struct persona_thread *t) { }
static void seccomp_after_fork(struct persona_thread *t) { }

static bool seccomp_is_entry(const siginfo_t *info)
{
    return info->si_code == SI_SYS_SECCOMP;
}

const struct backend seccomp_backend = {
    .name = "seccomp",
    .available = seccomp_available,
    .process_start = seccomp_process_start,
    .thread_attach = seccomp_thread_attach,
    .after_fork = seccomp_after_fork,
    .is_entry = seccomp_is_entry,
};
