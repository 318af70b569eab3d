// sysctls: what FreeBSD programs read through sysctl(3) — kern.domainname,
// security.jail.jailed, kern.sched.name, net.inet.ip.portrange.*,
// vm.stats.vm.v_page_count, kern.cp_time, kern.proc.pid.<pid> and
// kern.proc.args.<pid> for this process and a child of it, and the
// {0,2} listing of the names.  The FreeBSD
// build asks sysctl (sys_freebsd.go); the Linux build works the same facts
// out from uname and /proc (sys_linux.go).  Both print the same lines.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// A process as kern.proc.pid describes it (the fields the sample checks).
type proc struct {
	pid, ppid int
	uid       uint32
	comm      string
	running   bool
	start     time.Time
}

func okIf(b bool) string {
	if b {
		return "ok"
	}
	return "WRONG"
}

func busy(d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
	}
}

func sum(v []int64) (s int64) {
	for _, x := range v {
		s += x
	}
	return
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		fmt.Println("ready")
		bufio.NewReader(os.Stdin).ReadString('\n')
		return
	}
	fmt.Printf("kern.domainname: %q\n", domainname())
	fmt.Printf("security.jail.jailed: %d\n", jailed())
	fmt.Printf("kern.sched.name: %s\n", schedName())
	first, last, hifirst, hilast, lowfirst, lowlast := portrange()
	fmt.Printf("net.inet.ip.portrange: first=%d last=%d hifirst=%d hilast=%d lowfirst=%d lowlast=%d\n",
		first, last, hifirst, hilast, lowfirst, lowlast)
	pages, total := pageCount()
	diff := pages*4096 - total
	if diff < 0 {
		diff = -diff
	}
	fmt.Printf("vm.stats.vm.v_page_count: %s\n", okIf(pages > 0 && diff <= total/100))

	a := cpTime()
	busy(100 * time.Millisecond)
	b := cpTime()
	fmt.Printf("kern.cp_time: %d states, %s\n", len(a), okIf(len(a) == 5 && len(b) == 5 && sum(b) > sum(a)))

	exe, _ := os.Executable()
	self, err := procPid(os.Getpid())
	if err != nil {
		fmt.Println("kern.proc.pid (self):", err)
	} else {
		fmt.Printf("kern.proc.pid (self): pid=%s ppid=%s uid=%s comm=%s stat=%s start=%s\n",
			okIf(self.pid == os.Getpid()), okIf(self.ppid == os.Getppid()),
			okIf(self.uid == uint32(os.Getuid())), okIf(commOf(exe) == self.comm),
			okIf(self.running), okIf(time.Since(self.start) < time.Minute && time.Since(self.start) >= -2*time.Second))
	}
	args, err := procArgs(os.Getpid())
	fmt.Printf("kern.proc.args (self): %s %v\n", okIf(err == nil && args == strings.Join(os.Args, "\x00")+"\x00"), err)

	// A child of ours: under persona it is persona too, and must show its
	// guest's argv and name, not persona's.
	cmd := exec.Command(exe, "child")
	cmd.Args[0] = "sysctls-child"
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		fmt.Println("child:", err)
		os.Exit(1)
	}
	// Once it says so, the child runs its own code (under persona: the
	// guest is loaded, not persona still starting up).
	bufio.NewReader(out).ReadString('\n')
	kid, err := procPid(cmd.Process.Pid)
	kargs, aerr := procArgs(cmd.Process.Pid)
	in.Write([]byte("\n"))
	in.Close()
	cmd.Wait()
	if err != nil {
		fmt.Println("kern.proc.pid (child):", err)
	} else {
		fmt.Printf("kern.proc.pid (child): pid=%s ppid=%s comm=%s\n", okIf(kid.pid == cmd.Process.Pid),
			okIf(kid.ppid == os.Getpid()), okIf(kid.comm == commOf(exe)))
	}
	fmt.Printf("kern.proc.args (child): %s %v\n", okIf(aerr == nil && kargs == "sysctls-child\x00child\x00"), aerr)

	_, err = procPid(0x3ffffff0)
	fmt.Println("kern.proc.pid (no such process):", err)

	fmt.Printf("sysctl listing: %s\n", okIf(listing([]string{"kern.domainname", "kern.cp_time",
		"kern.sched.name", "kern.proc.pid", "kern.proc.args", "vm.stats.vm.v_page_count",
		"net.inet.ip.portrange.first", "net.inet.ip.portrange.hilast", "security.jail.jailed"})))
}

// The name a process's image gives it: its file name, as long as the
// system keeps.
func commOf(exe string) string {
	c := filepath.Base(exe)
	if len(c) > commLen {
		c = c[:commLen]
	}
	return c
}

var _ = syscall.Getpid
