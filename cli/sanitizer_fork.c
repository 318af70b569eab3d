/* A sanitized persona's fork must not leave the child a locked allocator.
 *
 * persona forks from a multithreaded process whenever a guest forks (Go's
 * os/exec), and the child goes on to call malloc and free: the kqueue
 * fork handler frees its state, execve copies argv and envp.  glibc's fork
 * makes its own malloc safe for that.  AddressSanitizer's allocator, before
 * LLVM 18 ("[asan] Install pthread_atfork", llvm-project#75290), is not: a
 * lock another thread held at the fork stays held in the child, which then
 * waits for it forever (seen: a fork child of the sanitized persona asleep
 * in SizeClassAllocator64::GetFromAllocator, from copy_strings).
 *
 * So, for the runtimes without that handler (gcc 12's, here; the test
 * below assumes gcc 15's and clang 18's have it -- a runtime with both
 * would deadlock in its own prepare handler, at once and visibly), this
 * file does what the newer runtime does: takes the
 * allocator's and the thread registry's locks around fork.  Not the stack
 * depot's: that is 2^20 bucket locks, about 10 ms of CPU on every fork
 * (forkpoll's 100 forks: 4.5 s -> 6.8 s of CPU), against a child that would
 * have to record a new allocation stack in the one bucket being written at
 * the moment of the fork.  The functions are the runtime's internal
 * (hidden) ones; they link because the runtime is linked statically
 * (-static-libasan; clang's default).  Should a runtime rename them, the
 * sanitized build fails to link here rather than hang at run time.
 *
 * The handler is registered by a constructor, before any of persona's:
 * prepare handlers run in reverse order of registration, so this one runs
 * last (persona's may still allocate), and the child's run in order, so
 * the allocator is usable again before persona's child handlers free. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PERSONA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PERSONA_ASAN 1
#endif

#if defined(PERSONA_ASAN) && \
    ((defined(__clang__) && __clang_major__ < 18) || (!defined(__clang__) && __GNUC__ < 15))
#include <pthread.h>

/* C++ names in the runtime: __lsan::LockAllocator() and so on. */
void asan_lock_allocator(void) __asm__("_ZN6__lsan13LockAllocatorEv");
void asan_unlock_allocator(void) __asm__("_ZN6__lsan15UnlockAllocatorEv");
void asan_lock_threads(void) __asm__("_ZN6__lsan18LockThreadRegistryEv");
void asan_unlock_threads(void) __asm__("_ZN6__lsan20UnlockThreadRegistryEv");

static void before_fork(void)
{
    asan_lock_threads();
    asan_lock_allocator();
}

static void after_fork(void)
{
    asan_unlock_allocator();
    asan_unlock_threads();
}

__attribute__((constructor))
static void install_fork_handler(void)
{
    pthread_atfork(before_fork, after_fork, after_fork);
}
#endif
