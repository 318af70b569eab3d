//go:build freebsd || netbsd

// kqproc: EVFILT_PROC NOTE_EXIT for child processes.  What is expected
// (tests/e2e/golden/kqproc.out) is kqueue(2)'s EVFILT_PROC and FreeBSD's
// filt_proc (sys/kern/kern_event.c): on exit the event has fflags NOTE_EXIT,
// flags EV_EOF|EV_ONESHOT and the wait(2) status in data; the child is
// still there to be waited for.  No Linux build to compare with.
package main

import (
	"fmt"
	"os"
	"syscall"
)

func must(err error, what string) {
	if err != nil {
		fmt.Fprintln(os.Stderr, what+":", err)
		os.Exit(1)
	}
}

func watchExit(kq, pid int) error {
	var ev [1]syscall.Kevent_t
	syscall.SetKevent(&ev[0], pid, syscall.EVFILT_PROC, syscall.EV_ADD)
	ev[0].Fflags = syscall.NOTE_EXIT
	_, err := syscall.Kevent(kq, ev[:], nil, nil)
	return err
}

func run(kq int, what string, argv []string, kill bool) {
	p, err := os.StartProcess(argv[0], argv, &os.ProcAttr{Files: []*os.File{nil, os.Stdout, os.Stderr}})
	must(err, "start")
	must(watchExit(kq, p.Pid), "kevent add")
	if kill {
		must(p.Signal(syscall.SIGTERM), "kill")
	}
	evs := make([]syscall.Kevent_t, 4)
	n, err := syscall.Kevent(kq, nil, evs, nil)
	must(err, "kevent wait")
	for _, e := range evs[:n] {
		st := syscall.WaitStatus(e.Data)
		fmt.Printf("%s: ident is the child %v, NOTE_EXIT %v, EV_EOF %v, EV_ONESHOT %v, ",
			what, int(e.Ident) == p.Pid, e.Fflags&syscall.NOTE_EXIT != 0,
			e.Flags&syscall.EV_EOF != 0, e.Flags&syscall.EV_ONESHOT != 0)
		if st.Signaled() {
			fmt.Printf("killed by %v\n", st.Signal())
		} else {
			fmt.Printf("exit status %d\n", st.ExitStatus())
		}
	}
	ps, err := p.Wait()
	must(err, "wait")
	fmt.Printf("%s: wait after the event: %v\n", what, ps)
	// The one-shot knote is gone: deleting it finds nothing.
	var del [1]syscall.Kevent_t
	syscall.SetKevent(&del[0], p.Pid, syscall.EVFILT_PROC, syscall.EV_DELETE)
	_, err = syscall.Kevent(kq, del[:], nil, nil)
	fmt.Printf("%s: EV_DELETE afterwards: %v\n", what, err)
}

func main() {
	kq, err := syscall.Kqueue()
	must(err, "kqueue")
	run(kq, "exit 7", []string{"/bin/sh", "-c", "exit 7"}, false)
	run(kq, "SIGTERM", []string{"/bin/sleep", "10"}, true)
	fmt.Println("no such process:", watchExit(kq, 999999))
}
