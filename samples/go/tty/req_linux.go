package main

import "syscall"

const getReq, setReq = syscall.TCGETS, syscall.TCSETS
