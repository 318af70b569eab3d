//go:build !(freebsd || netbsd)

// kqsignal exists for the BSDs only (EVFILT_SIGNAL); see main_bsd.go.
package main

import "fmt"

func main() { fmt.Println("kqsignal: a BSD program (EVFILT_SIGNAL)") }
