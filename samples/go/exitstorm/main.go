// exitstorm: exits with status 3 while other goroutines keep signalling the
// process.  A signal arriving while persona finishes the guest's exit (its
// --stats table, its --report-missing file) must not stop the exit: persona
// once made the exit's own host call return EINTR and ran into the next
// function (issue 7, defect 2).
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	pid := os.Getpid()
	for i := 0; i < 2; i++ {
		go func() {
			for {
				syscall.Kill(pid, syscall.SIGUSR1)
			}
		}()
	}
	go func() {
		for range ch {
		}
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("exiting with 3")
	os.Exit(3)
}
