package agreement

import (
	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// Disagreement is a unit on which coders differ about one code: a
// sentence that some coders marked with the code and others, who coded
// its article, did not. The units and the values are those of Sentences,
// so the disagreements are exactly the units that lower the agreement on
// the code.
type Disagreement struct {
	Code     string
	Article  *corpus.Article
	Sentence int // index into Article.Sentences
	// Values holds, per coder in the order given, Applied, NotApplied or
	// Missing (the coder did not code the article).
	Values []string
	// Passages holds, per coder, their notes tagged Code that share a
	// byte with the sentence (none for a coder who did not apply it).
	Passages [][]notes.Note
}

// Span is the unit's byte range in its article's text.
func (d Disagreement) Span() corpus.Span {
	return d.Article.Sentences[d.Sentence].Span
}

// Disagreements lists the units coders disagree on, code by code (in
// Options.Codes order, then the other codes the notes use, sorted), and
// within a code in article and sentence order. A unit counts when at
// least two coders coded its article and their values differ; a coder who
// did not code the article (Options.Coded) is left out of it.
func Disagreements(c *corpus.Corpus, coders []Coder, opt Options) []Disagreement {
	return units(c, coders, opt, func(applied, not int) bool { return applied > 0 && not > 0 })
}

// Agreed lists the units every coder who coded the article marked with
// the code (at least two coders), in the order of Disagreements: what a
// consensus takes over as it is.
func Agreed(c *corpus.Corpus, coders []Coder, opt Options) []Disagreement {
	return units(c, coders, opt, func(applied, not int) bool { return applied >= 2 && not == 0 })
}

// units lists the units whose counts of coders who applied the code and
// who did not keep accepts.
func units(c *corpus.Corpus, coders []Coder, opt Options, keep func(applied, not int) bool) []Disagreement {
	opt, ps, codes, index := prepare(c, coders, opt)
	m := len(coders)
	var out []Disagreement
	perCode := make([][]Disagreement, len(codes))
	for _, a := range c.Articles {
		marks := make([][][]bool, m)
		coded := 0
		for i, p := range ps {
			if p.coded[a] {
				coded++
				marks[i] = sentenceMarks(a, p.notes[a], index)
			}
		}
		if coded < 2 {
			continue
		}
		for s := range a.Sentences {
			for k, code := range codes {
				vals := make([]string, m)
				applied, not := 0, 0
				for i := range ps {
					switch {
					case marks[i] == nil:
						vals[i] = Missing
					case marks[i][s] != nil && marks[i][s][k]:
						vals[i] = Applied
						applied++
					default:
						vals[i] = NotApplied
						not++
					}
				}
				if !keep(applied, not) {
					continue
				}
				d := Disagreement{Code: code, Article: a, Sentence: s, Values: vals, Passages: make([][]notes.Note, m)}
				sp := a.Sentences[s]
				for i, p := range ps {
					if vals[i] != Applied {
						continue
					}
					for _, n := range p.notes[a] {
						if hasTag(n, code) && n.Anchor.Start < sp.End && sp.Start < max(n.Anchor.End, n.Anchor.Start+1) {
							d.Passages[i] = append(d.Passages[i], n)
						}
					}
				}
				perCode[k] = append(perCode[k], d)
			}
		}
	}
	for _, ds := range perCode {
		out = append(out, ds...)
	}
	return out
}

func hasTag(n notes.Note, code string) bool {
	for _, t := range n.Tags {
		if t == code {
			return true
		}
	}
	return false
}
