package compare

import (
	"strings"
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
