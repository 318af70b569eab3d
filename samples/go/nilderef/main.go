// nilderef: a nil pointer dereference becomes SIGSEGV in the guest; Go's
// signal handler turns it into a runtime panic, which is recovered here.
package main

import (
	"fmt"
	"os"
)

type node struct {
	next  *node
	value int
}

//go:noinline
func deref(n *node) int {
	return n.next.value
}

func main() {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println("recovered:", err.Error())
			os.Exit(0)
		}
		fmt.Println("unexpected recover value:", r)
		os.Exit(1)
	}()
	fmt.Println(deref(&node{}))
	fmt.Println("not reached")
	os.Exit(1)
}
