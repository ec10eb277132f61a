package compare

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// label is a short readable label for a fact: the clause of the centre
// sentence (the member most linked within the fact) that holds most of
// the weight the other members share, without its reporting frame ("X
// said that", "according to X"), trimmed to about labelLen characters.
func (x *storyScorer) label(centre int32, f []int32) string {
	cu := x.units[centre]
	// shared marks the terms of the other members with this label's stamp.
	if len(x.sharedAt) < len(x.strs) {
		x.sharedAt = make([]uint32, len(x.strs))
	}
	x.stamp++
	if x.stamp == 0 { // wrapped: forget the old stamps
		clear(x.sharedAt)
		x.stamp = 1
	}
	for _, m := range f {
		if m == centre {
			continue
		}
		for _, t := range x.units[m].terms {
			x.sharedAt[t] = x.stamp
		}
	}
	shared := func(t int32) bool { return x.sharedAt[t] == x.stamp }
	art := x.c.Articles[cu.art]
	sent := art.Sentences[cu.sent]
	text := sent.Text
	if dl := art.Dateline; dl != nil && dl.Start <= sent.Start && dl.End > sent.Start && dl.End < sent.End {
		// "DERNA, Libya — At least 42…": the dateline is where and when
		// the article was filed, not part of the claim.
		text = sent.Text[dl.End-sent.Start:]
	}
	text = strings.TrimSpace(text)
	x.labelAnalyzer()
	clauses := withPredicates(text, splitClauses(text))
	best, bestW := "", -1.0
	x.clauses = x.clauses[:0]
	for ci, cl := range clauses {
		if len(clauses) > 1 && corpus.CountWords(cl, 5) < 5 {
			continue // "apparently", "at that time": not a claim
		}
		if ci > 0 && !opensClause(cl) {
			// "…missiles that violate the parameters…": a clause that
			// opens with neither a capital nor a subject is a fragment.
			continue
		}
		if ci < len(clauses)-1 && cutAfterReporting(cl) {
			// "Governor Ilse Marant said inflation, at 7.8% in
			// February, was …": the reported claim runs on past the
			// comma; the clause holds only its first words.
			continue
		}
		if endsInReporting(cl) {
			// "…in the INF Treaty," Lavrov said.": the attribution after
			// the claim goes; "The minister went on to say:" introduces
			// the claim and is not one.
			claim := dropTrailingAttribution(cl)
			if len(clauses) > 1 && (claim == cl || utf8.RuneCountInString(claim) < minLabelClause) {
				continue
			}
			cl = claim
		}
		x.clauses = append(x.clauses, cl)
	}
	if len(x.clauses) == 1 && !weighLoneClause {
		// The only clause left wins whatever its weight (weights are
		// never negative), so its words need no look-up.
		best = x.clauses[0]
	} else {
		for _, cl := range x.clauses {
			if w := x.clauseWeight(cl, shared); w > bestW {
				best, bestW = cl, w
			}
		}
	}
	clear(x.clauses) // the strings are the sentence's; do not hold them
	x.clauses = x.clauses[:0]
	if utf8.RuneCountInString(best) < minLabelClause && (len(clauses) > 1 || best == "") {
		// A scrap of a clause says less than the sentence; a short
		// sentence is its own claim once its attribution went ("God
		// approves of nudity," she said).
		best = text
	}
	best = dropReporting(best)
	// A leading sentence adverbial ("Also,", "Of course,", "This month,",
	// "Meanwhile,") is not part of the claim; an enumeration ("Japan,
	// South Korea and …") is.
	if i := strings.Index(best, ", "); i > 0 && len(best)-i > 24 {
		if ws := strings.Fields(best[:i]); len(ws) <= 2 {
			w := strings.TrimLeft(ws[0], "\"'“”‘’«»(")
			first := fold(w)
			r, _ := utf8.DecodeRuneInString(w)
			// A word the background list does not know is an adverbial
			// ("2024,") unless it is a name: "Teixeira, who turns 29…",
			// "Jon Owen, the city's public safety director".
			unknown := x.lx.bgWord(first) == 0 && !unicode.IsUpper(r)
			said := len(ws) == 2 && isReporting(fold(ws[1])) // "Owen said, …"
			// "The guards, who were unharmed, …": a subject and its
			// relative clause, not an adverbial.
			next, _, _ := strings.Cut(best[i+2:], " ")
			subject := relativeWords[strings.ToLower(next)]
			if !subject && (isStop(first) || strings.HasSuffix(first, "ly") || unknown || said || first == "meanwhile" || first == "however" || first == "moreover") {
				best = best[i+2:]
			}
		}
	}
	best = strings.Trim(best, " \"'“”‘’«».;:,–—-")
	// A clause cut from the middle of a sentence may open with the word
	// that joined it ("and which violate the parameters…").
	for {
		w, rest, ok := strings.Cut(best, " ")
		if !ok || !clauseJoiners[strings.ToLower(w)] || utf8.RuneCountInString(rest) < minLabelClause {
			break
		}
		best = rest
	}
	if best == "" || (corpus.CountWords(best, 5) < 5 && best != text) {
		// Nothing, or a scrap, is left of the clause: the sentence it
		// came from, with its attribution dropped, says more.
		best = strings.Trim(dropTrailingAttribution(dropReporting(text)), " \"'“”‘’«».;:,–—-")
	}
	if best == "" {
		return ""
	}
	if !utf8.ValidString(best) {
		r := []rune(best) // invalid bytes become U+FFFD
		r[0] = unicode.ToUpper(r[0])
		return trimTo(string(r), labelLen)
	}
	if r, sz := utf8.DecodeRuneInString(best); unicode.ToUpper(r) != r {
		best = string(unicode.ToUpper(r)) + best[sz:]
	}
	return trimTo(best, labelLen)
}

