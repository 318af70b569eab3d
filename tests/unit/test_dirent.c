/* Unit tests for abi/freebsd/dirent.{h,c}.  Layouts from sys/sys/dirent.h;
 * the FreeBSD 11 record length from freebsd11_kern_getdirentries()
 * (sys/kern/vfs_syscalls.c).  Input and expected output are byte arrays
 * written out by hand (little-endian). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <dirent.h>
#include <stddef.h>
#include <string.h>

#include "abi/freebsd/dirent.h"

/* Two struct linux_dirent64 records:
 *   ino 2, off 0x10, reclen 24, DT_DIR, "."
 *   ino 0x1122334455667788, off INT64_MAX, reclen 32, DT_REG, "hello.txt" */
static const unsigned char linux_buf[] = {
	0x02,0,0,0,0,0,0,0,  0x10,0,0,0,0,0,0,0,  24,0,  4,
	'.',0,  0,0,0,
	0x88,0x77,0x66,0x55,0x44,0x33,0x22,0x11,
	0xff,0xff,0xff,0xff,0xff,0xff,0xff,0x7f,  32,0,  8,
	'h','e','l','l','o','.','t','x','t',0,  0,0,0,
};

/* FreeBSD 12+ records: reclen = roundup8(24 + namlen + 1) = 32 and 40. */
static const unsigned char fbsd_expect[] = {
	0x02,0,0,0,0,0,0,0,  0x10,0,0,0,0,0,0,0,  32,0,  4, 0,  1,0,  0,0,
	'.',0,0,0,0,0,0,0,
	0x88,0x77,0x66,0x55,0x44,0x33,0x22,0x11,
	0xff,0xff,0xff,0xff,0xff,0xff,0xff,0x7f,  40,0,  8, 0,  9,0,  0,0,
	'h','e','l','l','o','.','t','x','t',0,0,0,0,0,0,0,
};

/* FreeBSD 11 records: reclen = 8 + roundup4(namlen + 1) = 12 and 20;
 * d_fileno truncated to 32 bits. */
static const unsigned char fbsd11_expect[] = {
	0x02,0,0,0,  12,0,  4,  1,  '.',0,0,0,
	0x88,0x77,0x66,0x55,  20,0,  8,  9,
	'h','e','l','l','o','.','t','x','t',0,0,0,
};

Test(dirent, layout)
{
	cr_assert_eq(sizeof(struct fbsd_dirent), 280);
	cr_assert_eq(offsetof(struct fbsd_dirent, d_reclen), 16);
	cr_assert_eq(offsetof(struct fbsd_dirent, d_type), 18);
	cr_assert_eq(offsetof(struct fbsd_dirent, d_namlen), 20);
	cr_assert_eq(offsetof(struct fbsd_dirent, d_name), 24);
	cr_assert_eq(sizeof(struct fbsd11_dirent), 264);
	cr_assert_eq(offsetof(struct fbsd11_dirent, d_name), 8);
	cr_assert_eq(FBSD_DIRENT_RECLEN(1), 32);
	cr_assert_eq(FBSD_DIRENT_RECLEN(7), 32);
	cr_assert_eq(FBSD_DIRENT_RECLEN(8), 40);
	cr_assert_eq(FBSD11_DIRENT_RECLEN(3), 12);
	cr_assert_eq(FBSD11_DIRENT_RECLEN(4), 16);
}

Test(dirent, dt_values)
{
	/* sys/sys/dirent.h */
	cr_assert_eq(DT_FIFO, 1);
	cr_assert_eq(DT_CHR, 2);
	cr_assert_eq(DT_DIR, 4);
	cr_assert_eq(DT_BLK, 6);
	cr_assert_eq(DT_REG, 8);
	cr_assert_eq(DT_LNK, 10);
	cr_assert_eq(DT_SOCK, 12);
	cr_assert_eq(DT_WHT, 14);
}

Test(dirent, convert_all_fbsd12)
{
	unsigned char out[256];
	size_t consumed = 0;
	int64_t last = 0;

	memset(out, 0xcc, sizeof(out));
	size_t n = fbsd_dirents_from_linux(out, sizeof(out), linux_buf,
	                                   sizeof(linux_buf), 0, &consumed, &last);
	cr_assert_eq(n, sizeof(fbsd_expect));
	cr_assert_eq(memcmp(out, fbsd_expect, n), 0);
	cr_assert_eq(consumed, sizeof(linux_buf));
	cr_assert_eq(last, INT64_MAX);
	cr_assert_eq(out[n], 0xcc, "nothing written past the end");
}

