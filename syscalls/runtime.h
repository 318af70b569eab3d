/* Starting the runtime: everything between "this file is a guest program
 * of personality P" and its first instruction.  The cli parses options
 * and calls runtime_start; nothing here knows the command line. */
#ifndef PERSONA_SYSCALLS_RUNTIME_H
#define PERSONA_SYSCALLS_RUNTIME_H
#include <stdbool.h>
#include <stddef.h>
#include "loader/elf.h"
#include "personality/personality.h"
#include "syscalls/backend.h"

struct runtime_start {
    const struct personality *pers;
    const struct backend *backend;  /* how calls not rewritten are caught */
    bool rewrite;                   /* rewrite syscall sites (the fast path) */
    int fd;                         /* the program, open; closed here */
    const struct elf_info *info;
    const char *execpath;           /* its absolute path */
    int argc;
    char **argv;
    char **envp;
    bool exec_resumed;              /* started for a traced guest's execve */
};

/* Load the program and enter it.  Returns only when it cannot be started,
 * with a one-line reason in err. */
int runtime_start(const struct runtime_start *rs, char *err, size_t errlen);

#endif
