/* The binfmt_misc rules that make FreeBSD and NetBSD ELF files run under
 * persona, shared by `persona binfmt` (the machine's instance) and the
 * private instance `persona run` sets up for its descendants
 * (syscalls/foreign_exec.c).  One rule per runnable brand with an EI_OSABI
 * byte, named persona-<brand>; the interpreter is persona-binfmt, a link to
 * persona next to it, started by the kernel as
 *   persona-binfmt /full/path/of/program original-argv0 args...
 * (flag P: preserve argv[0]; Documentation/admin-guide/binfmt-misc.rst). */
#ifndef PERSONA_SYSCALLS_BINFMT_RULES_H
#define PERSONA_SYSCALLS_BINFMT_RULES_H
#include <stdbool.h>
#include <stddef.h>

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"

/* persona-binfmt next to the running persona; -1 with a reason if absent. */
int binfmt_interp_path(char *out, size_t cap, char *why, size_t whycap);
/* Register every rule in BINFMT_DIR with these extra flags ("P", "PF");
 * an older rule of the same name is replaced.  0, or -errno with a reason. */
int binfmt_register_all(const char *interp, const char *flags, char *why, size_t whycap);
/* Remove every rule (missing ones are fine); 0 or -errno. */
int binfmt_unregister_all(void);
/* Whether every rule is registered in the binfmt_misc instance at BINFMT_DIR. */
bool binfmt_all_registered(void);
/* Print each rule's state (the kernel's entry file, or "not installed"). */
void binfmt_print_status(void);
/* Write text to a proc or sysfs file; 0 or -errno. */
int binfmt_write_file(const char *path, const char *text);

#endif
