package notes

import (
	"fmt"
	"os"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

// SettleIDs decides, when several files of c claim one article id, which
// keeps it: the one whose text the notes on that id were made on (the
// hash they stored, else their quote where they left it), so that a file
// added later cannot take over an existing article's notes. The others
// are renamed, with a warning naming both files (corpus.Corpus.GiveID).
// Without contested ids, or without a notes file at path, it does
// nothing; the file is only read (OpenReadOnly). Call it after loading,
// before anything uses the ids.
func SettleIDs(c *corpus.Corpus, path string) error {
	contested := c.Contested()
	if len(contested) == 0 {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return nil // no notes: the order of the paths decides
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		return fmt.Errorf("settle duplicate article ids: %w", err)
	}
	defer s.Close()
	all, err := s.Notes()
	if err != nil {
		return fmt.Errorf("settle duplicate article ids: %w", err)
	}
	byArticle := map[string][]Note{}
	for _, n := range all {
		if _, ok := contested[n.Anchor.Article]; ok {
			byArticle[n.Anchor.Article] = append(byArticle[n.Anchor.Article], n)
		}
	}
	for id, arts := range contested {
		ns := byArticle[id]
		if len(ns) == 0 {
			continue
		}
		best, bestScore := arts[0], claimScore(arts[0], ns)
		for _, a := range arts[1:] {
			if sc := claimScore(a, ns); sc > bestScore {
				best, bestScore = a, sc
			}
		}
		if best != arts[0] {
			noun, verb := "notes", "were"
			if len(ns) == 1 {
				noun, verb = "note", "was"
			}
			c.GiveID(best, fmt.Sprintf("the %s on %q in %s %s made on its text", noun, id, s.Path(), verb))
		}
	}
	return nil
}

// claimScore is how strongly the notes ns tie an id to article a: a note
// made on exactly a's text counts most, then one whose quote is still
// where it was in a's text, then one whose quote is anywhere in it.
func claimScore(a *corpus.Article, ns []Note) int {
	h := articleHash(a)
	score := 0
	for _, n := range ns {
		switch q := n.Anchor; {
		case q.Hash == h:
			score += 1 << 20
		case q.Start <= q.End && q.End <= len(a.Text) && a.Text[q.Start:q.End] == q.Quote:
			score += 1 << 10
		case q.Quote != "" && strings.Contains(a.Text, q.Quote):
			score++
		}
	}
	return score
}
