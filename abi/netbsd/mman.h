/* NetBSD mmap flags and madvise advice, and their Linux equivalents.
 *
 * Source: NetBSD sys/sys/mman.h (v1.44+), cross-checked against Go's
 * syscall/zerrors_netbsd_amd64.go and runtime/defs_netbsd.go; the checks
 * follow sys_mmap() in sys/uvm/uvm_mmap.c. */
#ifndef PERSONA_ABI_NETBSD_MMAN_H
#define PERSONA_ABI_NETBSD_MMAN_H
#include <stdint.h>

#define NBSD_MAP_SHARED          0x0001
#define NBSD_MAP_PRIVATE         0x0002
#define NBSD_MAP_REMAPDUP        0x0004   /* mremap only */
#define NBSD_MAP_FIXED           0x0010
#define NBSD_MAP_RENAME          0x0020   /* ignored by UVM */
#define NBSD_MAP_NORESERVE       0x0040
#define NBSD_MAP_INHERIT         0x0080   /* ignored by UVM */
#define NBSD_MAP_HASSEMAPHORE    0x0200
#define NBSD_MAP_TRYFIXED        0x0400   /* the address is a hint */
#define NBSD_MAP_WIRED           0x0800
#define NBSD_MAP_ANON            0x1000
#define NBSD_MAP_STACK           0x2000
#define NBSD_MAP_ALIGNMENT_SHIFT 24
#define NBSD_MAP_ALIGNED(n)      ((int)((unsigned)(n) << NBSD_MAP_ALIGNMENT_SHIFT))
#define NBSD_MAP_ALIGNMENT_MASK  NBSD_MAP_ALIGNED(0xff)

#define NBSD_MADV_NORMAL     0
#define NBSD_MADV_RANDOM     1
#define NBSD_MADV_SEQUENTIAL 2
#define NBSD_MADV_WILLNEED   3
#define NBSD_MADV_DONTNEED   4
#define NBSD_MADV_SPACEAVAIL 5
#define NBSD_MADV_FREE       6
/* nbsd_madvise_to_linux: accept and do nothing. */
#define NBSD_MADV_NOOP (-2)

/* The end of the guest's user map.  NetBSD's own VM_MAXUSER_ADDRESS
 * (sys/arch/amd64/include/vmparam.h, 0x7f7fffffc000) is lower than Linux's
 * 47-bit end, but the guest lives in Linux's map, where the host places
 * mappings (and the stack) above NetBSD's limit: ranges are checked
 * against Linux's end, as for FreeBSD. */
#define NBSD_VM_MAXUSER_ADDRESS 0x0000800000000000ULL

/* NetBSD mmap flags -> Linux flags.  *align_log2 gets MAP_ALIGNED(n)'s n
 * (0: none); *unknown_bits the bits persona cannot honour or NetBSD
 * refuses: undefined ones, SHARED with PRIVATE, an alignment below the
 * page size (12) or of 64 and more.  MAP_ANON and MAP_STACK become
 * MAP_ANONYMOUS (MAP_STACK is anonymous memory, uvm_mmap.c); WIRED ->
 * MAP_LOCKED; NORESERVE -> MAP_NORESERVE; RENAME, INHERIT, HASSEMAPHORE,
 * TRYFIXED are dropped (TRYFIXED: Linux takes any address as a hint);
 * neither SHARED nor PRIVATE -> MAP_PRIVATE. */
int nbsd_mmap_flags_to_linux(int nbsd_flags, unsigned *align_log2, int *unknown_bits);
/* madvise advice -> Linux; -1 unknown (EINVAL), NBSD_MADV_NOOP for the
 * hints with no faithful Linux twin (DONTNEED keeps the data on NetBSD,
 * SPACEAVAIL). */
int nbsd_madvise_to_linux(int advice);

#endif
