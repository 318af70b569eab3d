package main

// jail(2) and jail_attach(2), sys/kern/syscalls.master: not implemented by
// persona.
const missingCallNumber = 338
const missingChildCallNumber = 436
