package main

// No Linux system call has this number: ENOSYS, like the FreeBSD build.
const missingCallNumber = 1000
