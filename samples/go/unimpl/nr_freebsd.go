package main

// jail(2), sys/kern/syscalls.master: not implemented by persona.
const missingCallNumber = 338
