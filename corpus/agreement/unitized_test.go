package agreement

import (
	"math"
	"testing"
)

// seg builds segments from start, length pairs, as the examples give them.
func seg(startLen ...int) []Segment {
	var out []Segment
	for i := 0; i+1 < len(startLen); i += 2 {
		out = append(out, Segment{startLen[i], startLen[i] + startLen[i+1]})
	}
	return out
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// Krippendorff, K. (2004). Content Analysis: An Introduction to Its
// Methodology, 2nd ed., Sage, §12.4, the worked example on p. 254: two
// coders unitize the continuum 150–450 into units of categories c and k.
// Published there and reproduced in DKPro Statistics' test of its
// implementation (Krippendorff2004Test): for c, D_o = 0.0144, D_e =
// 0.0532, cαu = 0.7286; for k, D_o = 0, D_e = 0.0490, kαu = 1; αu over
// both = 0.859. Hand-checked: D_o(c) = 2·(50+850+400)/(2·1·300²), where
// the three terms are the two overlapping pairs of c units and coder 2's
// unit 400–420 within coder 1's gap.
func TestKrippendorff2004UnitizingExample(t *testing.T) {
	const begin, length = 150, 300
	shift := func(ss []Segment) []Segment {
		out := make([]Segment, len(ss))
		for i, s := range ss {
			out[i] = Segment{s.Start - begin, s.End - begin}
		}
		return out
	}
	c := UnitizedAlpha(length, [][]Segment{
		shift(seg(225, 70, 370, 30)),
		shift(seg(220, 80, 355, 20, 400, 20)),
	})
	k := UnitizedAlpha(length, [][]Segment{
		shift(seg(180, 60, 300, 50)),
		shift(seg(180, 60, 300, 50)),
	})
	if !near(c.Observed, 0.0144, 0.00005) || !near(c.Expected, 0.0532, 0.00005) {
		t.Errorf("c: D_o = %.5f, D_e = %.5f; want 0.0144, 0.0532", c.Observed, c.Expected)
	}
	if c.Value == nil || round3(*c.Value) != 0.729 || !near(*c.Value, 0.7286, 0.00005) {
		t.Errorf("cαu = %v, want 0.7286", c.Value)
	}
	if k.Observed != 0 || !near(k.Expected, 0.0490, 0.00005) || k.Value == nil || *k.Value != 1 {
		t.Errorf("k: D_o = %v, D_e = %.5f, αu = %v; want 0, 0.0490, 1", k.Observed, k.Expected, k.Value)
	}
	all := UnitizedOverall([]Unitized{c, k})
	if all.Value == nil || round3(*all.Value) != 0.859 {
		t.Errorf("αu over c and k = %v, want 0.859", all.Value)
	}
}

// Krippendorff (1995), "On the reliability of unitizing continuous data",
// Sociological Methodology 25, 47–76, p. 57: four pairs of coders
// unitize a continuum of 24. Their observed disagreements, as DKPro
// Statistics reproduces them (Krippendorff1995Test): A 0.03125, B
// 2.26736, C 0.02777, D 0.38715. (Its alphas are not checked here: the
// 1995 paper's expected disagreement has an error that the 2004 book
// corrects, so they differ in the second decimal.)
func TestKrippendorff1995ObservedDisagreement(t *testing.T) {
	cases := []struct {
		name string
		a, b []Segment
		want float64
	}{
		{"A", seg(2, 8, 14, 6), seg(4, 4, 15, 2), 0.03125},
		{"B", seg(0, 18), seg(0, 2, 2, 1, 3, 1, 4, 1, 5, 1, 6, 3, 9, 1), 2.26736},
		{"C", seg(2, 6, 10, 2, 14, 4, 20, 2), seg(0, 2, 4, 4, 10, 4, 16, 2, 20, 2), 0.02777},
		{"D", seg(0, 2, 2, 8, 10, 4, 14, 6, 20, 4), seg(0, 4, 4, 4, 8, 7, 15, 2, 17, 7), 0.38715},
	}
	for _, c := range cases {
		u := UnitizedAlpha(24, [][]Segment{c.a, c.b})
		if !near(u.Observed, c.want, 0.00001) {
			t.Errorf("%s: D_o = %.5f, want %.5f", c.name, u.Observed, c.want)
		}
	}
}

// Known values and degenerate cases.
func TestUnitizedKnownValues(t *testing.T) {
	same := UnitizedAlpha(100, [][]Segment{seg(10, 20, 50, 5), seg(10, 20, 50, 5), seg(50, 5, 10, 20)})
	if same.Value == nil || *same.Value != 1 || same.Observed != 0 {
		t.Errorf("identical unitizing: %+v, want αu = 1", same)
	}
	// Coders who mark disjoint passages disagree more than chance.
	apart := UnitizedAlpha(100, [][]Segment{seg(10, 20), seg(60, 20)})
	if apart.Value == nil || *apart.Value >= 0 {
		t.Errorf("disjoint passages: αu = %v, want below 0", apart.Value)
	}
	// A coder's overlapping segments are one unit; touching ones two.
	joined := UnitizedAlpha(100, [][]Segment{seg(10, 10, 15, 15), seg(10, 20)})
	if joined.Value == nil || *joined.Value != 1 {
		t.Errorf("overlapping segments of one coder are not joined: %+v", joined)
	}
	touching := UnitizedAlpha(100, [][]Segment{seg(10, 10, 20, 10), seg(10, 20)})
	if touching.Value == nil || *touching.Value == 1 {
		t.Errorf("touching segments were joined into one unit: %+v", touching)
	}
	none := UnitizedAlpha(100, [][]Segment{nil, nil})
	if none.Value != nil || none.Undefined == "" {
		t.Errorf("no units at all: %+v, want undefined with a reason", none)
	}
	// A unit only one coder marked, in the other's gap: disagreement.
	one := UnitizedAlpha(100, [][]Segment{seg(40, 10), nil})
	if one.Value == nil || *one.Value >= 0.5 {
		t.Errorf("one coder's unit alone: αu = %v, want low", one.Value)
	}
	if u := UnitizedAlpha(100, [][]Segment{seg(1, 2)}); u.Value != nil {
		t.Errorf("one coder: %+v, want undefined", u)
	}
	if u := UnitizedAlpha(0, [][]Segment{nil, nil}); u.Value != nil {
		t.Errorf("empty continuum: %+v, want undefined", u)
	}
	if o := UnitizedOverall([]Unitized{none}); o.Value != nil || o.Undefined != "no coder marked any passage" {
		t.Errorf("overall of nothing: %+v, want undefined", o)
	}
}

func TestUnitizedOverallKeepsACommonReason(t *testing.T) {
	empty := UnitizedAlpha(0, [][]Segment{nil, nil})
	if o := UnitizedOverall([]Unitized{empty, empty}); o.Value != nil || o.Undefined != empty.Undefined {
		t.Errorf("overall of codes on an empty continuum: %+v, want %q", o, empty.Undefined)
	}
	if o := UnitizedOverall(nil); o.Value != nil || o.Undefined == "" {
		t.Errorf("overall of no code: %+v, want undefined with a reason", o)
	}
}
