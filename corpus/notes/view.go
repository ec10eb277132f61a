package notes

import (
	"sort"

	"github.com/parallax-reader/parallax/corpus"
)

// Overlapping returns the placed (not orphaned) notes of an article whose
// range shares at least one byte with [start, end), in the order given.
func Overlapping(ns []Note, article string, start, end int) []Note {
	var out []Note
	for _, n := range ns {
		if n.Orphaned || n.Anchor.Article != article {
			continue
		}
		if (corpus.Span{Start: n.Anchor.Start, End: n.Anchor.End}).Overlaps(corpus.Span{Start: start, End: end}) {
			out = append(out, n)
		}
	}
	return out
}

// Matrix counts tagged passages per tag and outlet: counts[tag][outlet].
// Outlets are named as OutletOf names them: from the articles of c, else
// as stored with the note (callers that show the loaded corpus pass only
// the notes SplitLoaded finds loaded). Tags and outlets list the keys, tags in
// codebook order (then any others by name) and outlets by name.
type Matrix struct {
	Tags    []string
	Outlets []string
	Counts  map[string]map[string]int
}

// CountByOutlet builds the tag × outlet matrix of the notes view.
func CountByOutlet(codes []Code, ns []Note, c *corpus.Corpus) Matrix {
	m := Matrix{Counts: map[string]map[string]int{}}
	outlets := map[string]bool{}
	for _, n := range ns {
		outlet := OutletOf(c, n)
		outlets[outlet] = true
		for _, t := range n.Tags {
			if m.Counts[t] == nil {
				m.Counts[t] = map[string]int{}
			}
			m.Counts[t][outlet]++
		}
	}
	seen := map[string]bool{}
	for _, cd := range codes {
		if m.Counts[cd.Name] != nil {
			m.Tags = append(m.Tags, cd.Name)
			seen[cd.Name] = true
		}
	}
	var rest []string
	for t := range m.Counts {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	m.Tags = append(m.Tags, rest...)
	for o := range outlets {
		m.Outlets = append(m.Outlets, o)
	}
	sort.Strings(m.Outlets)
	return m
}

// Loaded reports whether a note's article is in c. A note whose article is
// not loaded is neither placed nor orphaned: its Orphaned flag and range
// say how it stood when its article was last loaded, and views list it
// apart ("in articles not loaded now") with its stored outlet and title.
func Loaded(c *corpus.Corpus, n Note) bool {
	return c != nil && c.Article(n.Anchor.Article) != nil
}

// SplitLoaded divides notes into those whose article is in c and the
// others, keeping their order.
func SplitLoaded(c *corpus.Corpus, ns []Note) (loaded, elsewhere []Note) {
	for _, n := range ns {
		if Loaded(c, n) {
			loaded = append(loaded, n)
		} else {
			elsewhere = append(elsewhere, n)
		}
	}
	return loaded, elsewhere
}

// OutletOf is the outlet a note's passage is from, as
// corpus.Article.DisplayOutlet names it: its article's in c, else the one
// stored with the note, else "unknown (<article id>)".
func OutletOf(c *corpus.Corpus, n Note) string {
	if c != nil {
		if a := c.Article(n.Anchor.Article); a != nil {
			return a.DisplayOutlet()
		}
	}
	a := corpus.Article{ID: n.Anchor.Article, Outlet: n.Anchor.Outlet}
	return a.DisplayOutlet()
}

// TitleOf is the title of a note's article: from c, else the one stored
// with the note, else the article id.
func TitleOf(c *corpus.Corpus, n Note) string {
	if c != nil {
		if a := c.Article(n.Anchor.Article); a != nil {
			return a.Title
		}
	}
	if n.Anchor.Title != "" {
		return n.Anchor.Title
	}
	return n.Anchor.Article
}
