#ifndef PERSONA_CLI_RUN_H
#define PERSONA_CLI_RUN_H
#include <stdbool.h>
struct run_options {
    bool debug;
    bool trace;                 /* --trace */
    const char *trace_spec;     /* --trace=SPEC: calls and classes to show */
    const char *trace_output;   /* --trace-output=FILE, -o FILE */
    bool verbose;               /* -v */
    bool timing;                /* -T */
    bool stats;                 /* --stats */
    bool no_rewrite;            /* --no-rewrite: trap every call */
    const char *backend;        /* --backend=sud|seccomp (NULL: the best) */
    const char *report_missing; /* --report-missing=FILE.json */
    const char *argv0;          /* --argv0=NAME: the program's argv[0] */
    int trace_fd;               /* --trace-fd=N: trace to an inherited fd (0: none) */
    int report_fd;              /* --report-fd=N: the run's report record, inherited */
    int foreign_exec;           /* --foreign-exec=MODE (enum foreign_exec_mode; 0: auto) */
};
/* The options native programs below this run pass on to the FreeBSD and
 * NetBSD programs they start (syscalls/foreign_exec.h). */
void run_export_mode_options(const struct run_options *opt);
/* Load and run a guest program; returns only on failure to start. */
int run_program(const struct run_options *opt, int argc, char **argv);
#endif
