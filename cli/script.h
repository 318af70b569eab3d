/* `persona run ./script`: a file starting with "#!" runs its interpreter,
 * FreeBSD, NetBSD or native, the way the kernel's binfmt_script does
 * (fs/binfmt_script.c; FreeBSD sys/kern/imgact_shell.c agrees on the
 * parts that matter): the rest of the first line is the interpreter's
 * path and at most one argument (everything after the first blank, blanks
 * at both ends trimmed), and the interpreter gets
 *   INTERPRETER [ARGUMENT] SCRIPT ARGS...
 * with SCRIPT as given.  A foreign interpreter runs under persona (and may
 * be a script itself, four levels deep as on Linux); a native one is
 * executed, with --foreign-exec in force for what it starts. */
#ifndef PERSONA_CLI_SCRIPT_H
#define PERSONA_CLI_SCRIPT_H
#include "cli/run.h"

/* Whether the open file fd starts with "#!". */
int script_is_script(int fd);

/* Run the script at path (argv[0] is how it was named, argv[1..] its
 * arguments).  Returns only on failure, with an exit status. */
int script_run(const struct run_options *opt, const char *path, int argc, char **argv);

#endif
