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

// FuzzClauseMarks checks what the analysis says of a sentence's clauses:
// where they start (clauseAt, for backClauses) lies inside the sentence,
// in order, one place per clause, and the side marks name clauses that
// exist.
func FuzzClauseMarks(f *testing.F) {
	for _, s := range []string{"Signed in 1991 by the two prime ministers, the water accord caps the reservoir, the ministry of water said in a statement.",
		"Russia denies it violated the treaty, which forbids short- and intermediate-range missiles.", "a, which b, c d e, f g h said", ", , ,", "who, which, whom"} {
		f.Add(s)
	}
	lx, err := lexiconFor("")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		an := newAnalyzer(lx, nil)
		an.noNgrams, an.wantClauseAt = true, true
		ft := an.analyze(s)
		nc := len(ft.clauses)
		if nc > 1 && len(ft.clauseAt) != nc {
			t.Fatalf("%d clauses, %d places in %q", nc, len(ft.clauseAt), s)
		}
		for k, at := range ft.clauseAt {
			if at < 0 || int(at) > len(s) || k > 0 && at < ft.clauseAt[k-1] {
				t.Fatalf("clause places %v out of order or outside %q", ft.clauseAt, s)
			}
		}
		if side := ft.side.relative() | ft.side.attribution(); side>>uint(min(nc, maxSideClauses)) != 0 {
			t.Fatalf("side marks %08b for %d clauses in %q", ft.side, nc, s)
		}
	})
}
