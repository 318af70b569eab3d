// fds: a Go program that needs more than 900 descriptors at once, the way
// a busy server does, and must get every one back when it closes them.
//
// Three rounds of 600 os.Pipe pairs plus 300 loopback TCP connections (both
// ends), all registered with the runtime's poller (kqueue on FreeBSD,
// epoll on Linux), then closed: each round starts from the same lowest free
// descriptor and nothing is left open from 900 on.  Then children
// (/bin/sh, native on both systems) with one extra descriptor must see
// exactly the program's RLIMIT_NOFILE -- as the os package raised it, then
// lowered -- and descriptors 0-3.
package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"syscall"
)

const (
	pipes = 600
	conns = 300
)

func check(what string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL %s: %v\n", what, err)
		os.Exit(1)
	}
}

// The lowest free descriptor number.
func lowestFree() int {
	fd, err := syscall.Dup(0)
	check("dup", err)
	syscall.Close(fd)
	return fd
}

// How many of lo..hi-1 are open.
func openFrom(lo, hi int) int {
	n := 0
	for fd := lo; fd < hi; fd++ {
		if _, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0); e == 0 {
			n++
		}
	}
	return n
}

// A native child shows its limits and its descriptors.
func child(extra *os.File) {
	cmd := exec.Command("/bin/sh", "-c", "ulimit -Sn; ulimit -Hn; ls /proc/self/fd | tr '\\n' ' '; echo")
	cmd.ExtraFiles = []*os.File{extra}
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	check("child", err)
	fmt.Printf("child sees: %q\n", out)
}

func round(n int) {
	start := lowestFree()
	var files []*os.File
	for i := 0; i < pipes; i++ {
		r, w, err := os.Pipe()
		check("pipe", err)
		files = append(files, r, w)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check("listen", err)
	accepted := make(chan net.Conn, conns)
	go func() {
		for i := 0; i < conns; i++ {
			c, err := ln.Accept()
			check("accept", err)
			accepted <- c
		}
	}()
	var cs []net.Conn
	for i := 0; i < conns; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		check("dial", err)
		cs = append(cs, c, <-accepted)
	}
	// One byte across every connection, through the poller.
	for i := 0; i < len(cs); i += 2 {
		_, err := cs[i].Write([]byte{byte(i)})
		check("write", err)
		b := make([]byte, 1)
		_, err = cs[i+1].Read(b)
		check("read", err)
	}
	highest := 0
	for _, f := range files {
		if int(f.Fd()) > highest {
			highest = int(f.Fd())
		}
	}
	for _, f := range files {
		check("close", f.Close())
	}
	for _, c := range cs {
		check("close conn", c.Close())
	}
	check("close listener", ln.Close())
	fmt.Printf("round %d: %d descriptors, a pipe end at 900 or above: %v, back to %d: %v, open from 900 on: %d\n",
		n, 2*pipes+2*conns+1, highest >= 900, start, lowestFree() == start, openFrom(900, 4096))
}

func main() {
	// Whatever the test harness left open stays out of the child's view.
	for fd := 3; fd < 1024; fd++ {
		syscall.CloseOnExec(fd)
	}
	var lim syscall.Rlimit
	check("getrlimit", syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim))
	// The os package raised the soft limit to the hard one at start-up.
	fmt.Printf("RLIMIT_NOFILE: soft=%d hard=%d\n", lim.Cur, lim.Max)
	if lim.Cur < 2*pipes+2*conns+64 {
		fmt.Println("limit too low for the test")
		return
	}
	for n := 1; n <= 3; n++ {
		round(n)
	}

	// Native children: with the limit as the os package set it, then
	// lowered; each gets one extra descriptor.
	r, w, err := os.Pipe()
	check("pipe", err)
	child(r)
	low := syscall.Rlimit{Cur: 1500, Max: lim.Max}
	check("setrlimit", syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low))
	child(r)
	r.Close()
	w.Close()
	check("setrlimit back", syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim))
}
