package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// noteJSON is one tagged passage in the JSON contract of 'parallax notes'.
type noteJSON struct {
	ID       string   `json:"id"`
	Article  string   `json:"article"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Quote    string   `json:"quote"`
	Tags     []string `json:"tags"`
	Memo     string   `json:"memo"`
	Orphaned bool     `json:"orphaned"`
}

// notesPath returns the notes file: the --notes flag, else the default
// place for the corpus.
func notesPath(flagValue string, c *corpus.Corpus, paths []string) string {
	if flagValue != "" {
		return flagValue
	}
	return notes.DefaultPath(c, paths)
}

// runNotes lists the codebook and the tagged passages of a corpus, after
// re-anchoring them on the articles as loaded now.
func runNotes(env *Env, args []string) int {
	fset := newFlagSet(env, "notes", "parallax notes [--json] [--notes FILE] [PATH...]",
		"parallax notes                          # notes on the embedded corpus",
		"parallax notes ~/articles               # notes in ~/articles/.parallax-notes.db",
		"parallax notes --json ~/articles | jq '.notes[] | select(.tags | index(\"blame\"))'",
		"parallax notes --notes study.db ~/articles")
	asJSON := fset.Bool("json", false, "print JSON: {\"codebook\": [...], \"notes\": [...]}")
	notesFlag := fset.String("notes", "", "the notes file (default: beside the corpus folder, or in the data dir for the embedded corpus)")
	paths, err := parseArgs(fset, args)
	if err != nil {
		return flagExit(err)
	}
	c, err := loadCorpus(env, paths)
	if c == nil {
		return errorf(env, "%v", err)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "parallax: %v; notes are listed without re-anchoring\n", err)
	}
	path := notesPath(*notesFlag, c, paths)

	var codes []notes.Code
	var all []notes.Note
	if _, statErr := os.Stat(path); errors.Is(statErr, fs.ErrNotExist) {
		// Listing never creates a notes file.
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "No notes yet: %s does not exist. Tag a passage in the reader or with 'parallax tag'.\n", path)
			return 0
		}
	} else {
		s, err := notes.Open(path)
		if err != nil {
			return errorf(env, "%v", err)
		}
		defer s.Close()
		if len(c.Articles) > 0 {
			if _, _, err := s.Reanchor(c); err != nil {
				fmt.Fprintf(env.Stderr, "parallax: %v\n", err)
			}
		}
		if codes, err = s.Codebook(); err != nil {
			return errorf(env, "%v", err)
		}
		if all, err = s.Notes(); err != nil {
			return errorf(env, "%v", err)
		}
	}

	if *asJSON {
		out := struct {
			Codebook []notes.Code `json:"codebook"`
			Notes    []noteJSON   `json:"notes"`
		}{Codebook: []notes.Code{}, Notes: []noteJSON{}}
		out.Codebook = append(out.Codebook, codes...)
		for _, n := range all {
			tags := n.Tags
			if tags == nil {
				tags = []string{}
			}
			out.Notes = append(out.Notes, noteJSON{ID: n.ID, Article: n.Anchor.Article, Start: n.Anchor.Start, End: n.Anchor.End,
				Quote: n.Anchor.Quote, Tags: tags, Memo: n.Memo, Orphaned: n.Orphaned})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return errorf(env, "write JSON: %v", err)
		}
		return 0
	}
	printNotes(env, c, path, codes, all)
	return 0
}

// printNotes writes the notes grouped by article, then the codebook with
// a count of passages per code.
func printNotes(env *Env, c *corpus.Corpus, path string, codes []notes.Code, all []notes.Note) {
	w := env.Stdout
	orphans := 0
	uses := map[string]int{}
	for _, n := range all {
		if n.Orphaned {
			orphans++
		}
		for _, t := range n.Tags {
			uses[t]++
		}
	}
	fmt.Fprintf(w, "%s in %s", plural(len(all), "tagged passage"), path)
	if orphans > 0 {
		fmt.Fprintf(w, " (%d orphaned: their text is no longer in the article)", orphans)
	}
	fmt.Fprintln(w)
	article := ""
	for _, n := range all {
		if n.Anchor.Article != article {
			article = n.Anchor.Article
			head := article
			if a := c.Article(article); a != nil {
				head = fmt.Sprintf("%s — %s: %s", article, a.DisplayOutlet(), oneLine(a.Title, 60))
			} else {
				head += " — not in this corpus"
			}
			fmt.Fprintf(w, "\n%s\n", head)
		}
		where := fmt.Sprintf("%d–%d", n.Anchor.Start, n.Anchor.End)
		if n.Orphaned {
			where = "ORPHANED"
		}
		tags := "(no tags)"
		if len(n.Tags) > 0 {
			tags = strings.Join(n.Tags, ", ")
		}
		fmt.Fprintf(w, "  %-12s [%s] “%s”\n", where, tags, oneLine(n.Anchor.Quote, 90))
		if n.Memo != "" {
			fmt.Fprintf(w, "  %-12s memo: %s\n", "", oneLine(n.Memo, 90))
		}
		fmt.Fprintf(w, "  %-12s id %s\n", "", n.ID)
	}
	if len(codes) == 0 {
		return
	}
	fmt.Fprintf(w, "\nCodebook (%s):\n", plural(len(codes), "code"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, cd := range codes {
		line := fmt.Sprintf("  %s\t%s\t%s", cd.Name, cd.Colour, plural(uses[cd.Name], "passage"))
		if cd.Description != "" {
			line += "\t" + oneLine(cd.Description, 70)
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
