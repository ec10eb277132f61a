package notes

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// codingOf lists the store's notes as "start-end tags coder".
func codingOf(t *testing.T, s *Store) []string {
	t.Helper()
	ns, err := s.Notes()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range ns {
		out = append(out, fmt.Sprintf("%d-%d %s %s", n.Anchor.Start, n.Anchor.End, strings.Join(n.Tags, ","), n.Coder))
	}
	sort.Strings(out)
	return out
}

func TestSetUnitCoding(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "consensus.db"), WithCoder("team"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text := "One two three. Four five six. Seven eight nine."
	a := article("a", text)
	unit := corpus.Span{Start: 15, End: 29} // "Four five six."
	set := func(passages ...corpus.Span) {
		t.Helper()
		if err := s.SetUnitCoding(UnitCoding{Article: a, Start: unit.Start, End: unit.End, Code: "blame", Colour: "#112233", Passages: passages, Why: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	// Accept a passage reaching beyond the unit: it is cut to the unit.
	set(corpus.Span{Start: 20, End: 40})
	if got, want := codingOf(t, s), []string{"20-29 blame team"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after accepting: %q, want %q", got, want)
	}
	cb, _ := s.Codebook()
	if len(cb) != 1 || cb[0].Colour != "#112233" {
		t.Errorf("codebook %+v: the coders' colour is not kept", cb)
	}
	// Accept both: two passages.
	set(corpus.Span{Start: 15, End: 19}, corpus.Span{Start: 20, End: 29})
	if got, want := codingOf(t, s), []string{"15-19 blame team", "20-29 blame team"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after both: %q, want %q", got, want)
	}
	// A passage made elsewhere across three sentences keeps the code
	// outside the unit when neither is accepted.
	if _, err := s.Tag(NewAnchor(a, 0, len(text)), []string{"blame", "other"}, ""); err != nil {
		t.Fatal(err)
	}
	set()
	want := []string{"0-15 blame team", "0-47 other team", "29-47 blame team"}
	if got := codingOf(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("after neither: %q, want %q", got, want)
	}
	// One undo takes back the whole decision.
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	want = []string{"0-47 blame,other team", "15-19 blame team", "20-29 blame team"}
	if got := codingOf(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("after undo: %q, want %q", got, want)
	}
	if _, err := s.Undo(); err != nil { // the tag
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil { // both
		t.Fatal(err)
	}
	if got, want := codingOf(t, s), []string{"20-29 blame team"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after three undos: %q, want %q", got, want)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := codingOf(t, s); len(got) != 0 {
		t.Fatalf("after undoing everything: %q", got)
	}
	if cb, _ := s.Codebook(); len(cb) != 0 {
		t.Errorf("the code created stays after undo: %+v", cb)
	}
	if err := s.SetUnitCoding(UnitCoding{Article: a, Start: 5, End: 100, Code: "x"}); err == nil {
		t.Error("a unit past the text is accepted")
	}
}

// TestSetUnitCodings writes several units in one change that one undo
// takes back.
func TestSetUnitCodings(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "consensus.db"), WithCoder("team"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := article("a", "One two three. Four five six. Seven eight nine.")
	us := []UnitCoding{
		{Article: a, Start: 0, End: 14, Code: "x", Passages: []corpus.Span{{Start: 0, End: 14}}},
		{Article: a, Start: 15, End: 29, Code: "y", Passages: []corpus.Span{{Start: 15, End: 19}}},
	}
	if err := s.SetUnitCodings(us, "took over 2", "dropped 2"); err != nil {
		t.Fatal(err)
	}
	if got, want := codingOf(t, s), []string{"0-14 x team", "15-19 y team"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after two units: %q, want %q", got, want)
	}
	if what, err := s.Undo(); err != nil || what != "dropped 2" {
		t.Fatalf("undo: %q, %v", what, err)
	}
	if got := codingOf(t, s); len(got) != 0 {
		t.Fatalf("after one undo: %q", got)
	}
}
