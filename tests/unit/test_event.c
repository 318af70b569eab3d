/* Unit tests for abi/freebsd/event.{h,c}. */
#include <criterion/criterion.h>
#include <stddef.h>
#include <string.h>

#include "abi/freebsd/event.h"

Test(event, layouts)
{
	cr_assert_eq(sizeof(struct fbsd_kevent), 64);
	cr_assert_eq(offsetof(struct fbsd_kevent, ident), 0);
	cr_assert_eq(offsetof(struct fbsd_kevent, filter), 8);
	cr_assert_eq(offsetof(struct fbsd_kevent, flags), 10);
	cr_assert_eq(offsetof(struct fbsd_kevent, fflags), 12);
	cr_assert_eq(offsetof(struct fbsd_kevent, data), 16);
	cr_assert_eq(offsetof(struct fbsd_kevent, udata), 24);
	cr_assert_eq(offsetof(struct fbsd_kevent, ext), 32);
	cr_assert_eq(sizeof(struct fbsd11_kevent), 32);
	cr_assert_eq(offsetof(struct fbsd11_kevent, filter), 8);
	cr_assert_eq(offsetof(struct fbsd11_kevent, data), 16);
	cr_assert_eq(offsetof(struct fbsd11_kevent, udata), 24);
}

Test(event, constants)
{
	cr_assert_eq(FBSD_EVFILT_READ, -1);
	cr_assert_eq(FBSD_EVFILT_WRITE, -2);
	cr_assert_eq(FBSD_EVFILT_TIMER, -7);
	cr_assert_eq(FBSD_EVFILT_USER, -11);
	cr_assert_eq(FBSD_EVFILT_EMPTY, -13);
	cr_assert_eq(FBSD_EVFILT_SYSCOUNT, 13);
	cr_assert_eq(FBSD_EV_ADD, 1);
	cr_assert_eq(FBSD_EV_CLEAR, 0x20);
	cr_assert_eq(FBSD_EV_RECEIPT, 0x40);
	cr_assert_eq(FBSD_EV_DISPATCH, 0x80);
	cr_assert_eq(FBSD_EV_ERROR, 0x4000);
	cr_assert_eq(FBSD_EV_EOF, 0x8000);
	cr_assert_eq(FBSD_NOTE_TRIGGER, 0x01000000u);
	cr_assert_eq(FBSD_NOTE_FFCTRLMASK | FBSD_NOTE_FFLAGSMASK | FBSD_NOTE_TRIGGER,
		     0xc1ffffffu);
	cr_assert_eq(FBSD_NOTE_NSECONDS, 8);
	cr_assert_eq(FBSD_NOTE_ABSTIME, 0x10);
}

Test(event, from11)
{
	struct fbsd11_kevent k11 = {
		.ident = 7, .filter = FBSD_EVFILT_READ,
		.flags = FBSD_EV_ADD | FBSD_EV_CLEAR, .fflags = 0x12345678,
		.data = -42, .udata = 0xfeedfacecafebeefULL,
	};
	struct fbsd_kevent k;
	memset(&k, 0xcc, sizeof k);
	fbsd_kevent_from11(&k, &k11);
	cr_assert_eq(k.ident, 7);
	cr_assert_eq(k.filter, -1);
	cr_assert_eq(k.flags, FBSD_EV_ADD | FBSD_EV_CLEAR);
	cr_assert_eq(k.fflags, 0x12345678);
	cr_assert_eq(k.data, -42);
	cr_assert_eq(k.udata, 0xfeedfacecafebeefULL);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(k.ext[i], 0);
	/* the first 32 bytes of both layouts are identical */
	cr_assert_eq(memcmp(&k, &k11, sizeof k11), 0);
}

Test(event, to11_and_round_trip)
{
	struct fbsd_kevent k = {
		.ident = 0xffffffffffffffffULL, .filter = FBSD_EVFILT_USER,
		.flags = FBSD_EV_EOF | FBSD_EV_ONESHOT,
		.fflags = FBSD_NOTE_TRIGGER | 5, .data = 1LL << 40,
		.udata = 0x1000, .ext = { 1, 2, 3, 4 },
	};
	struct fbsd11_kevent k11;
	memset(&k11, 0xcc, sizeof k11);
	fbsd_kevent_to11(&k11, &k);
	cr_assert_eq(k11.ident, 0xffffffffffffffffULL);
	cr_assert_eq(k11.filter, FBSD_EVFILT_USER);
	cr_assert_eq(k11.flags, FBSD_EV_EOF | FBSD_EV_ONESHOT);
	cr_assert_eq(k11.fflags, FBSD_NOTE_TRIGGER | 5);
	cr_assert_eq(k11.data, 1LL << 40);
	cr_assert_eq(k11.udata, 0x1000);

	struct fbsd_kevent back;
	fbsd_kevent_from11(&back, &k11);
	cr_assert_eq(memcmp(&back, &k, 32), 0);
	cr_assert_eq(back.ext[0], 0);
}

