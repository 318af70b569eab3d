// exec: child processes through os/exec (fork + execve + wait4): a native
// program of the host (/bin/sh), and this program itself as a child, with
// stdin/stdout pipes, an exit status and a child killed by a signal.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "child":
			buf := make([]byte, 64)
			n, _ := os.Stdin.Read(buf)
			fmt.Printf("child got %q, args %q\n", buf[:n], os.Args[2:])
			os.Exit(7)
		case "sleeper":
			select {}
		}
	}
	out, err := exec.Command("/bin/sh", "-c", "echo from sh; exit 3").Output()
	fmt.Printf("sh: %q err=%v\n", out, err)

	cmd := exec.Command(os.Args[0], "child", "a b", "c")
	cmd.Stdin = strings.NewReader("ping")
	out, err = cmd.Output()
	fmt.Printf("self: %q err=%v code=%d\n", out, err, cmd.ProcessState.ExitCode())

	sl := exec.Command(os.Args[0], "sleeper")
	if err := sl.Start(); err != nil {
		fmt.Println("start:", err)
		os.Exit(1)
	}
	sl.Process.Signal(syscall.SIGTERM)
	err = sl.Wait()
	ws := sl.ProcessState.Sys().(syscall.WaitStatus)
	fmt.Printf("sleeper: err=%v signaled=%v signal=%v\n", err, ws.Signaled(), ws.Signal())

	_, err = exec.Command("/nonexistent/program").Output()
	fmt.Println("missing:", err)
}
