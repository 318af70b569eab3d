/*
 * memguard.c — a guest must not be able to unmap, replace or re-protect
 * persona's own memory, and its own memory must keep working.
 *
 * Under persona the FreeBSD build finds persona's mappings the way a test
 * can: in the host's /proc/self/maps (persona's executable text, its
 * [stack], the [vdso]), then aims munmap, MAP_FIXED mmap, mprotect,
 * madvise(MADV_FREE) and minherit at them and at wide ranges that surely
 * cover them.  Each must fail with FreeBSD's EINVAL and change nothing;
 * without the guard persona dies on the spot.  The Linux build has no
 * persona to aim at: it prints the same lines for those checks and does
 * the own-memory checks for real.  Addresses are never printed.
 */
#include "sys.h"

#define PAGE 4096UL
#define USER_TOP 0x7ffffffff000UL
#ifdef TARGET_FREEBSD
#define NR_madvise  75
#define NR_minherit 250
#define MADV_FREE 5
#define INHERIT_NONE 2
#else
#define NR_madvise  28
#define MADV_FREE 8
#endif

struct area { unsigned long start, end; };

static unsigned long checksum(const unsigned char *p, unsigned long n)
{
	unsigned long h = 1469598103934665603UL;  /* FNV-1a */
	for (unsigned long i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211UL;
	return h;
}

#ifdef TARGET_FREEBSD
static char maps[1 << 18];

static unsigned long hex(const char **s)
{
	unsigned long v = 0;
	for (;; (*s)++) {
		char c = **s;
		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else
			return v;
	}
}

static int ends_with(const char *s, const char *e, const char *suffix)
{
	size_t n = str_len(suffix);
	return (size_t)(e - s) >= n && str_ncmp(e - n, suffix, n) == 0;
}

/* The first line of the host's /proc/self/maps with these permissions
 * whose name ends with `name`. */
static struct area find(const char *perms, const char *name)
{
	struct area a = { 0, 0 };
	for (const char *l = maps; *l;) {
		const char *eol = l;
		while (*eol && *eol != '\n')
			eol++;
		const char *p = l;
		unsigned long s = hex(&p);
		p++;
		unsigned long e = hex(&p);
		p++;
		if (str_ncmp(p, perms, 4) == 0 && ends_with(l, eol, name)) {
			a.start = s;
			a.end = e;
			return a;
		}
		l = *eol ? eol + 1 : eol;
	}
	return a;
}

static void persona_checks(unsigned char *own, unsigned long len)
{
	long fd = sys_open("/proc/self/maps", O_RDONLY, 0);
	long n = 0, r;
	while (fd >= 0 && n < (long)sizeof maps - 1 &&
	       (r = sys_read(fd, maps + n, sizeof maps - 1 - n)) > 0)
		n += r;
	maps[n] = 0;
	sys_close(fd);
	struct area text = find("r-xp", "/persona");
	struct area stack = find("rw-p", "[stack]");
	struct area vdso = find("r-xp", "[vdso]");
	if (!text.start || !stack.start || !vdso.start)
		die("persona's mappings not found in /proc/self/maps", -2);

	unsigned long tlen = text.end - text.start, slen = stack.end - stack.start;
	put_result("munmap-persona-text", sys_munmap((void *)text.start, tlen));
	put_result("mmap-fixed-persona-text",
	           (long)sys_mmap((void *)text.start, PAGE, PROT_READ | PROT_WRITE,
	                          MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0));
	put_result("mprotect-persona-text", sys_mprotect((void *)text.start, tlen, PROT_NONE));
	put_result("munmap-persona-stack", sys_munmap((void *)stack.start, slen));
	put_result("mprotect-persona-stack", sys_mprotect((void *)stack.start, slen, PROT_READ));
	put_result("madvise-free-persona-stack", SC3(NR_madvise, stack.start, slen, MADV_FREE));
	put_result("minherit-none-persona-stack", SC3(NR_minherit, stack.start, slen, INHERIT_NONE));
	put_result("munmap-persona-vdso", sys_munmap((void *)vdso.start, vdso.end - vdso.start));

	/* Wide ranges: the top terabyte (persona's stack is always there), and
	 * from the guest's own mapping to the end of user space. */
	unsigned long hi = 0x7f0000000000UL;
	put_result("munmap-high", sys_munmap((void *)hi, USER_TOP - hi));
	put_result("mmap-fixed-high",
	           (long)sys_mmap((void *)hi, USER_TOP - hi, PROT_NONE,
	                          MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0));
	put_result("mprotect-own-to-top",
	           sys_mprotect(own, USER_TOP - (unsigned long)own, PROT_NONE));
	unsigned long lo = (unsigned long)own < text.start ? (unsigned long)own : text.start;
	unsigned long top = (unsigned long)own + len > text.end ? (unsigned long)own + len : text.end;
	put_result("munmap-own-and-persona", sys_munmap((void *)lo, top - lo));
}
#else
static void persona_checks(unsigned char *own, unsigned long len)
{
	static const char *const labels[] = {
		"munmap-persona-text", "mmap-fixed-persona-text", "mprotect-persona-text",
		"munmap-persona-stack", "mprotect-persona-stack", "madvise-free-persona-stack",
		"minherit-none-persona-stack", "munmap-persona-vdso", "munmap-high",
		"mmap-fixed-high", "mprotect-own-to-top", "munmap-own-and-persona",
	};
	for (unsigned i = 0; i < sizeof labels / sizeof labels[0]; i++)
		put_result(labels[i], -22 /* EINVAL */);
}
#endif

int main(int argc, char **argv, char **envp)
{
	unsigned long len = 8 * PAGE;
	unsigned char *own = sys_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (MAP_FAILED_P(own))
		die("mmap", (long)own);
	for (unsigned long i = 0; i < len; i++)
		own[i] = (unsigned char)(i * 13 + 1);
	unsigned long sum = checksum(own, len);

	persona_checks(own, len);

	/* Nothing of the guest's changed, and it is all still usable. */
	put_kv("own-intact", checksum(own, len) == sum);
	own[len - 1] ^= 0xff;
	own[len - 1] ^= 0xff;
	put_kv("own-writable", checksum(own, len) == sum);

	unsigned char *q = sys_mmap(own + PAGE, PAGE, PROT_READ | PROT_WRITE,
	                            MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
	put_kv("own-fixed-replace", q == own + PAGE && q[0] == 0 && own[0] == 1);
	put_result("own-munmap-page", sys_munmap(own + 3 * PAGE, PAGE));
	q = sys_mmap(own + 3 * PAGE, PAGE, PROT_READ | PROT_WRITE,
	             MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
	put_kv("own-fixed-into-hole", q == own + 3 * PAGE && q[5] == 0);
	put_result("own-mprotect-ro", sys_mprotect(own, len, PROT_READ));
	put_result("own-mprotect-rw", sys_mprotect(own, len, PROT_READ | PROT_WRITE));
	put_result("own-madvise-free", SC3(NR_madvise, own + 4 * PAGE, 2 * PAGE, MADV_FREE));
	put_result("own-munmap", sys_munmap(own, len));

	/* Free space the guest just gave back: MAP_FIXED may take it. */
	q = sys_mmap(own + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE,
	             MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0);
	put_kv("fixed-into-freed-space", q == own + 2 * PAGE);
	if (!MAP_FAILED_P(q)) {
		q[0] = 7;
		put_result("munmap-it", sys_munmap(q, PAGE));
	}
	unsigned char *f = sys_mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	put_kv("fresh-mmap", !MAP_FAILED_P(f) && f[0] == 0);
	return 0;
}
