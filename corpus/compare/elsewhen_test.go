package compare

import (
	"strings"
	"testing"
	"time"
)

func TestEarlierYear(t *testing.T) {
	pub := time.Date(2024, 1, 25, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		d    Date
		want bool
	}{
		{Date{Y: 2023, M: 3, D: 16}, true},   // last March
		{Date{Y: 2023, M: 12, D: 31}, false}, // the turn of the year: may be this happening
		{Date{Y: 2023}, false},               // a bare year, a month into the new one
		{Date{Y: 2019}, true},
		{Date{Y: 2024, M: 1, D: 2}, false},
		{Date{M: 3, D: 16}, false}, // no year
	} {
		if got := earlierYear(c.d, pub); got != c.want {
			t.Errorf("earlierYear(%v, %s) = %v, want %v", c.d, pub.Format("2006-01-02"), got, c.want)
		}
	}
	if !earlierYear(Date{Y: 2023}, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("a bare 2023 in a June 2024 report is not of another time")
	}
}

func TestFigureWords(t *testing.T) {
	for _, c := range []struct {
		text, a, b string
		same       bool
	}{
		// A rate and a target, both percentages: two things.
		{"The bank raised its key rate to 4.5% as inflation bites, above its 2% target.", "4.5%", "2%", false},
		// The rate said twice: one thing.
		{"The key rate rose to 4.5%; economists had expected the rate at 4.25%.", "4.5%", "4.25%", true},
		// A figure with no word of its own is compared.
		{"4.5% was the figure; analysts said 4.25%.", "4.5%", "4.25%", true},
	} {
		qs := extractQuantities(c.text, nil, true)
		var qa, qb *Quantity
		for i := range qs {
			switch qs[i].Text {
			case c.a:
				qa = &qs[i]
			case c.b:
				qb = &qs[i]
			}
		}
		if qa == nil || qb == nil {
			t.Fatalf("%q: quantities %+v, want %s and %s", c.text, qs, c.a, c.b)
		}
		if got := samePoint(c.text, *qa, c.text, *qb); got != c.same {
			t.Errorf("%q: samePoint(%s, %s) = %v (words %v, %v), want %v", c.text, c.a, c.b, got, figureWords(c.text, qa.Start, qa.End), figureWords(c.text, qb.Start, qb.End), c.same)
		}
	}
}

// TestHoldsLookBackWordLetsEveryPhraseThrough: the quick test never
// turns away a sentence holding a lookBackBy phrase, in lower, title or
// upper case.
func TestHoldsLookBackWordLetsEveryPhraseThrough(t *testing.T) {
	for _, g := range lookBackBy {
		for _, p := range g.phrases {
			for _, s := range []string{p, strings.ToUpper(p[:1]) + p[1:], strings.ToUpper(p), strings.Title(p)} {
				if !holdsLookBackWord("It was said " + s + ".") {
					t.Errorf("holdsLookBackWord turns away %q", s)
				}
			}
		}
	}
}

// TestLookBackPhrasesHoldTheirWord checks that each phrase of lookBackBy
// holds the word it is filed under, which looksBack looks for first.
func TestLookBackPhrasesHoldTheirWord(t *testing.T) {
	for _, g := range lookBackBy {
		for _, p := range g.phrases {
			if !strings.Contains(p, g.word) {
				t.Errorf("lookBack phrase %q is filed under %q, which it does not hold", p, g.word)
			}
		}
	}
}

// TestHoldsLookBackWordAsLowerCase checks holdsLookBackWord against
// strings.ToLower and a search for each word of lookBackBy.
func TestHoldsLookBackWordAsLowerCase(t *testing.T) {
	texts := []string{"", "yea", "YEAR", "a Month ago", "DeCaDe", "the year", "dec", "mont", "yé ar", "\u212Ayear", "Y\xffear", "ye\u0130r"}
	texts = append(texts, seedTexts(false)...)
	for _, s := range texts {
		low, want := strings.ToLower(s), false
		for _, g := range lookBackBy {
			want = want || strings.Contains(low, g.word)
		}
		if got := holdsLookBackWord(s); got != want {
			t.Errorf("holdsLookBackWord(%q) = %v, want %v", s, got, want)
		}
	}
}
