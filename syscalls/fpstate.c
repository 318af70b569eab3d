#include "syscalls/fpstate.h"
#include "syscalls/thread.h"
#include <cpuid.h>
#include <string.h>

/* FXSAVE layout (Intel SDM vol. 1, table 10-2): bytes 0-159 hold the x87
 * state and MXCSR (at 24), 160-415 XMM0-15. */
#define FX_XMM_OFF 160

void guest_fp_prepare(struct guest_regs *regs)
{
    if (!(regs->fp_flags & GUEST_FP_LAZY) || !regs->fpregs)
        return;
    _Alignas(16) unsigned char live[512];
    __asm__ volatile("fxsave64 %0" : "=m"(live));
    memcpy(regs->fpregs, live, FX_XMM_OFF);
    regs->fp_flags &= ~(uint64_t)GUEST_FP_LAZY;
}

void guest_fp_written(struct guest_regs *regs)
{
    regs->fp_flags |= GUEST_FP_RELOAD;   /* a kernel frame ignores the word */
}

/* struct _fpstate's software area (Linux arch/x86/include/uapi/asm/
 * sigcontext.h): at byte 464 of a kernel signal frame's FXSAVE image,
 * magic1 says an XSAVE extension follows, xstate_size how big the whole
 * image is. */
#define FP_SW_OFF        464
#ifndef FP_XSTATE_MAGIC1
#define FP_XSTATE_MAGIC1 0x46505853u
#endif
#define XSAVE_HDR        512
#define XFEATURE_AVX_ALL 0xe4ULL   /* YMM upper (2), opmask, ZMM_Hi256, Hi16_ZMM (5-7) */

static uint64_t xcr0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

size_t guest_fp_ext_size(void)
{
    static size_t size = (size_t)-1;
    if (size == (size_t)-1) {
        unsigned a, b, c, d;
        size = 0;
        if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 27))) {
            __cpuid_count(0xd, 0, a, b, c, d);
            if (b > XSAVE_HDR && b <= PT_XSAVE_SIZE)
                size = b - XSAVE_HDR;
        }
    }
    return size;
}

/* A kernel frame's extension, or NULL; *len: how much of it there is. */
static unsigned char *kernel_ext(struct guest_regs *regs, size_t *len)
{
    unsigned char *fx = regs->fpregs;
    uint32_t magic, xsize;
    memcpy(&magic, fx + FP_SW_OFF, 4);
    memcpy(&xsize, fx + FP_SW_OFF + 16, 4);   /* xstate_size */
    if (magic != FP_XSTATE_MAGIC1 || xsize <= XSAVE_HDR)
        return NULL;
    *len = xsize - XSAVE_HDR;
    return fx + XSAVE_HDR;
}

static bool is_stub_area(const struct guest_regs *regs)
{
    return regs->fpregs && current_thread && regs->fpregs == current_thread->xsave_area;
}

void guest_fp_ext_get(struct guest_regs *regs, void *buf)
{
    size_t n = guest_fp_ext_size(), k;
    memset(buf, 0, n);
    if (!n || !regs->fpregs)
        return;
    if (regs->fp_flags & GUEST_FP_EXT_INIT) {
        /* Only x87/SSE/PKRU were in use at the call: the AVX family was in
         * its initial state (door.S), whatever persona's code left there. */
        _Alignas(64) unsigned char live[PT_XSAVE_SIZE];
        __asm__ volatile("xsave64 %0" : "=m"(live) : "a"(-1), "d"(-1) : "memory");
        memcpy(buf, live + XSAVE_HDR, n);
        *(uint64_t *)buf &= ~XFEATURE_AVX_ALL;
        return;
    }
    unsigned char *src = is_stub_area(regs) ? (unsigned char *)regs->fpregs + XSAVE_HDR
                                            : kernel_ext(regs, &k);
    if (src)
        memcpy(buf, src, is_stub_area(regs) || k > n ? n : k);
}

void guest_fp_ext_set(struct guest_regs *regs, void *buf)
{
    size_t n = guest_fp_ext_size(), k = n;
    if (!n || !regs->fpregs)
        return;
    uint64_t *hdr = buf;
    hdr[0] &= xcr0();                   /* XSTATE_BV: enabled components only */
    memset(hdr + 1, 0, 56);             /* XCOMP_BV 0 (standard format), reserved */
    if (is_stub_area(regs)) {
        memcpy((unsigned char *)regs->fpregs + XSAVE_HDR, buf, n);
        *(uint64_t *)((unsigned char *)regs->fpregs + XSAVE_HDR) |= 3;  /* the FXSAVE part too */
        regs->fp_flags = (regs->fp_flags | GUEST_FP_XRELOAD) & ~(uint64_t)GUEST_FP_EXT_INIT;
        return;
    }
    unsigned char *dst = kernel_ext(regs, &k);
    if (dst)
        memcpy(dst, buf, k < n ? k : n);
}
