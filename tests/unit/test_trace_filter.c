/* Unit tests for syscalls/trace_filter.c: --trace=SPEC against the FreeBSD
 * table, and the suggestion for a name that is not in it. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include "personality/personality.h"
#include "syscalls/trace.h"

static const char *refusal(const char *spec)
{
	static char err[160];
	err[0] = 0;
	cr_assert_not(trace_parse_filter(&freebsd_personality, spec, err, sizeof err), "%s accepted", spec);
	return err;
}

Test(trace_filter, known_names_and_classes)
{
	char err[160];
	cr_assert(trace_parse_filter(&freebsd_personality, "open,read,%file", err, sizeof err));
	cr_assert_eq(trace_config.filter[5], 1);      /* open */
	cr_assert_eq(trace_config.filter[3], 1);      /* read */
	cr_assert_eq(trace_config.filter[4], 0);      /* write: not asked for */
	cr_assert_eq(trace_config.filter[10], 1);     /* unlink takes a path: %file */
}

Test(trace_filter, suggestions)
{
	cr_assert_str_eq(refusal("opne"), "unknown system call 'opne' (did you mean 'open'?)");
	cr_assert_str_eq(refusal("open,mmpa"), "unknown system call 'mmpa' (did you mean 'mmap'?)");
	cr_assert_str_eq(refusal("clock_gettim"), "unknown system call 'clock_gettim' (did you mean 'clock_gettime'?)");
	cr_assert_str_eq(refusal("%fiel"), "unknown class '%fiel' (did you mean '%file'?)");
	cr_assert_str_eq(refusal("%sgnal"), "unknown class '%sgnal' (did you mean '%signal'?)");
}

Test(trace_filter, nothing_close)
{
	cr_assert_str_eq(refusal("xyzzyplugh"), "unknown system call 'xyzzyplugh'");
	cr_assert_str_eq(refusal("%"), "unknown class '%'");
	cr_assert_str_eq(refusal(","), "no system call named in ','");
	cr_assert_str_eq(refusal("/tmp/trace.txt"), "unknown system call '/tmp/trace.txt'");
}
