package library

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// The kinds of a sentence change.
const (
	ChangeAdded   = "added"
	ChangeDeleted = "deleted"
	ChangeEdited  = "edited"
	ChangeMoved   = "moved"
)

// Change is one sentence that differs between two versions.
type Change struct {
	Kind string `json:"kind"` // added, deleted, edited or moved
	// Old and New are the sentence in each version (nil for an added or
	// a deleted one).
	Old *SentenceRef `json:"old"`
	New *SentenceRef `json:"new"`
	// Words is the word diff of an edited sentence.
	Words []WordOp `json:"words,omitempty"`
	// Flags are the changed numbers, dates, quotes and attributions.
	Flags []Flag `json:"flags"`
}

// SentenceRef is a sentence of one version.
type SentenceRef struct {
	Index int    `json:"index"` // into the version's sentences
	Start int    `json:"start"` // byte offsets in the version's text
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// WordOp is a run of a word diff: text that is in both versions (equal),
// only in the old (delete) or only in the new (insert).
type WordOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Flag is a changed number, date, quote or attribution.
type Flag struct {
	What string `json:"what"` // number, date, quote or attribution
	Old  string `json:"old"`
	New  string `json:"new"`
}

// editedMin is the least word resemblance (Dice on word sets) for a
// deleted and an added sentence to be one edited sentence.
const editedMin = 0.5

// diffSentences aligns the sentences of two versions of an article and
// labels what changed. Sentences equal once normalised are unchanged when
// they keep their order (a longest common subsequence) and moved when not;
// of the rest, an old and a new sentence that share most of their words
// are one edited sentence; the others are deleted or added.
func diffSentences(a, b *corpus.Article) []Change {
	os, ns := a.Sentences, b.Sentences
	on := make([]string, len(os))
	nn := make([]string, len(ns))
	for i, s := range os {
		on[i] = normalizeLine(s.Text)
	}
	for i, s := range ns {
		nn[i] = normalizeLine(s.Text)
	}
	oldUsed := make([]bool, len(os))
	newUsed := make([]bool, len(ns))
	for _, p := range lcs(on, nn) {
		oldUsed[p[0]], newUsed[p[1]] = true, true
	}
	var out []Change
	// Moved: equal text outside the common subsequence.
	byText := map[string][]int{}
	for i, t := range on {
		if !oldUsed[i] {
			byText[t] = append(byText[t], i)
		}
	}
	for j, t := range nn {
		if newUsed[j] {
			continue
		}
		if is := byText[t]; len(is) > 0 {
			i := is[0]
			byText[t] = is[1:]
			oldUsed[i], newUsed[j] = true, true
			out = append(out, Change{Kind: ChangeMoved, Old: ref(os[i]), New: ref(ns[j]), Flags: []Flag{}})
		}
	}
	// Edited: the most alike remaining pairs first.
	type pair struct {
		i, j int
		s    float64
	}
	var pairs []pair
	ow := make([]map[string]bool, len(os))
	for i := range os {
		if !oldUsed[i] {
			ow[i] = wordSet(on[i])
		}
	}
	for j := range ns {
		if newUsed[j] {
			continue
		}
		nw := wordSet(nn[j])
		for i := range os {
			if !oldUsed[i] {
				if s := dice(ow[i], nw); s >= editedMin {
					pairs = append(pairs, pair{i, j, s})
				}
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].s > pairs[y].s })
	for _, p := range pairs {
		if oldUsed[p.i] || newUsed[p.j] {
			continue
		}
		oldUsed[p.i], newUsed[p.j] = true, true
		out = append(out, Change{Kind: ChangeEdited, Old: ref(os[p.i]), New: ref(ns[p.j]),
			Words: wordDiff(os[p.i].Text, ns[p.j].Text), Flags: flagChanges(os[p.i].Text, ns[p.j].Text)})
	}
	for i := range os {
		if !oldUsed[i] {
			out = append(out, Change{Kind: ChangeDeleted, Old: ref(os[i]), Flags: flagChanges(os[i].Text, "")})
		}
	}
	for j := range ns {
		if !newUsed[j] {
			out = append(out, Change{Kind: ChangeAdded, New: ref(ns[j]), Flags: flagChanges("", ns[j].Text)})
		}
	}
	// Reading order: by place in the new version; a deleted sentence
	// after the new sentence its predecessor became.
	pos := func(c Change) (float64, int) {
		if c.New != nil {
			return float64(c.New.Index), 1
		}
		return float64(c.Old.Index) - 0.5, 0
	}
	sort.SliceStable(out, func(x, y int) bool {
		px, kx := pos(out[x])
		py, ky := pos(out[y])
		if px != py {
			return px < py
		}
		return kx < ky
	})
	return out
}

func ref(s corpus.Sentence) *SentenceRef {
	return &SentenceRef{Index: s.Index, Start: s.Start, End: s.End, Text: s.Text}
}

// lcs returns the index pairs of a longest common subsequence of two
// lists of strings. Long articles are a few hundred sentences: the
// quadratic table is small.
func lcs(a, b []string) [][2]int {
	n, m := len(a), len(b)
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// wordTokens splits text into words, runs of white space and single
// punctuation marks, which concatenate back to the text.
var wordTokens = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*|\s+|.`)

// wordDiff is a word-level diff of two sentences, cleaned up so that a
// changed phrase reads as one deletion and one insertion.
func wordDiff(a, b string) []WordOp {
	ta := wordTokens.FindAllString(a, -1)
	tb := wordTokens.FindAllString(b, -1)
	code := map[string]rune{}
	var vocab []string
	enc := func(ts []string) []rune {
		out := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := code[t]
			if !ok {
				r = rune(0x100 + len(vocab)) // any rune will do: diffmatchpatch compares runes
				code[t] = r
				vocab = append(vocab, t)
			}
			out[i] = r
		}
		return out
	}
	ra, rb := enc(ta), enc(tb)
	dmp := diffmatchpatch.New()
	ds := dmp.DiffMainRunes(ra, rb, false)
	ds = dmp.DiffCleanupSemantic(ds)
	var out []WordOp
	for _, d := range ds {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(vocab[r-0x100])
		}
		op := "equal"
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = "delete"
		case diffmatchpatch.DiffInsert:
			op = "insert"
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += sb.String()
			continue
		}
		out = append(out, WordOp{Op: op, Text: sb.String()})
	}
	return out
}

// quoted finds quoted words in straight or typographic quotes.
var quoted = regexp.MustCompile(`"([^"]{3,})"|“([^”]{3,})”|«([^»]{3,})»`)

