/* The one path for unimplemented system calls (FreeBSD's nosys()): ENOSYS,
 * and one line per distinct name when debugging output is asked for. */
#include "personality/personality.h"
#include "syscalls/log.h"
#include <pthread.h>
#include <string.h>

#define MAX_REPORTED 256
static const char *reported[MAX_REPORTED];
static char reported_unknown[MAX_REPORTED][32];
static int nreported;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

long sys_missing(struct sysctx *c, const char *name)
{
    if (!persona_debug)
        return -ENOSYS;
    pthread_mutex_lock(&lock);
    bool seen = false;
    for (int i = 0; i < nreported; i++)
        if (strcmp(reported[i], name) == 0)
            seen = true;
    if (!seen && nreported < MAX_REPORTED) {
        /* `name` may be a caller's stack buffer for unknown numbers. */
        strncpy(reported_unknown[nreported], name, 31);
        reported[nreported] = reported_unknown[nreported];
        nreported++;
    }
    pthread_mutex_unlock(&lock);
    if (!seen)
        warnmsg("unimplemented %s system call %s (returns ENOSYS)",
                active_personality->name, name);
    return -ENOSYS;
}
