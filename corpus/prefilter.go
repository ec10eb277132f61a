package corpus

import "strings"

// Cheap tests run before the furniture rules' unanchored regular
// expressions. Go's engine tries such an expression at every position of
// a line, and legalRE alone was a sixth of loading time; a line that
// fails the test cannot match the expression, so what is marked does not
// change. TestPrefiltersNeverMissAMatch checks each against its
// expression.
//
// Case-insensitive expressions fold ASCII letters to themselves and
// their other case, except k (also U+212A KELVIN SIGN) and s (also U+017F
// LONG S): the words searched for below hold neither, so an ASCII
// case-insensitive search finds every spelling the expression matches.

// mayBeLegal reports whether legalRE can match t: every match holds
// "erved" (of "reserved"), "may not be", or opens, after white space,
// with ©, "(" or c.
func mayBeLegal(t string) bool {
	if containsFoldASCII(t, "erved") || containsFoldASCII(t, "may not be") {
		return true
	}
	t = strings.TrimLeft(t, " \t\n\f\r")
	return strings.HasPrefix(t, "©") || strings.HasPrefix(t, "(") || (t != "" && t[0]|0x20 == 'c')
}

// mayBeCaptionCredit reports whether captionCreditRE can match t, a line
// without white space at its end: every match ends at the line's end
// with ")" or "]", or holds ©, "/", "photo", "image" or "picture".
func mayBeCaptionCredit(t string) bool {
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case ')', ']':
		return true
	}
	return strings.Contains(t, "©") || strings.IndexByte(t, '/') >= 0 ||
		containsFoldASCII(t, "photo") || containsFoldASCII(t, "image") || containsFoldASCII(t, "picture")
}

// containsFoldASCII reports whether s holds sub, a lower-case ASCII
// string, with s's ASCII letters in either case.
func containsFoldASCII(s, sub string) bool {
	if len(sub) == 0 {
		return true
	}
	c0, u0 := sub[0], sub[0]
	if 'a' <= c0 && c0 <= 'z' {
		u0 = c0 - 'a' + 'A'
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if c := s[i]; c != c0 && c != u0 {
			continue
		}
		j := 1
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
