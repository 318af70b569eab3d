/* A personality: everything that makes one foreign OS's binary interface.
 * Like FreeBSD's sysentvec, it is a struct of tables and function pointers;
 * nothing outside personality/ asks "which OS is this?". */
#ifndef PERSONA_PERSONALITY_H
#define PERSONA_PERSONALITY_H
#include <stdbool.h>
#include <stdint.h>
#include <signal.h>
#include <ucontext.h>
#include "syscalls/thread.h"
#include "syscalls/door.h"
#include "syscalls/guest_regs.h"
#include "loader/elf.h"

/* Support status of one syscall row (shown by `persona syscalls`). */
enum sys_status {
    SYS_MISSING,   /* not implemented: ENOSYS, reported */
    SYS_PARTIAL,   /* implemented, with documented gaps */
    SYS_DONE,      /* implemented */
};

/* The area a call belongs to (syscalls.def's class column): the tracer's
 * %process, %net, ... and, later, sandbox policy come from it. */
enum sys_class {
    CLS_FILE,      /* names files: paths, directories, attributes */
    CLS_DESC,      /* works on open descriptors */
    CLS_NET,       /* sockets */
    CLS_PROCESS,   /* processes: fork, exec, wait, ids, limits, cwd */
    CLS_THREAD,    /* threads and their waits */
    CLS_SIGNAL,    /* signals and contexts */
    CLS_MEMORY,    /* the address space */
    CLS_TIME,      /* clocks, sleeps, timers */
    CLS_IPC,       /* System V and POSIX IPC objects */
    CLS_CRED,      /* credentials */
    CLS_SYSTEM,    /* the machine: sysctl, modules, mounts, jails, MAC */
    CLS_OTHER,
};

/* Argument kinds drive the tracer's decoding (one per argument). */
enum arg_kind {
    A_NONE, A_INT, A_UINT, A_HEX, A_LONG, A_SIZE, A_OFF, A_FD, A_DIRFD, A_PATH,
    A_BUF_IN, A_BUF_OUT, A_STR, A_PTR, A_OPEN_FLAGS, A_MODE, A_SIGNO,
    A_MMAP_PROT, A_MMAP_FLAGS, A_STRUCT_IN, A_STRUCT_OUT, A_IOCTL, A_CLOCK,
    A_PID, A_TID, A_FCNTL_CMD, A_AT_FLAGS, A_SIGSET, A_WHENCE, A_ULONG,
    A_STAT_OUT, A_STAT11_OUT,   /* the personality's stat layouts */
    A_SIGSET_OUT, A_SIGHOW, A_RLIMIT, A_SYSARCH_OP, A_UMTX_OP,
    A_SOCK_DOMAIN, A_SOCK_TYPE,  /* type with its SOCK_CLOEXEC/NONBLOCK bits */
    A_SOCKADDR,                  /* in: a sockaddr, its length the next argument */
    A_SOCKADDR_OUT,              /* out: a sockaddr, the next argument points at its length */
    A_SOCKOPT_LEVEL,
    A_FCNTL_ARG,                 /* fcntl's third argument, read by the command before it */
};

/* One guest system call in flight.
 *
 * The handler contract (one for every personality, like FreeBSD's sy_call
 * with cpu_set_syscall_retval deciding what the guest sees):
 *   - a handler returns its result, >= 0 (or any value outside
 *     [-4095, -1]); a call with a second result puts it in rv[1], which
 *     starts as the guest's %rdx (FreeBSD: td_retval[1] = tf_rdx);
 *   - or -(Linux errno), translated by the personality's errno map;
 *   - or GUEST_ERRNO(e), a guest errno with no Linux counterpart;
 *   - or -SYSRET_RESTART: run the call again once any signal handler ran
 *     (the exit door backs %rip up over the 2-byte `syscall`);
 *   - or -SYSRET_JUSTRETURN: the handler set the guest's registers itself
 *     (sigreturn, setcontext);
 *   - or -SYSRET_VALUES: success with both results already in rv[] (for a
 *     result that would look like an error, F_GETOWN's -pgid).
 * syscalls/dispatch.c applies the contract; the personality's
 * encode_result writes its ABI's registers. */
