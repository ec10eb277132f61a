package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s, removes diacritics and maps typographic quotes and
// dashes to ASCII, so "Türkiye’s" and "turkiye's" compare equal.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == '‘' || r == 'ʼ' || r == '′':
			b.WriteByte('\'')
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
			b.WriteByte('"')
		case r == '–' || r == '—' || r == '‑' || r == '‐' || r == '−':
			b.WriteByte('-')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// word is one token of a sentence: a run of letters and digits with
// internal apostrophes, periods of abbreviations ("U.S.") and hyphens.
type word struct {
	text       string // as written
	start, end int    // byte offsets in the sentence
}

// asciiWordByte says which ASCII bytes are letters or digits.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tokenize splits s into words with byte offsets. Hyphenated words stay
// whole ("ground-based"); the caller splits them when it needs parts.
func tokenize(s string) []word {
	return appendWords(make([]word, 0, len(s)/5+1), s)
}

// appendWords appends the words of s to out.
func appendWords(out []word, s string) []word {
	i := 0
	for i < len(s) {
		// ASCII bytes by a table, other runes decoded.
		if c := s[i]; c < utf8.RuneSelf && !asciiWordByte[c] {
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += sz
			continue
		}
		j := i + sz
		for j < len(s) {
			r, sz := rune(s[j]), 1
			if r < utf8.RuneSelf {
				if asciiWordByte[r] {
					j++
					continue
				}
			} else {
				r, sz = utf8.DecodeRuneInString(s[j:])
			}
			if isWordRune(r) {
				j += sz
				continue
			}
			// Joiners count when a letter or digit follows: don't, U.S., ground-based, 5,500, 2.5.
			if r == '\'' || r == '’' || r == '.' || r == '-' || r == ',' || r == '‑' {
				if j+sz < len(s) {
					n, _ := utf8.DecodeRuneInString(s[j+sz:])
					if isWordRune(n) && (r != ',' || (unicode.IsDigit(n) && j > i && isDigitByte(s[j-1]))) && (r != '.' || !unicode.IsUpper(n) || isAbbrevDot(s[i:j])) {
						j += sz
						continue
					}
				}
				// The closing period of an abbreviation like "U.S." belongs to it.
				if r == '.' && strings.Contains(s[i:j], ".") && isAbbrevDot(s[i:j]) {
					j += sz
				}
			}
			break
		}
		out = append(out, word{text: s[i:j], start: i, end: j})
		i = j
	}
	return out
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// isAbbrevDot reports whether w looks like a dotted abbreviation in the
// making ("U", "U.S", "U.N"): single letters separated by periods.
func isAbbrevDot(w string) bool {
	parts := strings.Split(w, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

// splitWords splits a name from a data file into its tokens.
func splitWords(s string) []string {
	var out []string
	for _, w := range tokenize(s) {
		out = append(out, w.text)
	}
	return out
}

// negations are the stop words whose presence changes a claim.
var negations = map[string]bool{"not": true, "no": true, "never": true, "n't": true, "nor": true, "cannot": true, "won't": true, "didn't": true, "doesn't": true, "don't": true, "isn't": true, "wasn't": true, "aren't": true, "weren't": true, "hasn't": true, "haven't": true, "hadn't": true, "wouldn't": true, "couldn't": true, "shouldn't": true}

// extraStop are words the Snowball list lacks that carry no claim in news
// prose (reporting verbs and fillers are kept: they are weighted down by IDF).
var extraStop = map[string]bool{"also": true, "would": true, "could": true, "may": true, "might": true, "must": true, "shall": true, "will": true, "can": true, "one": true, "us": true, "'s": true, "s": true, "mr": true, "ms": true, "mrs": true}

// isStop reports whether a folded word is a stop word.
func isStop(w string) bool {
	return english.IsStopWord(w) || extraStop[w]
}

// stripPossessive removes a trailing 's or ' from a folded word.
func stripPossessive(w string) string {
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "'")
}

// hasLetterAndDigit reports whether w mixes letters and digits ("9M729", "F-16").
func hasLetterAndDigit(w string) bool {
	l, d := false, false
	for _, r := range w {
		if unicode.IsLetter(r) {
			l = true
		} else if unicode.IsDigit(r) {
			d = true
		}
	}
	return l && d
}

func isNumeric(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return w != ""
}
