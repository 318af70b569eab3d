// syscallbench N [getpid|write]: N system calls, then prints N.
// getpid: syscall.Getpid (a raw syscall, no Go scheduler involvement);
// write: a 1-byte syscall.Write to /dev/null. Used for the overhead benchmark.
package main

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
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
	default:
		fmt.Fprintln(os.Stderr, "usage: syscallbench N [getpid|write]")
		os.Exit(2)
	}
	fmt.Println(n)
}
