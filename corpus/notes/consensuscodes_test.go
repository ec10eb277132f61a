package notes

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// teamCodebook is the codebook the coders share (docs/agreement.md).
var teamCodebook = []Code{
	{Name: "blame", Colour: "#e15759", Description: "Who is held responsible"},
	{Name: "blame/us", Colour: "#f28e2b", Description: "The United States is blamed", Parent: "blame"},
	{Name: "denial", Colour: "#76b7b2", Description: "An accusation is denied"},
}

// TestConsensusCodesFollowTheCoders: a code the consensus creates, and
// the parent it creates for it, are defined as in the coders' codebook,
// so that merging the consensus with a coder's file reports no conflict.
func TestConsensusCodesFollowTheCoders(t *testing.T) {
	dir := t.TempDir()
	a := article("a", "One two three. Four five six. Seven eight nine.")
	anna := filepath.Join(dir, "anna.db")
	s, err := Open(anna, WithCoder("anna"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportCodebook(teamCodebook, "codebook.csv"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tag(NewAnchor(a, 0, 14), []string{"blame/us"}, ""); err != nil {
		t.Fatal(err)
	}
	s.Close()
	cons := filepath.Join(dir, "consensus.db")
	c, err := Open(cons, WithCoder("anna"))
	if err != nil {
		t.Fatal(err)
	}
	// The colour the reader passes for a code is overruled by the codebook.
	us := []UnitCoding{
		{Article: a, Start: 0, End: 14, Code: "blame/us", Colour: "#4e79a7", Codebook: teamCodebook, Passages: []corpus.Span{{Start: 0, End: 14}}},
		{Article: a, Start: 15, End: 29, Code: "denial", Codebook: teamCodebook, Passages: []corpus.Span{{Start: 15, End: 29}}},
	}
	if err := c.SetUnitCodings(us, "took over 2", "dropped 2"); err != nil {
		t.Fatal(err)
	}
	cb, err := c.Codebook()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Code{}
	for _, x := range cb {
		got[x.Name] = Code{Name: x.Name, Colour: x.Colour, Description: x.Description, Parent: x.Parent}
	}
	for _, want := range teamCodebook {
		if got[want.Name] != want {
			t.Errorf("consensus code %+v, want %+v", got[want.Name], want)
		}
	}
	c.Close()
	rep, err := Merge(filepath.Join(dir, "merged.db"), []string{anna, cons}, MergeOptions{})
	if err != nil {
		t.Fatalf("merge of the coder's file and the consensus: %v (conflicts %+v)", err, rep.Conflicts)
	}
	if len(rep.Conflicts) != 0 {
		t.Fatalf("conflicts: %+v", rep.Conflicts)
	}
}

// TestConsensusCodesWithoutCodebook: with no definition the colour given
// is used and a "blame/us" name still gets its parent; an unused code of
// the consensus takes the coders' definition when one comes.
func TestConsensusCodesWithoutCodebook(t *testing.T) {
	c, err := Open(filepath.Join(t.TempDir(), "consensus.db"), WithCoder("team"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	a := article("a", "One two three. Four five six.")
	u := UnitCoding{Article: a, Start: 0, End: 14, Code: "blame/us", Colour: "#112233", Passages: []corpus.Span{{Start: 0, End: 14}}}
	if err := c.SetUnitCoding(u); err != nil {
		t.Fatal(err)
	}
	cb, _ := c.Codebook()
	if len(cb) != 2 || cb[1].Name != "blame/us" || cb[1].Colour != "#112233" || cb[1].Parent != "blame" {
		t.Fatalf("codebook %+v", cb)
	}
	// blame, made as a parent and used by no note, follows the codebook.
	u2 := UnitCoding{Article: a, Start: 15, End: 29, Code: "blame/us", Codebook: teamCodebook, Passages: []corpus.Span{{Start: 15, End: 19}}}
	if err := c.SetUnitCoding(u2); err != nil {
		t.Fatal(err)
	}
	cb, _ = c.Codebook()
	if cb[0].Name != "blame" || cb[0].Colour != "#e15759" || cb[0].Description != "Who is held responsible" {
		t.Fatalf("unused parent not brought in line: %+v", cb[0])
	}
	if cb[1].Colour != "#112233" {
		t.Fatalf("a code in use was recoloured: %+v", cb[1])
	}
}

// TestSetUnitCodingTwice: writing a coding the file already holds changes
// nothing and adds no step to the history, so one undo takes back the
// first write.
func TestSetUnitCodingTwice(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "consensus.db"), WithCoder("team"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := article("a", "One two three. Four five six. Seven eight nine.")
	us := []UnitCoding{
		{Article: a, Start: 0, End: 14, Code: "x", Passages: []corpus.Span{{Start: 0, End: 14}}},
		{Article: a, Start: 15, End: 29, Code: "y", Passages: []corpus.Span{{Start: 15, End: 19}, {Start: 20, End: 29}}},
	}
	if err := s.SetUnitCodings(us, "took over 2", "dropped 2"); err != nil {
		t.Fatal(err)
	}
	ns, _ := s.Notes()
	for _, u := range us {
		if !u.CodedIn(ns) {
			t.Fatalf("CodedIn says %s on %d–%d is not coded after writing it", u.Code, u.Start, u.End)
		}
	}
	if (UnitCoding{Article: a, Start: 15, End: 29, Code: "y", Passages: []corpus.Span{{Start: 15, End: 19}}}).CodedIn(ns) {
		t.Fatal("CodedIn takes two passages for one")
	}
	if err := s.SetUnitCodings(us, "took over 2 again", "dropped 2 again"); err != nil {
		t.Fatal(err)
	}
	if what, _ := s.CanUndo(); what != "took over 2" {
		t.Fatalf("undo would %q after writing the same again", what)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := codingOf(t, s); len(got) != 0 {
		t.Fatalf("after one undo: %q", got)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("a second undo: %v", err)
	}
	if got := codingOf(t, s); !reflect.DeepEqual(got, []string(nil)) {
		t.Fatalf("after two undos: %q", got)
	}
}