/* EVFILT_VNODE's NOTE_* for inotify events (personality/bsd/kqueue_vnode.c),
 * the way FreeBSD's VOP post hooks raise them (sys/kern/vfs_subr.c). */
#include <sys/inotify.h>
#include "personality/bsd/kqueue_vnode.h"

static uint32_t self_notes(uint32_t mask, int64_t s0, int64_t s1, uint64_t l0, uint64_t l1)
{
	struct vnode_facts f = { s0, s1, l0, l1, false };
	return vnode_notes(mask, false, false, &f);
}

Test(event, vnode_notes_on_the_file)
{
	cr_assert_eq(self_notes(IN_MODIFY, 0, 5, 1, 1), FBSD_NOTE_WRITE | FBSD_NOTE_EXTEND);
	cr_assert_eq(self_notes(IN_MODIFY, 5, 5, 1, 1), FBSD_NOTE_WRITE);
	cr_assert_eq(self_notes(IN_MODIFY, 5, 1, 1, 1), FBSD_NOTE_ATTRIB);     /* truncated */
	cr_assert_eq(self_notes(IN_ATTRIB, 5, 5, 1, 1), FBSD_NOTE_ATTRIB);     /* chmod */
	cr_assert_eq(self_notes(IN_ATTRIB, 5, 5, 1, 2), FBSD_NOTE_LINK);       /* link */
	cr_assert_eq(self_notes(IN_ATTRIB, 5, 5, 2, 1), FBSD_NOTE_DELETE);     /* one name unlinked */
	cr_assert_eq(self_notes(IN_ATTRIB, 5, 5, 1, 0), FBSD_NOTE_DELETE);
	cr_assert_eq(self_notes(IN_MOVE_SELF, 5, 5, 1, 1), FBSD_NOTE_RENAME);
	cr_assert_eq(self_notes(IN_DELETE_SELF, 5, 5, 1, 1), FBSD_NOTE_DELETE);
	cr_assert_eq(self_notes(IN_OPEN, 0, 0, 1, 1), FBSD_NOTE_OPEN);
	cr_assert_eq(self_notes(IN_CLOSE_WRITE, 0, 0, 1, 1), FBSD_NOTE_CLOSE_WRITE);
	cr_assert_eq(self_notes(IN_CLOSE_NOWRITE, 0, 0, 1, 1), FBSD_NOTE_CLOSE);
	cr_assert_eq(self_notes(IN_ACCESS, 0, 0, 1, 1), FBSD_NOTE_READ);
}

Test(event, vnode_notes_on_the_directory)
{
	struct vnode_facts f = { 0, 0, 2, 2, false };
	cr_assert_eq(vnode_notes(IN_CREATE, true, false, &f), FBSD_NOTE_WRITE);
	cr_assert_eq(vnode_notes(IN_CREATE | IN_ISDIR, true, false, &f), FBSD_NOTE_WRITE | FBSD_NOTE_LINK);
	cr_assert_eq(vnode_notes(IN_DELETE | IN_ISDIR, true, false, &f), FBSD_NOTE_WRITE | FBSD_NOTE_LINK);
	cr_assert_eq(vnode_notes(IN_MOVED_TO, true, true, &f), FBSD_NOTE_WRITE);  /* renamed inside */
	cr_assert_eq(vnode_notes(IN_MOVED_TO, true, false, &f), FBSD_NOTE_WRITE | FBSD_NOTE_EXTEND);
	cr_assert_eq(vnode_notes(IN_MOVED_FROM | IN_ISDIR, true, false, &f),
	             FBSD_NOTE_WRITE | FBSD_NOTE_EXTEND | FBSD_NOTE_LINK);
	cr_assert_eq(vnode_notes(IN_OPEN, true, false, &f), 0);     /* an entry's, not the directory's */
	cr_assert_eq(vnode_notes(IN_ATTRIB, true, false, &f), 0);
}
