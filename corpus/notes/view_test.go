package notes

import (
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

func TestOverlappingAndMatrix(t *testing.T) {
	tass := article("tass", sampleText)
	tass.Outlet = "TASS"
	aa := article("aa", sampleText)
	aa.Outlet = "Anadolu Agency"
	ns := []Note{
		{ID: "1", Anchor: Anchor{Article: "tass", Start: 0, End: 10}, Tags: []string{"blame", "loaded"}},
		{ID: "2", Anchor: Anchor{Article: "tass", Start: 20, End: 30}, Tags: []string{"blame"}},
		{ID: "3", Anchor: Anchor{Article: "aa", Start: 5, End: 25}, Tags: []string{"blame"}},
		{ID: "4", Anchor: Anchor{Article: "tass", Start: 5, End: 25}, Tags: []string{"zzz"}, Orphaned: true},
		{ID: "5", Anchor: Anchor{Article: "gone", Start: 5, End: 25}, Tags: []string{"loaded"}},
	}
	var ids []string
	for _, n := range Overlapping(ns, "tass", 9, 21) {
		ids = append(ids, n.ID)
	}
	if !slices.Equal(ids, []string{"1", "2"}) {
		t.Fatalf("Overlapping = %v", ids)
	}
	if got := Overlapping(ns, "tass", 10, 20); len(got) != 0 {
		t.Fatalf("touching ranges overlap: %v", got)
	}
	m := CountByOutlet([]Code{{Name: "loaded"}, {Name: "blame"}}, ns, &corpus.Corpus{Articles: []*corpus.Article{tass, aa}})
	if !slices.Equal(m.Tags, []string{"loaded", "blame", "zzz"}) || !slices.Equal(m.Outlets, []string{"Anadolu Agency", "TASS", "unknown outlet"}) {
		t.Fatalf("matrix keys %v %v", m.Tags, m.Outlets)
	}
	if m.Counts["blame"]["TASS"] != 2 || m.Counts["blame"]["Anadolu Agency"] != 1 || m.Counts["loaded"]["unknown outlet"] != 1 {
		t.Fatalf("counts %v", m.Counts)
	}
}
