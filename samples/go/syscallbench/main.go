// syscallbench N [getpid|write|now|mixed]: N rounds, then prints N.
// getpid: syscall.Getpid (a raw syscall, no Go scheduler involvement);
// write: a 1-byte syscall.Write to /dev/null;
// now: time.Now() (FreeBSD Go reads the clock through clock_gettime);
// spawn: os/exec of /bin/true, waited for;
// mixed: stat, open, read, close, getpid and write of a small file, the
// syscall-heavy loop of bench/run.sh.  Used for the overhead benchmark.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

func main() {
	n := 1000000
	mode := "getpid"
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 0 {
			fmt.Fprintln(os.Stderr, "usage: syscallbench N [getpid|write]")
			os.Exit(2)
		}
		n = v
	}
	if len(os.Args) > 2 {
		mode = os.Args[2]
	}
	switch mode {
	case "getpid":
		for i := 0; i < n; i++ {
			syscall.Getpid()
		}
	case "write":
		fd, err := syscall.Open("/dev/null", syscall.O_WRONLY, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, "open /dev/null:", err)
			os.Exit(1)
		}
		b := []byte{'x'}
		for i := 0; i < n; i++ {
			if _, err := syscall.Write(fd, b); err != nil {
				fmt.Fprintln(os.Stderr, "write:", err)
				os.Exit(1)
			}
		}
		syscall.Close(fd)
	case "now":
		var last time.Time
		for i := 0; i < n; i++ {
			t := time.Now()
			if t.Before(last) {
				fmt.Fprintln(os.Stderr, "time went backwards")
				os.Exit(1)
			}
			last = t
		}
	case "spawn":
		// os/exec of a native /bin/true: fork, exec, wait (under persona:
		// with the private binfmt_misc namespace the child gets).
		for i := 0; i < n; i++ {
			if err := exec.Command("/bin/true").Run(); err != nil {
				fmt.Fprintln(os.Stderr, "spawn:", err)
				os.Exit(1)
			}
		}
	case "mixed":
		dir, err := os.MkdirTemp("", "syscallbench")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer os.RemoveAll(dir)
		path := dir + "/f"
		if err := os.WriteFile(path, []byte("0123456789abcdef"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		null, err := syscall.Open("/dev/null", syscall.O_WRONLY, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, "open /dev/null:", err)
			os.Exit(1)
		}
		buf := make([]byte, 64)
		var st syscall.Stat_t
		for i := 0; i < n; i++ {
			if err := syscall.Stat(path, &st); err != nil || st.Size != 16 {
				fmt.Fprintln(os.Stderr, "stat:", err)
				os.Exit(1)
			}
			fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
			if err != nil {
				fmt.Fprintln(os.Stderr, "open:", err)
				os.Exit(1)
			}
			if k, err := syscall.Read(fd, buf); err != nil || k != 16 {
				fmt.Fprintln(os.Stderr, "read:", err)
				os.Exit(1)
			}
			syscall.Close(fd)
			syscall.Getpid()
			syscall.Write(null, buf[:1])
		}
		os.RemoveAll(dir)
	default:
		fmt.Fprintln(os.Stderr, "usage: syscallbench N [getpid|write|now|mixed]")
		os.Exit(2)
	}
	fmt.Println(n)
}
