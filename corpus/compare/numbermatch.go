package compare

import (
	"regexp"
	"strings"
)

// numMatchesIn appends to out what re.FindAllStringSubmatchIndex(s, -1)
// returns for the number pattern re, shifted by off, given that pattern
// anchored (at). The unanchored search tries every byte of s against the
// whole pattern; a match of it can only start at a currency sign or at a
// word boundary before a digit or the first letter of "between", "from"
// or a number word, so the anchored pattern is tried there alone, left to
// right, going on after each match as FindAll does. At a word's first
// byte the anchored pattern's \b sees the same boundary as the whole
// text's (TestNumMatchesAsFindAll).
func numMatchesIn(at *regexp.Regexp, s string, off int, out [][]int) [][]int {
	for i := 0; i < len(s); {
		if !mayStartNumber(s, i) {
			i++
			continue
		}
		m := at.FindStringSubmatchIndex(s[i:])
		if m == nil {
			i++
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i + off
			}
		}
		out = append(out, m)
		// The pattern matches no empty text; were it to, go on by a byte.
		i = max(m[1]-off, i+1)
	}
	return out
}

// mayStartNumber reports whether a match of the number pattern may start
// at s[i] (s lower-cased): "$", the lead byte of "€" or "£" (and of other
// runes), or, after a byte that is not an ASCII letter, digit or "_", a
// digit, "between", "from" or a number word ("a" followed by no letter
// but a scale word's).
func mayStartNumber(s string, i int) bool {
	c := s[i]
	switch {
	case c == '$' || c == 0xE2 || c == 0xC2: // "€" is E2 82 AC, "£" C2 A3
		return true
	case i > 0 && isWordByte(s[i-1]):
		return false
	case '0' <= c && c <= '9':
		return true
	}
	switch c {
	case 'a':
		// "a" as a word, or run on into a scale word ("amillion").
		return i+1 == len(s) || !isWordByte(s[i+1]) || hasAnyPrefix(s[i+1:], scaleStarts)
	case 'b', 'd', 'e', 'f', 'n', 'o', 's', 't':
		return hasAnyPrefix(s[i:], wordStarts)
	}
	return false
}

// wordStarts are the beginnings of the words that open a match of the
// number pattern, bar "a": "between", "from" and its number words.
var wordStarts = []string{"between", "from", "dozen", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirt", "fift", "forty", "twenty", "ninety"}

// scaleStarts are the scale words of the number pattern, which may follow
// a number word without a space.
var scaleStarts = []string{"dozen", "hundred", "thousand", "million", "billion", "trillion", "bn", "mln", "mn", "k", "tn"}

// hasAnyPrefix reports whether s begins with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII word character, as \b sees it.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// windowMatchesIf is windowMatches when may is set, else nothing.
func windowMatchesIf(may bool, re *regexp.Regexp, s string, wins [][2]int) [][]int {
	if !may {
		return nil
	}
	return windowMatches(re, s, wins)
}
