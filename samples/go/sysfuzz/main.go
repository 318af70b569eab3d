//go:build freebsd

// sysfuzz: issues random FreeBSD system calls with random arguments, wild
// pointers among them, so that persona's handlers meet every kind of
// hostile input.  Seeded and bounded:
//
//	sysfuzz SEED N STATEFILE
//
// makes N calls drawn from a generator seeded with SEED.  STATEFILE (an
// existing file of at least one page) is mapped shared and records the
// progress: the runner (tests/e2e/sysfuzz.sh) reads it after the child
// ends however it ends, and it names the call in flight if persona fails.
//
// Layout of STATEFILE, little-endian 64-bit words:
//
//	0 calls started   1 calls finished   2 number of the call in flight
//	3..8 its arguments   9 end: 1 done, 2 blocked in a call that may
//	block, 3 stalled in a call that should not
//
// Pointer arguments point into an arena the fuzzer owns (filled with
// random bytes or with a soup of arena pointers and small numbers, so that
// iovecs, msghdrs and kevents lead somewhere), at its edge next to a
// PROT_NONE guard, or nowhere at all.  The arena never holds a '/' when a
// call starts: a path the guest passes is a name inside the runner's
// scratch directory, never a host path.
package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

const (
	arenaSize = 256 << 10
	guardSize = 16 << 10
)

var (
	state    *[512]uint64
	arena    []byte // arenaSize + guardSize; the guard is PROT_NONE
	arenaAdr uintptr
)

func mapArena(fixed bool) {
	flags := syscall.MAP_ANON | syscall.MAP_PRIVATE
	addr := uintptr(0)
	if fixed {
		flags |= syscall.MAP_FIXED
		addr = arenaAdr
	}
	p, _, e := syscall.RawSyscall6(syscall.SYS_MMAP, addr, arenaSize+guardSize,
		syscall.PROT_READ|syscall.PROT_WRITE, uintptr(flags), ^uintptr(0), 0)
	if e != 0 || (fixed && p != arenaAdr) {
		fmt.Fprintln(os.Stderr, "sysfuzz: cannot map the arena:", e)
		os.Exit(70)
	}
	arenaAdr = p
	arena = unsafe.Slice((*byte)(unsafe.Pointer(p)), arenaSize+guardSize)
	syscall.RawSyscall(syscall.SYS_MPROTECT, p+arenaSize, guardSize, syscall.PROT_NONE)
}

func mapState(path string) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sysfuzz:", err)
		os.Exit(70)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, 4096, syscall.PROT_READ|syscall.PROT_WRITE,
		syscall.MAP_SHARED)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sysfuzz: mmap state:", err)
		os.Exit(70)
	}
	f.Close() // a fuzzed close(2) or closefrom(2) must not take it away
	state = (*[512]uint64)(unsafe.Pointer(&b[0]))
}

type gen struct{ r *rand.Rand }

var specials = []uint64{^uint64(0), ^uint64(99) /* AT_FDCWD */, 0xffffffff, 1 << 31,
	1 << 63, 0x7fffffffffffffff, 0x8000, 0x10000}
var wild = []uint64{0, 1, 8, 0xfff, 0x1000, 0xdead0000, 0x7ffffffff000, 0x800000000000,
	0xffff800000000000, 0xfffffffffffff000}

// A pointer into the arena, with the memory behind it filled first.
func (g *gen) arenaPtr() uintptr {
	off := g.r.Intn(arenaSize - 1024)
	if g.r.Intn(8) != 0 {
		off &^= 7
	}
	n := g.r.Intn(512)
	switch g.r.Intn(3) {
	case 0:
		g.r.Read(arena[off : off+n])
	case 1:
		for i := off; i+8 <= off+n; i += 8 {
			var w uint64
			switch g.r.Intn(4) {
			case 0:
				w = uint64(arenaAdr) + uint64(g.r.Intn(arenaSize))&^7
			case 1:
				w = uint64(g.r.Intn(64))
			case 2:
				w = uint64(1) << g.r.Intn(20)
			default:
				w = wild[g.r.Intn(len(wild))]
			}
			*(*uint64)(unsafe.Pointer(&arena[i])) = w
		}
	default:
		for i := off; i < off+n; i++ {
			arena[i] = 0
		}
	}
	arena[off+n] = 0
	return arenaAdr + uintptr(off)
}

