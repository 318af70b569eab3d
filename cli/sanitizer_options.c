/* Runtime options of a sanitized persona (cmake -DPERSONA_SANITIZE=ON).
 *
 * Compiled into the persona executable (and the unit tests) rather than
 * left to ASAN_OPTIONS, so that every way persona starts — the e2e scripts,
 * a guest's exec of another FreeBSD program (persona starts itself again),
 * binfmt_misc — runs with them, and so that native Linux programs a guest
 * execs do not inherit them.  ASAN_OPTIONS / UBSAN_OPTIONS in the
 * environment still override single options for a manual run.
 *
 * Why each option:
 *  - handle_segv/sigbus/sigfpe/sigill=0, allow_user_segv_handler=1: these
 *    signals are persona's.  Its fault-safe guest copies (uaccess.h) fault
 *    on purpose and are fixed up by its own SIGSEGV/SIGBUS handler, and a
 *    fault in guest code is delivered to the guest; ASan's handler would
 *    report either as a crash of persona.
 *  - use_sigaltstack=0: persona installs its own per-thread alternate stack
 *    (syscalls/thread.c), which its door finds the thread state from.
 *  - detect_stack_use_after_return=0: a "fake stack" frame lives on the
 *    heap; persona leaves C frames behind when it enters guest code on the
 *    guest's own stack and comes back on its alternate stack.
 *  - detect_leaks=1 (the default, stated): LeakSanitizer checks at exit().
 *    A guest run ends with a raw exit_group (process_exit) and is never
 *    checked; what is checked is every way persona returns from main: the
 *    info/syscalls/binfmt verbs, usage errors and refused programs.
 *  - exitcode=86: a report fails the test even where the guest's own exit
 *    status is not compared with a native run, and is easy to recognise.
 *  - halt_on_error=1 for UBSan (also compiled in: -fno-sanitize-recover). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PERSONA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PERSONA_ASAN 1
#endif

#ifdef PERSONA_ASAN
#define PERSONA_COMMON_SANITIZER_OPTIONS \
    "handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0:" \
    "allow_user_segv_handler=1:use_sigaltstack=0:exitcode=86:print_stacktrace=1"

__attribute__((used, visibility("default")))
const char *__asan_default_options(void)
{
    return PERSONA_COMMON_SANITIZER_OPTIONS
           ":detect_stack_use_after_return=0:detect_leaks=1";
}

__attribute__((used, visibility("default")))
const char *__ubsan_default_options(void)
{
    return PERSONA_COMMON_SANITIZER_OPTIONS ":halt_on_error=1";
}
#endif
