package agreement

import (
	"fmt"
	"sort"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// Coder is one coder's work: their name, where their notes came from and
// the notes, placed on the articles as loaded (notes.Store.Reanchor).
type Coder struct {
	Name   string
	Source string
	Notes  []notes.Note
}

// Coverage says which articles count as coded by a coder. A notes file
// records what a coder tagged, not what they read: a sentence without
// their tag is "not applied" only in an article they coded, and missing
// data in one they did not.
type Coverage string

const (
	// CodedTagged takes a coder to have coded the articles they made at
	// least one note on (a memo without tags counts).
	CodedTagged Coverage = "tagged"
	// CodedAll takes every coder to have coded every loaded article.
	CodedAll Coverage = "all"
)

// ParseCoverage reads a Coverage from its name.
func ParseCoverage(s string) (Coverage, error) {
	switch Coverage(s) {
	case CodedTagged, CodedAll:
		return Coverage(s), nil
	}
	return "", fmt.Errorf("%q is not a coverage: use %q (the articles a coder tagged) or %q (every loaded article)", s, CodedTagged, CodedAll)
}

// Options tunes a report. The zero value reports the codes the notes use,
// with CodedTagged.
type Options struct {
	Coded Coverage
	// Codes are the codes to report, in order (the coders' codebooks);
	// codes the notes use that are not listed follow, sorted.
	Codes []string
}

func (o Options) withDefaults() Options {
	if o.Coded == "" {
		o.Coded = CodedTagged
	}
	return o
}

// CoderInfo describes a coder in a report: what of their notes was used.
type CoderInfo struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	// Articles counts the loaded articles taken as coded by the coder.
	Articles int `json:"articles"`
	// Notes counts the notes placed on those articles and used.
	Notes int `json:"notes"`
	// Orphaned counts notes whose passage is no longer in its article's
	// text: their article counts as coded, but they mark no text.
	Orphaned int `json:"orphaned"`
	// NotLoaded counts notes on articles that are not loaded: left out.
	NotLoaded int `json:"not_loaded"`
}

// placed is one coder's notes sorted into the loaded articles.
type placed struct {
	info  CoderInfo
	coded map[*corpus.Article]bool
	notes map[*corpus.Article][]notes.Note // placed, not orphaned
}

func place(c *corpus.Corpus, cd Coder, cov Coverage) placed {
	p := placed{
		info:  CoderInfo{Name: cd.Name, Source: cd.Source},
		coded: map[*corpus.Article]bool{},
		notes: map[*corpus.Article][]notes.Note{},
	}
	byID := make(map[string]*corpus.Article, len(c.Articles))
	for _, a := range c.Articles {
		byID[a.ID] = a
		if cov == CodedAll {
			p.coded[a] = true
		}
	}
	for _, n := range cd.Notes {
		a := byID[n.Anchor.Article]
		switch {
		case a == nil:
			p.info.NotLoaded++
			continue
		case n.Orphaned || n.Anchor.End > len(a.Text) || n.Anchor.Start < 0 || n.Anchor.Start > n.Anchor.End:
			p.info.Orphaned++
		default:
			p.notes[a] = append(p.notes[a], n)
			p.info.Notes++
		}
		p.coded[a] = true
	}
	p.info.Articles = len(p.coded)
	return p
}

// prepare is what every unit of agreement starts from: the options with
// their defaults, each coder's notes placed on the articles, the codes
// compared and each code's position among them.
func prepare(c *corpus.Corpus, coders []Coder, opt Options) (Options, []placed, []string, map[string]int) {
	opt = opt.withDefaults()
	ps := placeAll(c, coders, opt.Coded)
	codes := codeList(opt.Codes, coders)
	index := make(map[string]int, len(codes))
	for k, code := range codes {
		index[code] = k
	}
	return opt, ps, codes, index
}

// placeAll places every coder's notes on the articles.
func placeAll(c *corpus.Corpus, coders []Coder, cov Coverage) []placed {
	ps := make([]placed, len(coders))
	for i, cd := range coders {
		ps[i] = place(c, cd, cov)
	}
	return ps
}

// codeList is the codes listed, then the codes the notes use that are
// not listed, sorted.
func codeList(listed []string, coders []Coder) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range listed {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	var extra []string
	for _, cd := range coders {
		for _, n := range cd.Notes {
			for _, t := range n.Tags {
				if !seen[t] {
					seen[t] = true
					extra = append(extra, t)
				}
			}
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// infos lists the coders of a report.
func infos(ps []placed) []CoderInfo {
	out := make([]CoderInfo, len(ps))
	for i, p := range ps {
		out[i] = p.info
	}
	return out
}
