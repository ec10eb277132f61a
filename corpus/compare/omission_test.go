package compare

import (
	"slices"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// TestWritingSince checks which outlets of a thread may leave out a
// recurring claim: those carrying it, and those with an article dated on
// or after its first report; all of them when no report is dated.
func TestWritingSince(t *testing.T) {
	day := func(d int) *time.Time { v := time.Date(2020, 1, d, 0, 0, 0, 0, time.UTC); return &v }
	outlets := []string{"Early", "Carrier", "Later", "Undated"}
	latest := map[string]time.Time{"Early": *day(1), "Carrier": *day(5), "Later": *day(9)}
	f := &Fact{Outlets: []string{"Carrier"}, Timeline: []Carried{{Outlet: "Carrier", First: day(5), Last: day(5)}}}
	if got, want := writingSince(outlets, f, latest), []string{"Carrier", "Later"}; !slices.Equal(got, want) {
		t.Errorf("writingSince = %v, want %v", got, want)
	}
	f.Timeline[0].First = nil
	if got := writingSince(outlets, f, latest); !slices.Equal(got, outlets) {
		t.Errorf("no dated report: writingSince = %v, want every outlet", got)
	}
}

// TestNoOmissionBeforeTheClaim checks the embedded corpus (a thread of
// five stories over five years): no outlet is said to leave out a
// recurring claim first carried after its last article.
func TestNoOmissionBeforeTheClaim(t *testing.T) {
	c := corpus.Default()
	r := analyzeDefault(t)
	last := map[string]time.Time{}
	for _, a := range c.Articles {
		if a.Published != nil && a.Published.After(last[a.DisplayOutlet()]) {
			last[a.DisplayOutlet()] = *a.Published
		}
	}
	recurring := 0
	for _, om := range r.Omissions {
		for _, id := range om.Facts {
			f := r.Fact(id)
			if f == nil || !f.Recurring() {
				continue
			}
			recurring++
			var first *time.Time
			for _, cr := range f.Timeline {
				if cr.First != nil && (first == nil || cr.First.Before(*first)) {
					first = cr.First
				}
			}
			if first != nil && last[om.Outlet].Before(*first) {
				t.Errorf("%s is said to leave out %q, first carried %s, after its last article (%s)", om.Outlet, f.Label, first.Format(time.DateOnly), last[om.Outlet].Format(time.DateOnly))
			}
		}
	}
	if recurring == 0 {
		t.Error("no omission of a recurring claim: the test checks nothing")
	}
}
