// Package agreement measures how far several coders agree when they tag
// the same articles with one codebook: percent agreement, Cohen's kappa,
// Fleiss' kappa and Krippendorff's alpha on units (sentences), and
// Krippendorff's unitized alpha (αu) on the character spans they tagged.
//
// The coefficients work on reliability data (Data: units by coders, a
// value or Missing in each cell) and on segmented continua (Segment); the
// functions in sentences.go and spans.go build these from coders' notes.
// Every coefficient says why when it is undefined instead of inventing a
// value.
package agreement

import "math"

// Missing is the value of a unit a coder did not code.
const Missing = ""

// Data is reliability data in Krippendorff's canonical form: Values[u][i]
// is the value coder i gave unit u, or Missing. Every row has Coders
// cells.
type Data struct {
	Coders int
	Values [][]string
}

// Add appends a unit with the values of each coder.
func (d *Data) Add(values ...string) {
	d.Values = append(d.Values, values)
}

// Append adds the units of e, which must have as many coders, after d's.
func (d *Data) Append(e Data) {
	d.Values = append(d.Values, e.Values...)
}

// Coefficient is one agreement coefficient. Value is nil when the
// coefficient is undefined on the data, and Undefined then says why.
// Units is how many units it was computed on: each coefficient uses the
// units it can (Cohen's κ those both coders coded, Fleiss' κ those every
// coder coded, Krippendorff's α and percent agreement those at least two
// coders coded).
type Coefficient struct {
	Value     *float64 `json:"value"`
	Units     int      `json:"units"`
	Undefined string   `json:"undefined,omitempty"`
}

// Defined reports whether the coefficient has a value.
func (c Coefficient) Defined() bool { return c.Value != nil }

func defined(v float64, units int) Coefficient {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Coefficient{Units: units, Undefined: "not a number (0/0)"}
	}
	return Coefficient{Value: &v, Units: units}
}

func undefined(units int, why string) Coefficient {
	return Coefficient{Units: units, Undefined: why}
}

// valuesInto returns the values given to unit u, without the missing
// ones, reusing buf's storage.
func (d Data) valuesInto(buf []string, u int) []string {
	vs := buf[:0]
	for _, v := range d.Values[u] {
		if v != Missing {
			vs = append(vs, v)
		}
	}
	return vs
}

// given counts the values given to unit u.
func (d Data) given(u int) int {
	n := 0
	for _, v := range d.Values[u] {
		if v != Missing {
			n++
		}
	}
	return n
}

// Pairable counts the units that at least two coders coded: the only
// units that can show agreement or disagreement.
func (d Data) Pairable() int {
	n := 0
	for u := range d.Values {
		if d.given(u) >= 2 {
			n++
		}
	}
	return n
}

// CodersPresent counts the coders who gave a value to at least one
// pairable unit.
func (d Data) CodersPresent() int {
	seen := make([]bool, d.Coders)
	for u, row := range d.Values {
		if d.given(u) < 2 {
			continue
		}
		for i, v := range row {
			if v != Missing {
				seen[i] = true
			}
		}
	}
	n := 0
	for _, s := range seen {
		if s {
			n++
		}
	}
	return n
}
