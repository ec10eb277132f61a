package frame

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells words from punctuation and quote marks.
type tokKind uint8

const (
	tokWord tokKind = iota
	tokPunct
	tokQuote // a double quotation mark of any style
)

// token is one word or punctuation mark with its byte range in the text it
// was cut from.
type token struct {
	start, end int
	text       string // surface form
	lower      string // lower-cased, typographic apostrophe folded
	kind       tokKind
}

// isCap reports whether the token starts with an upper-case letter.
func (t token) isCap() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '″':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize cuts text into words and punctuation; offsets are added to base.
// Hyphenated words and abbreviations with dots ("U.S.") stay whole; the
// clitics "'s" and "n't" become tokens of their own.
func tokenize(text string, base int) []token {
	out := make([]token, 0, len(text)/5+4)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				// Joiners inside a word: hyphen, apostrophe, and the dot of
				// an abbreviation like U.S. or U.N.
				if (r2 == '-' || isApos(r2) || r2 == '.') && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isWordRune(r3) {
						if r2 == '.' && !abbrevDot(text[i:j]) {
							break
						}
						j += s2
						continue
					}
				}
				if r2 == '.' && abbrevDot(text[i:j]) && strings.Contains(text[i:j], ".") {
					j += s2 // final dot of "U.S."
				}
				break
			}
			out = appendWord(out, text[i:j], base+i)
			i = j
		case isQuoteRune(r):
			out = append(out, token{start: base + i, end: base + i + size, text: text[i : i+size], lower: `"`, kind: tokQuote})
			i += size
		default:
			out = append(out, token{start: base + i, end: base + i + size, text: text[i : i+size], lower: text[i : i+size], kind: tokPunct})
			i += size
		}
	}
	return out
}

// abbrevDot reports whether w (so far) looks like a dotted abbreviation:
// single letters separated by dots.
func abbrevDot(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// appendWord adds a word, splitting off "'s" and "n't".
func appendWord(out []token, w string, off int) []token {
	low := lowerWord(w)
	if strings.HasSuffix(low, "n't") && len(low) > 3 {
		k := len(w) - len("n't")
		if strings.HasSuffix(w, "n’t") {
			k = len(w) - len("n’t")
		}
		out = appendWord(out, w[:k], off)
		return append(out, token{start: off + k, end: off + len(w), text: w[k:], lower: "n't", kind: tokWord})
	}
	if (strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "'")) && len(low) > 2 {
		k := strings.LastIndexAny(w, "'’")
		out = append(out, token{start: off, end: off + k, text: w[:k], lower: lowerWord(w[:k]), kind: tokWord})
		return append(out, token{start: off + k, end: off + len(w), text: w[k:], lower: "'s", kind: tokPunct})
	}
	return append(out, token{start: off, end: off + len(w), text: w, lower: low, kind: tokWord})
}

// lowerWord lower-cases a word and folds the typographic apostrophe, without
// allocating for words that are already lower-case ASCII.
func lowerWord(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
}
