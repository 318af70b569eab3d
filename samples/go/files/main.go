// files DIR: the os package's file and directory calls inside DIR.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

func check(what string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL %s: %v\n", what, err)
		os.Exit(1)
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: files DIR")
		os.Exit(2)
	}
	base := filepath.Join(os.Args[1], "go-files.d")
	check("mkdir", os.Mkdir(base, 0o755))
	fmt.Println("mkdir: ok")

	wd, err := os.Getwd()
	check("getwd", err)
	cwd, _ := filepath.Abs(".")
	fmt.Println("getwd-matches-abs:", wd == cwd)

	a := filepath.Join(base, "a.txt")
	check("writefile", os.WriteFile(a, []byte("persona go files\n"), 0o644))
	check("chmod", os.Chmod(a, 0o640))
	data, err := os.ReadFile(a)
	check("readfile", err)
	fmt.Printf("readfile: %q\n", data)

	for _, name := range []string{"zeta", "alpha", "mid"} {
		check("writefile", os.WriteFile(filepath.Join(base, name), []byte(name), 0o644))
	}
	check("mkdir sub", os.MkdirAll(filepath.Join(base, "sub", "deeper"), 0o755))

	entries, err := os.ReadDir(base)
	check("readdir", err)
	names := []string{}
	for _, e := range entries {
		kind := "file"
		if e.IsDir() {
			kind = "dir"
		}
		names = append(names, e.Name()+":"+kind)
	}
	sort.Strings(names)
	fmt.Println("readdir:", names)

	st, err := os.Stat(a)
	check("stat", err)
	fmt.Printf("stat: name=%s size=%d mode=%v isdir=%v\n", st.Name(), st.Size(), st.Mode(), st.IsDir())
	st, err = os.Stat(filepath.Join(base, "sub"))
	check("stat", err)
	fmt.Printf("stat: name=%s mode=%v isdir=%v\n", st.Name(), st.Mode().Type(), st.IsDir())

	_, err = os.Stat(filepath.Join(base, "missing"))
	fmt.Println("stat-missing-is-not-exist:", errors.Is(err, fs.ErrNotExist))

	f, err := os.OpenFile(a, os.O_APPEND|os.O_WRONLY, 0)
	check("open append", err)
	_, err = f.WriteString("more\n")
	check("append", err)
	check("close", f.Close())

	b := filepath.Join(base, "b.txt")
	check("rename", os.Rename(a, b))
	_, err = os.Stat(a)
	fmt.Println("old-name-gone:", errors.Is(err, fs.ErrNotExist))
	data, err = os.ReadFile(b)
	check("readfile", err)
	fmt.Printf("renamed-content: %q\n", data)

	check("symlink", os.Symlink("b.txt", filepath.Join(base, "link")))
	target, err := os.Readlink(filepath.Join(base, "link"))
	check("readlink", err)
	lst, err := os.Lstat(filepath.Join(base, "link"))
	check("lstat", err)
	fmt.Printf("symlink: target=%s is-symlink=%v\n", target, lst.Mode()&fs.ModeSymlink != 0)

	check("remove", os.Remove(b))
	err = os.Remove(base)
	fmt.Println("remove-nonempty-fails:", err != nil)
	check("removeall", os.RemoveAll(base))
	_, err = os.Stat(base)
	fmt.Println("removeall-gone:", errors.Is(err, fs.ErrNotExist))
}
