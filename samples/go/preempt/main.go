// preempt: with one P, a goroutine spinning in a loop without calls can
// only be taken off the CPU by asynchronous preemption, which the Go runtime
// does by sending the thread SIGURG and rewriting its context in the signal
// handler. The program finishes only if that works.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var sink uint64

func spin(stop *bool) {
	x := uint64(1)
	for !*stop {
		x = x*6364136223846793005 + 1442695040888963407
	}
	sink = x
}

func main() {
	runtime.GOMAXPROCS(1)
	stop := false
	go spin(&stop)
	time.Sleep(20 * time.Millisecond) // the spinner takes the only P
	for i := 0; i < 3; i++ {
		runtime.Gosched()
		time.Sleep(5 * time.Millisecond)
	}
	stop = true
	fmt.Println("main goroutine ran while another one spun: preemption works")
}
