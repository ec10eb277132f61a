package compare

import (
	"cmp"
	"slices"
)

// A sentence of several clauses may state several claims ("Signed in
// 1987 by …, the treaty bans missiles with a range of …"), or state one
// and describe or attribute it in the others ("…, which forbids …",
// "…, the ministry said"). Links score the best pair of clauses, so a
// fact's centre may gather members that each match a different clause of
// it: members that state different claims. The functions below find,
// for a pair of sentences, the clause of one that holds what they share,
// and core uses them to keep a fact to one claim.

// clauseClaimShare is the share of what two sentences share that one
// clause of a sentence must hold for that clause to be what the other
// matches.
const clauseClaimShare = 0.75

// maxClaimClauses is how many clauses of a sentence are told apart; a
// sentence with more is rare, and its later clauses are not.
const maxClaimClauses = 8

// nClauses is the number of u's clauses that claimClause tells apart (0
// when u has one clause or keeps its segments as lists).
func nClauses(u *unit) int {
	if !u.hasSegOf() {
		return 0
	}
	// The segments are the clauses and the pairs of adjacent clauses,
	// in turn: clause k is segment 2k.
	return min((int(u.nseg)+1)/2, maxClaimClauses)
}

// claimClause is the clause of u that holds clauseClaimShare of the
// weight u shares with v, or -1 when none does (or u has one clause).
func (x *storyScorer) claimClause(u, v *unit) int {
	nc := nClauses(u)
	if nc == 0 {
		return -1
	}
	var cw [maxClaimClauses]float64
	total := 0.0
	for k, t := range u.terms {
		if _, ok := slices.BinarySearch(v.terms, t); !ok {
			continue
		}
		w := x.termWeight(t)
		total += w
		for ci := range nc {
			if u.segOf(k)&(1<<(2*ci)) != 0 {
				cw[ci] += w
			}
		}
	}
	for ci := range nc {
		if total > 0 && cw[ci] >= clauseClaimShare*total {
			return ci
		}
	}
	return -1
}

// sideFlags mark the clauses of a sentence that do not state its claim,
// for its first maxSideClauses clauses: bit k (relative) when clause k
// opens with a relative pronoun ("…, which forbids …") and describes a
// noun of another clause; bit 4+k (attribution) when it holds a verb of
// attribution ("…, the ministry said") and says who claims it. A clause
// that short clauses were merged into is never marked: it may hold the
// claim too.
type sideFlags uint8

// maxSideClauses is how many clauses of a sentence sideFlags describe.
const maxSideClauses = 4

// with returns s with clause k's marks added.
func (s sideFlags) with(k int, relative, attribution bool) sideFlags {
	if relative {
		s |= 1 << uint(k)
	}
	if attribution {
		s |= 1 << uint(4+k)
	}
	return s
}

// relative returns the relative clauses as bits by clause.
func (s sideFlags) relative() uint8 { return uint8(s) & 0xf }

// attribution returns the clauses of attribution as bits by clause.
func (s sideFlags) attribution() uint8 { return uint8(s) >> 4 }

// sideClauses marks (bit k) the clauses of u that do not state its
// claim: its relative clauses and clauses of attribution.
func sideClauses(u *unit) uint8 {
	if nClauses(u) == 0 {
		return 0
	}
	return u.side.relative() | u.side.attribution()
}

// describesOnly reports whether what m shares with a fact's centre lies
// in a relative clause of m's own ("Russia denies it violated the treaty,
// which forbids short- and intermediate-range missiles" beside "the US is
// about to deploy short- and intermediate-range missiles"): m then says
// something else about what the centre's claim is about. (A member that
// shares only its attribution clause with the centre still links weakly
// on the rest; the centre's own side clauses are byCentreClause's.)
func (x *storyScorer) describesOnly(m, centre int32) bool {
	mu := x.units[m]
	rel := mu.side.relative()
	if rel == 0 || nClauses(mu) == 0 {
		return false
	}
	ci := x.claimClause(mu, x.units[centre])
	return ci >= 0 && rel>>uint(ci)&1 != 0
}

// byCentreClause groups the members linked to a fact's centre by the
// clause of the centre that holds what they share with it. A centre that
// states two claims, one per clause, gathers members of each: they state
// different claims, and each clause's members become a fact of their own
// (with the centre). Members matching a side clause of the centre (its
// attribution, a relative clause) go when others match a claim clause;
// members whose shared weight no clause holds go with every group. The
// groups come largest first, the earlier clause on a tie.
func (x *storyScorer) byCentreClause(c int32, linked []int32) [][]int32 {
	u := x.units[c]
	nc := nClauses(u)
	if nc == 0 || len(linked) < 2 {
		return [][]int32{linked}
	}
	side := sideClauses(u)
	assign := make([]int, len(linked))
	var used [maxClaimClauses]int
	nused := 0
	for i, m := range linked {
		ci := x.claimClause(u, x.units[m])
		assign[i] = ci
		if ci >= 0 && side>>uint(ci)&1 == 0 {
			if used[ci] == 0 {
				nused++
			}
			used[ci]++
		}
	}
	if nused == 0 {
		return [][]int32{linked}
	}
	out := make([][]int32, 0, nused)
	for ci := range nc {
		if used[ci] == 0 {
			continue
		}
		var g []int32
		for i, m := range linked {
			if assign[i] == ci || assign[i] == -1 {
				g = append(g, m)
			}
		}
		out = append(out, g)
	}
	slices.SortStableFunc(out, func(a, b []int32) int { return cmp.Compare(len(b), len(a)) })
	return out
}
