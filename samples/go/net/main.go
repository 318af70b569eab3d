// net [DIR]: Go's net package on loopback -- TCP over IPv4 and IPv6 (echo
// both ways, half-close, socket options, deadlines, a refused connection),
// UDP over both, a Unix stream socket in DIR (default os.TempDir()) with a
// descriptor passed over it (SCM_RIGHTS), a Unix datagram socket, and an
// HTTP round trip through net/http/httptest.  Everything printed is the
// same on every run: no ports, no paths.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func check(what string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL %s: %v\n", what, err)
		os.Exit(1)
	}
}

// echoServer answers one connection: reads a line, replies with it in
// upper case, then reads until EOF (the client's half-close) and reports
// how many bytes followed.
type served struct {
	msg  string
	peer string // the address accept returned
}

func echoServer(ln net.Listener, done chan<- served) {
	c, err := ln.Accept()
	if err != nil {
		done <- served{msg: "accept: " + err.Error()}
		return
	}
	defer c.Close()
	r := bufio.NewReader(c)
	line, err := r.ReadString('\n')
	if err != nil {
		done <- served{msg: "server read: " + err.Error()}
		return
	}
	fmt.Fprintf(c, "%s", strings.ToUpper(line))
	rest, err := io.ReadAll(r)
	if err != nil {
		done <- served{msg: "server drain: " + err.Error()}
		return
	}
	done <- served{msg: fmt.Sprintf("server got %q then %d more bytes and EOF", line, len(rest)),
		peer: c.RemoteAddr().String()}
}

func tcp(network, addr string) {
	ln, err := net.Listen(network, addr)
	check(network+" listen", err)
	defer ln.Close()
	la := ln.Addr().(*net.TCPAddr)
	fmt.Printf("%s: listening on %s, port assigned=%v\n", network, la.IP, la.Port != 0)

	done := make(chan served)
	go echoServer(ln, done)

	c, err := net.Dial(network, ln.Addr().String())
	check(network+" dial", err)
	tc := c.(*net.TCPConn)
	fmt.Printf("%s: remote matches listener=%v, local ip %s\n", network,
		tc.RemoteAddr().String() == ln.Addr().String(), tc.LocalAddr().(*net.TCPAddr).IP)

	check("nodelay", tc.SetNoDelay(true))
	check("keepalive", tc.SetKeepAlive(true))
	check("keepalive period", tc.SetKeepAlivePeriod(7*time.Second))
	check("linger", tc.SetLinger(1))
	check("read buffer", tc.SetReadBuffer(64*1024))
	raw, err := tc.SyscallConn()
	check("syscallconn", err)
	raw.Control(func(fd uintptr) {
		nd, err1 := syscall.GetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_NODELAY)
		ka, err2 := syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_KEEPALIVE)
		ty, err3 := syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_TYPE)
		rb, err4 := syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF)
		fmt.Printf("%s: options nodelay=%v keepalive=%v stream=%v rcvbuf>=64k=%v errs=%v,%v,%v,%v\n",
			network, nd != 0, ka != 0, ty == syscall.SOCK_STREAM, rb >= 64*1024, err1, err2, err3, err4)
	})

	fmt.Fprintf(c, "hello over %s\n", network)
	reply, err := bufio.NewReader(c).ReadString('\n')
	check(network+" read reply", err)
	fmt.Printf("%s: client got %q\n", network, reply)
	_, err = c.Write([]byte("tail bytes"))
	check(network+" write tail", err)
	check(network+" close write", tc.CloseWrite())
	res := <-done
	fmt.Printf("%s: %s, accept gave the client's address=%v\n", network, res.msg,
		res.peer == tc.LocalAddr().String())

	// The server closed its end: the client reads EOF.
	buf := make([]byte, 16)
	n, err := c.Read(buf)
	fmt.Printf("%s: client read after server close: n=%d eof=%v\n", network, n, err == io.EOF)
	c.Close()
}

