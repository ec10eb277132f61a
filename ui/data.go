package ui

import (
	"slices"
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
	Findings *Findings
	Facts    []*compare.Fact
	Outlets  []string // distinct outlets, in article order

	short     map[string]string // outlet -> up to 4 cells, unique
	artIndex  map[string]int
	factIndex map[string]int
	// factOutlets is, per fact, the display names of the outlets of its
	// members (an article of unknown outlet is its own "unknown (ID)", as
	// in the analysis).
	factOutlets []map[string]bool
	// byFacts is Outlets, those carrying the most facts first: the facts
	// view's columns when they do not all fit.
	byFacts []string
	sents   [][]sentInfo // [article][sentence]
	// lower is each article's text lower-cased per sentence, for search.
	lower [][]string
	// longLabel is, per fact, its label carried on to the end of the
	// member sentence it was cut from ("" when the label is whole or its
	// sentence is not found), for lists wider than the label.
	longLabel []string
	// merged is the read view's columns of several articles (columns.go),
	// set by the read view in Update; nil until it lays out its columns.
	merged *mergedSet
}

// NewData indexes a corpus and what the analyses found for the reader.
func NewData(c *corpus.Corpus, a *Findings) *Data {
	if a == nil {
		a = &Findings{}
	}
	d := &Data{Corpus: c, Findings: a, artIndex: map[string]int{}, factIndex: map[string]int{}}
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
	carried := make(map[string]int, len(d.Outlets))
	for _, outs := range d.factOutlets {
		for o := range outs {
			carried[o]++
		}
	}
	d.byFacts = slices.Clone(d.Outlets)
	slices.SortStableFunc(d.byFacts, func(a, b string) int { return carried[b] - carried[a] })
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

// article returns the article at index i: one of the corpus's, or past
// them, a merged column of several (columns.go).
func (d *Data) article(i int) *corpus.Article {
	if i >= len(d.Corpus.Articles) {
		if mu := d.mergedAt(i); mu != nil {
			return mu.art
		}
	}
	return d.Corpus.Articles[i]
}

// info returns what is known about sentence s of article a (or of a
// merged column).
func (d *Data) info(a, s int) sentInfo {
	if a >= len(d.sents) {
		if mu := d.mergedAt(a); mu != nil && s >= 0 && s < len(mu.sents) {
			return mu.sents[s]
		}
	}
	if a < 0 || a >= len(d.sents) || s < 0 || s >= len(d.sents[a]) {
		return sentInfo{}
	}
	return d.sents[a][s]
}

// factNumber is the short number shown for fact fi in gutters and lists.
func factNumber(fi int) int { return fi + 1 }

// markerCount returns the number of framing markers in the corpus.
func (d *Data) markerCount() int { return len(d.Findings.Markers) }

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
