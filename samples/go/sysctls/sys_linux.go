package main

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const commLen = 15 // TASK_COMM_LEN - 1

func domainname() string {
	var u syscall.Utsname
	syscall.Uname(&u)
	var b []byte
	for _, c := range u.Domainname {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	if string(b) == "(none)" {
		return ""
	}
	return string(b)
}

func jailed() int       { return 0 }
func schedName() string { return "ULE" }

func portrange() (first, last, hifirst, hilast, lowfirst, lowlast int) {
	b, _ := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	f := strings.Fields(string(b))
	first, _ = strconv.Atoi(f[0])
	last, _ = strconv.Atoi(f[1])
	return first, last, first, last, 1023, 600
}

func meminfo(key string) int64 {
	b, _ := os.ReadFile("/proc/meminfo")
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && f[0] == key+":" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n * 1024
		}
	}
	return 0
}

func pageCount() (pages, total int64) {
	total = meminfo("MemTotal")
	return total / 4096, total
}

func cpTime() []int64 {
	b, _ := os.ReadFile("/proc/stat")
	f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0])[1:]
	v := make([]int64, 8)
	for i := range v {
		v[i], _ = strconv.ParseInt(f[i], 10, 64)
	}
	return []int64{v[0], v[1], v[2] + v[7], v[5] + v[6], v[3] + v[4]}
}

func procPid(pid int) (proc, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return proc{}, syscall.ESRCH
	}
	s := string(b)
	rp := strings.LastIndexByte(s, ')')
	comm := s[strings.IndexByte(s, '(')+1 : rp]
	f := strings.Fields(s[rp+2:])
	ppid, _ := strconv.Atoi(f[1])
	startTicks, _ := strconv.ParseInt(f[19], 10, 64)
	var info syscall.Sysinfo_t
	syscall.Sysinfo(&info)
	boot := time.Now().Add(-time.Duration(info.Uptime) * time.Second)
	start := boot.Add(time.Duration(startTicks) * time.Second / 100)
	st, _ := os.Stat("/proc/" + strconv.Itoa(pid))
	uid := st.Sys().(*syscall.Stat_t).Uid
	return proc{pid: pid, ppid: ppid, uid: uid, comm: comm, running: f[0] == "R", start: start}, nil
}

func procArgs(pid int) (string, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return "", errors.New("no such process")
	}
	if !bytes.HasSuffix(b, []byte{0}) {
		b = append(b, 0)
	}
	return string(b), nil
}

// Linux has no sysctl names of FreeBSD's to list.
func listing(want []string) bool { return true }
