/* The syscall tracer (--trace), the per-call statistics (--stats) and the
 * exit hook that writes them.  What a row's arguments mean comes from the
 * personality's table (argument kinds); how flags, signals and errnos are
 * named comes from the personality's name tables. */
#ifndef PERSONA_SYSCALLS_TRACE_H
#define PERSONA_SYSCALLS_TRACE_H
#include <stdbool.h>
#include <stdint.h>
#include "personality/personality.h"

struct flag_name {
    uint64_t value;
    const char *name;
};

/* Lists end with a { 0, NULL } entry. */
struct trace_names {
    const struct flag_name *open_accmode;   /* matched exactly on accmode_mask */
    unsigned open_accmode_mask;
    const struct flag_name *open_flags, *mmap_prot, *mmap_flags, *at_flags;
    const struct flag_name *fcntl_cmds, *whence, *clocks, *signals, *sigprocmask_how;
    const struct flag_name *rlimits, *sysarch_ops, *umtx_ops;
    const struct flag_name *sock_domains, *sock_types, *sock_type_flags, *sockopt_levels;
    const struct flag_name *fd_flags;       /* F_GETFD/F_SETFD */
    unsigned umtx_op_mask;                  /* the operation bits of _umtx_op's op */
    size_t sigset_size;                     /* bytes; bit n-1 is signal n */
    long at_fdcwd;
    const char *(*errno_name)(int guest_errno);
    const char *(*errno_desc)(int guest_errno);
    /* Trace classes (%file, %process, %signal, %net, %memory, %time):
     * returns true if the row belongs to the class. */
    bool (*in_class)(const struct syscall_entry *e, const char *cls);
    /* Summarise a struct the guest received (A_STAT_OUT...) into buf. */
    void (*summarize)(int kind, uint64_t guest_addr, char *buf, size_t cap);
    /* A sockaddr of `len` bytes the guest passed or received:
     * "{AF_INET, 127.0.0.1:80}".  false if it cannot be read. */
    bool (*sockaddr)(uint64_t guest_addr, uint64_t len, char *buf, size_t cap);
};

struct trace_config {
    bool enabled;
    bool verbose;          /* -v: host paths too */
    bool timing;           /* -T: time spent in each call */
    bool stats;            /* --stats */
    int fd;                /* where trace lines and stats go */
    uint8_t *filter;       /* table_size flags; NULL = every call */
};
extern struct trace_config trace_config;

/* Parse a --trace=SPEC filter ("open,read", "%file,%signal") and install
 * it.  Returns false, with the reason in err ("unknown system call 'opne'
 * (did you mean 'open'?)"), if a name is not a call or class of p. */
bool trace_parse_filter(const struct personality *p, const char *spec, char *err, size_t errlen);

/* The class names --trace=%NAME knows (NULL-terminated), and whether a
 * personality puts any call in one. */
const char *const *trace_classes(void);
bool trace_class_offered(const struct personality *p, const char *cls);

static inline bool trace_active(void) { return trace_config.enabled || trace_config.stats; }

/* A call starts: returns its in-flight slot for the calls below (-1 when
 * it is not traced), so that a call that blocks shows as unfinished while
 * it blocks (syscalls/trace_inflight.h). */
int trace_call_begin(const struct sysctx *c, const struct syscall_entry *e);
/* One finished call: its registers before (c->a) and its raw guest result
 * (value, or guest errno with `failed`). */
void trace_syscall(int slot, const struct sysctx *c, const struct syscall_entry *e,
                   uint64_t value, int guest_errno, bool failed, uint64_t ns);
/* The call will run again after a signal handler (SA_RESTART). */
void trace_call_restarted(int slot, const struct sysctx *c, const struct syscall_entry *e);
/* This thread's execve is about to replace the process image: its line
 * goes out now as unfinished; the failure, or the new image, resumes it.
 * A new persona says so itself (trace_exec_resumed); for a `native`
 * program a witness is started: returns its descriptor (or -1), to pass
 * to trace_exec_failed if the exec fails. */
int trace_exec_starting(bool native);
void trace_exec_failed(int witness);
/* In a persona started for a traced guest's execve: its first line. */
void trace_exec_resumed(void);
/* After fork, in the child. */
void trace_after_fork(void);
/* A call that does not return (exit, thr_exit): traced before it runs. */
void trace_syscall_noreturn(const struct sysctx *c, const struct syscall_entry *e);
/* A signal delivered to the guest (guest numbering). */
void trace_signal(int guest_sig, const char *how);
/* Allocate --stats counters once the personality is active. */
void trace_init(void);
/* On every way out of the process: print --stats, write the report. */
void trace_at_exit(void);

#endif
