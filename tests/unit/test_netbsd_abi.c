/* abi/netbsd converters, to the byte: errnos, open flags, struct stat,
 * mmap flags, signals, siginfo, the ucontext registers. */
#define _GNU_SOURCE 1
#include <criterion/criterion.h>
#include "abi/freebsd/signal.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include "abi/netbsd/errno.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/stat.h"
#include "abi/netbsd/mman.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/ucontext.h"
#include "abi/netbsd/event.h"
#include "abi/netbsd/dirent.h"
#include <sys/mman.h>
#include <signal.h>

/* Numbers: NetBSD sys/sys/errno.h (Go's zerrors_netbsd_amd64.go). */
Test(netbsd_abi, errnos)
{
    cr_assert_eq(nbsd_errno_from_linux(ENOENT), 2);
    cr_assert_eq(nbsd_errno_from_linux(EAGAIN), 35);
    cr_assert_eq(nbsd_errno_from_linux(EDEADLK), 11);
    cr_assert_eq(nbsd_errno_from_linux(EOPNOTSUPP), 45);
    cr_assert_eq(nbsd_errno_from_linux(ENOSYS), 78);
    cr_assert_eq(nbsd_errno_from_linux(EOVERFLOW), 84);
    cr_assert_eq(nbsd_errno_from_linux(EILSEQ), 85);
    cr_assert_eq(nbsd_errno_from_linux(ECANCELED), 87);
    cr_assert_eq(nbsd_errno_from_linux(EPROTO), 96);
    cr_assert_eq(nbsd_errno_from_linux(4000), 22, "unknown: EINVAL");
    cr_assert_str_eq(nbsd_errno_name(35), "EAGAIN");
    cr_assert_str_eq(nbsd_errno_name(78), "ENOSYS");
    cr_assert_null(nbsd_errno_name(500));
}

Test(netbsd_abi, open_flags)
{
    int unknown;
    cr_assert_eq(nbsd_open_flags_to_linux(0x2 | 0x200 | 0x400 | 0x400000, &unknown),
                 O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC);
    cr_assert_eq(unknown, 0);
    cr_assert_eq(nbsd_open_flags_to_linux(0x200000 | 0x100 | 0x8, &unknown),
                 O_DIRECTORY | O_NOFOLLOW | O_APPEND);
    nbsd_open_flags_to_linux(NBSD_O_SHLOCK | NBSD_O_NOSIGPIPE | NBSD_O_WRONLY, &unknown);
    cr_assert_eq(unknown, NBSD_O_SHLOCK | NBSD_O_NOSIGPIPE);
}

Test(netbsd_abi, stat)
{
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_dev = 7;
    st.st_ino = 0x123456789ULL;
    st.st_mode = S_IFREG | 0640;
    st.st_nlink = 3;
    st.st_uid = 1000;
    st.st_gid = 100;
    st.st_size = 1234567;
    st.st_blocks = 2416;
    st.st_blksize = 4096;
    st.st_mtim.tv_sec = 1700000000;
    st.st_mtim.tv_nsec = 42;
    st.st_ctim.tv_sec = 1700000001;
    struct nbsd_stat ns;
    memset(&ns, 0xa5, sizeof ns);
    nbsd_stat_from_linux(&ns, &st);
    const unsigned char *b = (const unsigned char *)&ns;
    uint64_t u64;
    uint32_t u32;
    memcpy(&u32, b + 8, 4);   cr_assert_eq(u32, S_IFREG | 0640);
    memcpy(&u64, b + 16, 8);  cr_assert_eq(u64, 0x123456789ULL);
    memcpy(&u32, b + 24, 4);  cr_assert_eq(u32, 3);
    memcpy(&u32, b + 28, 4);  cr_assert_eq(u32, 1000);
    memcpy(&u32, b + 32, 4);  cr_assert_eq(u32, 100);
    memcpy(&u64, b + 64, 8);  cr_assert_eq(u64, 1700000000);  /* st_mtim */
    memcpy(&u64, b + 72, 8);  cr_assert_eq(u64, 42);
    memcpy(&u64, b + 96, 8);  cr_assert_eq(u64, 1700000001);  /* birth = change */
    memcpy(&u64, b + 112, 8); cr_assert_eq(u64, 1234567);
    memcpy(&u64, b + 120, 8); cr_assert_eq(u64, 2416);
    memcpy(&u32, b + 128, 4); cr_assert_eq(u32, 4096);
    memcpy(&u32, b + 12, 4);  cr_assert_eq(u32, 0, "padding is zeroed");
    memcpy(&u32, b + 148, 4); cr_assert_eq(u32, 0);
}

