package compare

import (
	"cmp"
	"math"
	"math/rand"
	"slices"
	"strconv"
	"testing"
)

// TestHeaviestAsStableSort checks heaviest against a stable sort by
// weight cut to six, with many ties and the odd NaN.
func TestHeaviestAsStableSort(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	for n := 0; n < 50000; n++ {
		ts := make([]shownTerm, rng.Intn(20))
		for i := range ts {
			w := float64(rng.Intn(5)) / 4
			if rng.Intn(50) == 0 {
				w = math.NaN()
			}
			ts[i] = shownTerm{s: strconv.Itoa(i), w: w, t: int32(i)}
		}
		want := slices.Clone(ts)
		slices.SortStableFunc(want, func(a, b shownTerm) int { return cmp.Compare(b.w, a.w) })
		want = want[:min(len(want), 6)]
		var top [6]shownTerm
		got := heaviest(ts, &top)
		if len(got) != len(want) {
			t.Fatalf("heaviest of %v: %v, want %v", ts, got, want)
		}
		for i := range got {
			if got[i].t != want[i].t {
				t.Fatalf("heaviest of %v: %v, want %v", ts, got, want)
			}
		}
	}
}
