/* Unit tests for abi/freebsd/{umtx,thr,sysctl,auxv,elf_note}.h: layouts and
 * the numbers other code switches on. */
#include <criterion/criterion.h>
#include <stddef.h>

#include "abi/freebsd/auxv.h"
#include "abi/freebsd/elf_note.h"
#include "abi/freebsd/sysctl.h"
#include "abi/freebsd/thr.h"
#include "abi/freebsd/umtx.h"

Test(umtx, op_numbers)
{
	/* the four Go's runtime uses (defs_freebsd_amd64.go) */
	cr_assert_eq(FBSD_UMTX_OP_WAIT_UINT, 0xb);
	cr_assert_eq(FBSD_UMTX_OP_WAIT_UINT_PRIVATE, 0xf);
	cr_assert_eq(FBSD_UMTX_OP_WAKE, 0x3);
	cr_assert_eq(FBSD_UMTX_OP_WAKE_PRIVATE, 0x10);
	/* libthr's */
	cr_assert_eq(FBSD_UMTX_OP_MUTEX_LOCK, 5);
	cr_assert_eq(FBSD_UMTX_OP_CV_WAIT, 8);
	cr_assert_eq(FBSD_UMTX_OP_NWAKE_PRIVATE, 21);
	cr_assert_eq(FBSD_UMTX_OP_SEM2_WAIT, 23);
	cr_assert_eq(FBSD_UMTX_OP_SHM, 25);
	cr_assert_eq(FBSD_UMTX_OP_ROBUST_LISTS, 26);
	cr_assert_eq(FBSD_UMTX_OP_SET_MIN_TIMEOUT, 28);
	cr_assert_eq((FBSD_UMTX_OP_WAKE | FBSD_UMTX_OP__32BIT) & FBSD_UMTX_OP_MASK,
		     FBSD_UMTX_OP_WAKE);
}

Test(umtx, lock_words)
{
	cr_assert_eq(FBSD_UMUTEX_CONTESTED, 0x80000000u);
	cr_assert_eq(FBSD_UMUTEX_RB_OWNERDEAD, 0x80000010u);
	cr_assert_eq(FBSD_UMUTEX_RB_NOTRECOV, 0x80000011u);
	cr_assert_eq(FBSD_USEM_HAS_WAITERS, 0x80000000u);
	cr_assert_eq(FBSD_USEM_COUNT(0x80000005u), 5);
	cr_assert_eq(FBSD_URWLOCK_READER_COUNT(0xe0000003u), 3);
	cr_assert_eq(FBSD_CVWAIT_ABSTIME, 0x02);
	cr_assert_eq(FBSD_UMTX_ABSTIME, 0x01);
}

Test(umtx, layouts)
{
	cr_assert_eq(sizeof(struct fbsd_umtx_time), 24);
	cr_assert_eq(offsetof(struct fbsd_umtx_time, _timeout), 0);
	cr_assert_eq(offsetof(struct fbsd_umtx_time, _flags), 16);
	cr_assert_eq(offsetof(struct fbsd_umtx_time, _clockid), 20);
	cr_assert_eq(sizeof(struct fbsd_umutex), 32);
	cr_assert_eq(offsetof(struct fbsd_umutex, m_owner), 0);
	cr_assert_eq(offsetof(struct fbsd_umutex, m_rb_lnk), 16);
	cr_assert_eq(sizeof(struct fbsd_ucond), 16);
	cr_assert_eq(sizeof(struct fbsd_urwlock), 32);
	cr_assert_eq(sizeof(struct fbsd_usem), 12);
	cr_assert_eq(sizeof(struct fbsd_usem2), 8);
	cr_assert_eq(sizeof(struct fbsd_umtx_robust_lists_params), 24);
}

Test(thr, thr_param)
{
	cr_assert_eq(sizeof(struct fbsd_thr_param), 104);
	cr_assert_eq(offsetof(struct fbsd_thr_param, start_func), 0);
	cr_assert_eq(offsetof(struct fbsd_thr_param, arg), 8);
	cr_assert_eq(offsetof(struct fbsd_thr_param, stack_base), 16);
	cr_assert_eq(offsetof(struct fbsd_thr_param, stack_size), 24);
	cr_assert_eq(offsetof(struct fbsd_thr_param, tls_base), 32);
	cr_assert_eq(offsetof(struct fbsd_thr_param, tls_size), 40);
	cr_assert_eq(offsetof(struct fbsd_thr_param, child_tid), 48);
	cr_assert_eq(offsetof(struct fbsd_thr_param, parent_tid), 56);
	cr_assert_eq(offsetof(struct fbsd_thr_param, flags), 64);
	cr_assert_eq(offsetof(struct fbsd_thr_param, rtp), 72);
	cr_assert_eq(offsetof(struct fbsd_thr_param, spare), 80);
	cr_assert_eq(FBSD_THR_SUSPENDED, 1);
	cr_assert_eq(FBSD_THR_SYSTEM_SCOPE, 2);
	cr_assert_eq(FBSD_TID_MIN, 100001);
	cr_assert_eq(FBSD_THREAD0_TID, 100000);
	cr_assert(FBSD_TID_MIN > FBSD_PID_MAX);
}

