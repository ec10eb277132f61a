package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/pipeline"
)

// runStories prints the threads of a corpus and their stories: dates,
// articles, which outlets covered each story and which did not, and who
// reported first.
func runStories(env *Env, args []string) int {
	fs := newFlagSet(env, "stories", "parallax stories [--json] [--notes FILE] [PATH...]",
		"parallax stories                    # the embedded INF corpus: one thread, five stories",
		"parallax stories ~/coverage/week-48",
		"parallax stories --json DIR         # {\"threads\": [...], \"stories\": [...]}")
	asJSON := fs.Bool("json", false, "print JSON: {\"threads\": [...], \"stories\": [...]}")
	notesFlag := addNotesFlag(fs)
	addReadFlags(fs, env)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	c, err := loadToAnalyse(env, paths)
	if err != nil {
		return loadFailed(env, err)
	}
	run, err := runPipeline(env, c, paths, *notesFlag, pipeline.Options{Facts: true, NoMisses: true, NoFacts: true}, pipeline.Corrections, pipeline.Facts)
	if err != nil {
		return errorf(env, "%v", err)
	}
	res := run.Comparison
	if *asJSON {
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		out := struct {
			Threads []compare.Thread `json:"threads"`
			Stories []compare.Story  `json:"stories"`
		}{res.Threads, res.Stories}
		if e := enc.Encode(out); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
		printLoadErrors(env.Stderr, c.Errors)
		return 0
	}
	printStories(env.Stdout, res)
	printLoadErrors(env.Stdout, c.Errors)
	return 0
}

// printStories writes threads and their stories as a readable list.
func printStories(w io.Writer, res *compare.Result) {
	byID := map[string]compare.Story{}
	for _, st := range res.Stories {
		byID[st.ID] = st
	}
	for _, th := range res.Threads {
		n := 0
		for _, id := range th.Stories {
			n += len(byID[id].Articles)
		}
		fmt.Fprintf(w, "THREAD %s  %s  (%s, %s)\n", th.ID, oneLine(th.Label, 60), plural(len(th.Stories), "story"), plural(n, "article"))
		for _, id := range th.Stories {
			st := byID[id]
			fmt.Fprintf(w, "  STORY %s  %s  %s\n", st.ID, storyDates(st), oneLine(st.Label, 70))
			fmt.Fprintf(w, "    %s · covered by %s", plural(len(st.Articles), "article"), oneLine(strings.Join(st.Outlets, ", "), 60))
			if len(st.MissingOutlets) > 0 {
				fmt.Fprintf(w, " · not by %s", oneLine(strings.Join(st.MissingOutlets, ", "), 60))
			}
			fmt.Fprintln(w)
			if f := st.First; f != nil && f.Published != nil && len(st.Outlets) > 1 {
				fmt.Fprintf(w, "    first: %s, %s\n", oneLine(f.Outlet, 30), f.Published.Format("2006-01-02 15:04"))
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s in %s\n", plural(len(res.Stories), "story"), plural(len(res.Threads), "thread"))
}

// storyDates is a story's date range as a table shows it.
func storyDates(st compare.Story) string {
	switch {
	case st.Start == nil:
		return "undated   "
	case st.End == nil || st.End.Format("2006-01-02") == st.Start.Format("2006-01-02"):
		return st.Start.Format("2006-01-02")
	}
	return st.Start.Format("2006-01-02") + "…" + st.End.Format("2006-01-02")
}
