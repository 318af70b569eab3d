/* The loader reads ELF files from descriptors: give it the fuzz bytes as
 * an anonymous in-memory file, the same one for every run of a target. */
#ifndef PERSONA_FUZZ_MEMFD_H
#define PERSONA_FUZZ_MEMFD_H
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static inline int fz_memfd(const uint8_t *data, size_t size)
{
    static int fd = -1;
    if (fd < 0 && (fd = memfd_create("fuzz-elf", 0)) < 0)
        abort();
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    return fd;
}

#endif
