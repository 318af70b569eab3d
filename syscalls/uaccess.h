/* Fault-safe access to guest memory.  Every guest pointer persona itself
 * dereferences goes through these; a bad pointer yields -EFAULT, never a
 * crash (the fixup lives in door.S).  Pointers handed straight to a host
 * system call need none of this: the kernel validates them. */
#ifndef PERSONA_SYSCALLS_UACCESS_H
#define PERSONA_SYSCALLS_UACCESS_H
#include <stddef.h>
#include <stdint.h>

long door_copy(void *dst, const void *src, size_t n);
long door_strcpy(char *dst, const char *src, size_t max);
long door_cas32(uint32_t *p, uint32_t old, uint32_t new_value);
long door_load32(const uint32_t *p);

/* 0 or -EFAULT. */
static inline long copy_from_guest(void *dst, uint64_t guest_src, size_t n)
{
    return door_copy(dst, (const void *)(uintptr_t)guest_src, n);
}
static inline long copy_to_guest(uint64_t guest_dst, const void *src, size_t n)
{
    return door_copy((void *)(uintptr_t)guest_dst, src, n);
}
/* Length of the copied string, -EFAULT, or -ENAMETOOLONG. */
static inline long string_from_guest(char *dst, uint64_t guest_src, size_t cap)
{
    return door_strcpy(dst, (const char *)(uintptr_t)guest_src, cap);
}

/* True if a fault at `rip` happened inside a uaccess routine; the caller
 * then resumes at the returned fixup address. */
int uaccess_fixup(uint64_t rip, uint64_t *fixup_rip);

#endif
