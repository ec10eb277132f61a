package ui

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// Analysis is what the reader shows on top of the corpus: the shared facts
// and the framing. It is filled from corpus/compare and corpus/frame by an
// Analyzer; the UI reads it and never computes it.
type Analysis struct {
	// HasFacts is set when shared facts were computed; without it no
	// sentence is called outlet-only.
	HasFacts bool
	Facts    []compare.Fact
	// HasCounterpart, when set, reports whether a sentence has a
	// counterpart in another outlet (a looser link than a fact).
	HasCounterpart func(article string, sentence int) bool
	// Omissions maps an outlet to the ids of facts it leaves out.
	Omissions map[string][]string

	HasFraming bool
	Markers    []frame.Marker
	Profiles   []OutletProfile

	// Warnings are analysis problems worth showing on the problems screen.
	Warnings []string
}

// OutletProfile is one outlet's profile as the outlets view shows it.
type OutletProfile struct {
	Outlet   string
	Markdown string             // rendered with Glamour
	Rates    map[string]float64 // framing markers per 100 sentences, by kind
	Articles int
}

// Progress reports a stage of the start-up work; done and total count
// items within the stage (total 0: unknown).
type Progress func(stage string, done, total int)

// Analyzer computes the Analysis of a corpus. It runs in a tea.Cmd.
type Analyzer func(ctx context.Context, c *corpus.Corpus, progress Progress) (*Analysis, error)

// Loader loads the corpus named by paths (none: the embedded corpus).
type Loader func(ctx context.Context, paths []string, progress Progress) (*corpus.Corpus, error)

// sentInfo is what the reader knows about one sentence.
type sentInfo struct {
	facts   []int // indices into Data.Facts
	markers []frame.Marker
	unique  bool // no counterpart in any other outlet (outlet-only)
	similar bool // a looser counterpart exists, though no shared fact
	disc    bool // one of its facts has a discrepancy
	share   int  // the most outlets any of its facts spans
	level   int  // corpus.ShareLevel of share among the corpus's outlets
}

// Data is the corpus and its analysis, indexed for the views. It is built
// once, in a tea.Cmd, and read-only afterwards.
type Data struct {
	Corpus   *corpus.Corpus
	Analysis *Analysis
	Facts    []*compare.Fact
	Outlets  []string // distinct outlets, in article order

	short     map[string]string // outlet -> up to 4 cells, unique
	artIndex  map[string]int
	factIndex map[string]int
	// factOutlets is, per fact, the display names of the outlets of its
	// members (an article of unknown outlet is its own "unknown (ID)", as
	// in the analysis).
	factOutlets []map[string]bool
	sents       [][]sentInfo // [article][sentence]
	// lower is each article's text lower-cased per sentence, for search.
	lower [][]string
	// longLabel is, per fact, its label carried on to the end of the
	// member sentence it was cut from ("" when the label is whole or its
	// sentence is not found), for lists wider than the label.
	longLabel []string
}

// NewData indexes a corpus and its analysis for the reader.
func NewData(c *corpus.Corpus, a *Analysis) *Data {
	if a == nil {
		a = &Analysis{}
	}
	d := &Data{Corpus: c, Analysis: a, artIndex: map[string]int{}, factIndex: map[string]int{}}
	seen := map[string]bool{}
	for i, art := range c.Articles {
		d.artIndex[art.ID] = i
		o := art.DisplayOutlet()
		if !seen[o] {
			seen[o] = true
			d.Outlets = append(d.Outlets, o)
		}
	}
	d.short = shortNames(c)
	d.sents = make([][]sentInfo, len(c.Articles))
	d.lower = make([][]string, len(c.Articles))
	for i, art := range c.Articles {
		d.sents[i] = make([]sentInfo, len(art.Sentences))
		d.lower[i] = make([]string, len(art.Sentences))
		for j, s := range art.Sentences {
			d.lower[i][j] = foldCase(safeText(s.Text))
		}
	}
	for fi := range a.Facts {
		f := &a.Facts[fi]
		d.Facts = append(d.Facts, f)
		d.factIndex[f.ID] = fi
		outlets := map[string]bool{}
		d.factOutlets = append(d.factOutlets, outlets)
		d.longLabel = append(d.longLabel, longLabel(f))
		for _, m := range f.Members {
			ai, ok := d.artIndex[m.Article]
			if !ok || m.Sentence < 0 || m.Sentence >= len(d.sents[ai]) {
				continue
			}
			outlets[c.Articles[ai].DisplayOutlet()] = true
			si := &d.sents[ai][m.Sentence]
			if !containsInt(si.facts, fi) {
				si.facts = append(si.facts, fi)
			}
			if len(f.Outlets) > si.share {
				si.share = len(f.Outlets)
			}
			if len(f.Discrepancies) > 0 {
				si.disc = true
			}
		}
	}
	for _, m := range a.Markers {
		ai, ok := d.artIndex[m.Article]
		if !ok || m.Sentence < 0 || m.Sentence >= len(d.sents[ai]) {
			continue
		}
		d.sents[ai][m.Sentence].markers = append(d.sents[ai][m.Sentence].markers, m)
	}
	for ai, art := range c.Articles {
		for si := range d.sents[ai] {
			d.sents[ai][si].level = corpus.ShareLevel(d.sents[ai][si].share, len(d.Outlets))
			ms := d.sents[ai][si].markers
			sort.SliceStable(ms, func(x, y int) bool { return ms[x].Start < ms[y].Start })
			if a.HasFacts && art.Sentences[si].Role == corpus.RoleBody && len(d.sents[ai][si].facts) == 0 {
				if a.HasCounterpart != nil && a.HasCounterpart(art.ID, si) {
					d.sents[ai][si].similar = true
				} else {
					d.sents[ai][si].unique = true
				}
			}
		}
	}
	return d
}

