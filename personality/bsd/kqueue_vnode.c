#include "personality/bsd/kqueue_vnode.h"
#include "abi/freebsd/event.h"
#include <sys/inotify.h>

uint32_t vnode_inotify_mask(void)
{
    return IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_OPEN | IN_CLOSE_WRITE |
           IN_CLOSE_NOWRITE | IN_ACCESS | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;
}

/* An entry of the watched directory changed (vop_create_post,
 * vop_mkdir_post, vop_remove_post, vop_rmdir_post, vop_link_post,
 * vop_symlink_post, vop_rename_post on the directory). */
static uint32_t directory_notes(uint32_t m, bool moved_within)
{
    uint32_t link = (m & IN_ISDIR) ? FBSD_NOTE_LINK : 0;   /* its ".." counts */
    if (m & (IN_CREATE | IN_DELETE))
        return FBSD_NOTE_WRITE | link;
    if (m & (IN_MOVED_FROM | IN_MOVED_TO))
        return moved_within ? FBSD_NOTE_WRITE : FBSD_NOTE_WRITE | FBSD_NOTE_EXTEND | link;
    return 0;   /* opens, reads, attribute changes of entries: not the directory's */
}

uint32_t vnode_notes(uint32_t m, bool named, bool moved_within, const struct vnode_facts *f)
{
    if (named)
        return directory_notes(m, moved_within);
    uint32_t n = 0;
    if (m & IN_MODIFY) {
        /* A write; a truncation (vop_setattr_post) shrinks the file. */
        if (!f->gone && f->size_after < f->size_before)
            n |= FBSD_NOTE_ATTRIB;
        else
            n |= FBSD_NOTE_WRITE | (f->size_after > f->size_before ? FBSD_NOTE_EXTEND : 0);
    }
    if (m & IN_ATTRIB) {
        /* Linux says "attributes" for a link count change too: an unlink
         * of any name of the file is vop_remove_post's NOTE_DELETE, a new
         * name vop_link_post's NOTE_LINK. */
        if (f->gone || f->nlink_after < f->nlink_before)
            n |= FBSD_NOTE_DELETE;
        else if (f->nlink_after > f->nlink_before)
            n |= FBSD_NOTE_LINK;
        else
            n |= FBSD_NOTE_ATTRIB;
    }
    if (m & IN_DELETE_SELF)
        n |= FBSD_NOTE_DELETE;
    if (m & IN_MOVE_SELF)
        n |= FBSD_NOTE_RENAME;
    if (m & IN_OPEN)
        n |= FBSD_NOTE_OPEN;
    if (m & IN_CLOSE_WRITE)
        n |= FBSD_NOTE_CLOSE_WRITE;
    if (m & IN_CLOSE_NOWRITE)
        n |= FBSD_NOTE_CLOSE;
    if (m & IN_ACCESS)
        n |= FBSD_NOTE_READ;
    if (m & IN_UNMOUNT)
        n |= FBSD_NOTE_REVOKE;
    return n;
}
