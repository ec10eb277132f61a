package compare

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSelectKth(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for n := 1; n < 300; n++ {
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(r.IntN(20))
		}
		s := slices.Clone(v)
		slices.Sort(s)
		slices.Reverse(s)
		for k := 0; k < n; k++ {
			if got := selectKth(slices.Clone(v), k); got != s[k] {
				t.Fatalf("n %d k %d: %v want %v", n, k, got, s[k])
			}
		}
	}
}

// TestKeepTop checks that keepTop keeps the k heaviest entries, ties to
// the lower ids, in id order.
func TestKeepTop(t *testing.T) {
	v := sparseVec{ids: []int32{1, 2, 3, 4, 5, 6}, val: []float64{0.5, 0.9, 0.5, 0.1, 0.5, 0.7}}
	v.keepTop(4, new([]float64))
	if !slices.Equal(v.ids, []int32{1, 2, 3, 6}) || !slices.Equal(v.val, []float64{0.5, 0.9, 0.5, 0.7}) {
		t.Errorf("keepTop(4) = %v %v", v.ids, v.val)
	}
}

// TestSortTouchedAsSort checks sortTouched, by bit set or by sorting,
// against slices.Sort on distinct ids, dense and sparse, and that it
// leaves its bit set clear.
func TestSortTouchedAsSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	var b docBuilder
	for n := 0; n < 3000; n++ {
		span := 1 + rng.IntN([]int{70, 1000, 100000}[n%3])
		seen := map[int32]bool{}
		lo, hi := int32(math.MaxInt32), int32(-1)
		b.touched = b.touched[:0]
		for k := rng.IntN(400); k > 0; k-- {
			id := int32(rng.IntN(span))
			if !seen[id] {
				seen[id] = true
				b.touched = append(b.touched, id)
				lo, hi = min(lo, id), max(hi, id)
			}
		}
		want := slices.Sorted(slices.Values(b.touched))
		b.sortTouched(lo, hi)
		if !slices.Equal(b.touched, want) {
			t.Fatalf("sortTouched: %v, want %v", b.touched, want)
		}
		for _, w := range b.seen {
			if w != 0 {
				t.Fatal("sortTouched left bits set")
			}
		}
	}
}