func (g *gen) arg() uintptr {
	switch r := g.r.Intn(100); {
	case r < 20:
		return uintptr(g.r.Intn(17)) // descriptors, flags, counts
	case r < 28:
		return uintptr(specials[g.r.Intn(len(specials))])
	case r < 55:
		return g.arenaPtr()
	case r < 62: // runs into the guard page
		return arenaAdr + arenaSize - uintptr(1+g.r.Intn(64))
	case r < 72:
		return uintptr(wild[g.r.Intn(len(wild))])
	case r < 82:
		return uintptr(g.r.Uint64())
	case r < 92:
		return uintptr(1) << g.r.Intn(40)
	default:
		return uintptr(g.r.Intn(4096))
	}
}

func (g *gen) number() uintptr {
	for {
		var nr uintptr
		if g.r.Intn(50) == 0 {
			nr = uintptr(g.r.Uint64() >> uint(g.r.Intn(64))) // past the table
		} else {
			nr = uintptr(g.r.Intn(maxCallNumber))
		}
		if _, no := excluded[nr]; !no {
			return nr
		}
	}
}

// Remove every '/' from the arena (see the package comment).
func scrubSlashes() {
	a := arena[:arenaSize]
	for {
		i := bytes.IndexByte(a, '/')
		if i < 0 {
			return
		}
		a[i] = '_'
		a = a[i+1:]
	}
}

func effective(nr uintptr, a *[6]uintptr) uintptr {
	if indirect[nr] {
		return a[0]
	}
	return nr
}

// The watchdog: a call in flight too long ends the child (see mayBlock).
func watchdog() {
	var last uint64
	since := time.Now()
	for {
		time.Sleep(50 * time.Millisecond)
		started := atomic.LoadUint64(&state[0])
		if started != last || atomic.LoadUint64(&state[1]) == started {
			last, since = started, time.Now()
			continue
		}
		stuck := time.Since(since)
		nr := uintptr(atomic.LoadUint64(&state[2]))
		if indirect[nr] {
			nr = uintptr(atomic.LoadUint64(&state[3]))
		}
		if mayBlock[nr] && stuck > 300*time.Millisecond {
			atomic.StoreUint64(&state[9], 2)
			os.Exit(3)
		}
		if stuck > 5*time.Second {
			atomic.StoreUint64(&state[9], 3)
			os.Exit(4)
		}
	}
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: sysfuzz SEED N STATEFILE")
		os.Exit(64)
	}
	seed, err1 := strconv.ParseInt(os.Args[1], 10, 64)
	n, err2 := strconv.Atoi(os.Args[2])
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "sysfuzz: SEED and N are numbers")
		os.Exit(64)
	}
	mapState(os.Args[3])
	mapArena(false)
	if runtime.GOMAXPROCS(0) < 2 {
		runtime.GOMAXPROCS(2) // the watchdog needs a P while a call blocks
	}
	go watchdog()
	runtime.LockOSThread()

	g := &gen{rand.New(rand.NewSource(seed))}
	for i := 0; i < n; i++ {
		nr := g.number()
		var a [6]uintptr
		for k := range a {
			a[k] = g.arg()
		}
		if indirect[nr] {
			a[0] = g.number()
		}
		scrubSlashes()
		atomic.StoreUint64(&state[2], uint64(nr))
		for k := range a {
			atomic.StoreUint64(&state[3+k], uint64(a[k]))
		}
		atomic.StoreUint64(&state[0], uint64(i+1))
		syscall.Syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5])
		atomic.StoreUint64(&state[1], uint64(i+1))
		if remapsArena[effective(nr, &a)] {
			mapArena(true)
		}
	}
	atomic.StoreUint64(&state[9], 1)
	os.Exit(0)
}
