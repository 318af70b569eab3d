/* decode: calls whose arguments the tracer decodes by name (sigprocmask's
 * how and sets, getrlimit's resource, sysarch's operation, _umtx_op's
 * operation, socket's domain and type flags, sockaddrs in and out, fcntl's
 * flags, setsockopt's level), each with fixed arguments, so that a golden
 * trace (tests/e2e/golden/decode.trace) pins what a reader sees.  FreeBSD
 * build only; the Linux build just prints the line. */
#include "sys.h"

int main(int argc, char **argv, char **envp)
{
#ifdef TARGET_FREEBSD
    u32 set[4] = { 1u << (30 - 1), 0, 0, 0 };       /* SIGUSR1 (30) */
    u32 old[4];
    check("sigprocmask", SC3(340, 1 /* SIG_BLOCK */, set, old));
    check("sigprocmask", SC3(340, 3 /* SIG_SETMASK */, old, NULL));
    u64 rl[2];
    check("getrlimit", SC2(194, 8 /* RLIMIT_NOFILE */, rl));
    u64 fsbase;
    check("sysarch", SC2(165, 128 /* AMD64_GET_FSBASE */, &fsbase));
    static u32 word;
    check("_umtx_op", raw_syscall6(454, (long)&word, 16 /* UMTX_OP_WAKE_PRIVATE */, 1, 0, 0, 0));
    long s = check("socket", SC3(97, 2 /* AF_INET */, 1 | 0x10000000 /* SOCK_STREAM|SOCK_CLOEXEC */, 0));
    /* sockaddr_in 127.0.0.1:0, FreeBSD's layout: sin_len, sin_family first */
    u8 sin[16] = { 16, 2, 0, 0, 127, 0, 0, 1 };
    int one = 1;
    check("setsockopt", raw_syscall6(105, s, 0xffff /* SOL_SOCKET */, 0x4 /* SO_REUSEADDR */,
                                     (long)&one, 4, 0));
    check("bind", SC3(104, s, sin, 16));
    u8 got[16];
    u32 len = sizeof got;
    check("getsockname", SC3(32, s, got, &len));
    check("fcntl", SC3(92, s, 4 /* F_SETFL */, 0x4 /* O_NONBLOCK */));
    check("fcntl", SC3(92, s, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */));
    check("close", SC1(NR_close, s));
#endif
    put_str("decode: done\n");
    return 0;
}
