// waitstatus: wait4 status words with signal numbers that differ between
// the systems (SIGUSR1 is 10 on Linux, 30 on the BSDs; SIGTSTP 20 and 18):
// a native /bin/sleep killed by SIGUSR1 (Go's own children would ignore
// it), this program as a child stopped by SIGTSTP (seen with WUNTRACED)
// and then killed, and one exiting 5.  Signals are printed by their
// constant's name (the strings differ between the systems' tables).
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func start(arg string) *os.Process { return startProg(os.Args[0], arg) }

func startProg(prog, arg string) *os.Process {
	p, err := os.StartProcess(prog, []string{prog, arg},
		&os.ProcAttr{Files: []*os.File{nil, os.Stdout, os.Stderr}})
	if err != nil {
		fmt.Println("start:", err)
		os.Exit(1)
	}
	return p
}

func wait(p *os.Process, opts int) syscall.WaitStatus {
	var ws syscall.WaitStatus
	for {
		pid, err := syscall.Wait4(p.Pid, &ws, opts, nil)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || pid != p.Pid {
			fmt.Println("wait4:", pid, err)
			os.Exit(1)
		}
		return ws
	}
}

var names = map[syscall.Signal]string{
	syscall.SIGUSR1: "SIGUSR1", syscall.SIGTSTP: "SIGTSTP", syscall.SIGKILL: "SIGKILL",
	syscall.SIGTERM: "SIGTERM", syscall.SIGSTOP: "SIGSTOP",
}

func name(s syscall.Signal) string {
	if n, ok := names[s]; ok {
		return n
	}
	return fmt.Sprintf("signal %d", int(s))
}

func show(what string, ws syscall.WaitStatus) {
	switch {
	case ws.Exited():
		fmt.Printf("%s: exited %d\n", what, ws.ExitStatus())
	case ws.Signaled():
		fmt.Printf("%s: killed by %s core=%v\n", what, name(ws.Signal()), ws.CoreDump())
	case ws.Stopped():
		fmt.Printf("%s: stopped by %s\n", what, name(ws.StopSignal()))
	default:
		fmt.Printf("%s: other\n", what)
	}
}

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "sleep":
			time.Sleep(10 * time.Second)
		case "exit5":
			os.Exit(5)
		}
		os.Exit(0)
	}
	sl := startProg("/bin/sleep", "10")
	time.Sleep(100 * time.Millisecond)
	sl.Signal(syscall.SIGUSR1)
	show("usr1", wait(sl, 0))

	p := start("sleep")
	time.Sleep(200 * time.Millisecond)
	p.Signal(syscall.SIGTSTP)
	show("tstp", wait(p, syscall.WUNTRACED))
	p.Signal(syscall.SIGKILL)
	show("kill", wait(p, 0))

	show("exit5", wait(start("exit5"), 0))
}
