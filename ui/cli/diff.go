package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/term"

	"github.com/parallax-reader/parallax/corpus/library"
)

// runDiff shows what changed between two versions of a library article.
func runDiff(env *Env, args []string) int {
	fs := newFlagSet(env, "diff", "parallax diff [--json] [--no-color] [--library FILE] ID|URL [V1 V2]",
		"parallax diff tass-1a2b3c4d5e          # the last edit: the version before the latest against the latest",
		"parallax diff tass-1a2b3c4d5e 1 3      # version 1 against version 3",
		"parallax diff --json tass-1a2b3c4d5e   # {\"article\", \"from\", \"to\", \"changes\": [...]}")
	asJSON := fs.Bool("json", false, "print JSON: {\"article\", \"from\", \"to\", \"fetched\", \"changes\": [...]}")
	noColor := fs.Bool("no-color", false, "mark changes as [-old-]{+new+} even on a terminal (also $NO_COLOR)")
	addLibraryFlag(fs, env)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 1 && len(pos) != 3 {
		fmt.Fprintln(env.Stderr, "parallax diff: give an article id or URL, and optionally two version numbers (parallax diff --help)")
		return 2
	}
	from, to := 0, 0
	if len(pos) == 3 {
		var e1, e2 error
		from, e1 = strconv.Atoi(pos[1])
		to, e2 = strconv.Atoi(pos[2])
		if e1 != nil || e2 != nil || from < 1 || to < 1 {
			fmt.Fprintf(env.Stderr, "parallax diff: versions are numbers from 1 ('parallax versions %s' lists them), not %q and %q\n", clean(pos[0]), clean(pos[1]), clean(pos[2]))
			return 2
		}
	}
	l, id, err := openArticle(env, pos[0])
	if err != nil {
		return errorf(env, "%v", err)
	}
	defer l.Close()
	ctx := context.Background()
	d, err := l.Diff(ctx, id, from, to)
	if err != nil {
		return errorf(env, "%v", err)
	}
	if *asJSON {
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if e := enc.Encode(d); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
		return 0
	}
	colour := !*noColor && env.Getenv("NO_COLOR") == "" && isTerminal(env.Stdout)
	printDiff(env.Stdout, d, colour)
	return 0
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printDiff writes a diff for people: each changed sentence with its word
// changes marked (red and green on a terminal, [-old-]{+new+} otherwise)
// and the changed numbers, dates, quotes and attributions under it.
func printDiff(w io.Writer, d *library.Diff, colour bool) {
	del := func(s string) string {
		if colour {
			return "\x1b[31;9m" + s + "\x1b[0m"
		}
		return "[-" + s + "-]"
	}
	ins := func(s string) string {
		if colour {
			return "\x1b[32;4m" + s + "\x1b[0m"
		}
		return "{+" + s + "+}"
	}
	fmt.Fprintf(w, "%s: version %d (%s) → version %d (%s)\n", clean(d.Article), d.From, d.Fetched[0], d.To, d.Fetched[1])
	if d.TitleOld != "" || d.TitleNew != "" {
		fmt.Fprintf(w, "headline: %s %s\n", del(oneLine(d.TitleOld, 200)), ins(oneLine(d.TitleNew, 200)))
	}
	if len(d.Changes) == 0 {
		fmt.Fprintln(w, "no sentence changed")
		return
	}
	counts := map[string]int{}
	for _, c := range d.Changes {
		counts[c.Kind]++
		fmt.Fprintln(w)
		switch c.Kind {
		case library.ChangeEdited:
			fmt.Fprintf(w, "edited   sentence %d → %d\n  ", c.Old.Index+1, c.New.Index+1)
			var b strings.Builder
			for _, op := range c.Words {
				t := inline(op.Text)
				switch op.Op {
				case "delete":
					b.WriteString(del(t))
				case "insert":
					b.WriteString(ins(t))
				default:
					b.WriteString(t)
				}
			}
			fmt.Fprintln(w, b.String())
		case library.ChangeAdded:
			fmt.Fprintf(w, "added    sentence %d\n  %s\n", c.New.Index+1, ins(oneLine(c.New.Text, 10000)))
		case library.ChangeDeleted:
			fmt.Fprintf(w, "deleted  sentence %d\n  %s\n", c.Old.Index+1, del(oneLine(c.Old.Text, 10000)))
		case library.ChangeMoved:
			fmt.Fprintf(w, "moved    sentence %d → %d\n  %s\n", c.Old.Index+1, c.New.Index+1, oneLine(c.New.Text, 10000))
		}
		for _, f := range c.Flags {
			fmt.Fprintf(w, "  ! %s: %s → %s\n", f.What, orNone(f.Old), orNone(f.New))
		}
	}
	fmt.Fprintf(w, "\n%d edited, %d added, %d deleted, %d moved\n", counts[library.ChangeEdited], counts[library.ChangeAdded],
		counts[library.ChangeDeleted], counts[library.ChangeMoved])
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return oneLine(s, 200)
}

// inline squeezes each run of white space to one space, keeping a space at
// either end (a word diff's runs join on them), and escapes controls.
func inline(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return clean(b.String())
}
