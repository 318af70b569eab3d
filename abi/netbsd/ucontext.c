/* NetBSD __gregs <-> Linux mcontext_t (abi/netbsd/ucontext.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "abi/netbsd/ucontext.h"
#include <string.h>

/* NetBSD _REG_* index -> Linux REG_* index, -1 for the segment registers
 * and others Linux's gregs do not carry as such. */
static const int lx[NBSD_NGREG] = {
    [NBSD_REG_RDI] = REG_RDI, [NBSD_REG_RSI] = REG_RSI, [NBSD_REG_RDX] = REG_RDX,
    [NBSD_REG_RCX] = REG_RCX, [NBSD_REG_R8] = REG_R8, [NBSD_REG_R9] = REG_R9,
    [NBSD_REG_R10] = REG_R10, [NBSD_REG_R11] = REG_R11, [NBSD_REG_R12] = REG_R12,
    [NBSD_REG_R13] = REG_R13, [NBSD_REG_R14] = REG_R14, [NBSD_REG_R15] = REG_R15,
    [NBSD_REG_RBP] = REG_RBP, [NBSD_REG_RBX] = REG_RBX, [NBSD_REG_RAX] = REG_RAX,
    [NBSD_REG_GS] = -1, [NBSD_REG_FS] = -1, [NBSD_REG_ES] = -1, [NBSD_REG_DS] = -1,
    [NBSD_REG_TRAPNO] = REG_TRAPNO, [NBSD_REG_ERR] = REG_ERR, [NBSD_REG_RIP] = REG_RIP,
    [NBSD_REG_CS] = -1, [NBSD_REG_RFLAGS] = REG_EFL, [NBSD_REG_RSP] = REG_RSP,
    [NBSD_REG_SS] = -1,
};

void nbsd_gregs_from_linux(uint64_t out[NBSD_NGREG], const mcontext_t *in)
{
    for (int i = 0; i < NBSD_NGREG; i++)
        out[i] = lx[i] >= 0 ? (uint64_t)in->gregs[lx[i]] : 0;
    out[NBSD_REG_CS] = NBSD_GSEL_UCODE;
    out[NBSD_REG_SS] = out[NBSD_REG_DS] = out[NBSD_REG_ES] = NBSD_GSEL_UDATA;
}

void nbsd_gregs_to_linux(mcontext_t *out, const uint64_t in[NBSD_NGREG])
{
    for (int i = 0; i < NBSD_NGREG; i++) {
        if (lx[i] < 0 || i == NBSD_REG_RFLAGS || i == NBSD_REG_TRAPNO || i == NBSD_REG_ERR)
            continue;
        out->gregs[lx[i]] = (greg_t)in[i];
    }
    uint64_t fl = (uint64_t)out->gregs[REG_EFL];
    out->gregs[REG_EFL] = (greg_t)((fl & ~NBSD_PSL_USERCHANGE) | (in[NBSD_REG_RFLAGS] & NBSD_PSL_USERCHANGE));
}
