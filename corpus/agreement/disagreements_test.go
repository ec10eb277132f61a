package agreement

import (
	"fmt"
	"reflect"
	"testing"
)

// TestDisagreements lists the units of twoCoders the coders differ on:
// the sentences of "one" (the only article both coded) where one applied
// a code and the other did not, per code, in sentence order.
func TestDisagreements(t *testing.T) {
	c := twoArticles(t)
	ds := Disagreements(c, twoCoders(c), Options{})
	var got []string
	for _, d := range ds {
		var ps []string
		for i, p := range d.Passages {
			for _, n := range p {
				ps = append(ps, fmt.Sprintf("%d:%d-%d", i, n.Anchor.Start, n.Anchor.End))
			}
		}
		got = append(got, fmt.Sprintf("%s %s/%d %v %v", d.Code, d.Article.ID, d.Sentence, d.Values, ps))
	}
	want := []string{
		"x one/1 [applied not applied] [0:40-60]",
		"x one/2 [applied not applied] [0:40-60]",
		"y one/1 [applied not applied] [0:40-60]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("disagreements:\n got %q\nwant %q", got, want)
	}
	if sp := ds[0].Span(); sp.Start != 32 || sp.End != 57 {
		t.Errorf("span of one/1: %v", sp)
	}
	// Every coder agreeing (the same coder twice) leaves nothing.
	cs := twoCoders(c)
	if ds := Disagreements(c, []Coder{cs[0], cs[0]}, Options{}); len(ds) != 0 {
		t.Errorf("a coder disagrees with themselves: %+v", ds)
	}
	// With every article taken as coded, "two" counts: B did not apply y
	// to its first sentence.
	ds = Disagreements(c, cs, Options{Coded: CodedAll})
	if n := len(ds); n != 4 || ds[3].Article.ID != "two" || ds[3].Code != "y" {
		t.Errorf("with coded=all: %d disagreements, last %+v", n, ds[len(ds)-1])
	}
}

// TestDisagreementsThreeCoders: a unit on which one coder of three did
// not code the article is judged on the other two.
func TestDisagreementsThreeCoders(t *testing.T) {
	c := twoArticles(t)
	cs := twoCoders(c)
	third := Coder{Name: "C"} // codes nothing: missing everywhere
	ds := Disagreements(c, []Coder{cs[0], third, cs[1]}, Options{})
	if len(ds) != 3 {
		t.Fatalf("%d disagreements, want 3", len(ds))
	}
	if v := ds[0].Values; !reflect.DeepEqual(v, []string{Applied, Missing, NotApplied}) {
		t.Errorf("values %q", v)
	}
}

// TestAgreed lists the units both coders marked with a code: sentence 1
// of "one" with x (A's whole sentence, B's "says"), sentence 3 with y.
func TestAgreed(t *testing.T) {
	c := twoArticles(t)
	var got []string
	for _, d := range Agreed(c, twoCoders(c), Options{}) {
		got = append(got, fmt.Sprintf("%s %s/%d %d+%d", d.Code, d.Article.ID, d.Sentence, len(d.Passages[0]), len(d.Passages[1])))
	}
	want := []string{"x one/0 1+1", "y one/2 1+1"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("agreed %q, want %q", got, want)
	}
}
