#ifndef PERSONA_CLI_RUN_H
#define PERSONA_CLI_RUN_H
#include <stdbool.h>
struct run_options {
    bool debug;
};
/* Load and run a guest program; returns only on failure to start. */
int run_program(const struct run_options *opt, int argc, char **argv);
#endif
