package cli

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// runFacts prints the facts shared across outlets, with their members,
// evidence and discrepancies, and what each outlet leaves out.
func runFacts(env *Env, args []string) int {
	fs := newFlagSet(env, "facts", "parallax facts [--json] [--min-outlets N] [--story ID | --thread ID] [--notes FILE] [PATH...]",
		"parallax facts                     # the embedded INF corpus",
		"parallax facts --min-outlets 3 ~/articles",
		"parallax facts --story s-1a2b3c4d5e ~/articles   # one story (ids from parallax stories)",
		"parallax facts --json a.txt b.txt  # {\"threads\": [...], \"stories\": [...], \"facts\": [...], \"omissions\": [...]}")
	asJSON := fs.Bool("json", false, "print JSON: {\"threads\": [...], \"stories\": [...], \"facts\": [...], \"omissions\": [...]}")
	minOutlets := fs.Int("min-outlets", 2, "least number of outlets a fact needs")
	scope := addScopeFlags(fs)
	notesFlag := addNotesFlag(fs)
	addReadFlags(fs, env)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *minOutlets < 2 {
		return errorf(env, "--min-outlets must be 2 or more, got %d", *minOutlets)
	}
	story, err := scope.id()
	if err != nil {
		return errorf(env, "%v", err)
	}
	c, err := loadToAnalyse(env, paths)
	if err != nil {
		return loadFailed(env, err)
	}
	// Neither the analysis nor the facts read the articles' paragraphs.
	c.DropLayout()
	defer batchMemoryLimit(env, c, factsLimitPerTextByte)()
	run, err := runPipeline(env, c, paths, *notesFlag, pipeline.Options{Facts: true, MinOutlets: *minOutlets, Scope: story, NoMisses: true},
		pipeline.Corrections, pipeline.Facts, pipeline.Scope)
	if err != nil {
		return errorf(env, "%v", err)
	}
	c, res := run.Corpus, run.Facts
	if *asJSON {
		if e := writeJSON(jsonOut(env.Stdout), res); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
		// The JSON has no place for them: files that failed go to
		// standard error, not nowhere.
		printLoadErrors(env.Stderr, c.Errors)
	} else {
		printFacts(env, c, res)
		printLoadErrors(env.Stdout, c.Errors)
	}
	return 0
}

// printFacts writes the facts thread by thread as a readable table: the
// thread's stories, then its facts, a recurring claim with its timeline.
func printFacts(env *Env, c *corpus.Corpus, res *compare.Result) {
	w := env.Stdout
	labels := map[string]string{}
	for _, f := range res.Facts {
		labels[f.ID] = f.Label
	}
	stories := map[string]compare.Story{}
	for _, st := range res.Stories {
		stories[st.ID] = st
	}
	for _, th := range res.Threads {
		fmt.Fprintf(w, "THREAD %s  %s  (%s)\n", th.ID, oneLine(th.Label, 60), plural(len(th.Stories), "story"))
		for _, id := range th.Stories {
			st := stories[id]
			fmt.Fprintf(w, "  STORY %s  %s  %s  (%s)\n", st.ID, storyDates(st), oneLine(st.Label, 60), plural(len(st.Articles), "article"))
		}
		n := 0
		for _, f := range res.Facts {
			if f.Thread != th.ID {
				continue
			}
			n++
			fmt.Fprintf(w, "\n  FACT %s  %s\n", f.ID, f.Label)
			fmt.Fprintf(w, "  outlets: %s\n", strings.Join(f.Outlets, ", "))
			if f.Recurring() {
				var tl []string
				for _, e := range f.Timeline {
					tl = append(tl, e.Outlet+" "+carriedDates(e))
				}
				fmt.Fprintf(w, "  recurring, in %s: %s\n", plural(len(f.Stories), "story"), strings.Join(tl, " | "))
			}
			for _, m := range f.Members {
				fmt.Fprintf(w, "    %s %.2f  %s\n", padCells(outletCell(c, m, 16), 16), m.Score, oneLine(m.Text, 96))
				if ev := evidenceLine(m.Evidence); ev != "" {
					fmt.Fprintf(w, "    %-16s       %s\n", "", oneLine(ev, 96))
				}
			}
			for _, d := range f.Discrepancies {
				var vs []string
				for _, v := range d.Distinct() {
					vs = append(vs, v.Outlet+" "+v.Value)
				}
				fmt.Fprintf(w, "  ! differs — %s: %s\n", d.What, strings.Join(vs, " | "))
			}
		}
		if n == 0 {
			fmt.Fprintln(w, "\n  no fact is shared by enough outlets")
		}
		fmt.Fprintln(w)
	}
	if len(res.Omissions) > 0 {
		fmt.Fprintln(w, "LEFT OUT (facts most other outlets covering them carry)")
		for _, o := range res.Omissions {
			var ls []string
			for _, id := range o.Facts {
				ls = append(ls, id+" ("+oneLine(labels[id], 40)+")")
			}
			fmt.Fprintf(w, "  %s: %s\n", o.Outlet, strings.Join(ls, "; "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s in %s, %s\n", plural(len(res.Facts), "fact"), plural(len(res.Stories), "story"), plural(len(res.Threads), "thread"))
}

// carriedDates is when an outlet first and last carried a claim.
func carriedDates(e compare.Carried) string {
	switch {
	case e.First == nil:
		return "undated"
	case e.Last == nil || e.First.Format("2006-01-02") == e.Last.Format("2006-01-02"):
		return e.First.Format("2006-01-02")
	}
	return e.First.Format("2006-01-02") + "…" + e.Last.Format("2006-01-02")
}

// outletCell names a member's outlet in at most n cells. An article of an
// unknown outlet is "?" and its id, cut in the middle when too long (ids
// of a series differ at the end): every such article stands alone, and
// "unknown (ID)" cut to the column read the same for all of them.
func outletCell(c *corpus.Corpus, m compare.Member, n int) string {
	if a := c.Article(m.Article); a != nil && a.Outlet == "" {
		return "?" + cutMiddle(strings.Join(strings.Fields(a.ID), " "), n-1)
	}
	return oneLine(m.Outlet, n)
}

// cutMiddle cuts s to n terminal cells by replacing its middle with "…".
func cutMiddle(s string, n int) string {
	w := ansi.StringWidth(s)
	if w <= n {
		return s
	}
	if n < 3 {
		return ansi.Truncate(s, n, "…")
	}
	tail := (n - 1) / 2
	return ansi.Truncate(s, n-1-tail, "") + "…" + ansi.TruncateLeft(s, w-tail, "")
}

// padCells pads s with spaces to n terminal cells.
func padCells(s string, n int) string {
	return s + strings.Repeat(" ", max(n-ansi.StringWidth(s), 0))
}

// evidenceLine summarises a link's evidence in one line.
func evidenceLine(e compare.Evidence) string {
	var parts []string
	if len(e.Terms) > 0 {
		parts = append(parts, "terms: "+strings.Join(e.Terms, ", "))
	}
	if len(e.Names) > 0 {
		parts = append(parts, "names: "+strings.Join(e.Names, ", "))
	}
	if len(e.Numbers) > 0 {
		parts = append(parts, "numbers: "+strings.Join(e.Numbers, ", "))
	}
	if len(e.Dates) > 0 {
		parts = append(parts, "dates: "+strings.Join(e.Dates, ", "))
	}
	if e.Quote != "" {
		parts = append(parts, "quote: “"+e.Quote+"”")
	}
	return strings.Join(parts, "; ")
}
