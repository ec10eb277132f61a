package compare

import (
	"regexp"
	"strings"
	"unicode/utf8"
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
		var m []int
		if end, ok := plainNumber(s, i); ok {
			m = []int{0, end - i, -1, -1, -1, -1, 0, end - i, -1, -1, -1, -1, end - i, end - i}
		} else {
			m = at.FindStringSubmatchIndex(s[i:])
		}
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

// plainNumber reports whether the number pattern, anchored at s[i], a
// digit, matches a plain number there and nothing around it: digits with
// thousands groups or decimals and no scale, range or unit after them
// (group 3 the number, group 6 empty at its end, the others unset). It
// returns the number's end. It answers only what it is sure of, by what
// can follow the number; anything else is for the pattern
// (TestPlainNumberAsPattern).
func plainNumber(s string, i int) (int, bool) {
	if !isDigitByte(s[i]) {
		return 0, false
	}
	j := i
	for j < len(s) && isDigitByte(s[j]) {
		j++
	}
	e := j
	// Thousands groups, each a comma and exactly three digits, after at
	// most three digits: the pattern's first choice.
	if j-i <= 3 {
		for e+3 < len(s) && s[e] == ',' && isDigitByte(s[e+1]) && isDigitByte(s[e+2]) && isDigitByte(s[e+3]) {
			e += 4
		}
		if e < len(s) && isDigitByte(s[e]) {
			return 0, false // a fourth digit: the pattern goes back
		}
	}
	if e+1 < len(s) && s[e] == '.' && isDigitByte(s[e+1]) {
		for e++; e < len(s) && isDigitByte(s[e]); e++ {
		}
	}
	if e == len(s) {
		return e, true
	}
	switch c := s[e]; {
	case c >= utf8.RuneSelf || isWordByte(c) || c == '-' || c == '%':
		// A unit or scale run on ("5km", "5bn"), a dash of a range
		// ("5–10"), a letter the pattern backs off from ("5th").
		return 0, false
	case !isRESpace(c):
		return e, true // punctuation: nothing of the pattern opens with it
	}
	k := e
	for k < len(s) && isRESpace(s[k]) {
		k++
	}
	if k == len(s) {
		return e, true
	}
	switch c := s[k]; {
	case c >= utf8.RuneSelf || c == '-' || c == '%':
		return 0, false
	case 'a' <= c && c <= 'z' && hasAnyPrefix(s[k:], numberTails):
		return 0, false
	}
	return e, true
}

// isRESpace reports whether c is in the patterns' \s: [\t\n\f\r ].
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// numberTails are the words that may follow a number in the number
// pattern, after spaces: its scales, range joiners and units, as
// prefixes ("m" and "k" stand for every word they open).
var numberTails = []string{"dozen", "hundred", "thousand", "million", "billion", "trillion", "bn", "mln", "mn", "k", "tn",
	"to", "and", "per cent", "percent", "pct", "kilomet", "km", "mile", "mi", "meter", "metre", "m", "kilogram", "kg",
	"ton", "dollar", "usd", "euro", "eur", "pound", "rouble", "ruble", "people", "person", "day", "week", "month",
	"year", "hour", "minute", "soldier", "troops", "missile", "countr", "states", "member", "share", "point", "cent"}

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

// anchoredMatches gives what a plain pattern run over each window of s
// gives (windowMatches, in the tests), for a pattern whose every match
// opens at a word boundary, at a byte where opens holds, given the
// pattern anchored at the start of the text (at): it is tried there
// alone, left to right, going on after each match as FindAll does. A
// window's text is the pattern's whole text, and a word's first byte sees
// the same boundary in the window as in the window's rest
// (TestAnchoredMatchesAsWindowMatches).
func anchoredMatches(at *regexp.Regexp, opens func(t string, i int) bool, s string, wins [][2]int) [][]int {
	var out [][]int
	for _, w := range wins {
		t := s[w[0]:w[1]]
		for i := 0; i < len(t); {
			if (i > 0 && isWordByte(t[i-1])) || !opens(t, i) {
				i++
				continue
			}
			m := at.FindStringSubmatchIndex(t[i:])
			if m == nil {
				i++
				continue
			}
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0] + i
				}
			}
			out = append(out, m)
			i = max(m[1]-w[0], i+1)
		}
	}
	return out
}

// anchoredMatchesIf is anchoredMatches when may is set, else nothing.
func anchoredMatchesIf(may bool, at *regexp.Regexp, opens func(t string, i int) bool, s string, wins [][2]int) [][]int {
	if !may {
		return nil
	}
	return anchoredMatches(at, opens, s, wins)
}

// opensMonth reports whether t[i:] opens with a month's first three
// letters, as every name and abbreviation of the date patterns does.
func opensMonth(t string, i int) bool {
	if i+3 > len(t) {
		return false
	}
	switch t[i : i+3] {
	case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// opensDigit reports whether t[i] is a digit; opensYear whether it is the
// first digit of a year of the year pattern.
func opensDigit(t string, i int) bool { return isDigitByte(t[i]) }
func opensYear(t string, i int) bool  { return t[i] == '1' || t[i] == '2' }