Test(dirent, convert_all_fbsd11)
{
	unsigned char out[256];
	size_t consumed = 0;
	int64_t last = 0;

	memset(out, 0xcc, sizeof(out));
	size_t n = fbsd_dirents_from_linux(out, sizeof(out), linux_buf,
	                                   sizeof(linux_buf), 1, &consumed, &last);
	cr_assert_eq(n, sizeof(fbsd11_expect));
	cr_assert_eq(memcmp(out, fbsd11_expect, n), 0);
	cr_assert_eq(consumed, sizeof(linux_buf));
	cr_assert_eq(last, INT64_MAX);
}

Test(dirent, second_record_does_not_fit)
{
	unsigned char out[71];   /* 32 + 39: one byte short of both */
	size_t consumed = 99;
	int64_t last = -7;

	size_t n = fbsd_dirents_from_linux(out, sizeof(out), linux_buf,
	                                   sizeof(linux_buf), 0, &consumed, &last);
	cr_assert_eq(n, 32);
	cr_assert_eq(memcmp(out, fbsd_expect, 32), 0);
	cr_assert_eq(consumed, 24, "only the first Linux record");
	cr_assert_eq(last, 0x10, "caller lseeks here to resume");
}

Test(dirent, nothing_fits)
{
	unsigned char out[31];
	size_t consumed = 99;
	int64_t last = -7;

	size_t n = fbsd_dirents_from_linux(out, sizeof(out), linux_buf,
	                                   sizeof(linux_buf), 0, &consumed, &last);
	cr_assert_eq(n, 0);
	cr_assert_eq(consumed, 0);
	cr_assert_eq(last, -7, "untouched when nothing converted");

	/* 12 bytes hold exactly the first FreeBSD 11 record */
	n = fbsd_dirents_from_linux(out, 12, linux_buf, sizeof(linux_buf), 1,
	                            &consumed, &last);
	cr_assert_eq(n, 12);
	cr_assert_eq(consumed, 24);
	cr_assert_eq(last, 0x10);
}

Test(dirent, truncated_and_malformed_input)
{
	unsigned char out[256];
	unsigned char bad[sizeof(linux_buf)];
	size_t consumed;

	/* input cut inside the second record: only the first is taken */
	size_t n = fbsd_dirents_from_linux(out, sizeof(out), linux_buf, 40, 0,
	                                   &consumed, NULL);
	cr_assert_eq(n, 32);
	cr_assert_eq(consumed, 24);

	/* a zero d_reclen stops the walk instead of looping */
	memcpy(bad, linux_buf, sizeof(bad));
	bad[24 + 16] = 0;
	bad[24 + 17] = 0;
	n = fbsd_dirents_from_linux(out, sizeof(out), bad, sizeof(bad), 0,
	                            &consumed, NULL);
	cr_assert_eq(n, 32);
	cr_assert_eq(consumed, 24);

	/* empty input */
	n = fbsd_dirents_from_linux(out, sizeof(out), linux_buf, 0, 0, &consumed, NULL);
	cr_assert_eq(n, 0);
	cr_assert_eq(consumed, 0);
}

Test(dirent, long_name)
{
	/* one Linux record with a 255-byte name: FreeBSD reclen 24+256 = 280 */
	unsigned char in[19 + 256 + 5];
	unsigned char out[300];
	struct fbsd_dirent d;
	size_t consumed;

	memset(in, 0, sizeof(in));
	in[0] = 5;
	in[16] = (unsigned char)sizeof(in);
	in[17] = (unsigned char)(sizeof(in) >> 8);
	in[18] = DT_LNK;
	memset(in + 19, 'x', 255);
	size_t n = fbsd_dirents_from_linux(out, sizeof(out), in, sizeof(in), 0,
	                                   &consumed, NULL);
	cr_assert_eq(n, 280);
	cr_assert_eq(consumed, sizeof(in));
	memcpy(&d, out, sizeof(d));
	cr_assert_eq(d.d_namlen, 255);
	cr_assert_eq(d.d_reclen, 280);
	cr_assert_eq(d.d_type, DT_LNK);
	cr_assert_eq(d.d_name[254], 'x');
	cr_assert_eq(d.d_name[255], 0);
}
