/* hello.c — the smallest guest: one write(2), then exit(0). */
#include "sys.h"

int main(int argc, char **argv, char **envp)
{
	static const char msg[] = "hello from persona sample\n";
	return sys_write(1, msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}
