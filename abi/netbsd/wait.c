/* NetBSD wait options -> Linux (abi/netbsd/wait.h). */
#include "abi/netbsd/wait.h"
#include <sys/wait.h>

int nbsd_wait_options_to_linux(int n, int wait6)
{
    int known = NBSD_WNOHANG | NBSD_WUNTRACED | NBSD_WALTSIG | NBSD_WALLSIG | NBSD_WCONTINUED |
                NBSD_WNOWAIT | (wait6 ? NBSD_WEXITED : 0);
    if (n & ~known)
        return -1;
    return ((n & NBSD_WNOHANG) ? WNOHANG : 0) |
           ((n & NBSD_WUNTRACED) ? (wait6 ? WSTOPPED : WUNTRACED) : 0) |
           ((n & NBSD_WALTSIG) ? __WCLONE : 0) | ((n & NBSD_WALLSIG) ? __WALL : 0) |
           ((n & NBSD_WCONTINUED) ? WCONTINUED : 0) | ((n & NBSD_WNOWAIT) ? WNOWAIT : 0) |
           ((n & NBSD_WEXITED) ? WEXITED : 0);
}
