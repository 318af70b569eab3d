// signals: os/signal delivery of signals the program sends itself, a
// signal to a blocked receiver, and SIGPIPE's error on a closed pipe.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 4)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGHUP)
	for _, s := range []syscall.Signal{syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGHUP} {
		if err := syscall.Kill(os.Getpid(), s); err != nil {
			fmt.Println("kill:", err)
			os.Exit(1)
		}
		select {
		case got := <-c:
			fmt.Println("received", got)
		case <-time.After(5 * time.Second):
			fmt.Println("timed out waiting for", s)
			os.Exit(1)
		}
	}
	signal.Ignore(syscall.SIGPIPE)
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		os.Exit(1)
	}
	r.Close()
	_, err = w.Write([]byte("x"))
	fmt.Println("write to a pipe without reader:", err)
}
