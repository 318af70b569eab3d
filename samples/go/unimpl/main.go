// unimpl: makes a system call persona does not implement (FreeBSD jail(2);
// on Linux a number with no call), so the tests can check that the report
// of --report-missing names the Go function that made it.
package main

import (
	"fmt"
	"syscall"
)

//go:noinline
func askForMissingCall() error {
	_, _, errno := syscall.Syscall(missingCallNumber, 0, 0, 0)
	return errno
}

func main() {
	fmt.Println("missing call:", askForMissingCall())
}
