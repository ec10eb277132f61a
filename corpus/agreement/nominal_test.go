package agreement

import (
	"math"
	"strings"
	"testing"
)

// Published worked examples. Each test states the source and the value
// printed there; the coefficient must round to it at three decimals.

// rows makes reliability data from one string per coder, values split on
// spaces, "." for a missing value (Krippendorff's layout: coders are rows).
func rows(coders ...string) Data {
	var cols [][]string
	for _, c := range coders {
		cols = append(cols, strings.Fields(c))
	}
	d := Data{Coders: len(coders)}
	for u := range cols[0] {
		row := make([]string, len(coders))
		for i := range cols {
			if v := cols[i][u]; v != "." {
				row[i] = v
			}
		}
		d.Add(row...)
	}
	return d
}

// fromTable makes two-coder data from a contingency table: table[r][c]
// units coder 1 put in category r and coder 2 in category c.
func fromTable(table [][]int) Data {
	d := Data{Coders: 2}
	for r, row := range table {
		for c, n := range row {
			for ; n > 0; n-- {
				d.Add(string(rune('A'+r)), string(rune('A'+c)))
			}
		}
	}
	return d
}

// fromCounts makes data in Fleiss' layout: counts[u][c] coders put unit u
// in category c (every unit has the same number of coders).
func fromCounts(counts [][]int) Data {
	m := 0
	for _, n := range counts[0] {
		m += n
	}
	d := Data{Coders: m}
	for _, row := range counts {
		var vs []string
		for c, n := range row {
			for ; n > 0; n-- {
				vs = append(vs, string(rune('A'+c)))
			}
		}
		d.Add(vs...)
	}
	return d
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

func wantValue(t *testing.T, name string, c Coefficient, want float64, units int) {
	t.Helper()
	if !c.Defined() {
		t.Fatalf("%s: undefined (%s), want %.3f", name, c.Undefined, want)
	}
	if got := round3(*c.Value); got != want {
		t.Errorf("%s = %.6f (%.3f), want %.3f", name, *c.Value, got, want)
	}
	if c.Units != units {
		t.Errorf("%s on %d units, want %d", name, c.Units, units)
	}
}

func wantUndefined(t *testing.T, name string, c Coefficient, because string) {
	t.Helper()
	if c.Defined() {
		t.Errorf("%s = %v, want undefined", name, *c.Value)
		return
	}
	if !strings.Contains(c.Undefined, because) {
		t.Errorf("%s undefined because %q, want it to say %q", name, c.Undefined, because)
	}
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
// Annenberg School for Communication, University of Pennsylvania,
// https://repository.upenn.edu/asc_papers/43 — examples A, B and C.
func TestKrippendorff2011Examples(t *testing.T) {
	// A. Binary data, two observers, no missing data: α = 0.095.
	a := rows(
		"0 1 0 0 0 0 0 0 1 0",
		"1 1 1 0 0 1 0 0 0 0")
	wantValue(t, "example A α", KrippendorffAlpha(a), 0.095, 10)

	// B. Nominal data, two observers, no missing data: α = 0.692.
	b := rows(
		"a a b b d c c c e d d a",
		"b a b b b c c c e d d d")
	wantValue(t, "example B α", KrippendorffAlpha(b), 0.692, 12)

	// C. Nominal data, any number of observers, missing data: four
	// observers, twelve units, unit 12 coded by one observer only (not
	// pairable): α = 0.743.
	c := rows(
		"1 2 3 3 2 1 4 1 2 . . .",
		"1 2 3 3 2 2 4 1 2 5 . 3",
		". 3 3 3 2 3 4 2 2 5 1 .",
		"1 2 3 3 2 4 4 1 2 5 1 .")
	wantValue(t, "example C α", KrippendorffAlpha(c), 0.743, 11)
}

// The example of the Wikipedia article "Krippendorff's alpha" (written
// with Krippendorff's computational example): three coders, fifteen units,
// many missing values: α = 0.691 (nominal).
func TestKrippendorffWikipediaExample(t *testing.T) {
	d := rows(
		". . . . . 3 4 1 2 1 1 3 3 . 3",
		"1 . 2 1 3 3 4 3 . . . . . . .",
		". . 2 1 3 4 4 . 2 1 1 3 3 . 4")
	wantValue(t, "Wikipedia example α", KrippendorffAlpha(d), 0.691, 12)
}

// Cohen, J. (1968). Weighted kappa. Psychological Bulletin 70(4), 213–220,
// Table 1: two judges, 200 cases, three categories, proportions
// .44 .07 .09 / .05 .20 .05 / .01 .03 .06: p_o = .70, p_c = .41,
// κ = .492 (as the psych package's cohen.kappa documentation reproduces:
// "cohen reports .492").
func TestCohen1968Example(t *testing.T) {
	d := fromTable([][]int{
		{88, 14, 18},
		{10, 40, 10},
		{2, 6, 12},
	})
	wantValue(t, "Cohen's κ", CohenKappa(d), 0.492, 200)
	wantValue(t, "percent agreement", PercentAgreement(d), 70, 200)
}

// Fleiss, J. L. (1971). Measuring nominal scale agreement among many
// raters. Psychological Bulletin 76(5), 378–382, Table 1: 30 patients,
// 6 psychiatrists each, 5 diagnoses (depression, personality disorder,
// schizophrenia, neurosis, other): κ = .430. (irr's kappam.fleiss on its
// data set "diagnoses", the same table, gives 0.430.)
func TestFleiss1971Example(t *testing.T) {
	d := fromCounts([][]int{
		{0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0},
		{2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6},
		{1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
		{0, 0, 5, 0, 1}, {3, 0, 0, 1, 2}, {5, 1, 0, 0, 0}, {0, 2, 0, 4, 0}, {1, 0, 2, 0, 3},
		{0, 0, 0, 0, 6}, {0, 1, 0, 5, 0}, {0, 2, 0, 1, 3}, {2, 0, 0, 4, 0}, {1, 0, 0, 4, 1},
		{0, 5, 0, 1, 0}, {4, 0, 0, 0, 2}, {0, 2, 0, 4, 0}, {1, 0, 5, 0, 0}, {0, 0, 0, 0, 6},
	})
	wantValue(t, "Fleiss' κ", FleissKappa(d), 0.430, 30)
}

// The example of the Wikipedia article "Fleiss' kappa": ten subjects,
// fourteen raters, five categories, P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
// (The brief named this table as Fleiss' own with κ = 0.430; it is not:
// Fleiss' table is the 30 × 6 one above.)
func TestFleissWikipediaExample(t *testing.T) {
	d := fromCounts([][]int{
		{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
		{7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
	})
	wantValue(t, "Fleiss' κ", FleissKappa(d), 0.210, 10)
}

// Known values: every coder agrees on every unit, with variation.
func TestAllAgree(t *testing.T) {
	d := rows(
		"1 0 1 1 0",
		"1 0 1 1 0",
		"1 0 1 1 0")
	wantValue(t, "percent agreement", PercentAgreement(d), 100, 5)
	wantValue(t, "Fleiss' κ", FleissKappa(d), 1, 5)
	wantValue(t, "Krippendorff's α", KrippendorffAlpha(d), 1, 5)
	wantUndefined(t, "Cohen's κ with three coders", CohenKappa(d), "two coders; there are 3")
	two := rows("a b a", "a b a")
	wantValue(t, "Cohen's κ", CohenKappa(two), 1, 3)
}

// Known values: two coders disagree on every unit, each using both
// values equally: κ = −1 (p_o = 0, p_e = ½); α = 1 − (n−1)·8/(2·4·4) =
// −0.75 with n = 8 values.
func TestAllDisagree(t *testing.T) {
	d := rows("1 0 1 0", "0 1 0 1")
	wantValue(t, "percent agreement", PercentAgreement(d), 0, 4)
	wantValue(t, "Cohen's κ", CohenKappa(d), -1, 4)
	wantValue(t, "Fleiss' κ", FleissKappa(d), -1, 4)
	wantValue(t, "Krippendorff's α", KrippendorffAlpha(d), -0.75, 4)
	// Each coder used one value only, a different one: p_e = 0, so κ = 0
	// — the coders agree exactly as often as chance would (never).
	fixed := rows("1 1 1", "0 0 0")
	wantValue(t, "Cohen's κ, each coder one value", CohenKappa(fixed), 0, 3)
}

// Degenerate data: when every value is the same (no coder ever applied
// the code, say), expected agreement is complete and every
// chance-corrected coefficient is 0/0. They are reported undefined with
// that reason — not 1, which would claim a reliability the data cannot
// show, and not 0 — while percent agreement is 100.
func TestOneValueOnly(t *testing.T) {
	d := rows("0 0 0 0", "0 0 0 0")
	wantValue(t, "percent agreement", PercentAgreement(d), 100, 4)
	for name, c := range map[string]Coefficient{
		"Cohen's κ": CohenKappa(d), "Fleiss' κ": FleissKappa(d), "Krippendorff's α": KrippendorffAlpha(d),
	} {
		wantUndefined(t, name, c, `every value is "0"`)
		if c.Units != 4 {
			t.Errorf("%s on %d units, want 4", name, c.Units)
		}
	}
}

// One coder leaves units out: Cohen's κ uses the units both coded, Fleiss'
// κ those all coded, α every pairable value; a unit with one value counts
// for none of them.
func TestOneCoderMissingUnits(t *testing.T) {
	two := rows(
		"1 1 0 0 1 0",
		"1 0 0 0 . .")
	// Units 1–4: p_o = 3/4; coder 1 [1 1 0 0], coder 2 [1 0 0 0]:
	// p_e = ½·¼ + ½·¾ = ½, κ = (¾ − ½)/(½) = 0.5.
	wantValue(t, "Cohen's κ", CohenKappa(two), 0.5, 4)
	wantValue(t, "percent agreement", PercentAgreement(two), 75, 4)
	// n = 8: n_1 = 3, n_0 = 5, one disagreeing unit (o_01 + o_10 = 2):
	// α = 1 − 7·2/(64 − 9 − 25) = 1 − 14/30.
	wantValue(t, "Krippendorff's α", KrippendorffAlpha(two), round3(1-14.0/30), 4)

	three := rows(
		"1 1 0 0 1",
		"1 1 0 0 .",
		"1 0 0 . 1")
	f := FleissKappa(three)
	wantValue(t, "Fleiss' κ", f, round3(fleissByHand()), 3)

	none := rows("1 . 0", ". 1 .")
	wantUndefined(t, "α with no pairable unit", KrippendorffAlpha(none), "no unit was coded by two coders")
	wantUndefined(t, "Cohen's κ with no common unit", CohenKappa(none), "no unit was coded by both")
	wantUndefined(t, "percent agreement with no pairable unit", PercentAgreement(none), "no unit")
	wantUndefined(t, "Fleiss' κ with no complete unit", FleissKappa(none), "no unit was coded by all 2 coders")
}

// fleissByHand is Fleiss' κ of units 1–3 of TestOneCoderMissingUnits'
// three coders, [1 1 1], [1 1 0], [0 0 0]: P_i = 1, ⅓, 1; P̄ = 7/9;
// p_1 = 5/9, p_0 = 4/9; P̄_e = 41/81.
func fleissByHand() float64 {
	pbar, pe := 7.0/9, 41.0/81
	return (pbar - pe) / (1 - pe)
}

func TestDataCounts(t *testing.T) {
	d := rows(
		"1 . 0 1",
		"1 1 . .",
		". . 1 .")
	if got := d.Pairable(); got != 2 {
		t.Errorf("Pairable = %d, want 2 (units 1 and 3)", got)
	}
	if got := d.CodersPresent(); got != 3 {
		t.Errorf("CodersPresent = %d, want 3", got)
	}
}
