// forkpoll: forks children while other goroutines register descriptors with
// the runtime's poller (kqueue on FreeBSD, epoll on Linux) and close them.
//
// A fork child of persona frees the state of every kqueue it inherits
// (kqueues are not inherited on FreeBSD).  That state must not be copied
// half-updated by a thread that was closing a descriptor at the moment of
// the fork: the child then freed a knote a second time.  A sanitized
// persona (cmake -DPERSONA_SANITIZE=ON) reports that at once; a normal
// build mostly survives it by luck.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
)

func main() {
	forks := 100
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: forkpoll [FORKS]")
			os.Exit(2)
		}
		forks = n
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, w, err := os.Pipe()
				if err != nil {
					fmt.Fprintln(os.Stderr, "pipe:", err)
					os.Exit(1)
				}
				w.Write([]byte("x"))
				r.Close()
				w.Close()
			}
		}()
	}
	for i := 0; i < forks; i++ {
		// /bin/true: native on both systems (persona runs it natively).
		if err := exec.Command("/bin/true").Run(); err != nil {
			fmt.Fprintf(os.Stderr, "fork %d: %v\n", i, err)
			os.Exit(1)
		}
	}
	close(stop)
	wg.Wait()
	fmt.Printf("%d children while descriptors came and went: ok\n", forks)
}
