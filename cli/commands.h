#ifndef PERSONA_CLI_COMMANDS_H
#define PERSONA_CLI_COMMANDS_H
/* Each verb of the command line: argv excludes the verb itself. */
int cmd_syscalls(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_binfmt(int argc, char **argv);
int cmd_completion(int argc, char **argv);
/* Entry when started by binfmt_misc as persona-binfmt. */
int binfmt_interpreter_main(int argc, char **argv);
#endif
