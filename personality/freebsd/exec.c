/* Starting a FreeBSD image: the initial stack and aux vector as FreeBSD's
 * exec_copyout_strings() and __elfN(freebsd_fixup)/elf_populate_auxargs()
 * produce them (sys/kern/kern_exec.c, sys/kern/imgact_elf.c), and the first
 * registers as exec_setregs() sets them (sys/amd64/amd64/exec_machdep.c). */
#include "personality/freebsd/fbsd.h"
#include "personality/freebsd/sysctl.h"
#include "abi/freebsd/auxv.h"
#include "loader/stack.h"
#include "syscalls/memguard.h"
#include <cpuid.h>
#include <stdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

int fbsd_map_sigcode(void);

#define GUEST_STACK_SIZE (8UL << 20)   /* FreeBSD's default RLIMIT_STACK: 8 MiB */

int fbsd_prepare_exec(const struct exec_request *req, struct guest_entry *entry,
                      char *err, size_t errlen)
{
    if (fbsd_map_sigcode() != 0) {
        snprintf(err, errlen, "cannot map the signal trampoline");
        return -1;
    }
    const struct loaded_image *img = req->img;
    static uint8_t canary[64];
    if (getrandom(canary, sizeof canary, 0) != sizeof canary)
        memset(canary, 0x5a, sizeof canary);
    static const uint64_t pagesizes[3] = { 4096, 2UL << 20, 1UL << 30 };
    cpu_set_t set;
    int ncpu = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
    unsigned eax, ebx, ecx = 0, edx = 0;
    __get_cpuid(1, &eax, &ebx, &ecx, &edx);
    int envc = 0;
    while (req->envp[envc])
        envc++;

    size_t stack_size = stack_size_from_rlimit(GUEST_STACK_SIZE);

    const struct auxv_item aux[] = {
        { FBSD_AT_PHDR, AUXV_VALUE, img->phdr },
        { FBSD_AT_PHENT, AUXV_VALUE, img->phentsize },
        { FBSD_AT_PHNUM, AUXV_VALUE, img->phnum },
        { FBSD_AT_PAGESZ, AUXV_VALUE, 4096 },
        { FBSD_AT_BASE, AUXV_VALUE, 0 },          /* no interpreter */
        { FBSD_AT_FLAGS, AUXV_VALUE, 0 },
        { FBSD_AT_ENTRY, AUXV_VALUE, img->entry },
        { FBSD_AT_EXECPATH, AUXV_BLOB, 0, req->execpath, strlen(req->execpath) + 1 },
        { FBSD_AT_CANARY, AUXV_BLOB, 0, canary, sizeof canary },
        { FBSD_AT_CANARYLEN, AUXV_VALUE, sizeof canary },
        { FBSD_AT_OSRELDATE, AUXV_VALUE, FBSD_OSRELDATE },
        { FBSD_AT_NCPUS, AUXV_VALUE, (uint64_t)ncpu },
        { FBSD_AT_PAGESIZES, AUXV_BLOB, 0, pagesizes, sizeof pagesizes },
        { FBSD_AT_PAGESIZESLEN, AUXV_VALUE, sizeof pagesizes },
        { FBSD_AT_STACKPROT, AUXV_VALUE, (uint64_t)req->info->stack_prot },
        /* x86: cpu_feature / cpu_feature2 = CPUID.1 EDX / ECX
         * (sys/x86/x86/identcpu.c, elf_machdep.c). */
        { FBSD_AT_HWCAP, AUXV_VALUE, edx },
        { FBSD_AT_HWCAP2, AUXV_VALUE, ecx },
        { FBSD_AT_ARGC, AUXV_VALUE, (uint64_t)req->argc },
        { FBSD_AT_ARGV, AUXV_ARGV, 0 },
        { FBSD_AT_ENVC, AUXV_VALUE, (uint64_t)envc },
        { FBSD_AT_ENVV, AUXV_ENVV, 0 },
        { FBSD_AT_PS_STRINGS, AUXV_PS_STRINGS, 0 },
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

    /* What is the guest's from now on (everything else mapped is persona's):
     * its image, its stack and the signal trampoline page, as FreeBSD puts
     * its shared page in every process's user map. */
    memguard_note_guest(img->start, img->end - img->start);
    memguard_note_guest(sres.map_start, sres.top - sres.map_start);
    memguard_note_guest(fbsd_sigcode_addr, 4096);

    snprintf(fbsd_exec_facts.execpath, sizeof fbsd_exec_facts.execpath, "%s", req->execpath);
    fbsd_exec_facts.usrstack = sres.top;
    fbsd_exec_facts.ps_strings = sres.ps_strings;

    /* exec_setregs: %rsp = ((stack - 8) & ~0xF) + 8, %rdi = stack, where
     * stack is the address of argc; stack_build puts argc at 8 (mod 16),
     * so %rsp == stack. */
    memset(entry, 0, sizeof *entry);
    entry->rip = img->entry;
    entry->rsp = ((sres.argc_addr - 8) & ~0xFULL) + 8;
    entry->rdi = sres.argc_addr;
    return 0;
}
