/* Memory mapping.  PROT_* bits are the same on NetBSD and Linux; MAP_*
 * flags and madvise advice are translated (abi/netbsd/mman.h); what both
 * BSDs do alike is personality/bsd/sys_mman.c.
 *
 * mmap takes seven arguments on NetBSD: addr, len, prot, flags, fd, a PAD
 * (in %r9) and the 64-bit offset, which does not fit in a register and is
 * read from the guest's stack just above the return address, at rsp + 8
 * (sys/kern/syscalls.master #197; sys/arch/x86/x86/syscall.c copies the
 * arguments past the sixth from the user stack; Go's runtime·mmap in
 * sys_netbsd_amd64.s stores it there). */
#include "personality/netbsd/nbsd.h"
#include "abi/netbsd/mman.h"
#include "abi/freebsd/mman.h"    /* fbsd_page_range: the same widening */
#include <stdio.h>
#include <sys/mman.h>
#include "syscalls/memguard.h"
#include "syscalls/report.h"

#define PROT_MASK (PROT_READ | PROT_WRITE | PROT_EXEC)

long nbsd_sys_mmap(struct sysctx *c)
{
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1), off;
    int prot = ARG_INT(c, 2), nflags = ARG_INT(c, 3), fd = ARG_INT(c, 4);
    if (copy_from_guest(&off, c->regs->rsp + 8, sizeof off))
        return -EFAULT;
    unsigned align_log2 = 0;
    int unknown = 0;
    int flags = nbsd_mmap_flags_to_linux(nflags, &align_log2, &unknown);
    if (unknown) {
        char what[64];
        snprintf(what, sizeof what, "mmap flags %#x", unknown);
        report_unimplemented(REPORT_FLAGS, what, -1, "EINVAL", c->regs);
        return -EINVAL;
    }
    if (prot & ~PROT_MASK)
        return -EINVAL;
    if (flags & MAP_ANONYMOUS)
        fd = -1;     /* uvm_mmap.c sys_mmap: an anonymous map ignores fd */
    return bsd_mmap_linux(c, addr, len, prot, flags, align_log2, fd, off, NBSD_VM_MAXUSER_ADDRESS);
}

/* sys_munmap, sys_mprotect (bsd_sys_mprotect), sys_madvise (uvm_mmap.c)
 * round the range out to whole pages. */
long nbsd_sys_munmap(struct sysctx *c)
{
    return bsd_munmap(c, NBSD_VM_MAXUSER_ADDRESS);
}

long nbsd_sys_madvise(struct sysctx *c)
{
    uint64_t addr = ARG_PTR(c, 0), len = ARG_PTR(c, 1);
    int advice = nbsd_madvise_to_linux(ARG_INT(c, 2));
    if (advice == -1) {
        char what[64];
        snprintf(what, sizeof what, "madvise advice %d", ARG_INT(c, 2));
        report_unimplemented(REPORT_FLAGS, what, -1, "EINVAL", c->regs);
        return -EINVAL;
    }
    if (fbsd_page_range(&addr, &len) || !bsd_range_below(addr, len, NBSD_VM_MAXUSER_ADDRESS))
        return -EINVAL;
    if (advice == NBSD_MADV_NOOP)
        return 0;
    bool foreign;
    long r = memguard_madvise(addr, len, advice, &foreign);
    if (r == -EINVAL && advice == MADV_FREE)
        return 0;    /* Linux refuses FREE on shared/file maps; NetBSD accepts */
    return foreign ? bsd_mman_refuse(c, "madvise") : r;
}
