package compare

import "regexp"

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
// digit or a letter that begins "a", "between", "dozen", "from" or a
// number word.
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
	case 'a', 'b', 'd', 'e', 'f', 'n', 'o', 's', 't':
		return true
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
