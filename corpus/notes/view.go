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
// Outlets come from the articles of c ("unknown outlet" when unknown or
// when the article is not in c). Tags and outlets list the keys, tags in
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
		outlet := "unknown outlet"
		if c != nil {
			if a := c.Article(n.Anchor.Article); a != nil {
				outlet = a.DisplayOutlet()
			}
		}
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
