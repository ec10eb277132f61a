package compare

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// piece is one part of a word (hyphenated words are split into parts).
type piece struct {
	text  string // as written
	fold  string // folded
	cap   bool   // starts with a capital letter
	first bool   // first word of the sentence
	code  bool   // mixes letters and digits ("9M729")
	num   bool   // a number
	start int
	end   int
}

// toPieces tokenizes s and splits hyphenated words into parts; codes such
// as "F-16" and numbers stay whole.
func toPieces(s string) []piece {
	return appendPieces(nil, tokenize(s), s)
}

// appendPieces appends the pieces of s, whose words are ws, to out.
func appendPieces(out []piece, ws []word, s string) []piece {
	out = slices.Grow(out[:0], len(ws)+4)
	for wi, w := range ws {
		t := w.text
		code, num, hyphen := wordShape(t)
		if code {
			out = append(out, piece{text: t, fold: strings.ReplaceAll(fold(t), "-", ""), code: true, first: wi == 0, start: w.start, end: w.end})
			continue
		}
		if num {
			out = append(out, piece{text: t, fold: t, num: true, first: wi == 0, start: w.start, end: w.end})
			continue
		}
		r0, _ := utf8.DecodeRuneInString(t)
		if !hyphen {
			out = append(out, piece{text: t, fold: fold(t), cap: unicode.IsUpper(r0), first: wi == 0, start: w.start, end: w.end})
			continue
		}
		out = appendParts(out, w, wi == 0, s)
	}
	return out
}

// appendParts appends the pieces of a hyphenated word w of s, its parts.
func appendParts(out []piece, w word, first bool, s string) []piece {
	off := w.start
	for _, part := range strings.FieldsFunc(w.text, func(r rune) bool { return r == '-' || r == '‑' }) {
		i := strings.Index(s[off:], part)
		st := off + i
		r, _ := utf8.DecodeRuneInString(part)
		out = append(out, piece{text: part, fold: fold(part), cap: unicode.IsUpper(r), first: first, start: st, end: st + len(part)})
		off = st + len(part)
	}
	return out
}

// features is what the matcher compares of one sentence.
type features struct {
	terms []string // sorted unique terms: stems, "~concept", "@entity", "#code"
	// lids are the terms' ids local to the analyzer that made them (see
	// analyzer.localID), so the caller can intern terms without hashing
	// each string again.
	lids   []int32
	surf   []string // a surface form per term, for evidence
	names  []bool   // per term: a name (entity, capitalised word or code)
	nums   []Quantity
	dates  []Date
	quotes []quote
	neg    bool
	words  int
	// clauses are the terms of each clause, as indices into terms, when
	// there is more than one.
	clauses [][]int32
	// side marks the clauses that do not state the sentence's claim (see
	// sideFlags), for its first maxSideClauses clauses.
	side sideFlags
	// clauseAt are the byte offsets where the clauses start, when there
	// is more than one and the analyzer's wantClauseAt is set (see
	// backClauses).
	clauseAt []int32
	// bigrams and trigrams are sorted hashes of consecutive word stems
	// (stop words included); seq the stems in order, unigrams their set;
	// chars the sorted hashes of character trigrams. Only the pair matcher
	// uses them.
	bigrams, trigrams []uint32
	fourgrams         []uint32
	unigrams          []uint32 // the sorted unique values of seq
	seq               []uint32
	chars             []uint32
	// toks are the words in order, for the pair matcher's word alignment
	// (not computed when noNgrams is set).
	toks []ptok
}

// ptok is one word of a sentence for the pair matcher's alignment.
type ptok struct {
	h    uint32 // seqHash: the stem, or its concept
	term string // the content term ("" for stop words and numbers)
	fold string // folded, possessive stripped
	num  bool   // a number
	cap  bool   // capitalised and not the first word
}

// quote is a quoted stretch of a sentence as hashes of its word stems.
type quote struct {
	text  string
	stems []uint32
}