/* mmap flags and madvise: NetBSD sys/sys/mman.h (Go's
 * zerrors_netbsd_amd64.go: MAP_ANON 0x1000, MAP_STACK 0x2000). */
Test(netbsd_abi, mmap_flags)
{
    unsigned align = 99;
    int unknown = -1;
    cr_assert_eq(nbsd_mmap_flags_to_linux(0x1000 | 0x2, &align, &unknown), MAP_ANONYMOUS | MAP_PRIVATE);
    cr_assert_eq(align, 0);
    cr_assert_eq(unknown, 0);
    cr_assert_eq(nbsd_mmap_flags_to_linux(0x1000 | 0x2 | 0x10, NULL, NULL),
                 MAP_ANONYMOUS | MAP_PRIVATE | MAP_FIXED);
    cr_assert_eq(nbsd_mmap_flags_to_linux(0x2000, NULL, NULL), MAP_ANONYMOUS | MAP_STACK | MAP_PRIVATE,
                 "MAP_STACK is anonymous; neither SHARED nor PRIVATE is private");
    cr_assert_eq(nbsd_mmap_flags_to_linux(0x1, NULL, NULL), MAP_SHARED);
    cr_assert_eq(nbsd_mmap_flags_to_linux(0x1000 | 0x2 | 0x400 | 0x80, NULL, &unknown),
                 MAP_ANONYMOUS | MAP_PRIVATE, "TRYFIXED, INHERIT dropped");
    cr_assert_eq(unknown, 0);
    nbsd_mmap_flags_to_linux(0x1000 | 0x2 | (21 << 24), &align, &unknown);
    cr_assert_eq(align, 21, "MAP_ALIGNED(21)");
    cr_assert_eq(unknown, 0);
    nbsd_mmap_flags_to_linux(0x1000 | 0x2 | (5 << 24), &align, &unknown);
    cr_assert_eq(unknown, 5 << 24, "alignment below the page size");
    nbsd_mmap_flags_to_linux(0x1 | 0x2 | 0x8000, NULL, &unknown);
    cr_assert_eq(unknown, 0x1 | 0x2 | 0x8000, "SHARED|PRIVATE and an undefined bit");
    cr_assert_eq(nbsd_madvise_to_linux(6), MADV_FREE);
    cr_assert_eq(nbsd_madvise_to_linux(3), MADV_WILLNEED);
    cr_assert_eq(nbsd_madvise_to_linux(4), NBSD_MADV_NOOP);
    cr_assert_eq(nbsd_madvise_to_linux(7), -1);
}

/* Signal numbers and sets: sys/sys/signal.h (Go: SIGINFO 0x1d, SIGUSR1
 * 0x1e, SIGPWR 0x20); sigset_t is 4 x uint32, bit n-1 for signal n. */
Test(netbsd_abi, signals)
{
    cr_assert_eq(nbsd_signo_to_linux(16), SIGURG);
    cr_assert_eq(nbsd_signo_to_linux(20), SIGCHLD);
    cr_assert_eq(nbsd_signo_to_linux(30), SIGUSR1);
    cr_assert_eq(nbsd_signo_to_linux(32), SIGPWR);
    cr_assert_eq(nbsd_signo_to_linux(29), 0, "SIGINFO");
    cr_assert_eq(nbsd_signo_to_linux(33), FBSD_LINUX_RTBASE, "SIGRTMIN");
    cr_assert_eq(nbsd_signo_from_linux(SIGUSR2), 31);
    cr_assert_eq(nbsd_signo_from_linux(SIGSTOP), 17);
    nbsd_sigset_t s;
    memset(&s, 0, sizeof s);
    s.bits[0] = (1u << 15) | (1u << 29);   /* SIGURG, SIGUSR1 */
    s.bits[1] = 0;
    cr_assert_eq(nbsd_sigset_to_linux(&s), (1ULL << (SIGURG - 1)) | (1ULL << (SIGUSR1 - 1)));
    nbsd_sigset_from_linux(&s, (1ULL << (SIGPWR - 1)) | (1ULL << (SIGCHLD - 1)));
    cr_assert_eq(s.bits[0], (1u << 31) | (1u << 19), "SIGPWR is bit 31, SIGCHLD bit 19");
    cr_assert_eq(s.bits[1] | s.bits[2] | s.bits[3], 0);
}

