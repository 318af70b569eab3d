package main

import (
	"encoding/binary"
	"syscall"
	"time"
	"unsafe"
)

const commLen = 19 // COMMLEN (sys/sys/user.h)

// sysctl(2) by MIB.
func sysctl(mib []int32, old []byte) ([]byte, error) {
	n := uintptr(len(old))
	var p unsafe.Pointer
	if len(old) > 0 {
		p = unsafe.Pointer(&old[0])
	}
	_, _, e := syscall.Syscall6(syscall.SYS___SYSCTL, uintptr(unsafe.Pointer(&mib[0])), uintptr(len(mib)),
		uintptr(p), uintptr(unsafe.Pointer(&n)), 0, 0)
	if e != 0 {
		return nil, e
	}
	return old[:n], nil
}

// The MIB of a name: sysctl {0, 3} (CTL_SYSCTL, CTL_SYSCTL_NAME2OID).
func nametomib(name string) []int32 {
	var buf [24 * 4]byte
	n := uintptr(len(buf))
	nb := []byte(name)
	mib := [2]int32{0, 3}
	_, _, e := syscall.Syscall6(syscall.SYS___SYSCTL, uintptr(unsafe.Pointer(&mib[0])), 2,
		uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n)),
		uintptr(unsafe.Pointer(&nb[0])), uintptr(len(nb)))
	if e != 0 {
		panic(name + ": " + e.Error())
	}
	out := make([]int32, n/4)
	for i := range out {
		out[i] = int32(binary.LittleEndian.Uint32(buf[4*i:]))
	}
	return out
}

func intOf(name string) int {
	v, err := syscall.SysctlUint32(name)
	if err != nil {
		panic(name + ": " + err.Error())
	}
	return int(int32(v))
}

func domainname() string {
	s, err := syscall.Sysctl("kern.domainname")
	if err != nil {
		panic(err)
	}
	return s
}

func jailed() int       { return intOf("security.jail.jailed") }
func schedName() string { s, _ := syscall.Sysctl("kern.sched.name"); return s }

func portrange() (first, last, hifirst, hilast, lowfirst, lowlast int) {
	p := "net.inet.ip.portrange."
	return intOf(p + "first"), intOf(p + "last"), intOf(p + "hifirst"), intOf(p + "hilast"),
		intOf(p + "lowfirst"), intOf(p + "lowlast")
}

func pageCount() (pages, total int64) {
	b, err := sysctl(nametomib("hw.physmem"), make([]byte, 8))
	if err != nil {
		panic(err)
	}
	total = int64(binary.LittleEndian.Uint64(b))
	return int64(intOf("vm.stats.vm.v_page_count")), total
}

func cpTime() []int64 {
	b, err := sysctl(nametomib("kern.cp_time"), make([]byte, 64))
	if err != nil {
		panic(err)
	}
	v := make([]int64, len(b)/8)
	for i := range v {
		v[i] = int64(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return v
}

// struct kinfo_proc offsets (sys/sys/user.h, amd64).
const (
	kiStructsize = 0
	kiPid        = 72
	kiPpid       = 76
	kiUid        = 168
	kiStart      = 336
	kiStat       = 388
	kiComm       = 447
	kinfoSize    = 1088
	sRun         = 2
)

func procPid(pid int) (proc, error) {
	mib := append(nametomib("kern.proc.pid"), int32(pid))
	b, err := sysctl(mib, make([]byte, 2*kinfoSize))
	if err != nil {
		return proc{}, err
	}
	if len(b) != kinfoSize || binary.LittleEndian.Uint32(b[kiStructsize:]) != kinfoSize {
		panic("kinfo_proc size")
	}
	u32 := func(o int) uint32 { return binary.LittleEndian.Uint32(b[o:]) }
	comm := b[kiComm : kiComm+20]
	for i, c := range comm {
		if c == 0 {
			comm = comm[:i]
			break
		}
	}
	sec := int64(binary.LittleEndian.Uint64(b[kiStart:]))
	usec := int64(binary.LittleEndian.Uint64(b[kiStart+8:]))
	return proc{pid: int(int32(u32(kiPid))), ppid: int(int32(u32(kiPpid))), uid: u32(kiUid),
		comm: string(comm), running: b[kiStat] == sRun, start: time.Unix(sec, usec*1000)}, nil
}

func procArgs(pid int) (string, error) {
	mib := append(nametomib("kern.proc.args"), int32(pid))
	// the size first, as programs do
	n := uintptr(0)
	_, _, e := syscall.Syscall6(syscall.SYS___SYSCTL, uintptr(unsafe.Pointer(&mib[0])), uintptr(len(mib)),
		0, uintptr(unsafe.Pointer(&n)), 0, 0)
	if e != 0 {
		return "", e
	}
	b, err := sysctl(mib, make([]byte, n))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Walk {0,2} (CTL_SYSCTL_NEXT) from the start: every name it gives must
// come back to its OID through {0,1} (NAME) and {0,3}, and `want` must be
// among them.
func listing(want []string) bool {
	seen := map[string]bool{}
	oid := []int32{}
	for i := 0; i < 10000; i++ {
		next, err := sysctl(append([]int32{0, 2}, oid...), make([]byte, 24*4))
		if err == syscall.ENOENT {
			break
		}
		if err != nil {
			return false
		}
		oid = make([]int32, len(next)/4)
		for k := range oid {
			oid[k] = int32(binary.LittleEndian.Uint32(next[4*k:]))
		}
		nb, err := sysctl(append([]int32{0, 1}, oid...), make([]byte, 256))
		if err != nil || len(nb) < 2 {
			return false
		}
		name := string(nb[:len(nb)-1])
		back := nametomib(name)
		if len(back) != len(oid) {
			return false
		}
		for k := range oid {
			if back[k] != oid[k] {
				return false
			}
		}
		seen[name] = true
	}
	for _, w := range want {
		if !seen[w] {
			return false
		}
	}
	return true
}