// analyzer turns sentences into features. It is not safe for concurrent
// use; each goroutine gets its own (they share the read-only lexicon).
type analyzer struct {
	lx    *lexicon
	acr   map[string][]acronym // by first folded part of the expansion
	cache map[string]wordInfo
	// written indexes writtenWords, what appendWordPieces learns of a
	// word, by the word as written (a small map is quicker to search).
	written      map[string]int32
	writtenWords []writtenWord
	hashes       map[string]uint32
	stems        map[string]string

	// local numbers the terms this analyzer has seen (localID).
	local map[string]int32

	lastAlias string // set by matchAlias
	// acrSwapped says acr was replaced after words were cached: their
	// wordInfo.acronym may be stale.
	acrSwapped bool
	pieces     []piece
	words      []word
	noNgrams   bool // skip n-gram hashes (Analyze does not use them)
	// wantClauseAt asks for features.clauseAt, which only backClauses
	// reads, for the few sentences it asks about.
	wantClauseAt bool

	// Reused per sentence: term occurrences, their order by term and the
	// index of each one's term, clause numbers, and the words and pieces
	// of a quotation.
	occs   []occ
	infos  []wordInfo // by piece: its word (not for numbers and codes)
	byTerm []int32
	keys   []termKey
	termOf []int32
	clause []int
	// firstRaw is, by clause of the sentence, the raw clause (of
	// appendClauseStarts) it starts with.
	firstRaw []int
	qwords   []word
	qpieces  []piece
	qstems   []uint32
}

type wordInfo struct {
	term string // "" for a stop word
	lid  int32  // the term's localID
	neg  bool
	// ends says the word ends a discourse connective, so the word before
	// it must be checked against discourse.
	ends bool
	stop bool // the folded word, as written, is a stop word (isStop)
	// scale says the folded word holds one of scaleWords.
	scale bool
	// relative says the word is a relative pronoun (relativePronouns);
	// reports that it is a verb of attribution (isReporting).
	relative, reports bool
	// alias says a name of the alias table may open at the word
	// (matchAlias has candidates for it).
	alias bool
	// clause says the word opens a clause (clauseWords).
	clause bool
	// common says the background frequency of term is not 0.
	common bool
	// acronym says an acronym's expansion may open at the word (an.acr
	// holds it; not kept up to date once acrSwapped).
	acronym bool
}

func newAnalyzer(lx *lexicon, acr map[string][]acronym) *analyzer {
	return &analyzer{lx: lx, acr: acr, cache: make(map[string]wordInfo, 4096), hashes: make(map[string]uint32, 4096), stems: make(map[string]string, 4096),
		local: make(map[string]int32, 4096), written: make(map[string]int32, 4096)}
}

// hasQuoteMark reports whether s holds an opening quotation mark: it is
// strings.ContainsAny(s, "\"“«‘") without decoding every rune of s (a
// mark's encoding cannot start inside another rune's).
func hasQuoteMark(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "“") || strings.Contains(s, "«") || strings.Contains(s, "‘")
}

// quoteMark returns the closing mark of an opening quotation mark and the
// least length of a quotation it opens (single quotes, which are also
// apostrophes, need more); ok is false for other runes.
func quoteMark(r rune) (closing rune, least int, ok bool) {
	switch r {
	case '"':
		return '"', 8, true
	case '“':
		return '”', 8, true
	case '«':
		return '»', 8, true
	case '‘':
		return '’', 12, true
	}
	return 0, 0, false
}

// findQuotes returns the quoted stretches of s: text between an opening
// quotation mark and its closing mark, long enough to be a quotation.
func findQuotes(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, sz := utf8.DecodeRuneInString(s[i:])
		closing, least, ok := quoteMark(r)
		if !ok {
			i += sz
			continue
		}
		j := strings.IndexRune(s[i+sz:], closing)
		if j < 0 {
			i += sz
			continue
		}
		q := s[i+sz : i+sz+j]
		if len(q) >= least {
			out = append(out, q)
			i += sz + j + utf8.RuneLen(closing)
			continue
		}
		i += sz
	}
	return out
}

// discourse are two-word connectives whose second word, a content word
// elsewhere, says nothing about the claim ("of course", "in fact"); the
// first word is a stop word already.
var discourse = map[string]bool{
	"of course": true, "in fact": true, "as well": true, "so far": true,
	"for example": true, "for instance": true, "in particular": true,
	"in addition": true, "in turn": true, "other hand": true, "in general": true,
	"at times": true, "by far": true, "no doubt": true,
}

// connectiveEnds are the second words of discourse.
var connectiveEnds = func() map[string]bool {
	m := map[string]bool{}
	for k := range discourse {
		m[k[strings.IndexByte(k, ' ')+1:]] = true
	}
	return m
}()

