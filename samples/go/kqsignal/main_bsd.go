//go:build freebsd || netbsd

// kqsignal: EVFILT_SIGNAL counts.  What is expected
// (tests/e2e/golden/kqsignal.out) is kqueue(2) and FreeBSD's filt_signal
// (sys/kern/kern_sig.c): every attempt to deliver the signal is recorded,
// whether the program catches it (USR1, for os/signal) or ignores it
// (USR2); data is the count since the last report (EV_CLEAR).  No Linux
// build to compare with.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func must(err error, what string) {
	if err != nil {
		fmt.Fprintln(os.Stderr, what+":", err)
		os.Exit(1)
	}
}

func main() {
	caught := make(chan os.Signal, 16)
	signal.Notify(caught, syscall.SIGUSR1)
	signal.Ignore(syscall.SIGUSR2)
	kq, err := syscall.Kqueue()
	must(err, "kqueue")
	ch := make([]syscall.Kevent_t, 2)
	syscall.SetKevent(&ch[0], int(syscall.SIGUSR1), syscall.EVFILT_SIGNAL, syscall.EV_ADD)
	syscall.SetKevent(&ch[1], int(syscall.SIGUSR2), syscall.EVFILT_SIGNAL, syscall.EV_ADD)
	_, err = syscall.Kevent(kq, ch, nil, nil)
	must(err, "kevent add")

	counts := func(what string) {
		evs := make([]syscall.Kevent_t, 4)
		ts := syscall.NsecToTimespec(int64(200 * time.Millisecond))
		got := map[syscall.Signal]int64{}
		for {
			n, err := syscall.Kevent(kq, nil, evs, &ts)
			must(err, "kevent")
			if n == 0 {
				break
			}
			for _, e := range evs[:n] {
				got[syscall.Signal(e.Ident)] += e.Data
				if e.Flags&syscall.EV_CLEAR == 0 {
					fmt.Println("EV_CLEAR not set")
				}
			}
			ts = syscall.NsecToTimespec(int64(50 * time.Millisecond))
		}
		fmt.Printf("%s: USR1 %d, USR2 %d\n", what, got[syscall.SIGUSR1], got[syscall.SIGUSR2])
	}
	self := os.Getpid()
	for i := 0; i < 3; i++ {
		must(syscall.Kill(self, syscall.SIGUSR1), "kill")
		<-caught // one delivery at a time: no two pending at once
	}
	for i := 0; i < 2; i++ {
		must(syscall.Kill(self, syscall.SIGUSR2), "kill")
		time.Sleep(20 * time.Millisecond)
	}
	counts("after 3 USR1 (caught) and 2 USR2 (ignored)")
	counts("nothing since")
	must(syscall.Kill(self, syscall.SIGUSR1), "kill")
	<-caught
	counts("one more USR1")
	var del [1]syscall.Kevent_t
	syscall.SetKevent(&del[0], int(syscall.SIGUSR2), syscall.EVFILT_SIGNAL, syscall.EV_DELETE)
	_, err = syscall.Kevent(kq, del[:], nil, nil)
	must(err, "kevent delete")
	must(syscall.Kill(self, syscall.SIGUSR2), "kill")
	time.Sleep(20 * time.Millisecond)
	counts("USR2 after EV_DELETE (still ignored)")
	var bad [1]syscall.Kevent_t
	syscall.SetKevent(&bad[0], 1000, syscall.EVFILT_SIGNAL, syscall.EV_ADD)
	_, err = syscall.Kevent(kq, bad[:], nil, nil)
	fmt.Println("signal 1000:", err)
}