/* siginfo_t to the byte (sys/sys/siginfo.h, LP64): signo@0 code@4
 * errno@8, the reason union at 16 (_fault._addr, _rt._pid/_uid). */
Test(netbsd_abi, siginfo)
{
    siginfo_t in;
    memset(&in, 0, sizeof in);
    in.si_signo = SIGSEGV;
    in.si_code = SEGV_ACCERR;
    in.si_addr = (void *)0xdeadbeef000;
    struct nbsd_siginfo out;
    nbsd_siginfo_from_linux(&out, &in);
    const unsigned char *b = (const unsigned char *)&out;
    int32_t i32;
    uint64_t u64;
    memcpy(&i32, b + 0, 4);  cr_assert_eq(i32, 11);
    memcpy(&i32, b + 4, 4);  cr_assert_eq(i32, 2, "SEGV_ACCERR");
    memcpy(&u64, b + 16, 8); cr_assert_eq(u64, 0xdeadbeef000ULL);
    memset(&in, 0, sizeof in);
    in.si_signo = SIGURG;
    in.si_code = SI_TKILL;
    in.si_pid = 1234;
    in.si_uid = 1000;
    nbsd_siginfo_from_linux(&out, &in);
    memcpy(&i32, b + 0, 4);  cr_assert_eq(i32, 16);
    memcpy(&i32, b + 4, 4);  cr_assert_eq(i32, -5, "SI_LWP");
    memcpy(&i32, b + 16, 4); cr_assert_eq(i32, 1234);
    memcpy(&i32, b + 20, 4); cr_assert_eq(i32, 1000);
}

/* __gregs order (sys/arch/amd64/include/mcontext.h, Go's _REG_*): RDI 0
 * ... R15 11, RBP 12, RBX 13, RAX 14, RIP 21, RFLAGS 23, RSP 24; in the
 * ucontext at 56 (uc_mcontext), _mc_tlsbase at 56 + 208. */
Test(netbsd_abi, gregs)
{
    mcontext_t m;
    memset(&m, 0, sizeof m);
    m.gregs[REG_RDI] = 1;  m.gregs[REG_R8] = 5;   m.gregs[REG_R15] = 12;
    m.gregs[REG_RBP] = 13; m.gregs[REG_RBX] = 14; m.gregs[REG_RAX] = 15;
    m.gregs[REG_RIP] = 0x401000; m.gregs[REG_EFL] = 0x246; m.gregs[REG_RSP] = 0x7ff000;
    struct nbsd_ucontext uc;
    memset(&uc, 0, sizeof uc);
    nbsd_gregs_from_linux(uc.uc_mcontext.gregs, &m);
    uc.uc_mcontext.mc_tlsbase = 0xabc;
    const unsigned char *b = (const unsigned char *)&uc + 56;
    uint64_t u;
    memcpy(&u, b + 0 * 8, 8);  cr_assert_eq(u, 1);
    memcpy(&u, b + 4 * 8, 8);  cr_assert_eq(u, 5);
    memcpy(&u, b + 11 * 8, 8); cr_assert_eq(u, 12);
    memcpy(&u, b + 12 * 8, 8); cr_assert_eq(u, 13);
    memcpy(&u, b + 13 * 8, 8); cr_assert_eq(u, 14);
    memcpy(&u, b + 14 * 8, 8); cr_assert_eq(u, 15);
    memcpy(&u, b + 21 * 8, 8); cr_assert_eq(u, 0x401000);
    memcpy(&u, b + 23 * 8, 8); cr_assert_eq(u, 0x246);
    memcpy(&u, b + 24 * 8, 8); cr_assert_eq(u, 0x7ff000);
    memcpy(&u, b + 208, 8);    cr_assert_eq(u, 0xabc);
    /* Back: every register, but only user-changeable rflags bits. */
    mcontext_t back;
    memset(&back, 0, sizeof back);
    back.gregs[REG_EFL] = 0x202;
    uc.uc_mcontext.gregs[NBSD_REG_RFLAGS] = 0x3001 | 0x400;   /* IOPL bits, CF, DF */
    nbsd_gregs_to_linux(&back, uc.uc_mcontext.gregs);
    cr_assert_eq(back.gregs[REG_RIP], 0x401000);
    cr_assert_eq(back.gregs[REG_R15], 12);
    cr_assert_eq(back.gregs[REG_RBX], 14);
    cr_assert_eq(back.gregs[REG_EFL], 0x202 | 0x1 | 0x400, "IOPL is not the guest's to set");
}

