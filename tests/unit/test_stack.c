/* The initial stack the loader builds: argc/argv/envp/auxv layout, blobs,
 * the BSD ps_strings, and FreeBSD's alignment of argc. */
#include <criterion/criterion.h>
#include <string.h>
#include "loader/stack.h"

Test(stack, layout)
{
    char *argv[] = { "prog", "one", "two words", NULL };
    char *envp[] = { "A=1", "B=two", NULL };
    static const char path[] = "/bin/prog";
    struct auxv_item aux[] = {
        { 6, AUXV_VALUE, 4096 },
        { 15, AUXV_BLOB, 0, path, sizeof path },
        { 29, AUXV_ARGV },
        { 31, AUXV_ENVV },
        { 32, AUXV_PS_STRINGS },
    };
    struct stack_request req = { .argc = 3, .argv = argv, .envp = envp, .aux = aux,
                                 .naux = 5, .size = 1 << 20, .prot = 3, .bsd_ps_strings = true };
    struct stack_result res;
    char err[128];
    cr_assert_eq(stack_build(&req, &res, err, sizeof err), 0, "%s", err);

    /* FreeBSD's exec_setregs: %rsp = ((argc_addr - 8) & ~15) + 8 == argc_addr. */
    cr_assert_eq(res.argc_addr % 16, 8);
    cr_assert(res.argc_addr > res.base && res.argc_addr < res.top);
    uint64_t *w = (uint64_t *)res.argc_addr;
    cr_assert_eq(w[0], 3);
    cr_assert_str_eq((char *)w[1], "prog");
    cr_assert_str_eq((char *)w[3], "two words");
    cr_assert_eq(w[4], 0);
    cr_assert_eq(res.argv_addr, (uint64_t)&w[1]);
    cr_assert_str_eq((char *)w[5], "A=1");
    cr_assert_str_eq((char *)w[6], "B=two");
    cr_assert_eq(w[7], 0);
    uint64_t *a = &w[8];
    cr_assert_eq(a[0], 6);
    cr_assert_eq(a[1], 4096);
    cr_assert_eq(a[2], 15);
    cr_assert_str_eq((char *)a[3], "/bin/prog");
    cr_assert_eq(a[3] % 16, 0);
    cr_assert_eq(a[5], res.argv_addr);
    cr_assert_eq(a[7], res.envp_addr);
    cr_assert_eq(a[9], res.ps_strings);
    cr_assert_eq(a[10], 0);     /* AT_NULL */
    cr_assert_eq(a[11], 0);

    /* struct ps_strings: argv, argc, envp, envc (FreeBSD sys/sys/exec.h). */
    uint64_t *ps = (uint64_t *)res.ps_strings;
    cr_assert_eq(ps[0], res.argv_addr);
    cr_assert_eq((uint32_t)ps[1], 3);
    cr_assert_eq(ps[2], res.envp_addr);
    cr_assert_eq((uint32_t)ps[3], 2);
    cr_assert_eq(res.ps_strings + 32, res.top);
}

Test(stack, too_many_arguments_is_an_error)
{
    static char big[70000];
    memset(big, 'x', sizeof big - 1);
    char *argv[] = { big, NULL };
    char *envp[] = { NULL };
    struct stack_request req = { .argc = 1, .argv = argv, .envp = envp, .size = 65536, .prot = 3 };
    struct stack_result res;
    char err[128];
    cr_assert_eq(stack_build(&req, &res, err, sizeof err), -1);
    cr_assert(strstr(err, "do not fit") != NULL);
}
