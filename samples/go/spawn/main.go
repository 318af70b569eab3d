// spawn PROGRAM [ARGS...]: runs PROGRAM with ARGS (looked up in PATH),
// stdin, stdout and stderr inherited, and exits with its status (128+N
// when it dies of signal N).  Under persona the FreeBSD and NetBSD builds
// start native programs this way — a shell, env, nohup — which in turn
// exec FreeBSD or NetBSD binaries: tests/e2e/mixed.sh.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: spawn PROGRAM [ARGS...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		os.Exit(0)
	case errors.As(err, &ee):
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			os.Exit(128 + int(ws.Signal()))
		}
		os.Exit(ee.ExitCode())
	default:
		fmt.Fprintln(os.Stderr, "spawn:", err)
		os.Exit(127)
	}
}
