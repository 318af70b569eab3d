/*
 * args.c — what the loader put on the initial stack: argc, argv, envp and
 * the aux vector. Output is identical for the FreeBSD and Linux builds:
 * argv[0] is reduced to its base name without a "-linux" suffix, and the
 * OS-specific aux vector entries are summarised as one "auxv-os=" line.
 */
#include "sys.h"

static const char *base_name(const char *p)
{
	const char *b = p;
	for (; *p; p++)
		if (*p == '/')
			b = p + 1;
	return b;
}

static void put_argv0(const char *a0)
{
	char buf[256];
	size_t n;
	str_cpy(buf, base_name(a0), sizeof buf);
	n = str_len(buf);
	if (n > 6 && str_cmp(buf + n - 6, "-linux") == 0)
		buf[n - 6] = 0;
	put_str(buf);
}

static int has(unsigned long *auxv, unsigned long key, unsigned long *val)
{
	for (; auxv[0] != AT_NULL; auxv += 2)
		if (auxv[0] == key) {
			if (val)
				*val = auxv[1];
			return 1;
		}
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	static const char var[] = "PERSONA_SAMPLE_VAR=";
	char **e;
	unsigned long *auxv, v;
	int found = 0;

	put_kv("argc", argc);
	put_str("argv[0]=");
	put_argv0(argv[0]);
	put_str("\n");
	for (int i = 1; i < argc; i++) {
		put_str("argv[");
		put_num(i);
		put_str("]=");
		put_str(argv[i]);
		put_str("\n");
	}
	put_str(argv[argc] == NULL ? "argv[argc]=NULL\n" : "argv[argc]=non-NULL\n");

	for (e = envp; *e; e++)
		if (!found && str_ncmp(*e, var, sizeof var - 1) == 0) {
			put_str("PERSONA_SAMPLE_VAR=");
			put_str(*e + sizeof var - 1);
			put_str("\n");
			found = 1;
		}
	if (!found)
		put_str("PERSONA_SAMPLE_VAR unset\n");

	auxv = (unsigned long *)(e + 1);
	if (has(auxv, AT_PAGESZ, &v))
		put_kv("pagesz", (long)v);
	else
		put_str("pagesz missing\n");

	put_str("auxv-os=");
#ifdef TARGET_FREEBSD
	{
		int ok = 1;
		if (!has(auxv, FBSD_AT_EXECPATH, &v) || !v) {
			put_str(" missing:AT_EXECPATH");
			ok = 0;
		}
		if (!has(auxv, FBSD_AT_OSRELDATE, &v) || !v) {
			put_str(" missing:AT_OSRELDATE");
			ok = 0;
		}
		if (!has(auxv, FBSD_AT_NCPUS, &v) || !v) {
			put_str(" missing:AT_NCPUS");
			ok = 0;
		}
		if (ok)
			put_str("ok");
	}
#elif defined(TARGET_NETBSD)
	{
		/* sys/kern/exec_elf.c elf_copyargs: the executable's path and
		 * the credentials (sys/sys/exec_elf.h AT_SUN_EXECNAME, AT_EUID). */
		int ok = 1;
		if (!has(auxv, 2014, &v) || !v) {
			put_str(" missing:AT_SUN_EXECNAME");
			ok = 0;
		}
		if (!has(auxv, 2000, &v)) {
			put_str(" missing:AT_EUID");
			ok = 0;
		}
		if (ok)
			put_str("ok");
	}
#else
	/* Linux has no OSRELDATE/NCPUS; its closest executable-path entry. */
	put_str(has(auxv, LINUX_AT_EXECFN, &v) && v ? "ok" : " missing:AT_EXECFN");
#endif
	put_str("\n");
	return 0;
}
