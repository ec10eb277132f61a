// Package cli holds parallax's subcommands: the text and JSON reports people
// and scripts read. main.go only calls Run.
package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/textdist"
)

// Env is what a command may touch: its arguments' streams and environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// command is one subcommand.
type command struct {
	summary string
	run     func(env *Env, args []string) int
}

// commands lists every subcommand; each lives in its own file.
var commands = map[string]command{
	"list":    {"list the articles of a corpus", runList},
	"show":    {"show one article's sentences and furniture", runShow},
	"stories": {"threads and stories (events), coverage by outlet", runStories},
	"facts":   {"shared facts across outlets, with discrepancies", runFacts},
	"pairs":   {"score sentence pairs from a TSV file", runPairs},
	"framing": {"framing markers and outlet profiles", runFraming},
	"notes":   {"list tagged passages", runNotes},
	"tag":     {"tag a passage from a script", runTag},
	"export":  {"export notes and the comparison", runExport},
	"import":  {"import Web Annotation JSON into the notes store", runImport},
}

// Run runs parallax with the given arguments (without the program name)
// and returns the exit code. With no subcommand it opens the reader.
func Run(env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "--help":
			// "parallax help tag" is "parallax tag --help".
			if len(args) > 1 && args[0] == "help" {
				if c, ok := commands[args[1]]; ok {
					return c.run(env, []string{"--help"})
				}
			}
			usage(env.Stdout)
			return 0
		case "version", "--version":
			fmt.Fprintln(env.Stdout, "parallax", Version)
			return 0
		}
		if c, ok := commands[args[0]]; ok {
			return c.run(env, args[1:])
		}
		if near := nearCommand(args[0]); near != "" {
			if _, err := os.Stat(args[0]); err != nil {
				return errorf(env, "unknown command %q, and no file or folder of that name: did you mean \"parallax %s\"? (parallax help lists the commands)", args[0], near)
			}
		}
	}
	return runReader(env, args)
}

// nearCommand is the command a mistyped word most likely meant ("fatcs":
// facts), or "" when none is within two edits of it.
func nearCommand(w string) string {
	if strings.HasPrefix(w, "-") || strings.ContainsAny(w, "./\\") {
		return "" // a flag or a path
	}
	best, bestD := "", 3
	for n := range commands {
		d := textdist.Levenshtein([]rune(w), []rune(n))
		if 2*d > len([]rune(w)) {
			continue // too short to be a typo of it ("a" is not "tag")
		}
		if d < bestD || d == bestD && n < best {
			best, bestD = n, d
		}
	}
	return best
}

// Version is the program version, set at build time with -ldflags.
var Version = "dev"

func usage(w io.Writer) {
	fmt.Fprintln(w, "parallax — compare how news outlets cover the same story")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  parallax [--notes FILE] [--no-color] [PATH...]   open the reader (no PATH: the embedded corpus)")
	fmt.Fprintln(w, "  parallax COMMAND [flags] [PATH...]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'parallax COMMAND --help' for a command's flags and examples.")
}

// errorf prints a one-line error to stderr and returns exit code 1.
func errorf(env *Env, format string, a ...any) int {
	msg := fmt.Sprintf(format, a...)
	fmt.Fprintln(env.Stderr, "parallax: "+corpus.PrintableLines(strings.TrimSpace(msg)))
	return 1
}
