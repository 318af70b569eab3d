// tty: what a program sees of its terminal through termios and the window
// size ioctls (tcgetattr, TIOCGWINSZ, tcsetattr), on stdin; prints the same
// text on every system (flags by name).  tests/e2e runs it under script(1)
// for a pseudo-terminal, and without one (ENOTTY).
package main

import (
	"fmt"
	"os"
	"syscall"
	"unsafe"
)

func ioctl(fd int, req uintptr, arg unsafe.Pointer) error {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), req, uintptr(arg))
	if e != 0 {
		return e
	}
	return nil
}

type winsize struct{ Row, Col, X, Y uint16 }

func main() {
	var t syscall.Termios
	if err := ioctl(0, getReq, unsafe.Pointer(&t)); err != nil {
		fmt.Println("stdin: not a terminal:", err)
		return
	}
	fmt.Println("stdin: a terminal")
	show := func(label string, v uint64, bits []struct {
		b    uint64
		name string
	}) {
		fmt.Print(label, ":")
		for _, b := range bits {
			if v&b.b != 0 {
				fmt.Print(" ", b.name)
			}
		}
		fmt.Println()
	}
	show("lflag", uint64(t.Lflag), []struct {
		b    uint64
		name string
	}{{syscall.ECHO, "ECHO"}, {syscall.ICANON, "ICANON"}, {syscall.ISIG, "ISIG"}, {syscall.IEXTEN, "IEXTEN"}})
	show("iflag", uint64(t.Iflag), []struct {
		b    uint64
		name string
	}{{syscall.ICRNL, "ICRNL"}, {syscall.IXON, "IXON"}})
	show("oflag", uint64(t.Oflag), []struct {
		b    uint64
		name string
	}{{syscall.OPOST, "OPOST"}, {syscall.ONLCR, "ONLCR"}})
	fmt.Printf("cs8: %v, VINTR: %d, VEOF: %d, VMIN: %d\n", t.Cflag&syscall.CSIZE == syscall.CS8,
		t.Cc[syscall.VINTR], t.Cc[syscall.VEOF], t.Cc[syscall.VMIN])
	var ws winsize
	if err := ioctl(0, syscall.TIOCGWINSZ, unsafe.Pointer(&ws)); err != nil {
		fmt.Println("TIOCGWINSZ:", err)
	} else {
		fmt.Printf("window: %d rows, %d columns\n", ws.Row, ws.Col)
	}
	// Raw mode and back, as a line editor does: what reads back is what was set.
	raw := t
	raw.Lflag &^= syscall.ECHO | syscall.ICANON
	if err := ioctl(0, setReq, unsafe.Pointer(&raw)); err != nil {
		fmt.Println("tcsetattr:", err)
		os.Exit(1)
	}
	var back syscall.Termios
	ioctl(0, getReq, unsafe.Pointer(&back))
	fmt.Printf("after raw mode: ECHO %v, ICANON %v\n", back.Lflag&syscall.ECHO != 0, back.Lflag&syscall.ICANON != 0)
	ioctl(0, setReq, unsafe.Pointer(&t))
	ioctl(0, getReq, unsafe.Pointer(&back))
	fmt.Printf("restored: ECHO %v, ICANON %v\n", back.Lflag&syscall.ECHO != 0, back.Lflag&syscall.ICANON != 0)
}
