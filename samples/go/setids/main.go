// setids: set*id changes the credentials of every thread of the process,
// not only the caller's (FreeBSD: the process's; Go on Linux makes the
// raw calls process-wide itself).  Eight goroutines hold OS threads of
// their own while the main one calls Setgroups, Setgid, Setregid,
// Setreuid; each then reads its own thread's ids from
// /proc/thread-self/status.  Needs root (prints that it is skipped
// otherwise); the ids are not changed back.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
)

func threadIDs() string {
	f, err := os.Open("/proc/thread-self/status")
	if err != nil {
		return "cannot read: " + err.Error()
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		l := s.Text()
		if strings.HasPrefix(l, "Uid:") || strings.HasPrefix(l, "Gid:") || strings.HasPrefix(l, "Groups:") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(out, "; ")
}

func main() {
	if os.Geteuid() != 0 {
		fmt.Println("setids: skipped (not root)")
		return
	}
	const n = 8
	ready := make(chan bool)
	ask := make([]chan bool, n)
	answers := make(chan string, n)
	for i := 0; i < n; i++ {
		ask[i] = make(chan bool)
		go func(c chan bool) {
			runtime.LockOSThread()
			ready <- true
			<-c
			answers <- threadIDs()
		}(ask[i])
	}
	for i := 0; i < n; i++ {
		<-ready
	}
	runtime.LockOSThread()
	must := func(err error, what string) {
		if err != nil {
			fmt.Println(what+":", err)
			os.Exit(1)
		}
	}
	must(syscall.Setgroups([]int{4242, 4343}), "setgroups")
	must(syscall.Setgid(4000), "setgid")
	must(syscall.Setregid(4001, 4002), "setregid")
	must(syscall.Setreuid(5001, 5002), "setreuid")
	main := threadIDs()
	fmt.Println("caller:", main)
	same := 0
	for i := 0; i < n; i++ {
		ask[i] <- true
		if a := <-answers; a == main {
			same++
		} else {
			fmt.Println("a thread differs:", a)
		}
	}
	fmt.Printf("%d of %d other threads have the caller's ids\n", same, n)
}
