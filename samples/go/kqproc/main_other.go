//go:build !(freebsd || netbsd)

// kqproc exists for the BSDs only (EVFILT_PROC); see main_bsd.go.
package main

import "fmt"

func main() { fmt.Println("kqproc: a BSD program (EVFILT_PROC)") }