// weighLoneClause makes label weigh a lone clause too, for the test that
// skipping it changes no label.
var weighLoneClause = false

// clauseWeight sums the weights of a clause's shared content words; who
// speaks and how does not count.
func (x *storyScorer) clauseWeight(cl string, shared func(int32) bool) float64 {
	w := 0.0
	x.words = appendWords(x.words[:0], cl)
	for _, wd := range x.words {
		t, ok := x.labelTerm(wd.text)
		if !ok {
			continue
		}
		if shared(t) && (!x.isName[t] || x.contentName(t)) {
			w += x.wts[t]
		}
	}
	return w
}

// labelTerm returns the term id of a word of a label as written, false
// for a verb of attribution (who speaks and how is not the claim), a stop
// word or a term no sentence of the corpus holds; the answers are kept
// per scorer, as labels of one story share most of their words.
func (x *storyScorer) labelTerm(w string) (int32, bool) {
	if t, ok := x.labelTerms[w]; ok {
		return t, t >= 0
	}
	t := int32(-1)
	if fw := fold(w); !isReporting(fw) {
		if wi := x.an.word(fw); wi.term != "" {
			if id, ok := x.vocab[wi.term]; ok {
				t = id
			}
		}
	}
	if x.labelTerms == nil {
		x.labelTerms = map[string]int32{}
	}
	// w is part of a sentence's text, which the corpus holds throughout.
	x.labelTerms[w] = t
	return t, t >= 0
}

// labelLen is the length a fact label is trimmed to.
const labelLen = 60

// subjectWords open a clause that can stand alone as a label.
var subjectWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "you": true, "its": true, "his": true, "her": true, "their": true,
	"our": true, "my": true, "there": true, "some": true, "many": true, "most": true, "all": true, "both": true,
	"no": true, "several": true, "each": true, "every": true, "one": true, "two": true, "three": true,
}

// opensClause reports whether a clause cut from a sentence opens like a
// sentence: with a capital (a name, a quotation), a figure, or a subject
// word, once a joining word is dropped.
func opensClause(cl string) bool {
	// The first two fields, as strings.Fields gives them, past the joiners.
	s := strings.Trim(cl, " \"'“”‘’«»")
	w0, i := nextField(s, 0)
	if w0 == "" {
		return false
	}
	w1, j := nextField(s, i)
	for w1 != "" && clauseJoiners[strings.ToLower(w0)] {
		w0, i = w1, j
		w1, j = nextField(s, i)
	}
	w := strings.Trim(w0, "\"'“”‘’«»(")
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) && strings.HasSuffix(w, ",") && w1 != "" && relativeWords[strings.ToLower(w1)] {
		// "…Jose Luis Orozco, 27, who is considered armed": an age
		// and a relative clause go with the name before them.
		return false
	}
	if strings.HasSuffix(w, ".,") {
		// "…in Miami, Fla., where the plan…", "…Sen. Joe Manchin,
		// D-W.Va., said…": an abbreviation set off by commas goes with
		// the name before it.
		return false
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || subjectWords[strings.ToLower(w)]
}

