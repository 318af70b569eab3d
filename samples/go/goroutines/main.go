// goroutines: 1000 goroutines, channels, a mutex, a WaitGroup and timers.
// Output is deterministic whatever the scheduling.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const n = 1000
	results := make(chan int, 16) // small buffer: senders block and park
	var wg sync.WaitGroup
	var mu sync.Mutex
	shared := 0

	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			time.Sleep(time.Duration(i%10) * time.Millisecond)
			mu.Lock()
			shared += i
			mu.Unlock()
			results <- i * i
		}(i)
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	sum, count := 0, 0
	for v := range results {
		sum += v
		count++
	}

	// A ping-pong over unbuffered channels between two goroutines.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 10000; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)

	// Timers and select.
	timeout := time.After(2 * time.Second)
	tick := time.NewTicker(5 * time.Millisecond)
	ticks := 0
loop:
	for {
		select {
		case <-tick.C:
			ticks++
			if ticks == 5 {
				break loop
			}
		case <-timeout:
			break loop
		}
	}
	tick.Stop()

	fmt.Printf("goroutines=%d sum-of-squares=%d shared-sum=%d\n", count, sum, shared)
	fmt.Printf("ping-pong=%d\n", v)
	fmt.Printf("ticks=%d\n", ticks)
}
