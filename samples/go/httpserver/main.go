// httpserver PORT [SECONDS]: a net/http server on 127.0.0.1:PORT that
// answers GET / with a small fixed body ("hello from persona\n"), for the
// HTTP row of bench/run.sh (loaded with wrk).  PORT 0 lets the kernel pick
// one.  Once the socket accepts connections it prints "listening ADDR"
// (ADDR is 127.0.0.1:PORT with the real port), and it exits 0 after
// SECONDS (default 30) or on SIGTERM/SIGINT, after a graceful shutdown.
// Only loopback.
package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

var body = []byte("hello from persona\n")

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: httpserver PORT [SECONDS]")
		os.Exit(2)
	}
	port, err := strconv.Atoi(os.Args[1])
	if err != nil || port < 0 || port > 65535 {
		fmt.Fprintln(os.Stderr, "httpserver: bad port:", os.Args[1])
		os.Exit(2)
	}
	secs := 30.0
	if len(os.Args) > 2 {
		secs, err = strconv.ParseFloat(os.Args[2], 64)
		if err != nil || secs <= 0 {
			fmt.Fprintln(os.Stderr, "httpserver: bad duration:", os.Args[2])
			os.Exit(2)
		}
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	})
	ln, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintln(os.Stderr, "httpserver: listen:", err)
		os.Exit(1)
	}
	srv := &http.Server{Handler: mux}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Println("listening", ln.Addr().String())

	select {
	case <-stop:
	case <-time.After(time.Duration(secs * float64(time.Second))):
	case err := <-served:
		fmt.Fprintln(os.Stderr, "httpserver: serve:", err)
		os.Exit(1)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