// word maps a folded word to its term.
func (an *analyzer) word(f string) wordInfo {
	if wi, ok := an.cache[f]; ok {
		return wi
	}
	wi := wordInfo{ends: connectiveEnds[f], stop: isStop(f), scale: holdsScaleWord(f), clause: clauseWords[f], acronym: len(an.acr[f]) > 0,
		relative: relativePronouns[f], reports: isReporting(f)}
	if sp := stripPossessive(f); len(an.lx.aliases[f]) > 0 || (sp != f && len(an.lx.aliases[sp]) > 0) {
		wi.alias = true
	}
	w := stripPossessive(f)
	switch {
	case negations[w] || strings.HasSuffix(w, "n't"):
		wi.neg = true
	case isStop(w) || utf8.RuneCountInString(w) < 2:
	default:
		st := english.Stem(an.lx.spell(w), false)
		if c, ok := an.lx.concepts[st]; ok {
			st = c
		}
		wi.term = st
		wi.lid = an.localID(st)
		wi.common = an.lx.bg[st] != 0
	}
	an.cache[f] = wi
	return wi
}

// occ is an occurrence of a term in a sentence being analysed.
type occ struct {
	term, surf string
	name       bool
	clause     int
	lid        int32 // the term's localID
}

// analyze computes the features of one sentence.
func (an *analyzer) analyze(s string) features {
	var ft features
	an.analyzeInto(&ft, s)
	return ft
}

// analyzeInto computes the features of one sentence into ft, reusing the
// backing arrays of its terms, surface forms and clauses (which the caller
// must not hold on to); everything else is newly made.
func (an *analyzer) analyzeInto(ft *features, s string) {
	an.words = appendWords(an.words[:0], s)
	an.pieces, an.infos = an.appendWordPieces(an.pieces[:0], an.infos[:0], an.words, s)
	ps, infos := an.pieces, an.infos
	terms, surf, lids, cl := ft.terms[:0], ft.surf[:0], ft.lids[:0], ft.clauses[:0]
	*ft = features{}
	ft.words = len(ps)
	occs := slices.Grow(an.occs[:0], len(ps))
	an.clause = appendClauseStarts(an.clause[:0], s, ps, infos)
	clause := an.clause
	// In Title Case lines capitals do not mark names.
	caps, lower := 0, 0
	for i, p := range ps {
		if p.cap {
			caps++
		} else if !p.num && !p.code && !infos[i].stop {
			lower++
		}
	}
	titleCase := caps >= 3 && lower <= caps/3
	if !an.noNgrams {
		seq := make([]uint32, 0, len(ps))
		for _, p := range ps {
			seq = append(seq, an.seqHash(p.fold))
		}
		ft.bigrams = ngrams(seq, 2)
		ft.trigrams = ngrams(seq, 3)
		ft.seq = seq
		ft.unigrams = slices.Compact(slices.Sorted(slices.Values(seq)))
		ft.fourgrams = ngrams(seq, 4)
		ft.chars = charTrigrams(fold(s))
		ft.toks = make([]ptok, len(ps))
		for i, p := range ps {
			t := ptok{h: seq[i], fold: stripPossessive(p.fold), num: p.num, cap: p.cap && !p.first}
			if p.code {
				t.term = "#" + p.fold
			} else if !p.num {
				t.term = infos[i].term
			}
			ft.toks[i] = t
		}
	}
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		// A word no alias opens at is not looked up again (numbers and
		// codes are).
		na := 0
		if p.num || p.code || infos[i].alias {
			na = an.matchAlias(ps, i)
		}
		if na > 0 {
			t := "@" + an.lastAlias
			occs = append(occs, occ{t, s[p.start:ps[i+na-1].end], true, clause[i], an.localID(t)})
			i += na - 1
			continue
		}
		// Nor for an acronym's expansion.
		if p.num || p.code || infos[i].acronym || an.acrSwapped {
			if n, t := an.matchAcronym(ps, i); n > 0 {
				occs = append(occs, occ{t, s[p.start:ps[i+n-1].end], true, clause[i], an.localID(t)})
				i += n - 1
				continue
			}
		}
		switch {
		case p.num:
			continue
		case p.code:
			t := "#" + p.fold
			occs = append(occs, occ{t, p.text, true, clause[i], an.localID(t)})
			continue
		}
		wi := infos[i]
		if wi.ends && i > 0 && discourse[ps[i-1].fold+" "+p.fold] {
			continue // "of course", "in fact": no claim in them
		}
		if wi.neg {
			ft.neg = true
		}
		if wi.term == "" {
			continue
		}
		name := p.cap && !titleCase && (!p.first || !wi.common)
		if p.cap && isUpperText(p.text) && len(p.text) >= 2 {
			name = true // an acronym
		}
		occs = append(occs, occ{wi.term, p.text, name, clause[i], wi.lid})
	}
	an.groupClauses(ft, cl, occs, ps, infos, clause)
	// The occurrences in order of their terms, in sentence order within a
	// term (a stable sort of their indices, not of the occurrences).
	byTerm := an.sortByTerm(occs)
	n := 0
	for i, k := range byTerm {
		if i == 0 || occs[byTerm[i-1]].lid != occs[k].lid {
			n++
		}
	}
	terms, surf, lids = slices.Grow(terms, n), slices.Grow(surf, n), slices.Grow(lids, n)
	ft.names = make([]bool, 0, n)
	termOf := slices.Grow(an.termOf[:0], len(occs))[:len(occs)]
	for i, k := range byTerm {
		o := &occs[k]
		if i > 0 && occs[byTerm[i-1]].lid == o.lid {
			if o.name {
				ft.names[len(ft.names)-1] = true
			}
			termOf[k] = int32(len(terms) - 1)
			continue
		}
		termOf[k] = int32(len(terms))
		terms = append(terms, o.term)
		surf = append(surf, o.surf)
		lids = append(lids, o.lid)
		ft.names = append(ft.names, o.name)
	}
	ft.terms, ft.surf, ft.lids = terms, surf, lids
	for _, c := range ft.clauses {
		for i, k := range c {
			c[i] = termOf[k]
		}
	}
	clear(occs) // drop the strings held
	an.infos = infos[:0]
	an.occs, an.byTerm, an.termOf = occs[:0], byTerm[:0], termOf[:0]
	ft.dates = ExtractDates(s)
	if hasDigit(s) || an.mentionsScale(s, ps, infos) {
		ft.nums = quantitiesIn(s, ft.dates, false)
	}
	if hasQuoteMark(s) {
		for _, q := range findQuotes(s) {
			if st := an.quoteStems(q); len(st) >= 3 {
				ft.quotes = append(ft.quotes, quote{text: q, stems: slices.Clone(st)})
			}
		}
	}
}

