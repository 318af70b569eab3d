/* The guest's memory calls must not reach persona's own memory.
 *
 * persona shares its address space with the guest: its code, libraries,
 * heap, stacks, thread blocks and the kernel's vdso sit next to the guest's
 * mappings, and a guest munmap, MAP_FIXED mmap, mprotect or madvise over
 * them would kill persona.  memguard keeps the set of ranges the guest owns
 * (what the loader mapped for it, and every guest mmap result, minus what it
 * unmapped).  Everything else that is mapped is persona's, whenever persona
 * (or glibc's malloc, or pthreads) mapped it.
 *
 * A request inside guest-owned ranges goes straight to Linux (the normal
 * case: Go's runtime maps over its own PROT_NONE reservations all the time).
 * Otherwise every part the guest does not own is first claimed with a
 * PROT_NONE MAP_FIXED_NOREPLACE mapping: the kernel answers atomically
 * whether anything is there.  If something is, the request overlaps
 * persona's memory and is refused untouched (*foreign = true; the
 * personality picks the errno and reports it).  If not, the claims make the
 * whole range the caller's for the duration of the call, so that nothing
 * persona maps meanwhile in another thread can be hit; they are consumed
 * (munmap, MAP_FIXED) or undone afterwards.  Holes in a range are thus
 * skipped by mprotect/madvise, as FreeBSD's vm_map_protect() and
 * vm_map_madvise() skip them (sys/vm/vm_map.c).
 *
 * Flags, protections and advice are Linux values; results are Linux
 * results (address, 0, or -errno). */
#ifndef PERSONA_SYSCALLS_MEMGUARD_H
#define PERSONA_SYSCALLS_MEMGUARD_H
#include <stdbool.h>
#include <stdint.h>

/* [addr, addr + len) was mapped for the guest by persona itself (image,
 * initial stack, signal trampoline). */
void memguard_note_guest(uint64_t addr, uint64_t len);

long memguard_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                   uint64_t off, bool *foreign);
long memguard_munmap(uint64_t addr, uint64_t len, bool *foreign);
long memguard_mprotect(uint64_t addr, uint64_t len, int prot, bool *foreign);
/* madvise(2) with Linux advice: also how minherit is done. */
long memguard_madvise(uint64_t addr, uint64_t len, int advice, bool *foreign);

/* Is all of [addr, addr + len) owned by the guest?  (For tests and the
 * tracer; takes the lock.) */
bool memguard_guest_owns(uint64_t addr, uint64_t len);
/* Forget everything (unit tests). */
void memguard_reset(void);

#endif
