package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/frame"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// runFraming prints the framing markers of each article and the outlet
// profiles, as a readable report or as JSON.
func runFraming(env *Env, args []string) int {
	fs := newFlagSet(env, "framing", "parallax framing [--json] [--no-user-lexicons] [--story ID | --thread ID] [--notes FILE] [PATH...]",
		"parallax framing                    # the embedded INF corpus",
		"parallax framing ~/articles         # every article under a folder",
		"parallax framing --json | jq '.outlets[] | {outlet, voices}'")
	asJSON := fs.Bool("json", false, `print JSON: {"markers": [...], "outlets": [...]}`)
	noUser := fs.Bool("no-user-lexicons", false, "use only the shipped lexicons, not those in the config dir")
	scope := addScopeFlags(fs)
	notesFlag := addNotesFlag(fs)
	addReadFlags(fs, env)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	story, err := scope.id()
	if err != nil {
		return errorf(env, "%v", err)
	}
	c, err := loadToAnalyse(env, paths)
	if err != nil {
		return loadFailed(env, err)
	}
	// The shared-facts analysis gives the "unique" markers (sentences no
	// other outlet carries) and each outlet's omissions; framing still
	// works without it, and says so.
	run, err := runPipeline(env, c, paths, *notesFlag, pipeline.Options{Facts: true, Framing: true, NoUserLexicons: *noUser, Scope: story, NoMisses: true},
		pipeline.Corrections, pipeline.Scope, pipeline.Framing)
	if err != nil {
		return errorf(env, "%v", err)
	}
	cmpNote := ""
	if run.Facts == nil {
		cmpNote = "the shared-facts analysis failed: 'unique' markers and omissions are not shown"
	}
	c, res := run.Corpus, run.Framing
	if *asJSON {
		if e := writeFramingJSON(env.Stdout, res); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
		// The JSON has no place for them: files that failed go to
		// standard error, not nowhere.
		printLoadErrors(env.Stderr, c.Errors)
	} else {
		printFraming(env.Stdout, c, res, cmpNote)
		printLoadErrors(env.Stdout, c.Errors)
	}
	return 0
}

// framingMarkerJSON is one marker in the JSON contract.
type framingMarkerJSON struct {
	Article  string `json:"article"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Kind     string `json:"kind"`
	Reason   string `json:"reason"`
	Stance   string `json:"stance,omitempty"`
	Speaker  string `json:"speaker,omitempty"`
	Source   string `json:"source,omitempty"`
}

// writeFramingJSON prints {"markers": [...], "outlets": [...]}; arrays are
// never null.
func writeFramingJSON(w io.Writer, res *frame.Result) error {
	out := struct {
		Markers markersJSON     `json:"markers"`
		Outlets []frame.Profile `json:"outlets"`
	}{Markers: res.Markers, Outlets: res.Outlets}
	if out.Outlets == nil {
		out.Outlets = []frame.Profile{}
	}
	return writeJSON(jsonOut(w), out)
}

// markersJSON is framing's markers in their JSON form, each converted as
// it is written.
type markersJSON []frame.Marker

func (m markersJSON) Len() int       { return len(m) }
func (m markersJSON) Item(i int) any { return framingMarkerJSON(m[i]) }

// printFraming writes the readable report: each article's marked
// sentences with the reasons, then each outlet's profile.
func printFraming(w io.Writer, c *corpus.Corpus, res *frame.Result, note string) {
	fmt.Fprintf(w, "Framing markers in %s from %s\n", plural(len(c.Articles), "article"), clean(c.Name))
	fmt.Fprintln(w, "Marked spans in «guillemets»; each marker's kind and reason below its sentence; 'unique' = no other outlet reports it.")
	if note != "" {
		fmt.Fprintf(w, "(%s)\n", note)
	}
	for _, a := range c.Articles {
		fmt.Fprintf(w, "\n== %s · %s\n   %s\n", clean(a.ID), clean(a.DisplayOutlet()), oneLine(a.Title, 100))
		n := 0
		for _, s := range a.Sentences {
			ms := res.MarkersOf(a.ID, s.Index)
			if len(ms) == 0 {
				continue
			}
			n++
			// Numbered from 1, as `parallax show` and the reader number
			// sentences; the JSON keeps the 0-based index.
			fmt.Fprintf(w, "\n  #%d %s\n", s.Index+1, highlight(a.Text, s, ms))
			for _, m := range ms {
				fmt.Fprintf(w, "      %-12s %s\n", m.Kind, m.Reason)
			}
		}
		if n == 0 {
			fmt.Fprintln(w, "\n  (no markers)")
		} else {
			fmt.Fprintf(w, "\n  %d of %s marked\n", n, plural(len(a.Sentences), "sentence"))
		}
	}
	fmt.Fprintln(w, "\n\nOutlet profiles")
	for i := range res.Outlets {
		fmt.Fprintln(w)
		fmt.Fprint(w, res.Outlets[i].Markdown())
	}
}

// highlight returns a sentence on one line with each marked span in
// «guillemets» (nested or overlapping spans are marked once, outermost).
func highlight(text string, s corpus.Sentence, ms []frame.Marker) string {
	var b strings.Builder
	pos := s.Start
	for _, m := range ms {
		if m.Kind == frame.KindUnique || m.Start < pos || m.End > s.End {
			continue
		}
		b.WriteString(text[pos:m.Start])
		b.WriteString("«" + text[m.Start:m.End] + "»")
		pos = m.End
	}
	b.WriteString(text[pos:s.End])
	return strings.Join(strings.Fields(b.String()), " ")
}
