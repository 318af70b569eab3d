/* The guest's initial stack: argc, argv, envp and the aux vector, laid out
 * the way the BSD and Linux kernels do; the personality supplies the aux
 * entries (their numbers differ per OS). */
#ifndef PERSONA_LOADER_STACK_H
#define PERSONA_LOADER_STACK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum auxv_kind {
    AUXV_VALUE,       /* value as given */
    AUXV_BLOB,        /* blob copied onto the stack; value = its address */
    AUXV_ARGV,        /* value = address of argv[0] */
    AUXV_ENVV,        /* value = address of envp[0] */
    AUXV_PS_STRINGS,  /* value = address of the BSD struct ps_strings */
};

struct auxv_item {
    uint64_t type;
    enum auxv_kind kind;
    uint64_t value;
    const void *blob;
    size_t blob_len;
};

struct stack_request {
    int argc;
    char *const *argv;
    char *const *envp;
    const struct auxv_item *aux;   /* AT_NULL is appended */
    int naux;
    size_t size;                   /* bytes reserved for the stack */
    int prot;
    bool bsd_ps_strings;           /* place a BSD struct ps_strings at the top */
};

struct stack_result {
    uint64_t argc_addr;            /* where argc sits; 8 (mod 16) */
    uint64_t top, base;            /* the stack proper: [base, top) */
    uint64_t map_start;            /* the mapping, guard page included: [map_start, top) */
    uint64_t ps_strings;
    uint64_t argv_addr, envp_addr;
};

int stack_build(const struct stack_request *req, struct stack_result *res,
                char *err, size_t errlen);

/* The size of the guest's main stack: the RLIMIT_STACK persona was given
 * when it is a plausible one (64 KiB .. 1 GiB), else the OS's default. */
size_t stack_size_from_rlimit(size_t os_default);

#endif
