// Package cli holds parallax's subcommands: the text and JSON reports people
// and scripts read. main.go only calls Run.
package cli

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
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

	// Library is the --library flag of the commands that read or write
	// the library ("" for PARALLAX_LIBRARY or the default file);
	// Embedded is --embedded, which makes the reading commands use the
	// built-in corpus even when the library has articles.
	Library  string
	Embedded bool

	// LoginName returns the user's login name, the coder when no other
	// is set (resolveCoder); nil: the operating system's.
	LoginName func() string
}

// command is one subcommand.
type command struct {
	summary string
	run     func(env *Env, args []string) int
	notes   bool // takes --notes FILE, as the reader does
}

// commands lists every subcommand; each lives in its own file.
var commands = map[string]command{
	"list":     {"list the articles of a corpus", runList, false},
	"show":     {"show one article's sentences and furniture", runShow, false},
	"stories":  {"threads and stories (events), coverage by outlet", runStories, false},
	"facts":    {"shared facts across outlets, with discrepancies", runFacts, false},
	"pairs":    {"score sentence pairs from a TSV file", runPairs, false},
	"framing":  {"framing markers and outlet profiles", runFraming, false},
	"notes":    {"list tagged passages", runNotes, true},
	"tag":      {"tag a passage from a script", runTag, true},
	"export":   {"export notes and the comparison", runExport, true},
	"import":   {"import Web Annotation JSON into the notes store", runImport, true},
	"add":      {"add articles to the library from URLs, files or folders", runAdd, false},
	"feeds":    {"follow feeds: add, list, remove, import, export, starter", runFeeds, false},
	"update":   {"fetch due feeds and re-check articles for edits", runUpdate, false},
	"versions": {"list the stored versions of a library article", runVersions, false},
	"diff":     {"show what changed between two versions of an article", runDiff, false},

	"agreement":   {"inter-coder agreement of several coders' notes files", runAgreement, true},
	"merge-notes": {"merge several coders' notes files into one", runMergeNotes, false},
}

// Run runs parallax with the given arguments (without the program name)
// and returns the exit code. With no subcommand it opens the reader.
func Run(env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	args, code := flagsFirst(env, args)
	if code >= 0 {
		return code
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

// flagsFirst reorders flags written before a command ("parallax --notes
// x.db notes", "parallax --json list") to follow it, as the command's own
// flags. --no-color, which only the reader's output needs, is dropped; a
// --notes for a command that has no notes file is a usage error (code 2)
// that says which commands take it. Without a command after the flags,
// args are the reader's and returned as they are. code is -1 when the
// command is to run.
func flagsFirst(env *Env, args []string) ([]string, int) {
	at := -1 // the command's index
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			if a != "--" && a != "-" {
				if _, ok := commands[a]; ok || a == "help" || a == "version" {
					at = i
				}
			}
			break
		}
		if name := flagName(a); (name == "notes" || name == "library" || name == "coder" || name == "compare-notes" || name == "consensus") && !strings.Contains(a, "=") {
			i++ // its value
		}
	}
	if at <= 0 {
		return args, -1
	}
	name := args[at]
	if name == "help" || name == "version" {
		return args[at:], -1
	}
	var moved []string
	for i := 0; i < at; i++ {
		a := args[i]
		switch flagName(a) {
		case "no-color":
			continue // command output has no colour to drop
		case "notes":
			if !commands[name].notes {
				var with []string
				for n, c := range commands {
					if c.notes {
						with = append(with, n)
					}
				}
				sort.Strings(with)
				fmt.Fprintf(env.Stderr, "parallax: --notes is for the reader and for %s; \"parallax %s\" reads no notes file: leave --notes out (parallax %s --help shows its flags)\n",
					strings.Join(with, ", "), name, name)
				return nil, 2
			}
			moved = append(moved, a)
			if !strings.Contains(a, "=") && i+1 < at {
				i++
				moved = append(moved, args[i])
			}
			continue
		case "coder":
			if !writesNotes[name] {
				fmt.Fprintf(env.Stderr, "parallax: --coder is for the commands that write notes (%s); \"parallax %s\" writes none: leave --coder out\n",
					strings.Join(slices.Sorted(maps.Keys(writesNotes)), ", "), name)
				return nil, 2
			}
			moved = append(moved, a)
			if !strings.Contains(a, "=") && i+1 < at {
				i++
				moved = append(moved, args[i])
			}
			continue
		}
		moved = append(moved, a)
	}
	return append(append([]string{name}, moved...), args[at+1:]...), -1
}

// flagName is the name of a flag argument ("--notes=x" → "notes").
func flagName(a string) string {
	n := strings.TrimLeft(a, "-")
	if i := strings.IndexByte(n, '='); i >= 0 {
		n = n[:i]
	}
	return n
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
	fmt.Fprintln(w, "  parallax [--notes FILE] [--no-color] [--coder NAME] [PATH...]   open the reader (no PATH: the library's stories, else the embedded corpus)")
	fmt.Fprintln(w, "  --library FILE (or $PARALLAX_LIBRARY) chooses the library file of add, feeds, update, versions, diff;")
	fmt.Fprintln(w, "  with no PATH, the reader, list, show, stories, facts, framing, notes and export read the library when it has articles")
	fmt.Fprintln(w, "  --coder NAME (or $PARALLAX_CODER, coder in config.toml, your login name) is who the reader, tag, import and notes record")
	fmt.Fprintln(w, "  parallax COMMAND [flags] [PATH...]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, commands[n].summary)
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