// splitClauses splits a sentence at clause punctuation (commas, semicolons,
// colons, dashes, parentheses) into non-empty parts of the original text;
// a part shorter than minClause characters stays joined to the next one
// (the last to the previous). Commas inside numbers ("5,500") do not
// split.
func splitClauses(s string) []string {
	const minClause = 24
	var cuts []int // byte offsets where a clause ends
	prev := rune(0)
	// A short parenthesis ("(48 miles)", "(INF)") glosses the words before
	// it and is not a clause: no cut at its brackets, nor inside.
	skipTo := -1
	for i, r := range s {
		if i < skipTo {
			prev = r
			continue
		}
		split := false
		switch r {
		case '(':
			if j := strings.IndexByte(s[i:], ')'); j > 0 && utf8.RuneCountInString(s[i:i+j]) <= minClause {
				skipTo = i + j + 1
				prev = r
				continue
			}
			split = true
		case ';', '—', ')':
			split = true
		case ':':
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			split = !(unicode.IsDigit(prev) && unicode.IsDigit(next)) // "5:40 a.m."
		case '–':
			split = prev == ' '
		case ',':
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			split = !(unicode.IsDigit(prev) && unicode.IsDigit(next))
		}
		if split {
			cuts = append(cuts, i)
		}
		prev = r
	}
	cuts = append(cuts, len(s))
	var out []string
	start := 0
	for _, c := range cuts {
		part := strings.TrimSpace(strings.TrimLeft(s[start:c], ",;:—–() "))
		if utf8.RuneCountInString(part) < minClause && c < len(s) {
			continue // too short: keep going to the next cut
		}
		if part != "" {
			out = append(out, part)
		}
		start = c
	}
	if n := len(out); n >= 2 && utf8.RuneCountInString(out[n-1]) < minClause {
		// A short last part joins the previous one.
		i := strings.LastIndex(s, out[n-2])
		out = append(out[:n-2], strings.TrimSpace(s[i:]))
	}
	return out
}

// reportingVerbs are the verbs of attribution a label drops with what
// precedes them (lang.LabelReportingVerbs says why they are not frame's
// lexicon).
func reportingVerbs() []string { return lang.LabelReportingVerbs() }

// isReporting reports whether a folded word is a verb of attribution.
func isReporting(w string) bool {
	return reportingSet()[w]
}

// isReportingWord is isReporting(fold(w)), lowering an ASCII word (whose
// fold is its lower case) into an array rather than a new string.
func isReportingWord(w string) bool {
	var b [24]byte
	if len(w) > len(b) {
		return isReporting(fold(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return isReporting(fold(w))
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return reportingSet()[string(b[:len(w)])]
}

// endsInReporting reports whether a clause ends with a verb of
// attribution ("…went on to say:", "…the ministry said").
func endsInReporting(cl string) bool {
	ws, n := lastFields(strings.TrimRight(cl, " \"'“”‘’«».;:,–—-"))
	return n > 0 && isReportingWord(ws[n-1])
}

// withPredicates joins to each clause the next one when that one opens
// with its predicate: "Teixeira, who turns 29 on April 11" + "has averaged
// more than 30 home runs" is one claim about Teixeira, and the first part
// alone says only who he is. The clauses are parts of text, in order.
func withPredicates(text string, clauses []string) []string {
	at := 0
	var out []string
	for k := 0; k < len(clauses); k++ {
		i := strings.Index(text[at:], clauses[k])
		if i < 0 {
			return clauses
		}
		start := at + i
		end := start + len(clauses[k])
		for k+1 < len(clauses) && opensWithPredicate(clauses[k+1]) {
			j := strings.Index(text[end:], clauses[k+1])
			if j < 0 {
				return clauses
			}
			end += j + len(clauses[k+1])
			k++
		}
		out = append(out, text[start:end])
		at = end
	}
	return out
}

// predicateWords open a predicate: the verbs that most often follow a
// subject set off by commas ("Ortiz, a gang enforcement officer, was …").
var predicateWords = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "have": true,
	"will": true, "would": true, "could": true, "can": true, "may": true, "might": true,
	"must": true, "should": true, "did": true, "does": true,
}

// opensWithPredicate reports whether a clause cut from a sentence opens
// with a verb: a predicate word, or a past form ("confessed", "declined")
// — not with a subject, a joiner or a preposition.
func opensWithPredicate(cl string) bool {
	cl = strings.TrimLeft(cl, " \"'“”‘’«»(")
	// The rest of an apposition the clause splitter left in front ("46,
	// was injured", "a missile-frigate, had sunk…"): the predicate
	// follows it.
	if i := strings.Index(cl, ", "); i > 0 && corpus.CountWords(cl[:i], 3) <= 3 && opensWithPredicate(cl[i+2:]) {
		return true
	}
	w, _, _ := strings.Cut(cl, " ")
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	w = strings.TrimRight(w, ",;:")
	if isReporting(w) {
		// "…, said Larry Waldie" is an attribution, and "…, said a
		// tearful relative" one too, however like "…, said his client
		// was…" it reads.
		return false
	}
	return predicateWords[w] || (strings.HasSuffix(w, "ed") && len(w) > 4 && !clauseJoiners[w])
}

// cutAfterReporting reports whether a clause ends one or two words after
// a verb of attribution ("… said inflation"): what was said goes on in the
// next clause.
func cutAfterReporting(cl string) bool {
	ws, n := lastFields(strings.TrimRight(cl, " \"'“”‘’«».;:,–—-"))
	for k := n - 2; k >= 0; k-- {
		if isReportingWord(ws[k]) {
			return true
		}
	}
	return false
}

// relativeWords open a relative clause.
var relativeWords = map[string]bool{"who": true, "whom": true, "whose": true, "which": true}

// clauseJoiners are the words that join a clause to the one before it.
var clauseJoiners = map[string]bool{"and": true, "but": true, "or": true, "which": true, "who": true, "whom": true, "while": true, "whereas": true}

// minLabelClause is the least length of a clause that can stand as a
// label once its attribution is dropped.
const minLabelClause = 24

// dropTrailingAttribution removes an attribution that follows the claim
// after a comma ("…in the INF Treaty," Lavrov said." → "…in the INF
// Treaty"): the text up to the last comma within a few words of the end.
// A clause without such a comma is returned as it is.
func dropTrailingAttribution(cl string) string {
	t := strings.TrimRight(cl, " .;:")
	i := strings.LastIndex(t, ",")
	if i < 0 || corpus.CountWords(t[i+1:], 6) > 6 {
		return cl
	}
	return strings.TrimRight(t[:i], " \"'“”‘’«»")
}

// reportingSet is the set of reportingVerbs, made once: isReporting runs
// for every word of every fact label.
var reportingSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, v := range reportingVerbs() {
		m[v] = true
	}
	return m
})

