//go:build freebsd

package main

// FreeBSD system call numbers (sys/kern/syscalls.master) the fuzzer treats
// specially.

// Never issued: each would stop the fuzzer itself (or its runner, or the
// host) instead of testing persona.  Everything else is fair game,
// including calls that crash or stop the guest: that is the guest's own
// doing and the runner accepts it.
var excluded = map[uintptr]string{
	1:   "exit: ends the fuzzer",
	431: "thr_exit: ends the fuzzing thread",
	463: "abort2: ends the fuzzer",
	2:   "fork: a second fuzzer would run on from the same state",
	66:  "vfork: as fork",
	251: "rfork: as fork",
	518: "pdfork: as fork",
	59:  "execve: replaces the fuzzer",
	492: "fexecve: replaces the fuzzer",
	37:  "kill: PIDs are host PIDs, a wild one hits the runner or other jobs",
	146: "okillpg: as kill, for process groups",
	456: "sigqueue: as kill",
	481: "thr_kill2: takes a PID, as kill",
	55:  "reboot: the host's, if it were ever passed through",
	53: "sigaltstack: a wild signal stack makes the Go runtime's next signal " +
		"handler spin forever in needm, a hang the runner cannot tell from persona's",
}

// Calls that may wait indefinitely by design (on a pipe, a lock word, a
// timeout read from fuzzed memory, ...).  A stall in one of these ends the
// child as "blocked"; a stall anywhere else is reported as a suspected
// persona hang.
var mayBlock = map[uintptr]bool{
	3: true, 4: true, 5: true, 7: true, 27: true, 28: true, 29: true, 30: true,
	54: true, 92: true, 93: true, 98: true, 120: true, 121: true, 131: true,
	133: true, 209: true, 240: true, 244: true, 289: true, 290: true, 341: true,
	345: true, 346: true, 363: true, 393: true, 429: true, 442: true, 454: true,
	475: true, 476: true, 499: true, 522: true, 532: true, 541: true, 545: true,
	560: true,
}

// Calls that change the address space: the arena is mapped again after
// them, so the fuzzer's own writes into it cannot fault.
var remapsArena = map[uintptr]bool{
	65: true, 73: true, 74: true, 75: true, 203: true, 250: true, 477: true,
}

// syscall(2) and __syscall(2) take the number of the call to make in
// their first argument.
var indirect = map[uintptr]bool{0: true, 198: true}

// Highest number drawn for an ordinary call; beyond it the table has no
// rows (FreeBSD 14 ends below 600).
const maxCallNumber = 600