func deadline() {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	check("deadline listen", err)
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err == nil {
			accepted <- c
		}
	}()
	c, err := net.Dial("tcp4", ln.Addr().String())
	check("deadline dial", err)
	defer c.Close()
	s := <-accepted
	defer s.Close()
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	_, err = c.Read(make([]byte, 1))
	fmt.Printf("deadline: read timed out=%v\n", errors.Is(err, os.ErrDeadlineExceeded))

	// Accept with a deadline on the listener.
	ln.(*net.TCPListener).SetDeadline(time.Now().Add(50 * time.Millisecond))
	_, err = ln.Accept()
	fmt.Printf("deadline: accept timed out=%v\n", errors.Is(err, os.ErrDeadlineExceeded))
}

func refused() {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	check("refused listen", err)
	addr := ln.Addr().String()
	ln.Close()
	_, err = net.Dial("tcp4", addr)
	fmt.Printf("refused: ECONNREFUSED=%v\n", errors.Is(err, syscall.ECONNREFUSED))

	// Binding a port in use.
	ln, err = net.Listen("tcp4", "127.0.0.1:0")
	check("inuse listen", err)
	defer ln.Close()
	_, err = net.Listen("tcp4", ln.Addr().String())
	fmt.Printf("in use: EADDRINUSE=%v\n", errors.Is(err, syscall.EADDRINUSE))
}

func udp(network, addr string) {
	srv, err := net.ListenPacket(network, addr)
	check(network+" listen", err)
	defer srv.Close()
	fmt.Printf("%s: bound to %s\n", network, srv.LocalAddr().(*net.UDPAddr).IP)
	go func() {
		buf := make([]byte, 64)
		n, from, err := srv.ReadFrom(buf)
		if err != nil {
			return
		}
		srv.WriteTo([]byte("pong:"+string(buf[:n])), from)
	}()
	c, err := net.Dial(network, srv.LocalAddr().String())
	check(network+" dial", err)
	defer c.Close()
	_, err = c.Write([]byte("ping"))
	check(network+" write", err)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 64)
	n, err := c.Read(buf)
	check(network+" read", err)
	fmt.Printf("%s: got %q\n", network, buf[:n])

	// An unconnected socket: WriteTo / ReadFrom with addresses.
	u, err := net.ListenPacket(network, addr)
	check(network+" listen 2", err)
	defer u.Close()
	_, err = u.WriteTo([]byte("direct"), srv.LocalAddr())
	check(network+" writeto", err)
	srv.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, from, err := srv.ReadFrom(buf)
	check(network+" readfrom", err)
	fmt.Printf("%s: readfrom %q, sender matches=%v\n", network, buf[:n],
		from.String() == u.LocalAddr().String())
}