// attribution finds who a sentence says spoke: "X said", "said X",
// "according to X", "X told".
var attribution = regexp.MustCompile(`(?i)\b(?:according to|said|says|told|stated|added|noted)\s+((?:the\s+)?[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,3})|((?:[\p{Lu}][\p{L}.'-]*\s+){0,3}[\p{Lu}][\p{L}.'-]*)\s+(?:said|says|told|stated|added|noted)\b`)

// flagChanges lists the numbers, dates, quotes and attributions that one
// sentence has and the other lacks (either may be ""), in the order the
// sentences say them. When as many numbers went as came, each is paired
// with the one in its place ("8 people → 11 people", "25 → 31"): an
// edited toll reads as such.
func flagChanges(a, b string) []Flag {
	out := []Flag{}
	diffSets := func(what string, x, y []string, pair bool) {
		x, y = uniqueInOrder(x), uniqueInOrder(y)
		var gone, came []string
		for _, v := range x {
			if !slices.Contains(y, v) {
				gone = append(gone, v)
			}
		}
		for _, v := range y {
			if !slices.Contains(x, v) {
				came = append(came, v)
			}
		}
		switch {
		case len(gone)+len(came) == 0:
		case pair && len(gone) == len(came):
			for i := range gone {
				out = append(out, Flag{What: what, Old: gone[i], New: came[i]})
			}
		default:
			out = append(out, Flag{What: what, Old: strings.Join(gone, "; "), New: strings.Join(came, "; ")})
		}
	}
	diffSets("number", quantities(a), quantities(b), true)
	diffSets("date", dates(a), dates(b), false)
	diffSets("quote", quotes(a), quotes(b), false)
	diffSets("attribution", speakers(a), speakers(b), false)
	return out
}

// uniqueInOrder drops the repeats of a list, keeping first occurrences.
func uniqueInOrder(x []string) []string {
	var out []string
	for _, v := range x {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// quantities are the numbers a sentence states, number words counted
// ("eight people" is 8 people: an edit to "11 people" changes a number).
func quantities(s string) []string {
	var out []string
	for _, q := range compare.ExtractQuantities(numberWords.ReplaceAllStringFunc(s, func(w string) string {
		return strconv.Itoa(numberWord[strings.ToLower(w)])
	})) {
		out = append(out, q.Text)
	}
	return out
}

// numberWord are the number words news writes out; numberWords finds
// them as whole words.
var (
	numberWord = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
		"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
		"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
	numberWords = regexp.MustCompile(`(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b`)
)

// weekday finds the days of the week news uses as dates ("on Friday").
var weekday = regexp.MustCompile(`\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)

// dates are the dates, times of day and weekdays a sentence states, in
// the order it states them. A time of day is part of when: "10:15 p.m." →
// "11:40 p.m." is a changed date, not two changed numbers.
func dates(s string) []string {
	type at struct {
		start int
		text  string
	}
	var found []at
	ds := compare.ExtractDates(s)
	for _, d := range ds {
		found = append(found, at{d.Start, d.Text})
	}
	for _, t := range compare.ExtractTimes(s) {
		found = append(found, at{t.Start, t.Text})
	}
	for _, m := range weekday.FindAllStringIndex(s, -1) {
		inside := false
		for _, d := range ds {
			if m[0] >= d.Start && m[1] <= d.End {
				inside = true
			}
		}
		if !inside {
			found = append(found, at{m[0], s[m[0]:m[1]]})
		}
	}
	slices.SortStableFunc(found, func(a, b at) int { return a.start - b.start })
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = f.text
	}
	return out
}

func quotes(s string) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(corpus.FoldTypographyIn(s), -1) {
		out = append(out, normalizeLine(corpus.FirstNonEmpty(m[1], m[2], m[3])))
	}
	return out
}

func speakers(s string) []string {
	var out []string
	for _, m := range attribution.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.TrimSpace(corpus.FirstNonEmpty(m[1], m[2])))
	}
	return out
}
