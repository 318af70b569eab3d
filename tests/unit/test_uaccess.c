/* Fault-safe guest memory access: a bad pointer gives -EFAULT through the
 * door's fixup, never a crash; good pointers copy exactly. */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include "syscalls/door.h"
#include "syscalls/signals.h"
#include "syscalls/sud.h"
#include "syscalls/uaccess.h"
#include "personality/personality.h"

static void setup(void)
{
    door_probe_cpu();
    thread_attach();        /* the alt stack the door's handler runs on */
    active_personality = &freebsd_personality;
    signals_init();         /* SIGSEGV/SIGBUS go through the door */
}

TestSuite(uaccess, .init = setup);

Test(uaccess, copies_good_memory)
{
    char src[64], dst[64];
    for (int i = 0; i < 64; i++)
        src[i] = (char)i;
    cr_assert_eq(copy_from_guest(dst, (uint64_t)src, sizeof src), 0);
    cr_assert_arr_eq(dst, src, sizeof src);
}

Test(uaccess, bad_pointers_are_efault)
{
    char buf[16];
    cr_assert_eq(copy_from_guest(buf, 8, sizeof buf), -EFAULT);
    cr_assert_eq(copy_to_guest(8, buf, sizeof buf), -EFAULT);
    cr_assert_eq(string_from_guest(buf, 16, sizeof buf), -EFAULT);
    cr_assert_eq(door_load32((const uint32_t *)24), -EFAULT);
    cr_assert_eq(door_cas32((uint32_t *)24, 0, 1), -EFAULT);
}

Test(uaccess, read_only_page_cannot_be_written)
{
    char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(p, MAP_FAILED);
    char buf[8] = "abcdefg";
    cr_assert_eq(copy_to_guest((uint64_t)p, buf, sizeof buf), -EFAULT);
    cr_assert_eq(copy_from_guest(buf, (uint64_t)p, sizeof buf), 0);   /* reading is fine */
    munmap(p, 4096);
}

Test(uaccess, fault_in_the_middle_of_a_copy)
{
    /* Two pages, the second inaccessible: a copy across the edge fails. */
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(p + 4096, 4096, PROT_NONE);
    char buf[64];
    cr_assert_eq(copy_from_guest(buf, (uint64_t)(p + 4096 - 32), 64), -EFAULT);
    cr_assert_eq(copy_from_guest(buf, (uint64_t)(p + 4096 - 32), 32), 0);
    munmap(p, 8192);
}

Test(uaccess, strings)
{
    char buf[8];
    cr_assert_eq(string_from_guest(buf, (uint64_t)"hello", sizeof buf), 5);
    cr_assert_str_eq(buf, "hello");
    cr_assert_eq(string_from_guest(buf, (uint64_t)"much too long", sizeof buf), -ENAMETOOLONG);
}

Test(uaccess, compare_and_swap)
{
    uint32_t word = 5;
    cr_assert_eq(door_cas32(&word, 5, 9), 5);
    cr_assert_eq(word, 9);
    cr_assert_eq(door_cas32(&word, 5, 1), 9);   /* no match: unchanged */
    cr_assert_eq(word, 9);
    cr_assert_eq(door_load32(&word), 9);
}