// stem returns the cached stem of a folded word (stop words included).
func (an *analyzer) stem(f string) string {
	if st, ok := an.stems[f]; ok {
		return st
	}
	st := english.Stem(an.lx.spell(stripPossessive(f)), false)
	an.stems[f] = st
	return st
}

// seqHash is the hash of a folded word's stem (stop words included), for
// n-gram overlap.
func (an *analyzer) seqHash(f string) uint32 {
	if h, ok := an.hashes[f]; ok {
		return h
	}
	st := an.stem(f)
	if c, ok := an.lx.concepts[st]; ok {
		st = c
	}
	h := fnv32(st)
	an.hashes[f] = h
	return h
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// charTrigrams returns the sorted unique hashes of the character
// trigrams of s's letters and digits (other characters as one space).
func charTrigrams(s string) []uint32 {
	var b []byte
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 {
			b = append(b, c)
			space = false
		} else if !space {
			b = append(b, ' ')
			space = true
		}
	}
	if len(b) < 3 {
		return nil
	}
	out := make([]uint32, 0, len(b)-2)
	for i := 0; i+3 <= len(b); i++ {
		out = append(out, uint32(b[i])<<16|uint32(b[i+1])<<8|uint32(b[i+2]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ngrams returns the sorted unique hashes of the n-grams of seq.
func ngrams(seq []uint32, n int) []uint32 {
	if len(seq) < n {
		return nil
	}
	out := make([]uint32, 0, len(seq)-n+1)
	for i := 0; i+n <= len(seq); i++ {
		h := uint32(2166136261)
		for _, x := range seq[i : i+n] {
			h = (h ^ x) * 16777619
		}
		out = append(out, h)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// matchAlias returns how many pieces from i form a name of the alias table
// (0 when none) and leaves the entity id in an.lastAlias.
func (an *analyzer) matchAlias(ps []piece, i int) int {
	cands := an.lx.aliases[ps[i].fold]
	if len(cands) == 0 {
		// "Russia's": the possessive does not hide the name.
		f := stripPossessive(ps[i].fold)
		if f == ps[i].fold {
			return 0
		}
		cands = an.lx.aliases[f]
	}
outer:
	for _, c := range cands {
		if i+len(c.toks) > len(ps) {
			continue
		}
		for k, t := range c.toks {
			p := ps[i+k]
			got := p.fold
			if k == len(c.toks)-1 {
				got = stripPossessive(got)
			}
			if got != t {
				continue outer
			}
			if c.cs && strings.TrimSuffix(strings.TrimSuffix(p.text, "'s"), "’s") != c.exact[k] {
				continue outer
			}
		}
		an.lastAlias = c.id
		return len(c.toks)
	}
	return 0
}
