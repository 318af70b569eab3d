#ifndef PERSONA_PERSONALITY_FREEBSD_THREADS_H
#define PERSONA_PERSONALITY_FREEBSD_THREADS_H
/* Host tid of a FreeBSD thread id of this process, or -1. */
int fbsd_thread_host_tid(long fbsd_tid);
/* The FreeBSD thread id to give the next new thread. */
int fbsd_thread_next_tid(void);
#endif
