/* The tracer's classes for a BSD table row (personality/bsd/bsd.h). */
#include "personality/bsd/bsd.h"
#include <string.h>

/* %file and %desc, as in strace, are the calls that take a path or a
 * descriptor; the others are the table's class column. */
bool bsd_trace_in_class(const struct syscall_entry *e, const char *cls)
{
    static const struct { const char *name; enum sys_class cls; } areas[] = {
        { "process", CLS_PROCESS }, { "net", CLS_NET }, { "network", CLS_NET },
        { "memory", CLS_MEMORY }, { "time", CLS_TIME }, { "signal", CLS_SIGNAL },
        { "thread", CLS_THREAD }, { "ipc", CLS_IPC }, { "creds", CLS_CRED },
        { "system", CLS_SYSTEM },
    };
    if (!strcmp(cls, "file") || !strcmp(cls, "desc")) {
        for (int i = 0; i < 6; i++)
            if (!strcmp(cls, "file") ? e->kinds[i] == A_PATH
                                     : e->kinds[i] == A_FD || e->kinds[i] == A_DIRFD)
                return true;
        return false;
    }
    for (size_t i = 0; i < sizeof areas / sizeof areas[0]; i++)
        if (!strcmp(cls, areas[i].name))
            return e->cls == areas[i].cls;
    return false;
}

