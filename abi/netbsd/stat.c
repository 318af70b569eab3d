/* Linux struct stat -> NetBSD struct stat (abi/netbsd/stat.h). */
#include "abi/netbsd/stat.h"
#include <string.h>
#include <sys/stat.h>

void nbsd_stat_from_linux(struct nbsd_stat *out, const struct stat *in)
{
    memset(out, 0, sizeof *out);
    out->st_dev = in->st_dev;
    out->st_mode = in->st_mode;
    out->st_ino = in->st_ino;
    out->st_nlink = (uint32_t)in->st_nlink;
    out->st_uid = in->st_uid;
    out->st_gid = in->st_gid;
    out->st_rdev = in->st_rdev;
    out->st_atim = (struct nbsd_timespec){ in->st_atim.tv_sec, in->st_atim.tv_nsec };
    out->st_mtim = (struct nbsd_timespec){ in->st_mtim.tv_sec, in->st_mtim.tv_nsec };
    out->st_ctim = (struct nbsd_timespec){ in->st_ctim.tv_sec, in->st_ctim.tv_nsec };
    out->st_birthtim = out->st_ctim;
    out->st_size = in->st_size;
    out->st_blocks = in->st_blocks;
    out->st_blksize = (uint32_t)in->st_blksize;
}
