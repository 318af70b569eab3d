/* Starting a NetBSD image: the initial stack and aux vector as NetBSD's
 * execve builds them (sys/kern/kern_exec.c copyargs: argc, argv, envp, then
 * sys/kern/exec_elf.c elf_copyargs' aux vector, with a struct ps_strings at
 * the top of the stack), and the first registers as setregs() sets them
 * (sys/arch/amd64/amd64/machdep.c: %rsp at argc, the rest zero; NetBSD
 * also puts the ps_strings address in %rbx, which persona's guest entry
 * cannot set yet -- neither Go nor the samples read it). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/auxv.h"
#include "loader/stack.h"
#include "syscalls/memguard.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define GUEST_STACK_SIZE (8UL << 20)   /* NetBSD/amd64's default stack limit: 8 MiB */

/* The program's absolute path, for /proc/curproc/exe (sys_procfs.c). */
char nbsd_execpath[NBSD_PATH_MAX];

int nbsd_prepare_exec(const struct exec_request *req, struct guest_entry *entry,
                      char *err, size_t errlen)
{
    const struct loaded_image *img = req->img;
    size_t stack_size = stack_size_from_rlimit(GUEST_STACK_SIZE);

    /* elf_copyargs' order; AT_STACKBASE is not given yet. */
    const struct auxv_item aux[] = {
        { NBSD_AT_PHDR, AUXV_VALUE, img->phdr },
        { NBSD_AT_PHENT, AUXV_VALUE, img->phentsize },
        { NBSD_AT_PHNUM, AUXV_VALUE, img->phnum },
        { NBSD_AT_PAGESZ, AUXV_VALUE, 4096 },
        { NBSD_AT_BASE, AUXV_VALUE, 0 },          /* no interpreter */
        { NBSD_AT_FLAGS, AUXV_VALUE, 0 },
        { NBSD_AT_ENTRY, AUXV_VALUE, img->entry },
        { NBSD_AT_EUID, AUXV_VALUE, geteuid() },
        { NBSD_AT_RUID, AUXV_VALUE, getuid() },
        { NBSD_AT_EGID, AUXV_VALUE, getegid() },
        { NBSD_AT_RGID, AUXV_VALUE, getgid() },
        { NBSD_AT_SUN_EXECNAME, AUXV_BLOB, 0, req->execpath, strlen(req->execpath) + 1 },
    };
    struct stack_request sreq = {
        .argc = req->argc, .argv = req->argv, .envp = req->envp,
        .aux = aux, .naux = sizeof aux / sizeof aux[0],
        .size = stack_size, .prot = req->info->stack_prot,
        .bsd_ps_strings = true,
    };
    struct stack_result sres;
    if (stack_build(&sreq, &sres, err, errlen) != 0)
        return -1;

    snprintf(nbsd_execpath, sizeof nbsd_execpath, "%s", req->execpath);
    memguard_note_guest(img->start, img->end - img->start);
    memguard_note_guest(sres.map_start, sres.top - sres.map_start);

    memset(entry, 0, sizeof *entry);
    entry->rip = img->entry;
    entry->rsp = sres.argc_addr;
    return 0;
}
