/* struct stat / statfs converters and dev_t (abi/freebsd/stat.c).  Fields
 * FreeBSD and Linux share must arrive unchanged (truncated where the
 * FreeBSD 11 layout is narrower), names must be NUL-terminated within
 * their arrays whatever the input, and makedev/major/minor round-trip. */
#include "abi/freebsd/stat.h"
#include "tests/fuzz/fuzz_util.h"
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

static void check_name(const char *s, size_t cap, const char *what)
{
    FZ_CHECK(memchr(s, 0, cap) != NULL, "%s not NUL-terminated", what);
    const char *end = memchr(s, 0, cap);
    for (const char *c = end; c < s + cap; c++)
        FZ_CHECK(*c == 0, "%s: bytes after the NUL not zeroed", what);
}

/* A NUL-terminated string of up to 2000 fuzz bytes, or NULL. */
static char *take_string(struct fz *f)
{
    uint16_t n = fz_u16(f);
    if (n == 0xffff)
        return NULL;
    n %= 2000;
    char *s = malloc((size_t)n + 1);
    fz_take(f, s, n);
    s[n] = 0;
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = { data, size };
    struct stat st;
    fz_take(&f, &st, sizeof st);

    struct fbsd_stat fs;
    fbsd_stat_from_linux(&fs, &st);
    FZ_CHECK(fs.st_mode == (uint16_t)st.st_mode && fs.st_ino == st.st_ino &&
             fs.st_size == st.st_size && fs.st_nlink == st.st_nlink &&
             fs.st_uid == st.st_uid && fs.st_gid == st.st_gid, "stat fields");
    FZ_CHECK(fs.st_mtim.tv_sec == st.st_mtim.tv_sec && fs.st_mtim.tv_nsec == st.st_mtim.tv_nsec,
             "mtime");
    FZ_CHECK(memcmp(&fs.st_birthtim, &fs.st_ctim, sizeof fs.st_ctim) == 0, "birth time");
    FZ_CHECK(fs.st_dev == fbsd_dev_from_linux(st.st_dev), "st_dev");
    for (int i = 0; i < 9; i++)
        FZ_CHECK(fs.st_spare[i] == 0, "spare %d", i);

    struct fbsd11_stat f11;
    fbsd11_stat_from_linux(&f11, &st);
    FZ_CHECK(f11.st_ino == (uint32_t)st.st_ino && f11.st_size == st.st_size, "11 stat");

    unsigned maj = fz_u32(&f), min = fz_u32(&f);
    uint64_t d = fbsd_makedev(maj, min);
    FZ_CHECK(fbsd_major(d) == maj && fbsd_minor(d) == min, "makedev(%u, %u)", maj, min);
    uint64_t ld = makedev(maj, min);
    FZ_CHECK(fbsd_dev_from_linux(ld) == d, "Linux dev_t");

    struct statfs sfs;
    fz_take(&f, &sfs, sizeof sfs);
    char *mnton = take_string(&f), *mntfrom = take_string(&f);
    struct fbsd_statfs *out = malloc(sizeof *out);
    fbsd_statfs_from_linux_ex(out, &sfs, mnton, mntfrom);
    check_name(out->f_fstypename, sizeof out->f_fstypename, "f_fstypename");
    check_name(out->f_mntfromname, sizeof out->f_mntfromname, "f_mntfromname");
    check_name(out->f_mntonname, sizeof out->f_mntonname, "f_mntonname");
    FZ_CHECK(out->f_type == fbsd_vfs_typenum(out->f_fstypename), "f_type");
    FZ_CHECK(out->f_type <= 0xff, "f_type %u", out->f_type);
    FZ_CHECK(strcmp(out->f_fstypename,
                    fbsd_fstypename_from_linux((long)sfs.f_type, mnton)) == 0, "type name");

    /* The FreeBSD 11 form from any FreeBSD 12 struct, names unterminated. */
    fz_take(&f, out, sizeof *out);
    struct fbsd11_statfs o11;
    fbsd11_statfs_from_fbsd(&o11, out);
    check_name(o11.f_fstypename, sizeof o11.f_fstypename, "11 f_fstypename");
    check_name(o11.f_mntfromname, sizeof o11.f_mntfromname, "11 f_mntfromname");
    check_name(o11.f_mntonname, sizeof o11.f_mntonname, "11 f_mntonname");
    FZ_CHECK(o11.f_blocks == out->f_blocks && o11.f_fsid.val[0] == out->f_fsid.val[0], "11 statfs");
    free(out);
    free(mnton);
    free(mntfrom);
    return 0;
}
