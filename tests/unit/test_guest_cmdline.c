/* Unit tests for syscalls/guest_cmdline.{h,c}: the guest's argv inside the
 * command lines persona starts itself with.  Vectors: "|" separates the
 * arguments; an empty `guest` means "not a persona command line". */
#include <criterion/criterion.h>
#include <string.h>
#include "syscalls/guest_cmdline.h"

struct vec {
	const char *cmdline, *guest, *prog;
};

static const struct vec vecs[] = {
	/* started by hand */
	{ "persona|run|./prog|a|b", "./prog|a|b", "./prog" },
	{ "/usr/bin/persona|run|--debug|--trace=file|-o|out.txt|./prog", "./prog", "./prog" },
	{ "persona|run|--|-prog-with-dash|x", "-prog-with-dash|x", "-prog-with-dash" },
	{ "persona|run|--argv0=name|./prog|x", "name|x", "./prog" },
	/* a guest's exec of a foreign program (syscalls/process.c) */
	{ "/opt/persona|run|--trace-fd=5|--argv0=sysctls-child|--|/abs/go-sysctls|child",
	  "sysctls-child|child", "/abs/go-sysctls" },
	{ "persona|run|--argv0=|--|/p|x", "|x", "/p" },
	/* binfmt_misc: PATH ARGV0 ARGS */
	{ "/b/persona-binfmt|/abs/prog|prog|1|2", "prog|1|2", "/abs/prog" },
	/* not persona running a program */
	{ "persona|syscalls", "", NULL },
	{ "persona|run|--debug", "", NULL },
	{ "bash|-c|x", "", NULL },
	{ "persona", "", NULL },
};

/* "a|b" -> "a\0b\0", its length in *len. */
static char *nul_sep(const char *s, size_t *len)
{
	static char buf[2][512];
	static int which;
	char *b = buf[which++ & 1];
	size_t l = strlen(s);
	memcpy(b, s, l + 1);
	for (size_t i = 0; i < l; i++)
		if (b[i] == '|')
			b[i] = 0;
	*len = l + 1;
	return b;
}

static void check(const struct vec *v)
{
	size_t inlen, wantlen;
	char *in = nul_sep(v->cmdline, &inlen);
	char out[512];
	const char *prog = NULL;
	size_t got = guest_cmdline(in, inlen, out, &prog);
	if (!v->guest[0]) {
		cr_assert_eq(got, 0, "%s: not a persona run line", v->cmdline);
		return;
	}
	char *want = nul_sep(v->guest, &wantlen);
	cr_assert_eq(got, wantlen, "%s: length %zu, want %zu", v->cmdline, got, wantlen);
	cr_assert(memcmp(out, want, wantlen) == 0, "%s: guest argv differs", v->cmdline);
	cr_assert_str_eq(prog, v->prog);
}

Test(guest_cmdline, vectors)
{
	for (size_t i = 0; i < sizeof vecs / sizeof vecs[0]; i++)
		check(&vecs[i]);
}

Test(guest_cmdline, this_process_is_not_persona)
{
	cr_assert_not(guest_cmdline_is_persona(1) && guest_cmdline_is_persona(0x3ffffff0));
	cr_assert_not(guest_cmdline_is_persona(0x3ffffff0));
}
