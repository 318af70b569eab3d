/* Linux's vDSO, for reading clocks without entering the kernel. */
#ifndef PERSONA_SYSCALLS_VDSO_H
#define PERSONA_SYSCALLS_VDSO_H
/* The address of a symbol the vDSO exports ("__vdso_clock_gettime"), or
 * NULL when there is no vDSO or no such symbol. */
void *vdso_symbol(const char *name);
#endif
