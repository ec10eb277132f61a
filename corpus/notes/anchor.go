package notes

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
)

// contextRunes is how many characters of context an anchor keeps on each
// side of its quote.
const contextRunes = 32

// TextHash returns the hex SHA-256 of an article text, as Article.Hash.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

func articleHash(a *corpus.Article) string {
	if a.Hash != "" {
		return a.Hash
	}
	return TextHash(a.Text)
}

// NewAnchor anchors the byte range [start, end) of an article: the range
// (clamped to the text and widened to whole characters), the exact quote,
// up to 32 characters of context on each side, the text's hash (also as
// the text the passage is made on), and the article's outlet and title.
func NewAnchor(a *corpus.Article, start, end int) Anchor {
	text := a.Text
	if start > end {
		start, end = end, start
	}
	start = max(0, min(start, len(text)))
	end = max(0, min(end, len(text)))
	for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return Anchor{
		Article: a.ID,
		Hash:    articleHash(a),
		Start:   start,
		End:     end,
		Quote:   text[start:end],
		Prefix:  lastRunes(text[:start], contextRunes),
		Suffix:  firstRunes(text[end:], contextRunes),
		Outlet:  a.Outlet,
		Title:   a.Title,
		MadeOn:  articleHash(a),
	}
}

// madeOn is the text a new note on the passage a is made on: the one the
// anchor says, else the one it is placed on.
func madeOn(a Anchor) string {
	if a.MadeOn != "" {
		return a.MadeOn
	}
	return a.Hash
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
