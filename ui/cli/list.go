package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/parallax-reader/parallax/corpus"
)

// runList prints one row per article of a corpus, then the files that
// failed to load.
func runList(env *Env, args []string) int {
	fs := newFlagSet(env, "list", "parallax list [--json] [PATH...]",
		"parallax list                      # the embedded INF corpus",
		"parallax list ~/articles           # every .txt .md .html .json .jsonl under a folder",
		"parallax list --json a.txt b.html  # the JSON contract: {\"articles\": [...], \"errors\": [...]}")
	asJSON := fs.Bool("json", false, "print JSON: {\"articles\": [...], \"errors\": [...]}")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	c, err := loadCorpus(env, paths)
	if c == nil {
		return errorf(env, "%v", err)
	}
	if *asJSON {
		out := struct {
			Articles []articleJSON      `json:"articles"`
			Errors   []corpus.LoadError `json:"errors"`
		}{Articles: []articleJSON{}, Errors: errorsJSON(c.Errors)}
		for _, a := range c.Articles {
			out.Articles = append(out.Articles, toJSON(a, false))
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if e := enc.Encode(out); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
	} else {
		printList(env, c)
	}
	if err != nil {
		return errorf(env, "%v", err)
	}
	return 0
}

func printList(env *Env, c *corpus.Corpus) {
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tOUTLET\tDATE\tTITLE\tSENTENCES\tFURNITURE\tWARNINGS")
	for _, a := range c.Articles {
		date := dateString(a.Published)
		if date == "" {
			date = "-"
		} else if a.PublishedApproximate {
			date = "~" + date
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%d\n", a.ID, oneLine(a.DisplayOutlet(), 20), date,
			oneLine(a.Title, 60), len(a.Body()), len(a.Furniture), len(a.Warnings))
	}
	w.Flush()
	fmt.Fprintf(env.Stdout, "\n%d article(s) from %s", len(c.Articles), c.Name)
	if n := countWarnings(c); n > 0 {
		fmt.Fprintf(env.Stdout, "; %d warning(s): see 'parallax show ID'", n)
	}
	fmt.Fprintln(env.Stdout)
	printLoadErrors(env.Stdout, c.Errors)
}

func countWarnings(c *corpus.Corpus) int {
	n := 0
	for _, a := range c.Articles {
		n += len(a.Warnings)
	}
	return n
}
