/* Mixed process trees: a native program started below `persona run` (a
 * Linux /bin/sh, nohup, env, make) that execs a FreeBSD or NetBSD binary
 * gets it run under persona, with nothing changed on the machine.
 *
 * How (Linux >= 6.7, which gave binfmt_misc one instance per user
 * namespace): when a guest execs a native program, the new process (still
 * persona, one thread, just before its execve) moves into a new user and
 * mount namespace, mounts that namespace's own binfmt_misc over
 * /proc/sys/fs/binfmt_misc and registers persona's rules there
 * (syscalls/binfmt_rules.h).  The native program and its descendants
 * inherit both namespaces; the guests themselves, the host's binfmt_misc
 * and every other process are untouched, and a run that starts no native
 * program pays nothing.
 *
 * What the namespace changes for the native programs (docs/persona.1,
 * FOREIGN EXEC): run as root, uids and gids map one to one, but
 * capabilities count only inside the new user namespace: what needs them
 * against the machine (binding ports below 1024, mounting real
 * filesystems, mknod of devices, signalling other users' processes) fails
 * with EPERM/EACCES.  Run as another user, the rules are registered as
 * root of a first namespace and the program runs in a second one inside
 * it where it is itself again: only that user and group are mapped, files
 * of other owners show as 65534 (nobody), and setgroups is denied. */
#ifndef PERSONA_SYSCALLS_FOREIGN_EXEC_H
#define PERSONA_SYSCALLS_FOREIGN_EXEC_H
#include <stddef.h>

enum foreign_exec_mode {
    FOREIGN_EXEC_AUTO,      /* the namespace when the kernel allows it, else nothing */
    FOREIGN_EXEC_USERNS,    /* the namespace, or fail */
    FOREIGN_EXEC_OFF,       /* nothing: native programs exec foreign ones natively (and crash) */
};

/* Parse "auto", "userns" or "off"; -1 for anything else. */
int foreign_exec_parse(const char *s);

/* Set it up for this process and its descendants.  Must run while the
 * process has one thread and all host signals blocked.  Nothing to do when the rules are registered
 * already (by an ancestor persona, or machine-wide by `persona binfmt
 * install`).  Returns 0 when foreign execs will work (or mode is OFF);
 * -1 with a reason when they will not (the caller fails only for USERNS);
 * -2 with a reason when the process is left unable to run (always fatal). */
int foreign_exec_setup(enum foreign_exec_mode mode, char *why, size_t cap);

/* The mode of this run (`persona run --foreign-exec`), for process_exec. */
extern enum foreign_exec_mode foreign_exec_mode;

/* The run's mode options (--no-rewrite, --backend=...) travel to the
 * FreeBSD and NetBSD programs a native one starts in this variable of the
 * native program's environment, separated by \x1f; persona-binfmt takes
 * them from there, and no guest sees the variable. */
#define FOREIGN_EXEC_ENV "PERSONA_RUN_OPTIONS"
extern const char *foreign_exec_options;    /* NULL or "" : none */
/* envp for a native program: envp with the variable set to the run's
 * options (or removed when there are none); a new array, or NULL when
 * out of memory. */
char **foreign_exec_env(char *const envp[]);
/* envp without the variable, for a guest; a new array or envp itself. */
char **foreign_exec_strip_env(char **envp);

#endif