func unixStream(dir string) {
	path := filepath.Join(dir, fmt.Sprintf("persona-net-%d.sock", os.Getpid()))
	ln, err := net.Listen("unix", path)
	check("unix listen", err)
	fmt.Printf("unix: listener addr matches path=%v network=%s\n",
		ln.Addr().String() == path, ln.Addr().Network())

	type result struct {
		msg  string
		peer string
	}
	done := make(chan result)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			done <- result{msg: "accept: " + err.Error()}
			return
		}
		defer c.Close()
		uc := c.(*net.UnixConn)
		// Receive a message with a descriptor attached.
		buf := make([]byte, 64)
		oob := make([]byte, syscall.CmsgSpace(4))
		n, oobn, _, _, err := uc.ReadMsgUnix(buf, oob)
		if err != nil {
			done <- result{msg: "readmsg: " + err.Error()}
			return
		}
		msgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
		if err != nil || len(msgs) != 1 {
			done <- result{msg: fmt.Sprintf("control: %d messages, %v", len(msgs), err)}
			return
		}
		fds, err := syscall.ParseUnixRights(&msgs[0])
		if err != nil || len(fds) != 1 {
			done <- result{msg: fmt.Sprintf("rights: %v %v", fds, err)}
			return
		}
		f := os.NewFile(uintptr(fds[0]), "passed")
		fmt.Fprintf(f, "written through a passed descriptor")
		f.Close()
		c.Write([]byte(strings.ToUpper(string(buf[:n]))))
		done <- result{msg: fmt.Sprintf("server got %q with %d descriptor", buf[:n], len(fds)),
			peer: c.RemoteAddr().String()}
	}()

	c, err := net.Dial("unix", path)
	check("unix dial", err)
	uc := c.(*net.UnixConn)
	fmt.Printf("unix: client remote matches path=%v\n", uc.RemoteAddr().String() == path)
	pr, pw, err := os.Pipe()
	check("pipe", err)
	_, _, err = uc.WriteMsgUnix([]byte("fd for you"), syscall.UnixRights(int(pw.Fd())), nil)
	check("writemsg", err)
	pw.Close()
	res := <-done
	// The client never bound: FreeBSD names it "" (sun_noname), Linux "@".
	fmt.Printf("unix: %s, unnamed peer=%v\n", res.msg, res.peer == "" || res.peer == "@")
	got, err := io.ReadAll(pr)
	check("read pipe", err)
	fmt.Printf("unix: pipe carried %q\n", got)
	reply, err := io.ReadAll(c)
	check("unix read reply", err)
	fmt.Printf("unix: client got %q\n", reply)
	c.Close()
	ln.Close()
	_, err = os.Stat(path)
	fmt.Printf("unix: socket file removed on close=%v\n", errors.Is(err, os.ErrNotExist))
}

func unixgram(dir string) {
	spath := filepath.Join(dir, fmt.Sprintf("persona-netg-%d.sock", os.Getpid()))
	cpath := spath + ".c"
	srv, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: spath, Net: "unixgram"})
	check("unixgram listen", err)
	defer os.Remove(spath)
	defer srv.Close()
	cl, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: cpath, Net: "unixgram"})
	check("unixgram client", err)
	defer os.Remove(cpath)
	defer cl.Close()
	_, err = cl.WriteToUnix([]byte("datagram"), srv.LocalAddr().(*net.UnixAddr))
	check("unixgram write", err)
	buf := make([]byte, 64)
	n, from, err := srv.ReadFromUnix(buf)
	check("unixgram read", err)
	fmt.Printf("unixgram: got %q from the client's path=%v\n", buf[:n], from != nil && from.Name == cpath)
}

func httpRoundTrip() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Persona", "yes")
		body, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s %s body=%q", r.Method, r.URL.Path, body)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/hello")
	check("http get", err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	check("http body", err)
	fmt.Printf("http: %s %q header=%s\n", resp.Status, body, resp.Header.Get("X-Persona"))

	resp, err = http.Post(srv.URL+"/post", "text/plain", strings.NewReader("payload"))
	check("http post", err)
	body, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	check("http post body", err)
	fmt.Printf("http: %s %q\n", resp.Status, body)

	// Several requests on one keep-alive connection, and a few in parallel.
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func(i int) {
			resp, err := http.Get(fmt.Sprintf("%s/p%d", srv.URL, i))
			if err == nil {
				_, err = io.ReadAll(resp.Body)
				resp.Body.Close()
			}
			errs <- err
		}(i)
	}
	failed := 0
	for i := 0; i < 8; i++ {
		if <-errs != nil {
			failed++
		}
	}
	fmt.Printf("http: 8 parallel requests, %d failed\n", failed)
}

func main() {
	dir := os.TempDir()
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	tcp("tcp4", "127.0.0.1:0")
	tcp("tcp6", "[::1]:0")
	deadline()
	refused()
	udp("udp4", "127.0.0.1:0")
	udp("udp6", "[::1]:0")
	unixStream(dir)
	unixgram(dir)
	httpRoundTrip()
	fmt.Println("net: done")
}
