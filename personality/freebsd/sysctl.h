#ifndef PERSONA_PERSONALITY_FREEBSD_SYSCTL_H
#define PERSONA_PERSONALITY_FREEBSD_SYSCTL_H
#include <stdint.h>
/* Facts about the running image that sysctl reports. */
struct fbsd_exec_facts {
    char execpath[4096];
    uint64_t usrstack;
    uint64_t ps_strings;
};
extern struct fbsd_exec_facts fbsd_exec_facts;
/* Name of the i-th node persona answers, NULL past the end (for docs). */
const char *fbsd_sysctl_name(unsigned i);
#endif
