package notes

// Finding a passage in a text. One algorithm serves every place a passage
// is looked for — a quote the user types (FindQuote), a note re-placed on
// an edited article (Reanchor) and an imported note (export.Place, through
// Locate) — in stages:
//
//  1. the stored range, when it still holds the quote (Locate);
//  2. exact occurrences of the quote (FindQuote);
//  3. occurrences after collapsing white space and folding typographic
//     quotes and dashes;
//  4. approximate occurrences, a quarter of the quote's bytes edited at
//     most (Locate).
//
// FindQuote wants exactly one occurrence and says so otherwise; Locate
// weighs several by their context and their distance from the old
// position.

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/textdist"
)

// ErrQuoteNotFound and ErrQuoteAmbiguous are wrapped by FindQuote.
var (
	ErrQuoteNotFound  = errors.New("quote not found")
	ErrQuoteAmbiguous = errors.New("quote is ambiguous")
)

// FindQuote finds the byte range of quote in an article: an exact match,
// else a match after normalising whitespace, typographic quotes and dashes.
// A quote that occurs more than once, or not at all, is an error that says
// so (wrapping ErrQuoteAmbiguous or ErrQuoteNotFound).
func FindQuote(a *corpus.Article, quote string) (start, end int, err error) {
	if strings.TrimSpace(quote) == "" {
		return 0, 0, fmt.Errorf("article %s: %w: the quote is empty", a.ID, ErrQuoteNotFound)
	}
	if at := occurrences(a.Text, quote); len(at) == 1 {
		return at[0], at[0] + len(quote), nil
	} else if len(at) > 1 {
		return 0, 0, ambiguous(a.ID, quote, at)
	}
	nt := normalise(a.Text)
	nq := normalise(quote).trimmed()
	if nq == "" {
		return 0, 0, fmt.Errorf("article %s: %w: the quote is empty", a.ID, ErrQuoteNotFound)
	}
	at := occurrences(nt.s, nq)
	switch len(at) {
	case 0:
		return 0, 0, fmt.Errorf("article %s: %w: %q does not occur in its text, even ignoring spacing, quote marks and dashes", a.ID, ErrQuoteNotFound, snippet(quote))
	case 1:
		s, e := nt.span(at[0], at[0]+len(nq))
		return s, e, nil
	}
	orig := make([]int, len(at))
	for i, p := range at {
		orig[i], _ = nt.span(p, p+1)
	}
	return 0, 0, ambiguous(a.ID, quote, orig)
}

func ambiguous(id, quote string, at []int) error {
	shown := at
	if len(shown) > 5 {
		shown = shown[:5]
	}
	pos := make([]string, len(shown))
	for i, p := range shown {
		pos[i] = fmt.Sprint(p)
	}
	more := ""
	if len(at) > len(shown) {
		more = ", …"
	}
	return fmt.Errorf("article %s: %w: %q occurs %d times (at bytes %s%s); quote more of the sentence to pick one",
		id, ErrQuoteAmbiguous, snippet(quote), len(at), strings.Join(pos, ", "), more)
}

// occurrences returns the start of every (possibly overlapping) match.
func occurrences(s, sub string) []int {
	var out []int
	if sub == "" {
		return nil
	}
	for i := 0; i <= len(s)-len(sub); {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			break
		}
		out = append(out, i+j)
		_, size := utf8.DecodeRuneInString(s[i+j:])
		i += j + size
	}
	return out
}

// normText is a text with runs of white space collapsed to one space and
// typographic quotes and dashes folded to ASCII, with a map from each of
// its bytes back to the original character's byte range.
type normText struct {
	s          string
	start, end []int // per byte of s: the original character's range
}

func normalise(text string) normText {
	var b strings.Builder
	n := normText{start: make([]int, 0, len(text)), end: make([]int, 0, len(text))}
	emit := func(s string, from, to int) {
		b.WriteString(s)
		for range len(s) {
			n.start = append(n.start, from)
			n.end = append(n.end, to)
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += s2
			}
			emit(" ", i, j)
			i = j
			continue
		}
		if f, ok := corpus.FoldTypography(r); ok {
			emit(f, i, i+size)
		} else {
			emit(text[i:i+size], i, i+size)
		}
		i += size
	}
	n.s = b.String()
	return n
}

// trimmed returns the normalised text without surrounding spaces.
func (n normText) trimmed() string { return strings.TrimSpace(n.s) }

// span maps the normalised range [s, e) back to the original text.
func (n normText) span(s, e int) (int, int) {
	if e <= s {
		return n.start[s], n.start[s]
	}
	return n.start[s], n.end[e-1]
}

// maxCandidates bounds how many exact occurrences of a quote are scored.
const maxCandidates = 100

// match is a candidate placement of a quote.
type match struct {
	start, end int // in the original text
	errors     int
	score      float64
}

// Locate finds where an anchor's passage stands in text now, as
// re-anchoring does: see locate.
func Locate(text string, a Anchor) (start, end int, ok bool) { return locate(text, a) }

