// unimpl: makes a system call persona does not implement (FreeBSD jail(2);
// on Linux a number with no call), so the tests can check that the report
// of --report-missing names the Go function that made it.  With "spawn" it
// also runs itself as a child ("child") that makes another such call
// (jail_attach), for the report of the whole run.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

//go:noinline
func askForMissingCall(nr uintptr) error {
	_, _, errno := syscall.Syscall(nr, 0, 0, 0)
	return errno
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		fmt.Println("missing call in the child:", askForMissingCall(missingChildCallNumber))
		return
	}
	fmt.Println("missing call:", askForMissingCall(missingCallNumber))
	if len(os.Args) > 1 && os.Args[1] == "spawn" {
		out, err := exec.Command(os.Args[0], "child").CombinedOutput()
		fmt.Printf("child: %s err=%v\n", out, err)
	}
}
