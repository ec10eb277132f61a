package library

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/parallax-reader/parallax/corpus"
)

// normalized is the text of an article that counts when deciding whether
// it was edited: its title, headings and body paragraphs (not furniture,
// not the dateline's place and date), with typography folded (curly and
// straight quotes, dashes), no-break spaces, soft hyphens and zero-width
// characters dropped, and white space squeezed. One paragraph a line.
func normalized(a *corpus.Article) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		if p.Role == corpus.RoleFurniture {
			continue
		}
		start, end := p.Start, p.End
		t := a.Text[start:end]
		if dl := a.Dateline; dl != nil && dl.Start >= start && dl.End <= end {
			t = a.Text[start:dl.Start] + " " + a.Text[dl.End:end]
		}
		line := normalizeLine(t)
		if line == "" {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// normalizeLine folds one paragraph's typography and white space.
func normalizeLine(s string) string {
	s = corpus.FoldTypographyIn(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\ufeff' || r == '\u2060':
			continue // soft hyphen, zero-width space, BOM, word joiner
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// hashText is the hex SHA-256 of a normalised text.
func hashText(norm string) string {
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}
