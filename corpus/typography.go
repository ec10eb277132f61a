package corpus

import "strings"

// FoldTypography gives the plain form of a typographic character: ASCII
// quotes and apostrophes for curly ones, "-" for dashes and the minus
// sign, "..." for an ellipsis, "" for invisible characters (soft hyphen,
// zero-width space, BOM); ok is false for every other rune. Matching a
// quote, a title or a search across outlets that write ’ or ' alike uses
// this one table.
func FoldTypography(r rune) (plain string, ok bool) {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´', 'ʼ':
		return "'", true
	case '“', '”', '„', '‟', '″', '«', '»':
		return "\"", true
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return "-", true
	case '…':
		return "...", true
	case '\u00ad', '\u200b', '\ufeff':
		return "", true
	}
	return "", false
}

// FoldTypographyIn applies FoldTypography to every character of s.
func FoldTypographyIn(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := FoldTypography(r); ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
