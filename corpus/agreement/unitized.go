package agreement

import (
	"fmt"
	"sort"
)

// Segment is a stretch [Start, End) of a continuum (positions in
// characters) that a coder marked with a category.
type Segment struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Unitized is Krippendorff's unitized alpha αu = 1 − D_o/D_e of one
// category or, overall, of all categories together. Value is nil when it
// is undefined, and Undefined says why.
type Unitized struct {
	Value     *float64 `json:"value"`
	Observed  float64  `json:"observed_disagreement"`
	Expected  float64  `json:"expected_disagreement"`
	Undefined string   `json:"undefined,omitempty"`
}

// whyNoPassage is why αu of a code nobody used is undefined.
const whyNoPassage = "no coder marked any passage with it"

// section is a stretch of one coder's continuum: a unit of the category
// or a gap between units.
type section struct {
	start, end int
	unit       bool
}

func (s section) len() int { return s.end - s.start }

// UnitizedAlpha is Krippendorff's αu for one category on a continuum
// [0, length) that every coder unitized: coders[i] are the segments coder
// i marked with the category. It follows Krippendorff (2004), Content
// Analysis, 2nd ed., §12.4 (after Krippendorff 1995, "On the reliability
// of unitizing continuous data"): the observed disagreement sums, over
// every pair of coders and every pair of their overlapping sections, the
// squared differences of two overlapping units' beginnings and ends, and
// the squared length of a unit lying within the other coder's gap; the
// expected disagreement is that of all possible placements of the same
// units and gaps. A coder's overlapping segments are joined first;
// touching ones stay two units.
func UnitizedAlpha(length int, coders [][]Segment) Unitized {
	m := len(coders)
	switch {
	case m < 2:
		return Unitized{Undefined: fmt.Sprintf("αu needs two coders or more; there are %d", m)}
	case length <= 0:
		return Unitized{Undefined: "the continuum is empty: no text every coder coded"}
	}
	secs := make([][]section, m)
	for i, segs := range coders {
		secs[i] = sections(length, segs)
	}
	do := observed(secs, length)
	de, units := expected(secs, length)
	if units == 0 {
		return Unitized{Observed: do, Undefined: whyNoPassage}
	}
	v := 1 - do/de
	return Unitized{Value: &v, Observed: do, Expected: de}
}

// UnitizedOverall is αu of several categories together, 1 − ΣD_o/ΣD_e
// (Krippendorff 2004, §12.4).
func UnitizedOverall(parts []Unitized) Unitized {
	var u Unitized
	for _, p := range parts {
		u.Observed += p.Observed
		u.Expected += p.Expected
	}
	if u.Expected == 0 {
		u.Undefined = "no coder marked any passage"
		// A reason that holds for every code (an empty continuum, too few
		// coders) holds for all of them together.
		if len(parts) > 0 && parts[0].Undefined != "" && parts[0].Undefined != whyNoPassage {
			u.Undefined = parts[0].Undefined
		}
		return u
	}
	v := 1 - u.Observed/u.Expected
	u.Value = &v
	return u
}

// sections tiles [0, length) with a coder's units (segments clipped to the
// continuum, sorted, overlapping ones joined) and the gaps between them.
func sections(length int, segs []Segment) []section {
	var units []Segment
	for _, s := range segs {
		s.Start, s.End = max(s.Start, 0), min(s.End, length)
		if s.Start < s.End {
			units = append(units, s)
		}
	}
	sort.Slice(units, func(a, b int) bool {
		if units[a].Start != units[b].Start {
			return units[a].Start < units[b].Start
		}
		return units[a].End < units[b].End
	})
	var joined []Segment
	for _, s := range units {
		if n := len(joined); n > 0 && s.Start < joined[n-1].End {
			joined[n-1].End = max(joined[n-1].End, s.End)
			continue
		}
		joined = append(joined, s)
	}
	var out []section
	at := 0
	for _, s := range joined {
		if s.Start > at {
			out = append(out, section{at, s.Start, false})
		}
		out = append(out, section{s.Start, s.End, true})
		at = s.End
	}
	if at < length {
		out = append(out, section{at, length, false})
	}
	return out
}

// observed is D_o: Σ over ordered pairs of coders and their overlapping
// sections of δ², divided by m(m−1)L².
func observed(secs [][]section, length int) float64 {
	sum := 0.0
	for i := range secs {
		for j := i + 1; j < len(secs); j++ {
			a, b := secs[i], secs[j]
			for x, y := 0, 0; x < len(a) && y < len(b); {
				sum += delta2(a[x], b[y])
				switch {
				case a[x].end < b[y].end:
					x++
				case b[y].end < a[x].end:
					y++
				default:
					x++
					y++
				}
			}
		}
	}
	m, l := float64(len(secs)), float64(length)
	return 2 * sum / (m * (m - 1) * l * l)
}

// delta2 is the squared difference of two overlapping sections of two
// coders: for two units, (b_g−b_h)² + (e_g−e_h)²; for a unit within the
// other's gap, the unit's squared length; otherwise 0.
func delta2(g, h section) float64 {
	switch {
	case g.unit && h.unit:
		db, de := float64(g.start-h.start), float64(g.end-h.end)
		return db*db + de*de
	case g.unit && h.start <= g.start && g.end <= h.end:
		l := float64(g.len())
		return l * l
	case h.unit && g.start <= h.start && h.end <= g.end:
		l := float64(h.len())
		return l * l
	}
	return 0
}

// expected is D_e and the number of units N_c:
//
//	D_e = (2/L) Σ_units [ (N_c−1)(2l³−3l²+l)/3 + l² Σ_{gaps ≥ l} (gap−l+1) ]
//	      / ( mL(mL−1) − Σ_units l(l−1) )
func expected(secs [][]section, length int) (float64, int) {
	var units []int
	var gaps []int
	for _, ss := range secs {
		for _, s := range ss {
			if s.unit {
				units = append(units, s.len())
			} else {
				gaps = append(gaps, s.len())
			}
		}
	}
	if len(units) == 0 {
		return 0, 0
	}
	sort.Ints(gaps)
	// suffix[k] = Σ gaps[k:]
	suffix := make([]float64, len(gaps)+1)
	for k := len(gaps) - 1; k >= 0; k-- {
		suffix[k] = suffix[k+1] + float64(gaps[k])
	}
	nc := float64(len(units))
	num, self := 0.0, 0.0
	for _, li := range units {
		l := float64(li)
		k := sort.SearchInts(gaps, li) // gaps[k:] are ≥ l
		fit := suffix[k] - float64(len(gaps)-k)*(l-1)
		num += (nc-1)*(2*l*l*l-3*l*l+l)/3 + l*l*fit
		self += l * (l - 1)
	}
	m, L := float64(len(secs)), float64(length)
	return 2 / L * num / (m*L*(m*L-1) - self), len(units)
}
