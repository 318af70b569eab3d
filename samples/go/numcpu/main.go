// numcpu: runtime.NumCPU (FreeBSD: cpuset_getaffinity; Linux: sched_getaffinity).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.NumCPU())
}
