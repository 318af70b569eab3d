// panic: an unrecovered panic. Go prints "panic: ..." and a goroutine trace
// on stderr and exits with status 2.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("about to panic")
	os.Stdout.Sync()
	panic("persona sample panic: boom")
}
