package notes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/textdist"
)

// An approximate match is the cheapest alignment of the quote's bytes, and
// that can begin or end inside a word: with "reportedly" inserted after the
// quote's first word, substituting that word's letters costs less than
// inserting a new word, and the match begins "rtedly would…". A passage the
// user chose on word boundaries is put back on word boundaries: snapWords
// tries the word starts and ends near the match and keeps the span that
// keeps most of the quote's words in order and adds fewest.

// snapReach is how many words either side of an approximate match's ends
// snapWords considers.
const snapReach = 3

// snapWords moves an approximate match [s, e) of quote in text onto word
// boundaries, at its start when the quote began on one (startWord) and at
// its end when it ended on one (endWord).
func snapWords(text string, s, e int, quote string, startWord, endWord bool) (int, int) {
	if !startWord && !endWord {
		return s, e
	}
	lo, hi := max(0, s-40*snapReach), min(len(text), e+40*snapReach)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	spans := wordSpans(text[lo:hi], lo)
	if len(spans) == 0 {
		return s, e
	}
	starts, ends := []int{s}, []int{e}
	if startWord {
		starts = nearBounds(spans, s, true)
	}
	if endWord {
		ends = nearBounds(spans, e, false)
	}
	want := words(quote)
	bs, be, found := s, e, false
	var best [4]int
	for _, cs := range starts {
		for _, ce := range ends {
			if cs >= ce {
				continue
			}
			got := words(text[cs:ce])
			// Most of the quote's words kept, then fewest words added,
			// then fewest edits, then nearest the match.
			kept := textdist.LCSLength(want, got)
			k := [4]int{-kept, len(got) - kept, textdist.Levenshtein(want, got), abs(cs-s) + abs(ce-e)}
			if !found || less(k, best) {
				bs, be, best, found = cs, ce, k, true
			}
		}
	}
	return bs, be
}

func less(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// nearBounds returns the word starts (start) or ends near pos: those of
// the snapReach words before and after it, and of the word holding it.
func nearBounds(spans [][2]int, pos int, start bool) []int {
	// i is the first word ending after pos.
	i := 0
	for i < len(spans) && spans[i][1] <= pos {
		i++
	}
	var out []int
	for j := max(0, i-snapReach); j < min(len(spans), i+snapReach+1); j++ {
		if start {
			out = append(out, spans[j][0])
		} else {
			out = append(out, spans[j][1])
		}
	}
	return out
}

// wordSpans are the byte spans of the words of s (runs of letters and
// digits, apostrophes inside), offset by off.
func wordSpans(s string, off int) [][2]int {
	var out [][2]int
	in := -1
	for i, r := range s {
		w := isWordRune(r) || (in >= 0 && (r == '\'' || r == '’'))
		switch {
		case w && in < 0:
			in = i
		case !w && in >= 0:
			out = append(out, [2]int{off + in, off + i})
			in = -1
		}
	}
	if in >= 0 {
		out = append(out, [2]int{off + in, off + len(s)})
	}
	return out
}

// words are the lower-cased words of s.
func words(s string) []string {
	var out []string
	for _, sp := range wordSpans(s, 0) {
		out = append(out, strings.ToLower(s[sp[0]:sp[1]]))
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// onWordStart reports whether a quote began with a whole word: a word
// rune with no word rune before it. A quote that begins with punctuation
// is left where the match puts it. onWordEnd likewise for its end.
func onWordStart(prefix, quote string) bool {
	r, _ := utf8.DecodeRuneInString(quote)
	p, _ := utf8.DecodeLastRuneInString(prefix)
	return isWordRune(r) && (prefix == "" || !isWordRune(p))
}

func onWordEnd(quote, suffix string) bool {
	r, _ := utf8.DecodeLastRuneInString(quote)
	n, _ := utf8.DecodeRuneInString(suffix)
	return isWordRune(r) && (suffix == "" || !isWordRune(n))
}
