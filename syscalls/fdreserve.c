#include "syscalls/fdreserve.h"
#include <fcntl.h>
#include <unistd.h>

int fd_hide(int fd)
{
    if (fd < 0 || fd >= PERSONA_FD_RESERVED_BASE)
        return fd;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, PERSONA_FD_RESERVED_BASE);
    if (nfd < 0)
        return fd;
    close(fd);
    return nfd;
}
