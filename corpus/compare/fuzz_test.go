package compare

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"between 500 and 5,500 kilometres", "December 8, 1987", "$2.5 billion", "Aug. 2", "1,000-5,000 km", "five hundred", "F-16", "9M729"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range ExtractQuantities(s) {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End || q.Lo > q.Hi {
				t.Fatalf("bad quantity %+v in %q", q, s)
			}
		}
		for _, d := range ExtractDates(s) {
			if d.Start < 0 || d.End > len(s) || d.M > 12 || d.D > 31 {
				t.Fatalf("bad date %+v in %q", d, s)
			}
		}
		if utf8.ValidString(s) {
			m, err := NewMatcher(nil, "")
			if err != nil {
				t.Fatal(err)
			}
			if sc, _ := m.Score(s, s+" again"); sc < 0 || sc > 1 {
				t.Fatalf("score %v out of range", sc)
			}
		}
	})
}

func FuzzReadPairs(f *testing.F) {
	f.Add("a\tb\n")
	f.Add("\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t1\t2\tx\ty\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ReadPairs(strings.NewReader(s))
		if err == nil {
			for _, p := range ps {
				if p.Label < -1 || p.Label > 1 {
					t.Fatalf("label %d", p.Label)
				}
			}
		}
	})
}

// FuzzLabelClauses: the label's clause helpers take any sentence, return
// parts of it in order, and never panic.
func FuzzLabelClauses(f *testing.F) {
	for _, s := range []string{"Teixeira, who turns 29 on April 11, has averaged 30 home runs.", "Police Chief Scott Russell, 46, was injured.",
		`"God approves of nudity," she said.`, "Governor Ilse Marant said inflation, at 7.8% in February, was high.", ", , ,", "a, b, was"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at := 0
		for _, cl := range withPredicates(s, splitClauses(s)) {
			i := strings.Index(s[at:], cl)
			if i < 0 {
				t.Fatalf("clause %q is not a part of %q after byte %d", cl, s, at)
			}
			at += i + len(cl)
		}
		cutAfterReporting(s)
		opensWithPredicate(s)
		dropTrailingAttribution(s)
	})
}
