package notes

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestFindQuote(t *testing.T) {
	a := article("t", "He said: “the US is to blame.”\nThe US is to blame, he said;  the US   is\nnot alone.")
	cases := []struct {
		quote string
		want  string
		err   error
	}{
		{"the US is to blame", "the US is to blame", nil},
		{"\"the US is to blame.\"", "“the US is to blame.”", nil},
		{"the UK is to blame", "", ErrQuoteNotFound},
		{"the US is\nnot alone", "the US   is\nnot alone", nil},
		{"he said", "he said", nil},
		{"is to blame", "", ErrQuoteAmbiguous},
		{"not in the text", "", ErrQuoteNotFound},
		{"   ", "", ErrQuoteNotFound},
	}
	for _, c := range cases {
		s, e, err := FindQuote(a, c.quote)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("FindQuote(%q) = %d–%d, %v; want %v", c.quote, s, e, err, c.err)
			}
			continue
		}
		if err != nil || a.Text[s:e] != c.want {
			t.Errorf("FindQuote(%q) = %q, %v; want %q", c.quote, a.Text[s:e], err, c.want)
		}
	}
}

func TestApproxMatches(t *testing.T) {
	text := "the quick brown fox jumps over the lazy dog"
	got := approxMatches(text, "quick brwn fox", 2, 5)
	if len(got) == 0 || text[got[0].start:got[0].end] != "quick brown fox" || got[0].errors != 1 {
		t.Fatalf("got %+v", got)
	}
	if got := approxMatches(text, "completely different", 3, 5); len(got) != 0 {
		t.Fatalf("matched %+v", got)
	}
}

func FuzzLocate(f *testing.F) {
	f.Add(anchorText, 10, 40, "edited")
	f.Fuzz(func(t *testing.T, text string, start, end int, insert string) {
		a := article("f", text)
		an := NewAnchor(a, start, end)
		edited := insert + text
		if s, e, ok := locate(edited, an); ok && (s < 0 || e > len(edited) || s > e) {
			t.Fatalf("range %d–%d outside text of %d bytes", s, e, len(edited))
		}
	})
}

// BenchmarkLocateApprox re-places a 300-byte quote, edited inside, in a
// 60 KB article of distinct words whose text moved.
func BenchmarkLocateApprox(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields(anchorText)
	var sb strings.Builder
	for sb.Len() < 60_000 {
		sb.WriteString(words[rng.IntN(len(words))])
		sb.WriteByte(' ')
	}
	text := sb.String()
	a := article("big", text)
	mid := len(text) / 2
	an := NewAnchor(a, mid, mid+300)
	q := []byte(an.Quote)
	for i := 10; i < len(q); i += 40 {
		q[i] = '#'
	}
	edited := "A new lead paragraph.\n\n" + text[:mid] + string(q) + text[mid+300:]
	b.ResetTimer()
	for b.Loop() {
		s, e, ok := locate(edited, an)
		if !ok || edited[s:e] != string(q) && !strings.Contains(string(q), edited[s:e]) {
			b.Fatalf("placed %v on %q", ok, edited[s:e])
		}
	}
}

// TestLocatePathological checks re-anchoring on repetitive text, where a
// naive search is quadratic: the quote is placed whole or not at all. Its
// speed is BenchmarkLocatePathological's (a timed test would fail on a
// slow or loaded machine).
func TestLocatePathological(t *testing.T) {
	text, an := pathological()
	s, e, ok := locate(text, an)
	if ok && e-s != len(an.Quote) {
		t.Fatalf("placed on %d–%d", s, e)
	}
	an.Quote = strings.Repeat("ab", 300)
	if s, e, ok := locate(text, an); ok && (s < 0 || e > len(text) || s >= e) {
		t.Fatalf("approximate search placed it on %d–%d", s, e)
	}
}

// pathological is 200,000 bytes of one letter and an anchor on it.
func pathological() (string, Anchor) {
	return strings.Repeat("a", 200_000), Anchor{Quote: strings.Repeat("a", 36), Prefix: "bbbb", Suffix: "cccc", Start: 5000, End: 5036}
}

// BenchmarkLocatePathological times re-anchoring on 200,000 bytes of one
// letter: an exact quote (many occurrences) and one that needs the
// approximate search (bounded to O(len·256)).
func BenchmarkLocatePathological(b *testing.B) {
	text, an := pathological()
	approx := an
	approx.Quote = strings.Repeat("ab", 300)
	for i := 0; i < b.N; i++ {
		locate(text, an)
		locate(text, approx)
	}
}
