package main

// No Linux system call has these numbers: ENOSYS, like the FreeBSD build.
const missingCallNumber = 1000
const missingChildCallNumber = 1001
