package compare

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// TestNearestMisses checks that sentences no other outlet carries get the
// nearest candidate of other outlets, below the counterpart threshold, one
// per outlet, best first, with evidence; and that linked sentences get none.
func TestNearestMisses(t *testing.T) {
	c := corpus.Default()
	r := analyzeDefault(t)
	withMiss := 0
	for _, a := range c.Articles {
		for si := range a.Sentences {
			ms := r.NearestMisses(a.ID, si)
			if len(ms) == 0 {
				continue
			}
			withMiss++
			if r.HasCounterpart(a.ID, si) {
				t.Errorf("%s[%d] has a counterpart and nearest misses", a.ID, si)
			}
			seen := map[string]bool{}
			for i, m := range ms {
				if m.Outlet == a.DisplayOutlet() || seen[m.Outlet] {
					t.Errorf("%s[%d]: miss of outlet %q repeated or its own", a.ID, si, m.Outlet)
				}
				seen[m.Outlet] = true
				if m.Score <= 0 || m.Score >= DefaultCounterpartThreshold || (i > 0 && m.Score > ms[i-1].Score) {
					t.Errorf("%s[%d]: miss scores %v out of range or order", a.ID, si, m.Score)
				}
				if m.Text == "" || len(m.Evidence.Terms)+len(m.Evidence.Names)+len(m.Evidence.Numbers)+len(m.Evidence.Dates) == 0 {
					t.Errorf("%s[%d]: miss %+v without text or evidence", a.ID, si, m)
				}
			}
		}
	}
	if withMiss < 10 {
		t.Errorf("only %d sentences have nearest misses", withMiss)
	}
	t.Logf("%d sentences without counterpart have nearest misses", withMiss)
}

// TestNoMissesKeepsTheFacts: without nearest misses (the commands that
// print facts) the threads, stories, facts and omissions are the same,
// and no sentence has a miss.
func TestNoMissesKeepsTheFacts(t *testing.T) {
	c := corpus.Default()
	with := analyzeDefault(t)
	without, err := Analyze(context.Background(), c, Options{NoMisses: true})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(with)
	b, _ := json.Marshal(without)
	if string(a) != string(b) {
		t.Error("NoMisses changed the result")
	}
	for _, art := range c.Articles {
		for si := range art.Sentences {
			if ms := without.NearestMisses(art.ID, si); len(ms) > 0 {
				t.Fatalf("%s[%d] has misses with NoMisses", art.ID, si)
			}
		}
	}
}
