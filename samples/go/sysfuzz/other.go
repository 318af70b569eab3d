//go:build !freebsd

// The Linux build exists because every Go sample is built for both
// systems; random system calls are only meant for persona's FreeBSD guest.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "sysfuzz: a FreeBSD guest for persona; not run natively")
	os.Exit(2)
}
