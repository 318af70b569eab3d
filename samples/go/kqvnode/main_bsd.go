//go:build freebsd || netbsd

// kqvnode: EVFILT_VNODE on a file and a directory through a sequence of
// file system operations; after each, the NOTE_* flags each knote
// reported.  The expected lines (tests/e2e/golden/kqvnode.out) are what
// FreeBSD raises in its VOP post hooks (sys/kern/vfs_subr.c: vop_write_post,
// vop_setattr_post, vop_link_post, vop_rename_post, vop_remove_post,
// vop_mkdir_post, vop_rmdir_post, vop_create_post): there is no Linux
// build to compare with, the filter is the BSDs' own.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

var names = []struct {
	bit  uint32
	name string
}{
	{syscall.NOTE_DELETE, "DELETE"}, {syscall.NOTE_WRITE, "WRITE"}, {syscall.NOTE_EXTEND, "EXTEND"},
	{syscall.NOTE_ATTRIB, "ATTRIB"}, {syscall.NOTE_LINK, "LINK"}, {syscall.NOTE_RENAME, "RENAME"},
	{syscall.NOTE_REVOKE, "REVOKE"},
}

const watched = syscall.NOTE_DELETE | syscall.NOTE_WRITE | syscall.NOTE_EXTEND | syscall.NOTE_ATTRIB |
	syscall.NOTE_LINK | syscall.NOTE_RENAME | syscall.NOTE_REVOKE

func must(err error, what string) {
	if err != nil {
		fmt.Fprintln(os.Stderr, what+":", err)
		os.Exit(1)
	}
}

func flags(f uint32) string {
	var s []string
	for _, n := range names {
		if f&n.bit != 0 {
			s = append(s, n.name)
		}
	}
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, "|")
}

func main() {
	dir, err := os.MkdirTemp("", "kqvnode")
	must(err, "mkdirtemp")
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "f")
	sub := filepath.Join(dir, "d")
	must(os.WriteFile(file, nil, 0o644), "create f")
	must(os.Mkdir(sub, 0o755), "mkdir d")

	kq, err := syscall.Kqueue()
	must(err, "kqueue")
	ffd, err := syscall.Open(file, syscall.O_RDONLY, 0)
	must(err, "open f")
	dfd, err := syscall.Open(sub, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	must(err, "open d")
	add := func(fd int, fl int) {
		var ev [1]syscall.Kevent_t
		syscall.SetKevent(&ev[0], fd, syscall.EVFILT_VNODE, fl)
		ev[0].Fflags = watched
		_, err := syscall.Kevent(kq, ev[:], nil, nil)
		must(err, "kevent add")
	}
	add(ffd, syscall.EV_ADD|syscall.EV_CLEAR)
	add(dfd, syscall.EV_ADD|syscall.EV_CLEAR)

	// step: what happened, then what each knote reports (no wait: the
	// flags are raised by the call that made the change).
	step := func(what string, op func()) {
		op()
		got := map[int]uint32{}
		evs := make([]syscall.Kevent_t, 8)
		ts := syscall.NsecToTimespec(0)
		n, err := syscall.Kevent(kq, nil, evs, &ts)
		must(err, "kevent")
		for _, e := range evs[:n] {
			if e.Filter != syscall.EVFILT_VNODE || e.Data != 0 {
				fmt.Println("unexpected event", e.Filter, e.Data)
			}
			got[int(e.Ident)] |= e.Fflags
		}
		fmt.Printf("%-28s f=%s d=%s\n", what, flags(got[ffd]), flags(got[dfd]))
	}
	in := func(p string) string { return filepath.Join(sub, p) }

	step("append 5 bytes to f", func() {
		w, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0)
		must(err, "open")
		_, err = w.Write([]byte("hello"))
		must(err, "write")
		w.Close()
	})
	step("overwrite f in place", func() {
		w, err := os.OpenFile(file, os.O_WRONLY, 0)
		must(err, "open")
		_, err = w.WriteAt([]byte("J"), 0)
		must(err, "pwrite")
		w.Close()
	})
	step("chmod f", func() { must(os.Chmod(file, 0o600), "chmod") })
	step("link f as d/f2", func() { must(os.Link(file, in("f2")), "link") })
	step("rename d/f2 to d/f3", func() { must(os.Rename(in("f2"), in("f3")), "rename") })
	step("unlink d/f3", func() { must(os.Remove(in("f3")), "unlink") })
	step("mkdir d/sub", func() { must(os.Mkdir(in("sub"), 0o755), "mkdir") })
	step("rmdir d/sub", func() { must(os.Remove(in("sub")), "rmdir") })
	step("create d/new", func() { must(os.WriteFile(in("new"), nil, 0o644), "create") })
	step("truncate f to 1 byte", func() { must(os.Truncate(file, 1), "truncate") })
	step("rename f into d as g", func() { must(os.Rename(file, in("g")), "rename") })
	step("unlink d/g (f's last name)", func() { must(os.Remove(in("g")), "unlink") })
	step("nothing", func() {})
	var del [1]syscall.Kevent_t
	syscall.SetKevent(&del[0], dfd, syscall.EVFILT_VNODE, syscall.EV_DELETE)
	_, err = syscall.Kevent(kq, del[:], nil, nil)
	must(err, "kevent delete")
	step("EV_DELETE d, create d/x", func() { must(os.WriteFile(in("x"), nil, 0o644), "create") })
	add(dfd, syscall.EV_ADD|syscall.EV_CLEAR)
	syscall.Close(dfd)
	step("close d's fd, create d/y", func() { must(os.WriteFile(in("y"), nil, 0o644), "create") })
	var bad [1]syscall.Kevent_t
	syscall.SetKevent(&bad[0], 999, syscall.EVFILT_VNODE, syscall.EV_ADD)
	_, err = syscall.Kevent(kq, bad[:], nil, nil)
	fmt.Println("EV_ADD on a closed descriptor:", err)
}
