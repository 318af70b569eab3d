/* A fault inside persona itself: report it with a backtrace and die. */
#ifndef PERSONA_SYSCALLS_CRASH_H
#define PERSONA_SYSCALLS_CRASH_H
#include <signal.h>
#include <ucontext.h>
_Noreturn void crash_report(int sig, const siginfo_t *info, ucontext_t *uc);
#endif
