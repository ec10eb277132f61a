package notes

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestTagCreatesCodesAndMergesSamePassage(t *testing.T) {
	s := openTemp(t)
	a := article("tass", sampleText)
	an := anchorOf(t, a, "The United States is to blame for the collapse of the treaty")
	n1 := mustTag(t, s, an, "blame", "blame/us")
	n2, err := s.Tag(an, []string{"Blame", "loaded language"}, "strong words")
	if err != nil {
		t.Fatal(err)
	}
	if n1.ID != n2.ID {
		t.Fatalf("same passage got a second note: %s and %s", n1.ID, n2.ID)
	}
	if want := []string{"blame", "blame/us", "loaded language"}; !slices.Equal(n2.Tags, want) {
		t.Fatalf("tags = %v, want %v", n2.Tags, want)
	}
	if n2.Memo != "strong words" {
		t.Fatalf("memo = %q", n2.Memo)
	}
	cs, _ := s.Codebook()
	if len(cs) != 3 || cs[1].Parent != "blame" || cs[0].Colour == "" || cs[0].Colour == cs[1].Colour {
		t.Fatalf("codebook = %+v", cs)
	}
	ns, _ := s.NotesFor("tass")
	if len(ns) != 1 {
		t.Fatalf("NotesFor = %d notes", len(ns))
	}
	if ns, _ := s.NotesFor("other"); len(ns) != 0 {
		t.Fatalf("NotesFor(other) = %v", ns)
	}
	// A second memo is appended, never replacing the first.
	n3, err := s.Tag(an, []string{"blame"}, "see also AA")
	if err != nil {
		t.Fatal(err)
	}
	if n3.Memo != "strong words\n\nsee also AA" {
		t.Fatalf("memo = %q", n3.Memo)
	}
	if _, err := s.Tag(an, []string{" "}, ""); err == nil {
		t.Fatal("empty tag name accepted")
	}
	if _, err := s.Tag(Anchor{Article: "x"}, []string{"a"}, ""); err == nil {
		t.Fatal("empty range accepted")
	}
}

// BenchmarkTag measures one durable tag (a committed, fsynced transaction).
func BenchmarkTag(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "n.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := article("a", strings.Repeat(sampleText, 20))
	i := 0
	for b.Loop() {
		st := (i * 7) % (len(a.Text) - 50)
		if _, err := s.Tag(NewAnchor(a, st, st+40), []string{fmt.Sprintf("c%d", i%30)}, ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestLastTag checks that the tag last applied is remembered in the file
// for a later session, follows its code's renaming and merging, and is
// forgotten when its code is deleted.
func TestLastTag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "" {
		t.Fatalf("LastTag of a new store = %q, %v", got, err)
	}
	a := Anchor{Article: "a", Start: 0, End: 5, Quote: "Hello"}
	if _, err := s.Tag(a, []string{"blame", "Omission"}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tag(a, nil, "a memo only"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.LastTag(); err != nil || got != "Omission" {
		t.Fatalf("LastTag after reopening = %q, %v; want Omission", got, err)
	}
	if err := s.RenameCode("omission", "left out"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "left out" {
		t.Fatalf("LastTag after renaming = %q, %v; want left out", got, err)
	}
	if err := s.MergeCodes("left out", "blame"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "blame" {
		t.Fatalf("LastTag after merging = %q, %v; want blame", got, err)
	}
	if err := s.DeleteCode("blame"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastTag(); err != nil || got != "" {
		t.Fatalf("LastTag after deleting the code = %q, %v; want none", got, err)
	}
}
