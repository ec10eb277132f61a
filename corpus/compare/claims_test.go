package compare

import (
	"context"
	"slices"
	"testing"
	"time"
)

// claimScorer prepares the link scorer on the given sentences (invented,
// not from any reference data) and returns it with each sentence's unit.
func claimScorer(t *testing.T, sentences ...string) (*storyScorer, []int32) {
	t.Helper()
	p, err := NewPairScorer(sentences, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	units := make([]int32, len(sentences))
	for i, s := range sentences {
		u, ok := p.index[s]
		if !ok || u < 0 {
			t.Fatalf("no unit for %q", s)
		}
		units[i] = u
	}
	return p.sc, units
}

// TestCentreOfTwoClaimsSplits checks byCentreClause: a sentence stating
// two claims, one per clause, gathers members of each; they go to two
// groups, while a member matching both clauses goes with both, and one
// matching only the centre's attribution goes.
func TestCentreOfTwoClaimsSplits(t *testing.T) {
	const (
		centre  = "Signed in 1991 by the two prime ministers, the water accord caps the dam's reservoir at four billion cubic metres, the ministry of water resources said in a statement on Monday."
		signedA = "The accord was signed in 1991 by the two prime ministers."
		signedB = "Both prime ministers signed the accord in 1991."
		capsA   = "The accord caps the dam's reservoir at four billion cubic metres."
		capsB   = "Its reservoir is capped at four billion cubic metres under the accord."
		both    = "The prime ministers signed an accord on the dam's reservoir, capping it."
		said    = "The ministry of water resources said in a statement that talks would resume."
		short   = "Signed in 1991 by the two prime ministers, the water accord caps the dam's reservoir at four billion cubic metres, the ministry said."
	)
	x, u := claimScorer(t, centre, signedA, signedB, capsA, capsB, both, said, short)
	c := x.units[u[0]]
	if nClauses(c) != 3 {
		t.Fatalf("centre has %d clauses, want 3", nClauses(c))
	}
	if side := sideClauses(c); side != 1<<2 {
		t.Errorf("side clauses %03b, want only the attribution (100)", side)
	}
	// "the ministry said" is too short to be a clause: it joins the claim
	// before it, which is then no side clause.
	if sc := x.units[u[7]]; nClauses(sc) != 2 || sideClauses(sc) != 0 {
		t.Errorf("%q: %d clauses, side clauses %02b; want 2 and none", short, nClauses(sc), sideClauses(sc))
	}
	for i, want := range []int{0, 0, 1, 1, -1, 2} {
		if got := x.claimClause(c, x.units[u[i+1]]); got != want {
			t.Errorf("clause of the centre that member %d matches: %d, want %d", i+1, got, want)
		}
	}
	groups := x.byCentreClause(u[0], u[1:])
	if len(groups) != 2 {
		t.Fatalf("groups %v, want two", groups)
	}
	for _, g := range groups {
		has := func(i int) bool { return slices.Contains(g, u[i]) }
		if has(1) && has(3) || has(2) && has(4) {
			t.Errorf("group %v joins members of both claims", g)
		}
		if !has(5) {
			t.Errorf("group %v lacks the member matching both clauses", g)
		}
		if has(6) {
			t.Errorf("group %v keeps the member matching only the attribution", g)
		}
	}
	// A centre of one clause, or whose members all match one clause, is
	// one group.
	if g := x.byCentreClause(u[0], []int32{u[1], u[2], u[5]}); len(g) != 1 || len(g[0]) != 3 {
		t.Errorf("members of one claim: groups %v, want one of three", g)
	}
	if g := x.byCentreClause(u[1], []int32{u[0], u[2]}); len(g) != 1 || len(g[0]) != 2 {
		t.Errorf("centre of one clause: groups %v, want one of two", g)
	}
}

// TestRelativeClauseOnlyDescribes checks describesOnly: a sentence whose
// words shared with a fact's centre lie in a relative clause of its own
// states something else about the same thing; one whose main clause
// shares them does not.
func TestRelativeClauseOnlyDescribes(t *testing.T) {
	const (
		centre = "The northern fleet is about to deploy long-range patrol drones along the coast, the admiral said."
		denies = "The government denies breaking the pact, which limits long-range patrol drones along the coast."
		deploy = "Long-range patrol drones will be deployed along the coast by the northern fleet, which announced the plan."
	)
	x, u := claimScorer(t, centre, denies, deploy)
	if x.units[u[1]].side.relative() != 1<<1 {
		t.Fatalf("relative clauses of %q: %02b, want 10", denies, x.units[u[1]].side.relative())
	}
	if !x.describesOnly(u[1], u[0]) {
		t.Errorf("%q is kept beside %q: it shares only its relative clause", denies, centre)
	}
	if x.describesOnly(u[2], u[0]) {
		t.Errorf("%q is left out beside %q: its main clause states the claim", deploy, centre)
	}
}

// TestLookingBackInAnotherClause checks claimsOtherTimes: a sentence that
// looks back (a year before its article's) in one clause and states a
// present claim in another is linked with sentences stating that claim;
// one whose shared clause itself looks back is not.
func TestLookingBackInAnotherClause(t *testing.T) {
	for _, c := range []struct {
		first string
		want  bool
	}{
		{"Signed in 1991 by the two prime ministers, the water accord caps the dam's reservoir at four billion cubic metres.", true},
		{"In 1991 the water accord capped the dam's reservoir at four billion cubic metres.", false},
	} {
		cs := writeArticles(t,
			[3]string{"Alpha Wire", "Dam", c.first},
			[3]string{"Beta News", "Dam", "The accord caps the reservoir of the dam at four billion cubic metres."},
			[3]string{"Gamma Times", "Dam", "Under the accord, the dam's reservoir is capped at four billion cubic metres."},
		)
		pub := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
		for _, a := range cs.Articles {
			a.Published = &pub
		}
		r, err := Analyze(context.Background(), cs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range r.Facts {
			for _, m := range f.Members {
				got = got || m.Outlet == "Alpha Wire"
			}
		}
		if got != c.want {
			t.Errorf("%q in a fact with the present claim: %v, want %v (facts %+v)", c.first, got, c.want, r.Facts)
		}
	}
}
