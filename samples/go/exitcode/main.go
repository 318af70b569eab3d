// exitcode N: exits with status N (after printing a line on each stream).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 0
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: exitcode N")
			os.Exit(2)
		}
		n = v
	}
	fmt.Printf("exiting with %d\n", n)
	fmt.Fprintf(os.Stderr, "stderr before exit %d\n", n)
	os.Exit(n)
}
