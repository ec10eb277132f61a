package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// TestAppendFactJSON: the hand-written encoding of a fact is
// encoding/json's, indented, byte for byte.
func TestAppendFactJSON(t *testing.T) {
	day := time.Date(2021, 1, 2, 3, 4, 5, 6, time.UTC)
	odd := []string{"", "plain", `say "so" \ now`, "a<b>&c", "tab\there\n", "\u2028 and \u2029", "bad \xff byte", "héllo – 東京", "\x7f del", "ctl \x01"}
	facts := []compare.Fact{
		{},
		{ID: "f-1", Outlets: []string{}, Members: []compare.Member{}, Discrepancies: []compare.Discrepancy{}, Stories: []string{}},
		{ID: "f-2", Story: "s-1", Label: "label…", Outlets: odd, Thread: "t-1", Stories: []string{"s-1", "s-2"},
			Members: []compare.Member{
				{Article: "a", Outlet: "o", Sentence: 3, Start: -1, End: 12, Text: "text \"q\"", Score: 0.8333333333333334,
					Evidence: compare.Evidence{Terms: odd, Numbers: []string{}, Names: []string{"X"}, Quote: "q"}},
				{Score: 1e-9}, {Score: 1e21}, {Score: 1}, {Score: -0.5}, {Score: 123456789.125},
			},
			Discrepancies: []compare.Discrepancy{{What: "number"}, {What: "date", Values: []compare.Value{}},
				{What: "<q>", Values: []compare.Value{{Article: "a", Outlet: "o", Value: "3", Text: odd[3]}, {}}}},
			Timeline: []compare.Carried{{Outlet: "o", First: &day}, {Outlet: "p", First: &day, Last: &day}},
		},
	}
	for _, s := range odd {
		facts = append(facts, compare.Fact{ID: s, Label: s, Members: []compare.Member{{Text: s, Evidence: compare.Evidence{Quote: s}}}})
	}
	for i, f := range facts {
		for _, prefix := range []string{"", "    "} {
			want, err := json.MarshalIndent(f, prefix, "  ")
			if err != nil {
				t.Fatal(err)
			}
			got, ok := appendFactJSON(nil, &f, prefix)
			if !ok || !bytes.Equal(got, want) {
				t.Errorf("fact %d, prefix %q: ok %v\ngot  %s\nwant %s", i, prefix, ok, got, want)
			}
		}
	}
	// Not a number: left to encoding/json, whose error it is.
	nan := compare.Fact{Members: []compare.Member{{Score: math.NaN()}}}
	if _, ok := appendFactJSON(nil, &nan, ""); ok {
		t.Error("a NaN score was encoded")
	}
}

// TestAppendFactJSONKnowsEveryField fails when a field is added to the
// types appendFactJSON writes by hand: it would be left out of `facts
// --json` silently (a field with omitempty may escape TestAppendFactJSON's
// examples). Add the field to jsonfact.go, then here.
func TestAppendFactJSONKnowsEveryField(t *testing.T) {
	known := map[reflect.Type][]string{
		reflect.TypeFor[compare.Fact]():        {"id", "story", "label", "outlets", "members", "discrepancies", "thread", "stories", "timeline,omitempty"},
		reflect.TypeFor[compare.Member]():      {"article", "outlet", "sentence", "start", "end", "text", "score", "evidence"},
		reflect.TypeFor[compare.Evidence]():    {"terms", "numbers", "dates", "names", "quote,omitempty"},
		reflect.TypeFor[compare.Discrepancy](): {"what", "values"},
		reflect.TypeFor[compare.Value]():       {"article", "outlet", "value", "text"},
	}
	for typ, want := range known {
		var got []string
		for i := range typ.NumField() {
			got = append(got, typ.Field(i).Tag.Get("json"))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v's JSON fields are %q; appendFactJSON writes %q", typ, got, want)
		}
	}
}
