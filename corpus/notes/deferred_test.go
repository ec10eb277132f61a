package notes

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// A deferred store writes nothing until its first change: it reads as
// empty, has nothing to undo, and its first tag creates the file (and its
// folder), which then opens as any other.
func TestDeferredStoreCreatesItsFileOnTheFirstChange(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "corpus", FileName)
	s, err := OpenDeferred(p, WithCoder("ana"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(filepath.Dir(p)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("opening created %s (%v)", filepath.Dir(p), err)
	}
	if s.Created() || s.Path() != p {
		t.Fatalf("Created %v, Path %q", s.Created(), s.Path())
	}
	ns, err1 := s.Notes()
	codes, err2 := s.Codebook()
	cs, err3 := s.Corrections()
	last, err4 := s.LastTag()
	if len(ns)+len(codes)+len(cs) != 0 || last != "" || errors.Join(err1, err2, err3, err4) != nil {
		t.Fatalf("a deferred store read %d notes, %d codes, %d corrections, last %q, errors %v", len(ns), len(codes), len(cs), last, errors.Join(err1, err2, err3, err4))
	}
	if _, ok := s.CanUndo(); ok {
		t.Fatal("something to undo in a store with no file")
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("Undo = %v, want ErrNothingToUndo", err)
	}
	a := article("a", sampleText)
	if moved, orphaned, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{a}}); moved+orphaned != 0 || err != nil {
		t.Fatalf("Reanchor = %d, %d, %v", moved, orphaned, err)
	}
	if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("reading created the file (%v)", err)
	}
	n := mustTag(t, s, anchorOf(t, a, "Analysts in Brussels"), "voice")
	if !s.Created() {
		t.Fatal("the first tag did not create the file")
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.CanUndo(); !ok {
		t.Fatal("the first tag cannot be undone")
	}
	s.Close()
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ns, _ = s2.Notes()
	if len(ns) != 1 || ns[0].ID != n.ID || ns[0].Coder != "ana" {
		t.Fatalf("after reopening: %+v", ns)
	}
}

// A deferred store notices a file another window created meanwhile, and
// opens an existing file at once.
func TestDeferredStoreSeesAFileMadeElsewhere(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	s, err := OpenDeferred(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if changed, err := s.Refresh(); changed || err != nil {
		t.Fatalf("Refresh with no file = %v, %v", changed, err)
	}
	other, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	mustTag(t, other, anchorOf(t, article("a", sampleText), "Analysts in Brussels"), "voice")
	other.Close()
	if changed, err := s.Refresh(); !changed || err != nil {
		t.Fatalf("Refresh after another window wrote = %v, %v", changed, err)
	}
	if ns, _ := s.Notes(); len(ns) != 1 {
		t.Fatalf("read %d notes after the refresh", len(ns))
	}
	again, err := OpenDeferred(p)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if !again.Created() {
		t.Fatal("an existing file opened deferred")
	}
	// A closed deferred store creates nothing.
	q := filepath.Join(t.TempDir(), FileName)
	c, _ := OpenDeferred(q)
	c.Close()
	if _, err := c.Tag(anchorOf(t, article("a", sampleText), "Analysts in Brussels"), []string{"voice"}, ""); err == nil {
		t.Fatal("a closed store took a tag")
	}
	if _, err := os.Stat(q); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a closed deferred store created its file")
	}
}
