/* EVFILT_VNODE on inotify: which FreeBSD NOTE_* flags (abi/freebsd/event.h;
 * NetBSD uses the same values) one inotify event stands for.  FreeBSD
 * raises them in the VOP post hooks of sys/kern/vfs_subr.c
 * (vop_write_post, vop_setattr_post, vop_remove_post, vop_link_post,
 * vop_rename_post, vop_mkdir_post, vop_rmdir_post, vop_create_post,
 * vop_open_post, vop_close_post, vop_read_post): on the file itself, and
 * NOTE_WRITE (NOTE_LINK when a subdirectory comes or goes) on the
 * directory whose entries change.  Pure: the caller says what the file
 * looked like before and after (kqueue.c keeps that per knote). */
#ifndef PERSONA_PERSONALITY_BSD_KQUEUE_VNODE_H
#define PERSONA_PERSONALITY_BSD_KQUEUE_VNODE_H
#include <stdbool.h>
#include <stdint.h>

/* The watched file's size and link count, before and after the event. */
struct vnode_facts {
    int64_t size_before, size_after;
    uint64_t nlink_before, nlink_after;
    bool gone;                  /* it cannot be looked at any more */
};

/* The inotify mask kqueue.c watches with. */
uint32_t vnode_inotify_mask(void);

/* The NOTE_* flags of one inotify event (mask, and whether it names an
 * entry of the watched directory).  `moved_within`: an IN_MOVED_FROM or
 * IN_MOVED_TO whose other half is in the same directory (a rename inside
 * it: NOTE_WRITE only; in or out of it: NOTE_WRITE|NOTE_EXTEND, as
 * vop_rename_post says). */
uint32_t vnode_notes(uint32_t in_mask, bool named, bool moved_within,
                     const struct vnode_facts *f);

#endif
