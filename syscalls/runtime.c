#include "syscalls/runtime.h"
#include "syscalls/door.h"
#include "syscalls/log.h"
#include "syscalls/rewrite.h"
#include "syscalls/signals.h"
#include "syscalls/sud.h"
#include "syscalls/threads.h"
#include "syscalls/trace.h"
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Guest dispositions start as the ones persona inherited (SIG_IGN stays
 * ignored across exec), and its mask as persona's own. */
static void inherit_signal_state(struct persona_thread *t, uint64_t inherited_mask)
{
    for (int sig = 1; sig <= HOST_NSIG; sig++) {
        struct { void *h; unsigned long f; void *r; uint64_t m; } k;
        if (syscall(SYS_rt_sigaction, sig, NULL, &k, 8) == 0 && k.h == SIG_IGN)
            guest_actions[sig].handler = GUEST_SIG_IGN;
    }
    t->sigmask = inherited_mask & ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
}

/* Rewritten syscall sites.  Failing to rewrite is never fatal: the
 * backend catches every call then. */
static void rewrite_sites(int fd, const struct elf_info *info, const struct loaded_image *img)
{
    char why[160];
    if (!rewrite_supported(why, sizeof why)) {
        debugmsg("not rewriting syscall sites: %s", why);
        return;
    }
    struct rewrite_stats st;
    if (rewrite_image(fd, info, img, &st, why, sizeof why) != 0)
        debugmsg("not rewriting syscall sites: %s", why);
}

int runtime_start(const struct runtime_start *rs, char *err, size_t errlen)
{
    const struct personality *pers = rs->pers;
    door_probe_cpu();
    uint64_t inherited_mask;
    signals_block_all(&inherited_mask);
    struct persona_thread *t = thread_attach();
    active_personality = pers;
    active_backend = rs->backend;
    trace_init();
    door_fast_clock_setup(pers, trace_active());
    inherit_signal_state(t, inherited_mask);
    signals_init();

    struct loaded_image img;
    if (elf_map(rs->fd, rs->info, &img, err, errlen) != 0)
        return -1;
    if (rs->rewrite)
        rewrite_sites(rs->fd, rs->info, &img);
    close(rs->fd);

    struct exec_request req = {
        .info = rs->info, .img = &img, .execpath = rs->execpath,
        .argc = rs->argc, .argv = rs->argv, .envp = rs->envp,
    };
    struct guest_entry entry = { 0 };
    if (pers->prepare_exec(&req, &entry, err, errlen) != 0)
        return -1;

    struct guest_code code = { .n = 0 };
    guest_code_add(&code, img.start, img.end);
    if (pers->guest_code)
        pers->guest_code(&code);
    if (rs->backend->process_start(&code, err, errlen) != 0)
        return -1;
    rs->backend->thread_attach(t);
    threads_register_self(t, pers->first_tid);
    if (rs->exec_resumed)
        trace_exec_resumed();
    t->guest_fsbase = 0;
    signals_unblock_all();
    door_enter_guest(t, &entry);
}
