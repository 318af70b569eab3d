#include "loader/stack.h"
#include <sys/resource.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* BSD struct ps_strings (FreeBSD sys/sys/exec.h, NetBSD sys/sys/exec.h):
 * argv pointer, argc (u_int), envp pointer, envc (u_int). */
struct bsd_ps_strings {
    uint64_t argvstr;
    uint32_t nargvstr, pad0;
    uint64_t envstr;
    uint32_t nenvstr, pad1;
};
_Static_assert(sizeof(struct bsd_ps_strings) == 32, "ps_strings");

int stack_build(const struct stack_request *req, struct stack_result *res,
                char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    size_t guard = 4096;
    uint8_t *map = mmap(NULL, req->size + guard, req->prot,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (map == MAP_FAILED) {
        snprintf(err, errlen, "cannot allocate the guest stack: %s", strerror(errno));
        return -1;
    }
    mprotect(map, guard, PROT_NONE);
    res->map_start = (uint64_t)map;
    res->base = (uint64_t)map + guard;
    res->top = (uint64_t)map + guard + req->size;

    int envc = 0;
    while (req->envp && req->envp[envc])
        envc++;

    /* Everything must fit before anything is written. */
    size_t need = sizeof(struct bsd_ps_strings) + 16 * (req->naux + 2) +
                  8 * (1 + req->argc + 1 + envc + 1 + 2 * (req->naux + 1)) + 4096;
    for (int i = 0; i < req->argc; i++)
        need += strlen(req->argv[i]) + 1;
    for (int i = 0; i < envc; i++)
        need += strlen(req->envp[i]) + 1;
    for (int i = 0; i < req->naux; i++)
        if (req->aux[i].kind == AUXV_BLOB)
            need += req->aux[i].blob_len;
    if (need > req->size) {
        munmap(map, req->size + guard);
        snprintf(err, errlen, "arguments and environment do not fit on the stack");
        return -1;
    }

    uint64_t cur = res->top;
    if (req->bsd_ps_strings) {
        cur -= sizeof(struct bsd_ps_strings);
        res->ps_strings = cur;
    }
    /* Strings: argv then env, like the BSD kernels' exec_copyout_strings. */
    uint64_t argv_str[req->argc + 1], env_str[envc + 1];
    size_t total = 0;
    for (int i = 0; i < req->argc; i++)
        total += strlen(req->argv[i]) + 1;
    for (int i = 0; i < envc; i++)
        total += strlen(req->envp[i]) + 1;
    cur -= total;
    uint64_t p = cur;
    for (int i = 0; i < req->argc; i++) {
        size_t l = strlen(req->argv[i]) + 1;
        memcpy((void *)p, req->argv[i], l);
        argv_str[i] = p;
        p += l;
    }
    for (int i = 0; i < envc; i++) {
        size_t l = strlen(req->envp[i]) + 1;
        memcpy((void *)p, req->envp[i], l);
        env_str[i] = p;
        p += l;
    }
    /* Blobs (exec path, canary, page sizes...), each 16-aligned. */
    uint64_t blob_addr[req->naux + 1];
    for (int i = 0; i < req->naux; i++) {
        if (req->aux[i].kind != AUXV_BLOB)
            continue;
        cur = (cur - req->aux[i].blob_len) & ~15ULL;
        memcpy((void *)cur, req->aux[i].blob, req->aux[i].blob_len);
        blob_addr[i] = cur;
    }
    cur &= ~15ULL;

    size_t words = 1 + (req->argc + 1) + (envc + 1) + 2 * (req->naux + 1);
    if (cur - res->base < words * 8 + 4096) {
        snprintf(err, errlen, "arguments and environment do not fit on the stack");
        return -1;
    }
    uint64_t start = ((cur - words * 8) & ~15ULL) - 8;   /* argc at 8 (mod 16) */
    uint64_t *w = (uint64_t *)start;
    res->argc_addr = start;
    *w++ = (uint64_t)req->argc;
    res->argv_addr = (uint64_t)w;
    for (int i = 0; i < req->argc; i++)
        *w++ = argv_str[i];
    *w++ = 0;
    res->envp_addr = (uint64_t)w;
    for (int i = 0; i < envc; i++)
        *w++ = env_str[i];
    *w++ = 0;
    for (int i = 0; i < req->naux; i++) {
        const struct auxv_item *a = &req->aux[i];
        uint64_t v = a->value;
        switch (a->kind) {
        case AUXV_BLOB:       v = blob_addr[i]; break;
        case AUXV_ARGV:       v = res->argv_addr; break;
        case AUXV_ENVV:       v = res->envp_addr; break;
        case AUXV_PS_STRINGS: v = res->ps_strings; break;
        case AUXV_VALUE:      break;
        }
        *w++ = a->type;
        *w++ = v;
    }
    *w++ = 0;   /* AT_NULL */
    *w++ = 0;

    if (req->bsd_ps_strings) {
        struct bsd_ps_strings *ps = (struct bsd_ps_strings *)res->ps_strings;
        ps->argvstr = res->argv_addr;
        ps->nargvstr = (uint32_t)req->argc;
        ps->envstr = res->envp_addr;
        ps->nenvstr = (uint32_t)envc;
    }
    return 0;
}

size_t stack_size_from_rlimit(size_t os_default)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur > 65536 && rl.rlim_cur < (1UL << 30))
        return rl.rlim_cur;
    return os_default;
}