Test(sysctl, numbers)
{
	cr_assert_eq(FBSD_CTL_MAXNAME, 24);
	cr_assert_eq(FBSD_CTL_KERN, 1);
	cr_assert_eq(FBSD_CTL_HW, 6);
	cr_assert_eq(FBSD_CTL_P1003_1B, 9);
	cr_assert_eq(FBSD_CTL_SYSCTL, 0);
	cr_assert_eq(FBSD_CTL_SYSCTL_NAME2OID, 3);
	cr_assert_eq(FBSD_CTL_SYSCTL_OIDFMT, 4);
	cr_assert_eq(FBSD_CTL_SYSCTL_NEXTNOSKIP, 7);
	cr_assert_eq(FBSD_KERN_OSTYPE, 1);
	cr_assert_eq(FBSD_KERN_OSRELEASE, 2);
	cr_assert_eq(FBSD_KERN_VERSION, 4);
	cr_assert_eq(FBSD_KERN_ARGMAX, 8);
	cr_assert_eq(FBSD_KERN_HOSTNAME, 10);
	cr_assert_eq(FBSD_KERN_PROC, 14);
	cr_assert_eq(FBSD_KERN_BOOTTIME, 21);
	cr_assert_eq(FBSD_KERN_OSRELDATE, 24);
	cr_assert_eq(FBSD_KERN_PS_STRINGS, 32);
	cr_assert_eq(FBSD_KERN_USRSTACK, 33);
	cr_assert_eq(FBSD_KERN_ARND, 37);
	cr_assert_eq(FBSD_KERN_PROC_PID, 1);
	cr_assert_eq(FBSD_KERN_PROC_ARGS, 7);
	cr_assert_eq(FBSD_KERN_PROC_PATHNAME, 12);
	cr_assert_eq(FBSD_HW_PAGESIZE, 7);
	cr_assert_eq(FBSD_HW_MACHINE_ARCH, 11);
	cr_assert_eq(FBSD_HW_REALMEM, 12);
	cr_assert_eq(FBSD_CTLTYPE_U32, 0xf);
	cr_assert_eq(FBSD_CTLTYPE_NODE | FBSD_CTLFLAG_RD, 0x80000001u);
}

Test(auxv, numbers)
{
	/* Go runtime/os_freebsd.go */
	cr_assert_eq(FBSD_AT_PAGESZ, 6);
	cr_assert_eq(FBSD_AT_TIMEKEEP, 22);
	cr_assert_eq(FBSD_AT_HWCAP, 25);
	cr_assert_eq(FBSD_AT_HWCAP2, 26);
	cr_assert_eq(FBSD_AT_EXECPATH, 15);
	cr_assert_eq(FBSD_AT_CANARY, 16);
	cr_assert_eq(FBSD_AT_OSRELDATE, 18);
	cr_assert_eq(FBSD_AT_NCPUS, 19);
	cr_assert_eq(FBSD_AT_PAGESIZES, 20);
	cr_assert_eq(FBSD_AT_PS_STRINGS, 32);
	cr_assert_eq(FBSD_AT_USRSTACKLIM, 36);
	cr_assert_eq(FBSD_AT_COUNT, 37);
	cr_assert_eq(sizeof(struct fbsd_elf64_auxinfo), 16);
}

Test(elf_note, facts)
{
	cr_assert_eq(FBSD_ELFOSABI_FREEBSD, 9);
	cr_assert_eq(FBSD_NT_FREEBSD_ABI_TAG, 1);
	cr_assert_eq(FBSD_NT_FREEBSD_FEATURE_CTL, 4);
	cr_assert_eq(FBSD_NT_GO_BUILDID, 4);
	cr_assert_eq(sizeof(FBSD_ELF_NOTE_FREEBSD), 8);
	cr_assert_eq(sizeof(FBSD_ELF_NOTE_NETBSD), 7);
	cr_assert_str_eq(FBSD_INTERP_PATH, "/libexec/ld-elf.so.1");
	cr_assert_eq(sizeof(struct fbsd_ps_strings), 32);
	cr_assert_eq(offsetof(struct fbsd_ps_strings, ps_envstr), 16);
	cr_assert_eq(sizeof(struct fbsd_elf_note), 12);
}
