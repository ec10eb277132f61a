package corpus

import (
	"strings"
	"testing"
	"unicode"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		noun string
		want string
	}{
		{1, "article", "1 article"},
		{0, "article", "0 articles"},
		{3, "story", "3 stories"},
		{2, "day", "2 days"},
		{4, "match", "4 matches"},
		{2, "tagged passage", "2 tagged passages"},
		{5, "box", "5 boxes"},
		{2, "escape sequence", "2 escape sequences"},
		{3, "control character", "3 control characters"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}

// countWordsByRune is CountWords as it was written first: rune by rune.
func countWordsByRune(s string, limit int) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if n++; n > limit {
				return n
			}
		}
	}
	return n
}

func TestCountWordsByBytesIsByRunes(t *testing.T) {
	for _, l := range prefilterLines(t) {
		for _, limit := range []int{0, 1, 3, 12, 40} {
			if got, want := CountWords(l, limit), countWordsByRune(l, limit); got != want {
				t.Fatalf("CountWords(%q, %d) = %d, by runes %d", l, limit, got, want)
			}
		}
	}
	for _, l := range []string{"a\u00a0b", "a\u0085b c", "x\u3000y", "\xff \xfe", " a ", "é b"} {
		if got, want := CountWords(l, 40), countWordsByRune(l, 40); got != want {
			t.Errorf("CountWords(%q) = %d, by runes %d", l, got, want)
		}
	}
}

// TestCountWordsAsFields checks CountWords against strings.Fields (it
// was compare's countFields, the same count in a second copy).
func TestCountWordsAsFields(t *testing.T) {
	texts := []string{"", " ", "a", " a b  c ", "a\u00a0b\u2003c", "a\xffb c", "\u0085x\ty\nz", "one two three four five six seven"}
	for _, a := range Default().Articles {
		for _, s := range a.Sentences {
			texts = append(texts, s.Text)
		}
	}
	for _, s := range texts {
		for _, limit := range []int{1, 5, 7, 1000} {
			if got, want := CountWords(s, limit), min(len(strings.Fields(s)), limit+1); got != want {
				t.Errorf("CountWords(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}