// longLabel carries a fact's label, cut with "…", on to the end of the
// member sentence it was taken from; "" when the label is whole or no
// member holds it.
func longLabel(f *compare.Fact) string {
	head, cut := strings.CutSuffix(f.Label, "…")
	if !cut || head == "" {
		return ""
	}
	// The label opens with a capital even where the clause does not.
	r, n := utf8.DecodeRuneInString(head)
	lower := string(unicode.ToLower(r)) + head[n:]
	for _, m := range f.Members {
		for _, h := range []string{head, lower} {
			if i := strings.Index(m.Text, h); i >= 0 {
				return oneLine(head + m.Text[i+len(h):])
			}
		}
	}
	return ""
}

// factLabel is fact fi's label for a list width cells wide: the label,
// or as much of its sentence as fits when the list is wider.
func (d *Data) factLabel(fi, width int) string {
	l := oneLine(d.Facts[fi].Label)
	if fi < len(d.longLabel) && d.longLabel[fi] != "" && width > ansi.StringWidth(l) {
		l = d.longLabel[fi]
	}
	return ellipsize(l, width)
}

// article returns the article at index i.
func (d *Data) article(i int) *corpus.Article { return d.Corpus.Articles[i] }

// info returns what is known about sentence s of article a.
func (d *Data) info(a, s int) sentInfo {
	if a < 0 || a >= len(d.sents) || s < 0 || s >= len(d.sents[a]) {
		return sentInfo{}
	}
	return d.sents[a][s]
}

// factNumber is the short number shown for fact fi in gutters and lists.
func factNumber(fi int) int { return fi + 1 }

// markerCount returns the number of framing markers in the corpus.
func (d *Data) markerCount() int { return len(d.Analysis.Markers) }

// shortNames gives every outlet a unique name of at most 4 cells for
// matrix columns: the outlet table's short name, else the start of the
// name; an article of an unknown outlet is "?" and the start of its id
// (every one of them would otherwise read "unkn").
func shortNames(c *corpus.Corpus) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	for _, a := range c.Articles {
		o := a.DisplayOutlet()
		if _, ok := out[o]; ok {
			continue
		}
		s := ""
		if a.OutletInfo != nil && a.OutletInfo.Short != "" {
			s = oneLine(a.OutletInfo.Short)
		}
		switch {
		case a.Outlet == "":
			s = "?" + ansi.Truncate(oneLine(a.ID), 3, "")
		case s == "" || ansi.StringWidth(s) > 4:
			s = ansi.Truncate(strings.ReplaceAll(oneLine(o), " ", ""), 4, "")
		}
		base := s
		for n := 2; used[s]; n++ {
			num := strconv.Itoa(n)
			s = ansi.Truncate(base, max(4-len(num), 1), "") + num
		}
		used[s] = true
		out[o] = s
	}
	return out
}

// plural counts things in words: "1 passage", "2 passages", "3 stories".
var plural = corpus.Count

// foldCase lower-cases s for case-insensitive search.
func foldCase(s string) string {
	f, _ := foldMap(s, false)
	return f
}

// foldMap folds s for search: lower case, with typographic apostrophes,
// quotes and dashes written as their ASCII forms (corpus.FoldTypography), so "russia's" finds
// "Russia’s" and "certain shifts" in straight quotes finds the curly ones
// (as tag --quote does). With want, at gives for each byte of the result
// the byte of s it comes from, and len(s) after the last.
func foldMap(s string, want bool) (folded string, at []int) {
	var b strings.Builder
	b.Grow(len(s))
	if want {
		at = make([]int, 0, len(s)+1)
	}
	for i, r := range s {
		n := b.Len()
		if f, ok := corpus.FoldTypography(r); ok {
			b.WriteString(f)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		for want && n < b.Len() {
			at = append(at, i)
			n++
		}
	}
	if want {
		at = append(at, len(s))
	}
	return b.String(), at
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
