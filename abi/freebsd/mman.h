/*
 * FreeBSD mmap/mprotect/madvise/minherit/msync constants and converters.
 *
 * Source: sys/sys/mman.h (FreeBSD 14), cross-checked against
 * golang.org/x/sys/unix/zerrors_freebsd_amd64.go; mmap flag checks follow
 * kern_mmap() in sys/vm/vm_mmap.c.
 */
#ifndef PERSONA_ABI_FREEBSD_MMAN_H
#define PERSONA_ABI_FREEBSD_MMAN_H

#include <stdint.h>

/* sys/sys/mman.h: protections (same bits as Linux) */
#define FBSD_PROT_NONE   0x00
#define FBSD_PROT_READ   0x01
#define FBSD_PROT_WRITE  0x02
#define FBSD_PROT_EXEC   0x04
#define FBSD_PROT_ALL    0x07
/* FreeBSD 13+: upper bound on later mprotect()s, stored in bits 16..18. */
#define FBSD_PROT_MAX_SHIFT       16
#define FBSD_PROT_MAX(p)          ((p) << FBSD_PROT_MAX_SHIFT)
#define FBSD_PROT_MAX_EXTRACT(p)  (((p) >> FBSD_PROT_MAX_SHIFT) & FBSD_PROT_ALL)

/* sys/sys/mman.h: mmap flags */
#define FBSD_MAP_SHARED          0x00000001
#define FBSD_MAP_PRIVATE         0x00000002
#define FBSD_MAP_FIXED           0x00000010
#define FBSD_MAP_RESERVED0020    0x00000020  /* was MAP_RENAME; ignored */
#define FBSD_MAP_RESERVED0040    0x00000040  /* was MAP_NORESERVE; ignored */
#define FBSD_MAP_RESERVED0080    0x00000080  /* rejected (EINVAL) */
#define FBSD_MAP_RESERVED0100    0x00000100  /* rejected (EINVAL) */
#define FBSD_MAP_HASSEMAPHORE    0x00000200
#define FBSD_MAP_STACK           0x00000400  /* implies MAP_ANON */
#define FBSD_MAP_NOSYNC          0x00000800
#define FBSD_MAP_FILE            0x00000000
#define FBSD_MAP_ANON            0x00001000
#define FBSD_MAP_ANONYMOUS       FBSD_MAP_ANON
#define FBSD_MAP_GUARD           0x00002000  /* FreeBSD 12+: reserve only */
#define FBSD_MAP_EXCL            0x00004000  /* with MAP_FIXED: no replace */
#define FBSD_MAP_NOCORE          0x00020000
#define FBSD_MAP_PREFAULT_READ   0x00040000
#define FBSD_MAP_32BIT           0x00080000  /* below 2 GiB */
#define FBSD_MAP_ALIGNMENT_SHIFT 24
#define FBSD_MAP_ALIGNED(n)      ((int)((unsigned)(n) << FBSD_MAP_ALIGNMENT_SHIFT))
#define FBSD_MAP_ALIGNMENT_MASK  FBSD_MAP_ALIGNED(0xff)
#define FBSD_MAP_ALIGNED_SUPER   FBSD_MAP_ALIGNED(1)
/* amd64 superpage: 2 MiB (sys/amd64/include/param.h NPDEPG * PAGE_SIZE). */
#define FBSD_SUPERPAGE_LOG2      21

/* sys/sys/mman.h: madvise advice */
#define FBSD_MADV_NORMAL     0
#define FBSD_MADV_RANDOM     1
#define FBSD_MADV_SEQUENTIAL 2
#define FBSD_MADV_WILLNEED   3
#define FBSD_MADV_DONTNEED   4
#define FBSD_MADV_FREE       5
#define FBSD_MADV_NOSYNC     6
#define FBSD_MADV_AUTOSYNC   7
#define FBSD_MADV_NOCORE     8
#define FBSD_MADV_CORE       9
#define FBSD_MADV_PROTECT    10

/* sys/sys/mman.h: minherit() */
#define FBSD_INHERIT_SHARE 0
#define FBSD_INHERIT_COPY  1
#define FBSD_INHERIT_NONE  2
#define FBSD_INHERIT_ZERO  3   /* FreeBSD 12+ */

/* sys/sys/mman.h: msync() -- MS_SYNC is 0 here, 4 on Linux */
#define FBSD_MS_SYNC       0x0000
#define FBSD_MS_ASYNC      0x0001
#define FBSD_MS_INVALIDATE 0x0002

/* sys/sys/mman.h: mlockall() -- same as Linux */
#define FBSD_MCL_CURRENT 0x0001
#define FBSD_MCL_FUTURE  0x0002

