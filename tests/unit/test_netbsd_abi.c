/* abi/netbsd converters, to the byte: errnos, open flags, struct stat. */
#define _GNU_SOURCE 1
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include "abi/netbsd/errno.h"
#include "abi/netbsd/fcntl.h"
#include "abi/netbsd/stat.h"

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
