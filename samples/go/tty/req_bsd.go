//go:build freebsd || netbsd

package main

import "syscall"

const getReq, setReq = syscall.TIOCGETA, syscall.TIOCSETA
