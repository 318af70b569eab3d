/* NetBSD resource numbers -> Linux (abi/netbsd/resource.h). */
#include "abi/netbsd/resource.h"
#include <sys/resource.h>

int nbsd_rlimit_resource_to_linux(int r)
{
    switch (r) {
    case NBSD_RLIMIT_CPU:     return RLIMIT_CPU;
    case NBSD_RLIMIT_FSIZE:   return RLIMIT_FSIZE;
    case NBSD_RLIMIT_DATA:    return RLIMIT_DATA;
    case NBSD_RLIMIT_STACK:   return RLIMIT_STACK;
    case NBSD_RLIMIT_CORE:    return RLIMIT_CORE;
    case NBSD_RLIMIT_RSS:     return RLIMIT_RSS;
    case NBSD_RLIMIT_MEMLOCK: return RLIMIT_MEMLOCK;
    case NBSD_RLIMIT_NPROC:   return RLIMIT_NPROC;
    case NBSD_RLIMIT_NOFILE:  return RLIMIT_NOFILE;
    case NBSD_RLIMIT_AS:      return RLIMIT_AS;
    }
    return -1;
}
