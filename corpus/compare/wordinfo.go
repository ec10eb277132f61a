package compare

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordShape reports whether a word mixes letters and digits (a code),
// is a number (digits with separators, or digits and a hyphen), and holds
// a hyphen; ASCII words in one pass, others as hasLetterAndDigit,
// isNumeric and hasDigit say.
func wordShape(t string) (code, num, hyphen bool) {
	letter, digit, onlyNum := false, false, t != ""
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= utf8.RuneSelf:
			hyphen = strings.ContainsRune(t, '-') || strings.ContainsRune(t, '‑')
			return hasLetterAndDigit(t), isNumeric(t) || (strings.Contains(t, "-") && hasDigit(t)), hyphen
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			letter, onlyNum = true, false
		case '0' <= c && c <= '9':
			digit = true
		case c == '-':
			hyphen, onlyNum = true, false
		case c == ',' || c == '.':
		default:
			onlyNum = false
		}
	}
	return letter && digit, onlyNum || (hyphen && digit), hyphen
}

// localID numbers a term by the order this analyzer first saw it: the
// same term always gets the same number from one analyzer.
func (an *analyzer) localID(t string) int32 {
	id, ok := an.local[t]
	if !ok {
		id = int32(len(an.local))
		an.local[t] = id
	}
	return id
}

// mentionsScale is mentionsScale(s) for a sentence s of pieces ps whose
// words are infos: in ASCII text a scale word, all letters, lies within
// one word, whose lower case the word's cached scale flag looked at (a
// code's fold drops its hyphens, so codes are read as written).
func (an *analyzer) mentionsScale(s string, ps []piece, infos []wordInfo) bool {
	if !isASCII(s) {
		return mentionsScale(s)
	}
	for i, p := range ps {
		switch {
		case p.code:
			if mentionsScale(p.text) {
				return true
			}
		case !p.num && infos[i].scale:
			return true
		}
	}
	return false
}

// writtenWord is what a word as written always gives: its piece, bar the
// positions, and the piece's wordInfo (zero for numbers and codes); split
// says the word is hyphenated and gives a piece per part instead.
type writtenWord struct {
	fold                  string
	info                  wordInfo
	cap, code, num, split bool
	// stem is fnv32 of the fold's stem once a quotation asked (stemmed).
	stem    uint32
	stemmed bool
}

// quoteStems returns the stem hashes (fnv32 of an.stem) of the folds of
// the pieces of quotation q, in an.qstems. A word the written-word cache
// holds gives its fold, and keeps its hash; a word it does not hold is
// not added, which would give its term a local id out of turn.
func (an *analyzer) quoteStems(q string) []uint32 {
	an.qwords = appendWords(an.qwords[:0], q)
	st := an.qstems[:0]
	for i, w := range an.qwords {
		if k, ok := an.written[w.text]; ok && !an.writtenWords[k].split {
			ww := &an.writtenWords[k]
			if !ww.stemmed {
				ww.stem, ww.stemmed = fnv32(an.stem(ww.fold)), true
			}
			st = append(st, ww.stem)
			continue
		}
		an.qpieces = appendPieces(an.qpieces, an.qwords[i:i+1], q)
		for _, p := range an.qpieces {
			st = append(st, fnv32(an.stem(p.fold)))
		}
	}
	an.qstems = st
	return st
}

// appendWordPieces is appendPieces of the words ws of s, appending to
// infos each piece's wordInfo as well (an.word of its fold, zero for
// numbers and codes). What a word gives is looked up by the word as
// written, so a word seen before is neither folded nor looked up again.
func (an *analyzer) appendWordPieces(out []piece, infos []wordInfo, ws []word, s string) ([]piece, []wordInfo) {
	out = slices.Grow(out, len(ws)+4)
	for wi, w := range ws {
		k, ok := an.written[w.text]
		if !ok {
			k = an.learnWritten(w.text)
		}
		ww := &an.writtenWords[k]
		if ww.split {
			n := len(out)
			out = appendParts(out, w, wi == 0, s)
			for _, p := range out[n:] {
				infos = append(infos, an.word(p.fold))
			}
			continue
		}
		out = append(out, piece{text: w.text, fold: ww.fold, cap: ww.cap, code: ww.code, num: ww.num, first: wi == 0, start: w.start, end: w.end})
		infos = append(infos, ww.info)
	}
	return out, infos
}

// learnWritten works out and caches what the word t gives (see
// appendPieces), returning its index in an.writtenWords.
func (an *analyzer) learnWritten(t string) int32 {
	t = strings.Clone(t) // not to hold the sentence
	var ww writtenWord
	code, num, hyphen := wordShape(t)
	switch {
	case code:
		ww = writtenWord{fold: strings.ReplaceAll(fold(t), "-", ""), code: true}
	case num:
		ww = writtenWord{fold: t, num: true}
	case hyphen:
		ww = writtenWord{split: true}
	default:
		r0, _ := utf8.DecodeRuneInString(t)
		ww = writtenWord{fold: fold(t), cap: unicode.IsUpper(r0)}
		ww.info = an.word(ww.fold)
	}
	k := int32(len(an.writtenWords))
	an.writtenWords = append(an.writtenWords, ww)
	an.written[t] = k
	return k
}

// termKey orders an occurrence k by its term: key is the term's first
// eight bytes, big-endian, zero-padded: keys that differ order as their
// terms do.
type termKey struct {
	key uint64
	k   int32
}

// sortByTerm returns the indices of occs in order of their terms, in
// sentence order within a term (an occurrence's lid is its term's). The
// terms' first bytes, compared as one number, order most pairs.
func (an *analyzer) sortByTerm(occs []occ) []int32 {
	keys := an.keys[:0]
	for k := range occs {
		var key uint64
		t := occs[k].term
		for i := 0; i < 8; i++ {
			key <<= 8
			if i < len(t) {
				key |= uint64(t[i])
			}
		}
		keys = append(keys, termKey{key, int32(k)})
	}
	slices.SortFunc(keys, func(a, b termKey) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		if oa, ob := &occs[a.k], &occs[b.k]; oa.lid != ob.lid {
			return strings.Compare(oa.term, ob.term)
		}
		return cmp.Compare(a.k, b.k)
	})
	byTerm := an.byTerm[:0]
	for _, k := range keys {
		byTerm = append(byTerm, k.k)
	}
	an.keys = keys[:0]
	return byTerm
}

// isUpperText reports whether strings.ToUpper(s) == s, without making
// the upper case of ASCII text.
func isUpperText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.ToUpper(s) == s
		case 'a' <= c && c <= 'z':
			return false
		}
	}
	return true
}