#define GUEST_ERRNO_BASE   1000
#define GUEST_ERRNO(e)     (-(long)(GUEST_ERRNO_BASE + (e)))
#define SYSRET_RESTART     3001
#define SYSRET_JUSTRETURN  3002
#define SYSRET_VALUES      3003

struct sysctx {
    struct persona_thread *t;
    struct guest_regs *regs; /* the guest's registers at the call */
    long nr;               /* personality's syscall number */
    uint64_t a[7];         /* arguments */
    uint64_t rv[2];        /* results (see the contract above) */
    bool no_restart;       /* EINTR is final even under SA_RESTART (sleeps, polls) */
    bool trapped;          /* caught by a signal (SIGSYS), not a rewritten site */
};

typedef long (*sys_handler_t)(struct sysctx *c);

struct syscall_entry {
    const char *name;
    sys_handler_t handler;  /* NULL for SYS_MISSING */
    uint8_t status;
    uint8_t cls;            /* enum sys_class */
    uint8_t nargs;
    uint8_t kinds[6];
    const char *note;       /* what is partial / why missing */
};

/* A guest signal action, kept in host (Linux) signal numbering. */
struct guest_sigaction {
    uint64_t handler;       /* guest address, or GUEST_SIG_DFL / GUEST_SIG_IGN */
    uint64_t mask;          /* host-numbered mask added during the handler */
    unsigned flags;         /* GSA_* below */
    unsigned char raw[64];  /* the guest's own struct, returned as oact */
};
#define GUEST_SIG_DFL 0
#define GUEST_SIG_IGN 1
#define GSA_ONSTACK   0x1
#define GSA_RESTART   0x2
#define GSA_RESETHAND 0x4
#define GSA_NODEFER   0x8
#define GSA_SIGINFO   0x10

/* What exec needs to start a guest image. */
struct exec_request {
    const struct elf_info *info;
    const struct loaded_image *img;
    const char *execpath;           /* absolute path of the program */
    int argc;
    char **argv;
    char **envp;
};

struct trace_names;
struct guest_code;

struct personality {
    const char *name;                       /* "freebsd" */
    const struct trace_names *trace_names;  /* how the tracer names things */
    const struct syscall_entry *table;
    unsigned table_size;
    int first_tid;                          /* the first thread's id */

    /* Write a finished call's outcome into the guest's registers in this
     * ABI's convention: guest_errno 0 means success with rv[0..1]. */
    void (*encode_result)(struct guest_regs *regs, int guest_errno, const uint64_t rv[2]);
    /* The guest errno for a Linux one. */
    int (*errno_from_host)(int host_errno);
    /* clock_gettime answered straight from Linux's vDSO by rewritten sites
     * (door.S): the call's number (-1: none) and, for guest clock ids
     * 0..15, the Linux clock whose vDSO reading is exactly the guest's
     * answer (-1: take the normal path, e.g. FreeBSD's CLOCK_SECOND). */
    long clock_gettime_nr;
    int (*fast_clock_host_id)(int guest_clock);
    /* Calls that never return to the caller (exit, thr_exit): the tracer
     * shows them before they run.  Ends with -1. */
    const long *noreturn_calls;
    /* Build the guest's signal frame on its stack and point the registers
     * at its handler. Returns false if the frame could not be written. */
    bool (*deliver_signal)(struct persona_thread *t, struct guest_regs *regs,
                           int host_sig, const siginfo_t *info,
                           const struct guest_sigaction *act);
    /* Add the code the personality maps into every guest (its signal
     * trampoline) to the ranges a filtering backend traps. */
    void (*guest_code)(struct guest_code *code);
    /* Build the initial stack and aux vector, map what the OS maps into
     * every process (signal trampoline), and fill the first registers.
     * Returns -1 with a reason in err. */
    int (*prepare_exec)(const struct exec_request *req, struct guest_entry *entry,
                        char *err, size_t errlen);
};

extern const struct personality *active_personality;
extern const struct personality freebsd_personality;
extern const struct personality netbsd_personality;

/* Shared by personalities: the ENOSYS path for missing rows/unknown numbers. */
long sys_missing(struct sysctx *c, const char *name);

#endif