/* struct kevent (sys/sys/event.h, Go's keventt): 40 bytes, filter at 8
 * (EVFILT_READ 0, EVFILT_WRITE 1, EVFILT_TIMER 6, EVFILT_USER 8), flags at
 * 12, fflags 16, data 24, udata 32; converted to FreeBSD's numbering. */
Test(netbsd_abi, kevent)
{
    unsigned char raw[40];
    memset(raw, 0, sizeof raw);
    uint64_t ident = 7, udata = 0xfeed;
    uint32_t filter = 1, flags = 0x1 | 0x20, fflags = 0;
    int64_t data = 99;
    memcpy(raw + 0, &ident, 8);  memcpy(raw + 8, &filter, 4);
    memcpy(raw + 12, &flags, 4); memcpy(raw + 16, &fflags, 4);
    memcpy(raw + 24, &data, 8);  memcpy(raw + 32, &udata, 8);
    struct nbsd_kevent nk;
    memcpy(&nk, raw, sizeof nk);
    struct fbsd_kevent fk;
    nbsd_kevent_to_fbsd(&fk, &nk);
    cr_assert_eq(fk.ident, 7);
    cr_assert_eq(fk.filter, FBSD_EVFILT_WRITE);
    cr_assert_eq(fk.flags, FBSD_EV_ADD | FBSD_EV_CLEAR);
    cr_assert_eq(fk.data, 99);
    cr_assert_eq(fk.udata, 0xfeed);
    nk.filter = 0;
    nbsd_kevent_to_fbsd(&fk, &nk);
    cr_assert_eq(fk.filter, FBSD_EVFILT_READ, "NetBSD's EVFILT_READ is 0, not FreeBSD's skip");
    nk.filter = 8;
    nbsd_kevent_to_fbsd(&fk, &nk);
    cr_assert_eq(fk.filter, FBSD_EVFILT_USER);
    nk.filter = 77;
    nbsd_kevent_to_fbsd(&fk, &nk);
    cr_assert_eq(fk.filter, NBSD_EVFILT_UNKNOWN_AS_FBSD);
    fk.filter = FBSD_EVFILT_TIMER;
    fk.flags = FBSD_EV_EOF | FBSD_EV_ONESHOT;
    fk.data = -5;
    fk.udata = 0x1234;
    struct nbsd_kevent back;
    nbsd_kevent_from_fbsd(&back, &fk);
    memcpy(raw, &back, sizeof raw);
    memcpy(&filter, raw + 8, 4);  cr_assert_eq(filter, 6);
    memcpy(&flags, raw + 12, 4);  cr_assert_eq(flags, 0x8000 | 0x10);
    memcpy(&data, raw + 24, 8);   cr_assert_eq(data, -5);
    memcpy(&udata, raw + 32, 8);  cr_assert_eq(udata, 0x1234);
}

/* __getdents30 records: NetBSD sys/sys/dirent.h -- d_fileno u64, d_reclen,
 * d_namlen u16, d_type u8, the name at offset 13, records padded to 8. */
static size_t linux_rec(unsigned char *p, uint64_t ino, int64_t off, unsigned char type, const char *name)
{
    size_t n = strlen(name), rl = (19 + n + 1 + 7) & ~(size_t)7;
    memset(p, 0, rl);
    memcpy(p, &ino, 8);
    memcpy(p + 8, &off, 8);
    uint16_t r16 = (uint16_t)rl;
    memcpy(p + 16, &r16, 2);
    p[18] = type;
    memcpy(p + 19, name, n);
    return rl;
}