// locate re-places an anchor in text: the stored range if it still holds
// the quote; else the best exact occurrence of the quote (by context and
// distance); else the best occurrence after normalising white space and
// typography; else the best approximate match, scored on the quote, its
// context and the distance from the old position. ok is false when the
// passage cannot be placed.
func locate(text string, a Anchor) (start, end int, ok bool) {
	if a.Quote == "" {
		return 0, 0, false
	}
	if a.Start >= 0 && a.End <= len(text) && a.Start <= a.End && text[a.Start:a.End] == a.Quote {
		return a.Start, a.End, true
	}
	nt := normalise(text)
	np := normalise(a.Prefix).s
	ns := normalise(a.Suffix).s
	score := func(m *match, nStart, nEnd, quoteLen int) {
		quote := 1 - float64(m.errors)/float64(max(quoteLen, 1))
		pre := contextScore(nt.s[max(0, nStart-len(np)):nStart], np, true)
		suf := contextScore(nt.s[nEnd:min(len(nt.s), nEnd+len(ns))], ns, false)
		pos := 1 - float64(abs(m.start-a.Start))/float64(max(len(text), 1))
		m.score = (50*quote + 20*pre + 20*suf + 2*pos) / 92
		// A short quote says little by itself: demand its context.
		if quoteLen < 16 && (pre+suf)/2 < 0.5 && (np != "" || ns != "") {
			m.score = -1
		}
		// An approximate match must resemble the quote closely, or be
		// a fair resemblance in the right context.
		if m.errors > 0 && quote < 0.8 && !(quote >= 0.7 && (pre+suf)/2 >= 0.6) {
			m.score = -1
		}
	}
	best := func(ms []match) (int, int, bool) {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].score > ms[j].score })
		if len(ms) == 0 || ms[0].score < 0 {
			return 0, 0, false
		}
		return ms[0].start, ms[0].end, true
	}

	// Exact matches of the quote, then of the normalised quote.
	nq := normalise(a.Quote).trimmed()
	if nq == "" {
		return 0, 0, false
	}
	var ms []match
	occ := occurrences(nt.s, nq)
	if len(occ) > maxCandidates {
		// A quote repeated this often says little; weigh the nearest.
		sort.SliceStable(occ, func(i, j int) bool {
			return abs(nt.start[occ[i]]-a.Start) < abs(nt.start[occ[j]]-a.Start)
		})
		occ = occ[:maxCandidates]
	}
	for _, p := range occ {
		s, e := nt.span(p, p+len(nq))
		m := match{start: s, end: e}
		score(&m, p, p+len(nq), len(nq))
		ms = append(ms, m)
	}
	if s, e, ok := best(ms); ok {
		return s, e, true
	}

	// Approximate matches: at most a quarter of the quote's bytes edited,
	// and no more than 256 edits, which bounds the search to O(len·256).
	k := min(len(nq)/4, 256)
	if k == 0 {
		return 0, 0, false
	}
	ms = ms[:0]
	startWord, endWord := onWordStart(a.Prefix, a.Quote), onWordEnd(a.Quote, a.Suffix)
	for _, c := range approxMatches(nt.s, nq, k, 24) {
		s, e := nt.span(c.start, c.end)
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= size
		}
		if s >= e {
			continue
		}
		s, e = snapWords(text, s, e, a.Quote, startWord, endWord)
		m := match{start: s, end: e, errors: c.errors}
		score(&m, c.start, c.end, len(nq))
		ms = append(ms, m)
	}
	return best(ms)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// contextScore compares the text beside a match with the stored context:
// 1 for identical, 0 for nothing in common. For a prefix the texts are
// aligned at their ends, for a suffix at their starts.
func contextScore(got, want string, prefix bool) float64 {
	if want == "" {
		return 0.5 // nothing stored (start or end of the text): neutral
	}
	if got == "" {
		return 0
	}
	d := textdist.Levenshtein([]byte(got), []byte(want))
	return max(0, 1-float64(d)/float64(len(want)))
}

// approx is an approximate occurrence [start, end) of a pattern.
type approx struct{ start, end, errors int }

// approxMatches finds substrings of text within k edits of pat (Sellers'
// algorithm with Ukkonen's cut-off), keeping for each end its best start,
// and returns up to limit non-overlapping matches, fewest errors first.
func approxMatches(text, pat string, k, limit int) []approx {
	m := len(pat)
	if m == 0 || len(text) == 0 {
		return nil
	}
	// col[i] is the cost of matching pat[:i] ending at the current text
	// position; from[i] is where that alignment starts in the text.
	col := make([]int, m+1)
	from := make([]int, m+1)
	prevCol := make([]int, m+1)
	prevFrom := make([]int, m+1)
	for i := range col {
		prevCol[i] = i
	}
	last := min(k, m) // deepest row that may still be within k
	var found []approx
	for j := 1; j <= len(text); j++ {
		col[0], from[0] = 0, j
		c := text[j-1]
		top := min(last+1, m)
		for i := 1; i <= top; i++ {
			// substitution or match
			cost := prevCol[i-1]
			if pat[i-1] != c {
				cost++
			}
			f := prevFrom[i-1]
			if i == 1 {
				f = j - 1
			}
			if v := prevCol[i] + 1; v < cost { // pattern char skipped in text (insertion)
				cost, f = v, prevFrom[i]
			}
			if v := col[i-1] + 1; v < cost { // pattern char missing from text (deletion)
				cost, f = v, from[i-1]
			}
			col[i], from[i] = cost, f
		}
		for i := top + 1; i <= m; i++ {
			col[i], from[i] = k+1, j
		}
		last = top
		for last > 0 && col[last] > k {
			last--
		}
		if col[m] <= k {
			found = append(found, approx{start: from[m], end: j, errors: col[m]})
		}
		col, prevCol = prevCol, col
		from, prevFrom = prevFrom, from
	}
	sort.SliceStable(found, func(a, b int) bool {
		if found[a].errors != found[b].errors {
			return found[a].errors < found[b].errors
		}
		return found[a].end-found[a].start > found[b].end-found[b].start
	})
	var out []approx
	for _, f := range found {
		overlap := false
		for _, o := range out {
			if f.start < o.end && o.start < f.end {
				overlap = true
				break
			}
		}
		if !overlap {
			out = append(out, f)
			if len(out) == limit {
				break
			}
		}
	}
	return out
}
