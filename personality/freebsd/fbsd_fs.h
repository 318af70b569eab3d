/* Helpers of the FreeBSD file-system handlers: the BSD path helpers
 * (personality/bsd/at_path.h) under the names FreeBSD's files use. */
#ifndef PERSONA_PERSONALITY_FREEBSD_FBSD_FS_H
#define PERSONA_PERSONALITY_FREEBSD_FBSD_FS_H
#include "personality/freebsd/fbsd.h"
#include "personality/bsd/at_path.h"

#define FBSD_PATH_MAX        BSD_PATH_MAX
#define FBSD_AT_ALLOW_EMPTY  BSD_AT_ALLOW_EMPTY
#define fbsd_at_path         bsd_at_path
#define fbsd_at_flags        bsd_at_flags
#define fbsd_check_beneath   bsd_check_beneath

#endif
