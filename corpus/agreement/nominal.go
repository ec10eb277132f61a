package agreement

import (
	"fmt"
	"sort"
)

// Reasons a coefficient is undefined, shared by all of them.
const (
	whyNoPairs = "no unit was coded by two coders"
)

// whyOneValue says why a chance-corrected coefficient is undefined when
// every value is the same: expected agreement is then complete, so
// agreement cannot be told apart from chance and the coefficient is 0/0.
func whyOneValue(v string) string {
	return fmt.Sprintf("every value is %q: with no variation, agreement cannot be told from chance (0/0)", v)
}

// PercentAgreement is the share, in percent, of pairs of coders who gave
// a unit the same value, over every pair of values within the units that
// at least two coders coded. With two coders it is the plain share of
// units they agree on; without missing data it is Fleiss' P̄ × 100.
func PercentAgreement(d Data) Coefficient {
	agree, pairs, units := 0, 0, 0
	var vs []string
	for u := range d.Values {
		vs = d.valuesInto(vs, u)
		if len(vs) < 2 {
			continue
		}
		units++
		for a := 0; a < len(vs); a++ {
			for b := a + 1; b < len(vs); b++ {
				pairs++
				if vs[a] == vs[b] {
					agree++
				}
			}
		}
	}
	if pairs == 0 {
		return undefined(0, whyNoPairs)
	}
	return defined(100*float64(agree)/float64(pairs), units)
}

// CohenKappa is Cohen's (1960) κ = (p_o − p_e)/(1 − p_e) for two coders,
// on the units both coded, p_e from each coder's own distribution of
// values.
func CohenKappa(d Data) Coefficient {
	if d.Coders != 2 {
		return undefined(0, fmt.Sprintf("Cohen's κ is for two coders; there are %d (see Fleiss' κ and Krippendorff's α)", d.Coders))
	}
	a, b := map[string]int{}, map[string]int{}
	n, same := 0, 0
	for _, row := range d.Values {
		if row[0] == Missing || row[1] == Missing {
			continue
		}
		n++
		a[row[0]]++
		b[row[1]]++
		if row[0] == row[1] {
			same++
		}
	}
	if n == 0 {
		return undefined(0, "no unit was coded by both coders")
	}
	pe := 0.0
	for v, ca := range a {
		pe += float64(ca) / float64(n) * float64(b[v]) / float64(n)
	}
	if only, ok := single(a, b); ok {
		return undefined(n, whyOneValue(only))
	}
	po := float64(same) / float64(n)
	return defined((po-pe)/(1-pe), n)
}

// FleissKappa is Fleiss' (1971) κ = (P̄ − P̄_e)/(1 − P̄_e). It needs the
// same number of values on every unit, so it uses the units every coder
// coded (listwise deletion, as irr's kappam.fleiss does).
func FleissKappa(d Data) Coefficient {
	if d.Coders < 2 {
		return undefined(0, fmt.Sprintf("Fleiss' κ needs two coders or more; there are %d", d.Coders))
	}
	m := float64(d.Coders)
	total, counts := map[string]int{}, map[string]int{}
	pbar, units := 0.0, 0
	for u, vs := range d.Values {
		if d.given(u) != d.Coders {
			continue
		}
		units++
		clear(counts)
		for _, v := range vs {
			counts[v]++
			total[v]++
		}
		s := 0.0
		for _, c := range counts {
			s += float64(c) * float64(c-1)
		}
		pbar += s / (m * (m - 1))
	}
	if units == 0 {
		return undefined(0, fmt.Sprintf("no unit was coded by all %d coders (Fleiss' κ uses only units every coder coded)", d.Coders))
	}
	pbar /= float64(units)
	if only, ok := single(total); ok {
		return undefined(units, whyOneValue(only))
	}
	pe, all := 0.0, float64(units)*m
	for _, c := range total {
		p := float64(c) / all
		pe += p * p
	}
	return defined((pbar-pe)/(1-pe), units)
}

// KrippendorffAlpha is Krippendorff's α for nominal data, any number of
// coders and missing values (Krippendorff 2011): 1 − D_o/D_e computed from
// the coincidence matrix of the pairable values, which for nominal data
// is α = 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
func KrippendorffAlpha(d Data) Coefficient {
	nc := map[string]float64{} // n_c: pairable values of each kind
	agree := 0.0               // Σ_c o_cc
	units := 0
	counts := map[string]int{}
	var vs []string
	for u := range d.Values {
		vs = d.valuesInto(vs, u)
		mu := len(vs)
		if mu < 2 {
			continue
		}
		units++
		clear(counts)
		for _, v := range vs {
			counts[v]++
			nc[v]++
		}
		for _, c := range counts {
			agree += float64(c*(c-1)) / float64(mu-1)
		}
	}
	if units == 0 {
		return undefined(0, whyNoPairs)
	}
	n, sq := 0.0, 0.0
	for _, c := range nc {
		n += c
		sq += c * c
	}
	if only, ok := single(nc); ok {
		return undefined(units, whyOneValue(only))
	}
	observed := n - agree // Σ_{c≠k} o_ck
	expected := n*n - sq  // Σ_{c≠k} n_c·n_k
	return defined(1-(n-1)*observed/expected, units)
}

// single returns the only key of the maps together, when there is just
// one.
func single[V int | float64](ms ...map[string]V) (string, bool) {
	keys := map[string]bool{}
	for _, m := range ms {
		for k, v := range m {
			if v != 0 {
				keys[k] = true
			}
		}
	}
	if len(keys) != 1 {
		return "", false
	}
	ks := make([]string, 0, 1)
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks[0], true
}
