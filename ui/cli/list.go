package cli

import (
	"fmt"

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
	addReadFlags(fs, env)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	c, err := loadCorpus(env, paths)
	if err != nil {
		return loadFailed(env, err)
	}
	if *asJSON {
		out := struct {
			Articles articlesJSON       `json:"articles"`
			Errors   []corpus.LoadError `json:"errors"`
		}{Articles: articlesJSON(c.Articles), Errors: errorsJSON(c.Errors)}
		if e := writeJSON(jsonOut(env.Stdout), out); e != nil {
			return errorf(env, "write JSON: %v", e)
		}
	} else {
		printList(env, c)
	}
	return 0
}

func printList(env *Env, c *corpus.Corpus) {
	var t table
	t.add("ID", "OUTLET", "DATE", "TITLE", "SENTENCES", "FURNITURE", "WARNINGS")
	for _, a := range c.Articles {
		t.add(a.ID, oneLine(a.DisplayOutlet(), 20), a.DisplayDate(), oneLine(a.Title, 60),
			fmt.Sprint(len(a.Body())), fmt.Sprint(len(a.Furniture)), fmt.Sprint(len(a.Warnings)))
	}
	t.write(env.Stdout, "")
	fmt.Fprintf(env.Stdout, "\n%s from %s", plural(len(c.Articles), "article"), clean(c.Name))
	if n := countWarnings(c); n > 0 {
		fmt.Fprintf(env.Stdout, "; %s: see 'parallax show ID'", plural(n, "warning"))
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

// articlesJSON is the articles of list's JSON, each converted to its JSON
// form as it is written (an array of articleJSON, never null).
type articlesJSON []*corpus.Article

func (a articlesJSON) Len() int       { return len(a) }
func (a articlesJSON) Item(i int) any { return toJSON(a[i], false) }