// dropReporting removes a leading reporting frame: "Lavrov said on Monday
// that Russia ..." becomes "Russia ...", and a clause opening with the
// verb ("said he felt ...", its subject in an earlier clause) loses the
// verb. Otherwise only a frame ending in "that" within a few words of the
// verb is removed; the rest must be long enough to stand alone. Each verb
// counts where it first opens a word followed by a space.
func dropReporting(s string) string {
	// ASCII lower case keeps byte offsets aligned with s.
	low := lang.ASCIILower(s)
	verbs := reportingFirst()
	cut := -1
	var done uint64 // the verbs met already, by index (at most 64: TestDropReportingAsSearch)
	for i := 0; i < len(low); {
		sp := strings.IndexByte(low[i:], ' ')
		if sp < 0 {
			break // a verb must be followed by a space
		}
		for k := verbs[low[i:i+sp]]; k != nil; k = k.next {
			v := k.verb
			if done&(1<<k.index) != 0 || !strings.HasPrefix(low[i:], v) || len(low) <= i+len(v) || low[i+len(v)] != ' ' {
				continue
			}
			done |= 1 << k.index
			end := i + len(v) + 1
			rest := low[end:]
			// "said on Monday that", "told reporters that": skip to "that".
			if j := strings.Index(rest, "that "); j >= 0 && j <= 30 {
				end += j + len("that ")
			} else if i > 0 {
				continue // "X said" without "that" frames a quote after it; keep
			}
			if cut < 0 || end < cut {
				cut = end
			}
		}
		i += sp + 1
	}
	if cut < 0 || len(s)-cut < 20 {
		return s
	}
	return s[cut:]
}

// reportingVerb is a verb of attribution by its first word: its index
// among reportingVerbs, and next another verb of the same first word.
type reportingVerb struct {
	verb  string
	index int
	next  *reportingVerb
}

// reportingFirst is the verbs of attribution by their first word, made
// once: dropReporting runs for every fact label.
var reportingFirst = sync.OnceValue(func() map[string]*reportingVerb {
	m := map[string]*reportingVerb{}
	for i, v := range reportingVerbs() {
		first, _, _ := strings.Cut(v, " ")
		m[first] = &reportingVerb{verb: v, index: i, next: m[first]}
	}
	return m
})

// trimTo cuts text to about n characters at a word boundary.
func trimTo(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	// The first n runes: a prefix of s when they are valid UTF-8.
	off := 0
	for range n {
		_, sz := utf8.DecodeRuneInString(s[off:])
		off += sz
	}
	cut := s[:off]
	if !utf8.ValidString(cut) {
		cut = string([]rune(s)[:n])
	}
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// labelAnalyzer returns the scorer's own analyzer (for labels and the
// sentences read again), made on first use.
func (x *storyScorer) labelAnalyzer() *analyzer {
	if x.an == nil {
		x.an = newAnalyzer(x.lx, x.acr)
		x.an.noNgrams = true
	}
	return x.an
}
