// Command parallax is a keyboard-driven terminal reader for comparing how
// news outlets cover the same story. See README.md.
package main

import (
	"os"

	"github.com/parallax-reader/parallax/ui/cli"
)

func main() {
	os.Exit(cli.Run(&cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}, os.Args[1:]))
}
