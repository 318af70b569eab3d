// hello: the smallest Go guest; exercises the whole Go runtime start-up.
package main

import "fmt"

func main() {
	fmt.Println("hello from persona go sample")
}
