/*
 * mmap.c — anonymous memory: mmap, write a pattern, checksum, mprotect,
 * MAP_FIXED replacement of one page, partial munmap, a large sparse mapping.
 * Addresses are never printed (they differ between runs); only facts.
 */
#include "sys.h"

#define PAGE 4096UL
#define NPAGES 8

static unsigned long checksum(const unsigned char *p, unsigned long n)
{
	unsigned long h = 1469598103934665603UL;  /* FNV-1a */
	for (unsigned long i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211UL;
	return h;
}

int main(int argc, char **argv, char **envp)
{
	unsigned char *p, *q, *big;
	unsigned long len = NPAGES * PAGE, zero = 1;
	long r;

	p = sys_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (MAP_FAILED_P(p))
		die("mmap", (long)p);
	put_kv("mmap-aligned", ((unsigned long)p & (PAGE - 1)) == 0);
	for (unsigned long i = 0; i < len; i++)
		zero &= p[i] == 0;
	put_kv("initially-zero", zero);
	for (unsigned long i = 0; i < len; i++)
		p[i] = (unsigned char)(i * 7 + 3);
	put_str("checksum=");
	put_hex(checksum(p, len));
	put_str("\n");

	put_result("mprotect-ro", sys_mprotect(p, len, PROT_READ));
	put_str("checksum-ro=");
	put_hex(checksum(p, len));
	put_str("\n");
	put_result("mprotect-rw", sys_mprotect(p, len, PROT_READ | PROT_WRITE));
	p[0] = 0xAA;
	put_kv("write-after-rw", p[0]);

	/* Replace page 2 with a fresh zero page at the same address. */
	q = sys_mmap(p + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE,
	             MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
	if (MAP_FAILED_P(q))
		die("mmap MAP_FIXED", (long)q);
	put_kv("fixed-at-requested-address", q == p + 2 * PAGE);
	zero = 1;
	for (unsigned long i = 0; i < PAGE; i++)
		zero &= q[i] == 0;
	put_kv("fixed-page-zero", zero);
	put_kv("neighbour-page-kept", p[PAGE + 5] == (unsigned char)((PAGE + 5) * 7 + 3) &&
	                                  p[3 * PAGE + 5] == (unsigned char)((3 * PAGE + 5) * 7 + 3));
	put_str("checksum-after-fixed=");
	put_hex(checksum(p, len));
	put_str("\n");

	/* Unmap the middle, then map exactly there again with MAP_FIXED. */
	put_result("munmap-middle", sys_munmap(p + 4 * PAGE, 2 * PAGE));
	q = sys_mmap(p + 4 * PAGE, 2 * PAGE, PROT_READ | PROT_WRITE,
	             MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
	put_kv("remap-hole", !MAP_FAILED_P(q) && q == p + 4 * PAGE && q[0] == 0);
	put_result("munmap-all", sys_munmap(p, len));

	/* 256 MiB reserved, touch one byte per MiB. */
	big = sys_mmap(NULL, 256UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (MAP_FAILED_P(big))
		die("mmap big", (long)big);
	for (unsigned long off = 0; off < (256UL << 20); off += 1UL << 20)
		big[off] = (unsigned char)(off >> 20);
	r = 0;
	for (unsigned long off = 0; off < (256UL << 20); off += 1UL << 20)
		r += big[off];
	put_kv("big-sum", r);
	put_result("munmap-big", sys_munmap(big, 256UL << 20));

	put_result("mmap-zero-length",
	           (long)sys_mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0));
	return 0;
}
