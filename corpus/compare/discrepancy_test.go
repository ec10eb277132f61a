package compare

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// TestRisingTollIsAnUpdate checks that a count reported higher by a later
// article of the same story is an update, not a disagreement, while the
// same two figures on one day are.
func TestRisingTollIsAnUpdate(t *testing.T) {
	for _, c := range []struct {
		days int
		want bool
	}{{0, true}, {2, false}} {
		cs := writeArticles(t,
			[3]string{"Wire A", "Flood", "Officials said 13 people were killed by the flood in Emilia-Romagna on Monday."},
			[3]string{"Wire B", "Flood", "Officials said 14 people were killed by the flood in Emilia-Romagna on Monday."},
		)
		d0 := time.Date(2023, 5, 17, 9, 0, 0, 0, time.UTC)
		d1 := d0.AddDate(0, 0, c.days)
		cs.Articles[0].Published, cs.Articles[1].Published = &d0, &d1
		r, err := Analyze(context.Background(), cs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Facts) != 1 {
			t.Fatalf("%d days apart: facts %+v, want one", c.days, r.Facts)
		}
		if got := len(r.Facts[0].Discrepancies) > 0; got != c.want {
			t.Errorf("%d days apart, the later report higher: discrepancy %v (%+v), want %v", c.days, got, r.Facts[0].Discrepancies, c.want)
		}
	}
}

// TestDatesOfOtherHappeningsDoNotDisagree checks the embedded corpus: its
// withdrawal claim holds the dates of a missile test (18 Aug), the
// withdrawal (2 Aug) and its notice (2 Feb), reported in three stories,
// which are not a disagreement; the treaty's range (1,000–5,000 km against
// 500–5,500 km) still is, across stories.
func TestDatesOfOtherHappeningsDoNotDisagree(t *testing.T) {
	r := analyzeDefault(t)
	ranges := false
	for _, f := range r.Facts {
		for _, d := range f.Discrepancies {
			if d.What == "date" {
				t.Errorf("fact %s (%s) flags dates as a disagreement: %+v", f.ID, f.Label, d.Values)
			}
			ranges = ranges || d.What == "distance (km)"
		}
	}
	if !ranges {
		t.Error("the range discrepancy (km) is no longer reported")
	}
}

// analyzeDefault analyses the embedded corpus.
func analyzeDefault(t *testing.T) *Result {
	t.Helper()
	r, err := Analyze(context.Background(), corpus.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Two dates are compared only when the words around them share one: a
// birthday and a trade date, a riot and the shooting that set it off, are
// not two outlets disagreeing on one day.
func TestSameDay(t *testing.T) {
	date := func(text, of string) (string, Date) {
		ds := ExtractDates(text)
		for _, d := range ds {
			if strings.Contains(d.Text, of) {
				return text, d
			}
		}
		t.Fatalf("no date %q in %q (%v)", of, text, ds)
		return "", Date{}
	}
	for _, c := range []struct {
		a, da, b, db string
		want         bool
	}{
		{"Teixeira, who turns 29 on April 11, has averaged 30 home runs.", "April 11",
			"Teixeira was acquired by the Angels in a July 29 deal with the Braves.", "July 29", false},
		{"He pleaded guilty to obstruction of justice in July 1973.", "July 1973",
			"On June 27, 1973, he pleaded guilty to one charge of conspiring to obstruct justice.", "June 27", true},
	} {
		ta, da := date(c.a, c.da)
		tb, db := date(c.b, c.db)
		if got := sameDay(ta, da, tb, db); got != c.want {
			t.Errorf("sameDay(%q, %q) = %v, want %v", c.da, c.db, got, c.want)
		}
	}
}