/* Return value of fbsd_madvise_to_linux(): accept and do nothing. */
#define FBSD_MADV_NOOP (-2)

/* FreeBSD prot -> Linux prot.  PROT_MAX bits are stripped (Linux has no
 * such bound); bits FreeBSD itself rejects go to *unknown_bits (nullable). */
int fbsd_prot_to_linux(int fbsd_prot, int *unknown_bits);

/*
 * FreeBSD mmap flags -> Linux mmap flags.
 *
 * *align_log2 (nullable) receives the requested alignment as log2 bytes, 0
 * for none; MAP_ALIGNED_SUPER gives 21.  Linux has no aligned mmap: the
 * caller over-allocates and trims.
 *
 * *unknown_bits (nullable) receives the FreeBSD bits the call cannot honour
 * and that FreeBSD would answer with EINVAL: undefined bits,
 * MAP_RESERVED0080/0100, MAP_SHARED together with MAP_PRIVATE, MAP_EXCL
 * without MAP_FIXED, an alignment outside [12, 63], and with MAP_GUARD any
 * flag other than FIXED, EXCL, 32BIT and ALIGNED.
 *
 * Mappings:
 *   MAP_FIXED|MAP_EXCL  -> MAP_FIXED_NOREPLACE (fails with EEXIST on overlap,
 *                          which FreeBSD reports as ENOMEM: caller converts).
 *   MAP_GUARD           -> MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE; the caller
 *                          maps it PROT_NONE (FreeBSD requires prot NONE, fd
 *                          -1, offset 0 and refuses to mprotect it later).
 *   MAP_STACK           -> MAP_STACK|MAP_ANONYMOUS (FreeBSD implies anon and
 *                          needs fd -1, PROT_READ|PROT_WRITE: caller checks).
 *   MAP_32BIT           -> MAP_32BIT (both mean the low 2 GiB).
 *   MAP_NOSYNC, MAP_NOCORE, MAP_PREFAULT_READ, MAP_HASSEMAPHORE,
 *   MAP_RESERVED0020/0040 are accepted and dropped.
 *   Anonymous mappings with neither SHARED nor PRIVATE become MAP_PRIVATE
 *   (FreeBSD accepts them; Linux would not).
 */
int fbsd_mmap_flags_to_linux(int fbsd_flags, unsigned *align_log2,
                             int *unknown_bits);

/*
 * FreeBSD madvise advice -> Linux advice, -1 if unknown (EINVAL), or
 * FBSD_MADV_NOOP for advice to accept and ignore.
 *   MADV_FREE -> Linux MADV_FREE.  Linux refuses it (EINVAL) on shared and
 *     file mappings where FreeBSD accepts it: treat that EINVAL as success.
 *   MADV_DONTNEED -> NOOP.  FreeBSD's DONTNEED is only a hint and keeps the
 *     data; Linux's discards private pages (they read back as zeros), which
 *     would corrupt a FreeBSD program.  (Linux 5.4+ MADV_COLD is the faithful
 *     twin if the caller wants the hint honoured.)
 *   MADV_NOSYNC, AUTOSYNC, NOCORE, CORE, PROTECT -> NOOP.
 */
int fbsd_madvise_to_linux(int advice);

/* minherit() inheritance -> the Linux madvise() advice with the same fork
 * behaviour (COPY -> MADV_DOFORK, NONE -> MADV_DONTFORK, ZERO ->
 * MADV_WIPEONFORK); -1 for SHARE (no Linux equivalent for private mappings)
 * and unknown values. */
int fbsd_minherit_to_linux_madvise(int inherit);

/* msync flags -> Linux (FreeBSD "no MS_ASYNC" means Linux MS_SYNC).  -1 for
 * MS_ASYNC together with MS_INVALIDATE, which FreeBSD rejects; other unknown
 * bits are ignored, as kern_msync() ignores them. */
int fbsd_msync_flags_to_linux(int fbsd_flags);

/* sys/amd64/include/vmparam.h: the end of the user map (4-level paging),
 * vm_map_max() of a process; vm_map_min() is 0. */
#define FBSD_VM_MAXUSER_ADDRESS 0x0000800000000000ULL

/* The range munmap, mprotect, madvise, minherit and msync act on: FreeBSD
 * widens [addr, addr + len) to whole pages instead of refusing an unaligned
 * address (sys/vm/vm_mmap.c, kern_munmap and the others).  0, or -1 when
 * the widened range wraps around (EINVAL). */
int fbsd_page_range(uint64_t *addr, uint64_t *len);

/* True if [addr, addr + len) lies inside the user map (vm_map_range_valid). */
int fbsd_user_range_valid(uint64_t addr, uint64_t len);

#endif /* PERSONA_ABI_FREEBSD_MMAN_H */
