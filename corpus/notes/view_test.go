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
		{ID: "6", Anchor: Anchor{Article: "away", Start: 5, End: 25, Outlet: "Reuters", Title: "Talks"}, Tags: []string{"loaded"}},
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
	if !slices.Equal(m.Tags, []string{"loaded", "blame", "zzz"}) || !slices.Equal(m.Outlets, []string{"Anadolu Agency", "Reuters", "TASS", "unknown (gone)"}) {
		t.Fatalf("matrix keys %v %v", m.Tags, m.Outlets)
	}
	if m.Counts["blame"]["TASS"] != 2 || m.Counts["blame"]["Anadolu Agency"] != 1 || m.Counts["loaded"]["unknown (gone)"] != 1 || m.Counts["loaded"]["Reuters"] != 1 {
		t.Fatalf("counts %v", m.Counts)
	}
}

// TestLoadedOutletTitle checks how a note of an article that is not loaded
// is told apart and named: by the outlet and title stored with it.
func TestLoadedOutletTitle(t *testing.T) {
	tass := article("tass", sampleText)
	tass.Outlet, tass.Title = "TASS", "Lavrov speaks"
	c := &corpus.Corpus{Articles: []*corpus.Article{tass}}
	here := Note{ID: "1", Anchor: Anchor{Article: "tass", Outlet: "old name", Title: "old title"}}
	away := Note{ID: "2", Anchor: Anchor{Article: "away", Outlet: "Reuters", Title: "Talks stall"}}
	bare := Note{ID: "3", Anchor: Anchor{Article: "bare"}}
	in, out := SplitLoaded(c, []Note{here, away, bare})
	if len(in) != 1 || in[0].ID != "1" || len(out) != 2 || out[0].ID != "2" || out[1].ID != "3" {
		t.Fatalf("SplitLoaded = %v, %v", in, out)
	}
	if Loaded(nil, here) {
		t.Fatal("a note is loaded in no corpus")
	}
	for _, tc := range []struct {
		n             Note
		outlet, title string
	}{
		{here, "TASS", "Lavrov speaks"},
		{away, "Reuters", "Talks stall"},
		{bare, "unknown (bare)", "bare"},
	} {
		if o, ti := OutletOf(c, tc.n), TitleOf(c, tc.n); o != tc.outlet || ti != tc.title {
			t.Errorf("note %s: %q, %q; want %q, %q", tc.n.ID, o, ti, tc.outlet, tc.title)
		}
	}
}
