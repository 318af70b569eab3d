// stubstress: goroutines in tight system-call loops (getpid, pipe write/read
// pairs, nanosleep, time.Sleep, time.Now) while the main goroutine keeps
// disturbing them: it sends itself SIGUSR1 (os/signal), forks and execs a
// child (this program again, which exits at once), stops the world while a
// goroutine spins without calls (only asynchronous preemption, SIGURG, can
// stop it), forces GC cycles and changes GOMAXPROCS.  Under persona that means
// signals landing while threads are inside rewritten syscall sites, forks
// while other threads are in persona, and context rewrites by the Go
// runtime's signal handler on threads that were just in a syscall.
//
// The output holds no timing-dependent numbers: each worker runs until the
// main goroutine is done and at least its minimum count of calls, and
// prints only that the minimum was reached and every result checked out.
// Run time is bounded by the main goroutine's fixed number of rounds.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const rounds = 8

var (
	done   int32 // the main goroutine finished its rounds
	failed int32
	mu     sync.Mutex
	errs   []string
)

func fail(format string, args ...interface{}) {
	atomic.StoreInt32(&failed, 1)
	mu.Lock()
	if len(errs) < 20 {
		errs = append(errs, fmt.Sprintf(format, args...))
	}
	mu.Unlock()
}

// worker runs body until the main goroutine is done and at least min times;
// body returns false to stop early (after reporting a failure).
func worker(wg *sync.WaitGroup, name string, min int, body func(i int) bool, results map[string]string) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		n := 0
		for n < min || atomic.LoadInt32(&done) == 0 {
			if !body(n) {
				break
			}
			n++
			if n > 50_000_000 {
				fail("%s: main goroutine never finished", name)
				break
			}
		}
		mu.Lock()
		results[name] = fmt.Sprintf("%s: at least %d calls, all results right", name, min)
		if n < min {
			results[name] = fmt.Sprintf("%s: stopped after %d calls", name, n)
		}
		mu.Unlock()
	}()
}

var sink uint64

// spin loops without a single call until stop is set: only asynchronous
// preemption can stop the world around it.
func spin(stop *int32, started chan<- struct{}) {
	close(started)
	x := uint64(1)
	for atomic.LoadInt32(stop) == 0 {
		x = x*6364136223846793005 + 1442695040888963407
	}
	atomic.AddUint64(&sink, x)
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		os.Exit(0)
	}
	pid := os.Getpid()
	results := map[string]string{}
	var wg sync.WaitGroup

	worker(&wg, "getpid", 20000, func(int) bool {
		if p := syscall.Getpid(); p != pid {
			fail("getpid: %d, want %d", p, pid)
			return false
		}
		return true
	}, results)

	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		fmt.Println("pipe:", err)
		os.Exit(1)
	}
	worker(&wg, "pipe write/read", 5000, func(i int) bool {
		out := []byte{byte(i), byte(i >> 8), byte(i >> 16), 0x5a}
		if n, err := syscall.Write(fds[1], out); n != 4 || err != nil {
			fail("pipe write %d: %d %v", i, n, err)
			return false
		}
		in := make([]byte, 4)
		for got := 0; got < 4; {
			n, err := syscall.Read(fds[0], in[got:])
			if err == syscall.EINTR {
				continue
			}
			if n <= 0 || err != nil {
				fail("pipe read %d: %d %v", i, n, err)
				return false
			}
			got += n
		}
		if string(in) != string(out) {
			fail("pipe %d: read %x, wrote %x", i, in, out)
			return false
		}
		return true
	}, results)

	worker(&wg, "nanosleep", 200, func(int) bool {
		ts := syscall.Timespec{Nsec: 20000}
		if err := syscall.Nanosleep(&ts, nil); err != nil && err != syscall.EINTR {
			fail("nanosleep: %v", err)
			return false
		}
		return true
	}, results)

	worker(&wg, "time.Sleep", 200, func(int) bool {
		t0 := time.Now()
		time.Sleep(20 * time.Microsecond)
		if d := time.Since(t0); d < 20*time.Microsecond {
			fail("time.Sleep(20µs) took %v", d)
			return false
		}
		return true
	}, results)

	var last time.Time
	worker(&wg, "time.Now", 50000, func(i int) bool {
		now := time.Now()
		if i > 0 && now.Before(last) {
			fail("time.Now went backwards: %v after %v", now, last)
			return false
		}
		last = now
		return true
	}, results)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGUSR1)
	received, children, stws, gcs := 0, 0, 0, 0
	for r := 0; r < rounds && atomic.LoadInt32(&failed) == 0; r++ {
		// (a) a signal to ourselves, handled by os/signal.
		if err := syscall.Kill(pid, syscall.SIGUSR1); err != nil {
			fail("kill: %v", err)
			break
		}
		select {
		case <-sigs:
			received++
		case <-time.After(10 * time.Second):
			fail("round %d: SIGUSR1 never arrived", r)
		}
		// (b) fork + exec a child that exits at once.
		if err := exec.Command(os.Args[0], "child").Run(); err != nil {
			fail("round %d: child: %v", r, err)
		} else {
			children++
		}
		// (c) stop the world (runtime.ReadMemStats) while a goroutine
		// spins without calls: only asynchronous preemption (SIGURG) can
		// stop it.  Every fourth round a whole GC cycle, and once a change
		// of GOMAXPROCS (two more stops of the world).
		var stop int32
		started := make(chan struct{})
		go spin(&stop, started)
		<-started
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		atomic.StoreInt32(&stop, 1)
		stws++
		if r%4 == 3 {
			runtime.GC()
			gcs++
		}
		if r == 1 {
			old := runtime.GOMAXPROCS(1)
			runtime.GOMAXPROCS(old)
		}
	}
	atomic.StoreInt32(&done, 1)
	wg.Wait()
	signal.Stop(sigs)

	for _, name := range []string{"getpid", "pipe write/read", "nanosleep", "time.Sleep", "time.Now"} {
		fmt.Println(results[name])
	}
	fmt.Printf("signals: %d of %d received\n", received, rounds)
	fmt.Printf("children: %d of %d exited with status 0\n", children, rounds)
	fmt.Printf("world stopped around a spinning goroutine: %d of %d\n", stws, rounds)
	fmt.Printf("GC cycles under load: %d of %d\n", gcs, rounds/4)
	if atomic.LoadInt32(&failed) != 0 {
		for _, e := range errs {
			fmt.Println("FAIL", e)
		}
		os.Exit(1)
	}
	fmt.Println("all OK")
}
