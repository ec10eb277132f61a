package cli

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

// runShow prints one article: its metadata, then every paragraph in order
// with numbered sentences and byte offsets, furniture marked with its
// reason.
func runShow(env *Env, args []string) int {
	fs := newFlagSet(env, "show", "parallax show [--json] ID [PATH...]",
		"parallax show 003_901c7662e3582013             # an article of the embedded corpus",
		"parallax show --json lavrov ~/articles/lavrov.txt",
		"parallax list ~/articles && parallax show ID ~/articles")
	asJSON := fs.Bool("json", false, "print the article as JSON (the list contract plus paragraphs and headings)")
	addReadFlags(fs, env)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) == 0 {
		fs.Usage()
		return errorf(env, "show needs an article ID (see 'parallax list')")
	}
	id, paths := pos[0], pos[1:]
	c, err := loadCorpus(env, paths)
	if err != nil {
		return loadFailed(env, err)
	}
	a := c.Article(id)
	if a == nil {
		ids := make([]string, 0, len(c.Articles))
		for _, x := range c.Articles {
			ids = append(ids, x.ID)
		}
		sort.Strings(ids)
		return errorf(env, "no article %q in %s; its ids are: %s", id, c.Name, strings.Join(ids, ", "))
	}
	if *asJSON {
		enc := json.NewEncoder(jsonOut(env.Stdout))
		enc.SetIndent("", "  ")
		if err := enc.Encode(toJSON(a, true)); err != nil {
			return errorf(env, "write JSON: %v", err)
		}
		return 0
	}
	printArticle(env, a)
	return 0
}

func printArticle(env *Env, a *corpus.Article) {
	w := env.Stdout
	fmt.Fprintf(w, "%s\n", clean(a.Title))
	fmt.Fprintf(w, "  id:       %s (%s, %s)\n", clean(a.ID), clean(a.Path), a.Format)
	fmt.Fprintf(w, "  outlet:   %s — %s\n", clean(a.DisplayOutlet()), clean(a.OutletEvidence))
	if a.OutletInfo != nil && (a.OutletInfo.Country != "" || a.OutletInfo.Ownership != "") {
		fmt.Fprintf(w, "            %s, %s\n", a.OutletInfo.Country, a.OutletInfo.Ownership)
	}
	if a.Published != nil {
		fmt.Fprintf(w, "  date:     %s — %s\n", a.DisplayDate(), a.PublishedEvidence)
	} else {
		fmt.Fprintf(w, "  date:     %s\n", a.DisplayDate())
	}
	if a.Author != "" {
		fmt.Fprintf(w, "  author:   %s\n", clean(a.Author))
	}
	if a.Dateline != nil {
		fmt.Fprintf(w, "  dateline: %s", a.Dateline.Place)
		if a.Dateline.Date != "" {
			fmt.Fprintf(w, ", %s", a.Dateline.Date)
		}
		fmt.Fprintln(w)
	}
	if a.URL != "" {
		fmt.Fprintf(w, "  url:      %s\n", clean(a.URL))
	}
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "  warning:  %s\n", clean(warn))
	}
	fmt.Fprintf(w, "  %d sentences (%d body), %d furniture lines\n\n", len(a.Sentences), len(a.Body()), len(a.Furniture))
	si, fi := 0, 0
	for pi, p := range a.Paragraphs {
		if p.Role == corpus.RoleFurniture {
			for fi < len(a.Furniture) && a.Furniture[fi].End <= p.Start {
				fi++
			}
			fmt.Fprintf(w, "  %14s  ┆ furniture (%s): %s\n", fmt.Sprintf("%d-%d", p.Start, p.End), p.Reason, oneLine(a.Text[p.Start:p.End], 100))
			continue
		}
		for si < len(a.Sentences) && a.Sentences[si].Para == pi {
			s := a.Sentences[si]
			label := fmt.Sprintf("[%d]", s.Index+1)
			if s.Role != corpus.RoleBody {
				label += " " + string(s.Role)
			}
			fmt.Fprintf(w, "  %14s  %s %s\n", fmt.Sprintf("%d-%d", s.Start, s.End), label, s.Text)
			si++
		}
	}
}