Test(netbsd_abi, dirents)
{
    unsigned char in[256], out[256];
    size_t n = linux_rec(in, 42, 7, DT_DIR, ".");
    n += linux_rec(in + n, 0x123456789aULL, 9, DT_REG, "hello.txt");
    memset(out, 0xee, sizeof out);
    size_t consumed = 0;
    int64_t last = -1;
    size_t w = nbsd_dirents_from_linux(out, sizeof out, in, n, 0, &consumed, &last);
    cr_assert_eq(w, 16 + 24);        /* 13+1+1 -> 16, 13+9+1 -> 24 */
    cr_assert_eq(consumed, n);
    cr_assert_eq(last, 9);
    uint64_t ino;
    uint16_t reclen, namlen;
    memcpy(&ino, out + 16, 8);
    memcpy(&reclen, out + 16 + 8, 2);
    memcpy(&namlen, out + 16 + 10, 2);
    cr_assert_eq(ino, 0x123456789aULL);
    cr_assert_eq(reclen, 24);
    cr_assert_eq(namlen, 9);
    cr_assert_eq(out[16 + 12], DT_REG);
    cr_assert_eq(memcmp(out + 16 + 13, "hello.txt", 10), 0);   /* NUL too */
    cr_assert_eq(out[16 + 23], 0);                             /* padding */
    /* Room for the first record only: stop there, say how far. */
    w = nbsd_dirents_from_linux(out, 20, in, n, 0, &consumed, &last);
    cr_assert_eq(w, 16);
    cr_assert_eq(last, 7);
    cr_assert_lt(consumed, n);
}

/* abi/netbsd/termios.c: FreeBSD's conversion but for CRTSCTS (one bit,
 * 0x10000, on NetBSD) and the spare c_cc[7] (sys/sys/termios.h). */
#include "abi/netbsd/termios.h"

Test(netbsd_abi, termios_differences)
{
	struct termios lt;
	memset(&lt, 0, sizeof lt);
	lt.c_cflag = CS8 | CREAD | CRTSCTS;
	lt.c_cc[VINTR] = 3;
	struct fbsd_termios nt;
	nbsd_termios_from_linux(&nt, &lt);
	cr_assert_eq(nt.c_cflag & 0x00030000u, NBSD_CRTSCTS, "NetBSD CRTSCTS is 0x10000 alone");
	cr_assert_eq(nt.c_cflag & 0x300, 0x300, "CS8");
	cr_assert_eq(nt.c_cc[NBSD_CC_SPARE], 0xff);
	cr_assert_eq(nt.c_cc[8 /* VINTR */], 3);
	struct termios back;
	nbsd_termios_to_linux(&back, &nt);
	cr_assert(back.c_cflag & CRTSCTS);
	nt.c_cflag = (nt.c_cflag & ~NBSD_CRTSCTS) | NBSD_CDTRCTS;
	nbsd_termios_to_linux(&back, &nt);
	cr_assert(!(back.c_cflag & CRTSCTS), "CDTRCTS is not RTS/CTS flow control");
}

/* NetBSD real-time signals (33..63) in the Linux slots FreeBSD's use. */
#include "abi/netbsd/signal.h"
#include "abi/freebsd/signal.h"

Test(netbsd_abi, realtime_signals)
{
	cr_assert_eq(nbsd_signo_to_linux(33), FBSD_LINUX_RTBASE);
	cr_assert_eq(nbsd_signo_to_linux(57), 63);
	cr_assert_eq(nbsd_signo_to_linux(58), 0, "no Linux slot left");
	for (int n = 33; n <= 57; n++)
		cr_assert_eq(nbsd_signo_from_linux(nbsd_signo_to_linux(n)), n);
	cr_assert_eq(nbsd_signo_from_linux(64), 0, "persona's and glibc's own are no guest's");
	cr_assert_eq(nbsd_signo_from_linux(34), 0);
	nbsd_sigset_t s;
	memset(&s, 0, sizeof s);
	s.bits[1] = 1u << (40 - 33);            /* signal 40 */
	uint64_t m = nbsd_sigset_to_linux(&s);
	cr_assert_eq(m, 1ULL << (nbsd_signo_to_linux(40) - 1));
	nbsd_sigset_t back;
	nbsd_sigset_from_linux(&back, m);
	cr_assert_eq(back.bits[1], s.bits[1]);
}
