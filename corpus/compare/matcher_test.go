package compare

import (
	"slices"
	"testing"
)

func TestNameSimilarity(t *testing.T) {
	if s := jaroWinkler("lavrov", "lavorv"); s < 0.88 {
		t.Errorf("jaroWinkler(lavrov, lavorv) = %.3f, want ≥ 0.88", s)
	}
	if s := jaroWinkler("lavrov", "shoigu"); s > 0.6 {
		t.Errorf("jaroWinkler(lavrov, shoigu) = %.3f, want low", s)
	}
}

func TestMatcherScore(t *testing.T) {
	m, err := NewMatcher(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	same, ev := m.Score("The INF treaty was signed in 1987 by the US and the Soviet Union.",
		"The INF accord, signed by the Soviet Union and the United States on December 8, 1987, took effect on June 1, 1988.")
	other, _ := m.Score("The INF treaty was signed in 1987 by the US and the Soviet Union.",
		"Farmers said more than 5,000 farms had been flooded.")
	if same <= other {
		t.Errorf("paraphrase scored %.3f, unrelated %.3f", same, other)
	}
	if !slices.Contains(ev.Dates, "1987") || len(ev.Terms) == 0 {
		t.Errorf("evidence lacks the shared year or terms: %+v", ev)
	}
	q, ev := m.Score(`He said "we will not deploy such systems in a region first" on Monday.`,
		`Lavrov repeated: "We will not deploy such systems in any region first."`)
	if ev.Quote == "" {
		t.Errorf("shared quotation not found (score %.3f): %+v", q, ev)
	}
}

// TestJaroWinklerBytesAsRunes checks the byte path of short ASCII strings
// against the rune path.
func TestJaroWinklerBytesAsRunes(t *testing.T) {
	words := []string{"lavrov", "lavorv", "shoigu", "martha", "marhta", "dixon", "dicksonx", "", "a", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "crate", "trace"}
	for _, a := range words {
		for _, b := range words {
			if got, want := jaroWinkler(a, b), jaroWinklerOf([]rune(a), []rune(b)); got != want {
				t.Errorf("jaroWinkler(%q, %q) = %v, rune path %v", a, b, got, want)
			}
		}
	}
}
