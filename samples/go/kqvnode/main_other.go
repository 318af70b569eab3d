//go:build !(freebsd || netbsd)

// kqvnode exists for the BSDs only (EVFILT_VNODE); see main_bsd.go.
package main

import "fmt"

func main() { fmt.Println("kqvnode: a BSD program (EVFILT_VNODE)") }
