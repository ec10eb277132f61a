package notes

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// TestMadeOnSetAtCreation: a new note records the text it was made on,
// the hash of its article's text as loaded then.
func TestMadeOnSetAtCreation(t *testing.T) {
	s := openTemp(t)
	a := article("a", anchorText)
	n := mustTag(t, s, anchorOf(t, a, passage), "offer")
	if n.Anchor.MadeOn != TextHash(anchorText) || n.Anchor.MadeOn != n.Anchor.Hash {
		t.Fatalf("made on %q, hash %q; want both %q", n.Anchor.MadeOn, n.Anchor.Hash, TextHash(anchorText))
	}
	ns, err := s.Notes()
	if err != nil || len(ns) != 1 || ns[0].Anchor.MadeOn != TextHash(anchorText) {
		t.Fatalf("read back: %+v %v", ns, err)
	}
	// An anchor that gives no made-on text (an imported one) is made on
	// the text it is placed on.
	an := anchorOf(t, a, "NATO officials")
	an.MadeOn = ""
	if n := mustTag(t, s, an, "nato"); n.Anchor.MadeOn != an.Hash {
		t.Fatalf("made on %q, want the anchor's hash", n.Anchor.MadeOn)
	}
}

// TestReanchorKeepsMadeOn: re-anchoring on a new version of the article
// moves the note and its hash, never the text it was made on — nor for a
// note orphaned by the edit, nor across reopening the file.
func TestReanchorKeepsMadeOn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v1 := article("a", anchorText)
	kept := mustTag(t, s, anchorOf(t, v1, passage), "offer")
	gone := mustTag(t, s, anchorOf(t, v1, "The alliance will meet again in December."), "meeting")
	orig := TextHash(anchorText)

	text2 := "UPDATED. " + strings.Replace(anchorText, " The alliance will meet again in December.", "", 1)
	v2 := article("a", text2)
	moved, orphaned, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{v2}})
	if err != nil || moved != 1 || orphaned != 1 {
		t.Fatalf("re-anchor: moved %d, orphaned %d, %v", moved, orphaned, err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, err := s.Notes()
	if err != nil || len(ns) != 2 {
		t.Fatalf("notes: %+v %v", ns, err)
	}
	for _, n := range ns {
		if n.Anchor.Hash != TextHash(text2) {
			t.Errorf("note %s: hash %q, want the new version's", n.Anchor.Quote, n.Anchor.Hash)
		}
		if n.Anchor.MadeOn != orig {
			t.Errorf("note %s: made on %q, want the first version's %q", n.Anchor.Quote, n.Anchor.MadeOn, orig)
		}
		switch n.ID {
		case kept.ID:
			if n.Orphaned || text2[n.Anchor.Start:n.Anchor.End] != passage {
				t.Errorf("the kept passage: %+v", n)
			}
		case gone.ID:
			if !n.Orphaned {
				t.Errorf("the deleted passage is not orphaned: %+v", n)
			}
		}
	}
	// A note made now, on the second version, is made on it.
	if n := mustTag(t, s, anchorOf(t, v2, "UPDATED."), "update"); n.Anchor.MadeOn != TextHash(text2) {
		t.Fatalf("a note made on version 2: made on %q", n.Anchor.MadeOn)
	}
	// Tagging a note's passage again keeps the note's first text.
	n := mustTag(t, s, anchorOf(t, v2, passage), "again")
	if n.ID != kept.ID || n.Anchor.MadeOn != orig {
		t.Fatalf("tagged again: %+v", n)
	}
}

// TestUndoKeepsMadeOn: a deleted note restored by undo is made on the
// text it was made on, not the one it was placed on last.
func TestUndoKeepsMadeOn(t *testing.T) {
	s := openTemp(t)
	v1 := article("a", anchorText)
	n := mustTag(t, s, anchorOf(t, v1, passage), "offer")
	v2 := article("a", "UPDATED. "+anchorText)
	if _, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{v2}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteNote(n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	ns, err := s.Notes()
	if err != nil || len(ns) != 1 || ns[0].ID != n.ID || ns[0].Anchor.MadeOn != TextHash(anchorText) || ns[0].Anchor.Hash != v2.Hash {
		t.Fatalf("restored: %+v %v", ns, err)
	}
}

// TestMergeKeepsMadeOn: merge-notes writes each note's made-on text as
// its file holds it, known or not.
func TestMergeKeepsMadeOn(t *testing.T) {
	dir := t.TempDir()
	anna, ben, _, _ := mergeFixture(t, dir)
	// Move anna's notes onto an edited text: their hash changes, the
	// text they were made on does not.
	s := openAs(t, anna, "anna")
	edited := article("a", "UPDATED. "+sampleText)
	if _, _, err := s.Reanchor(&corpus.Corpus{Articles: []*corpus.Article{edited}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := filepath.Join(dir, "team.db")
	if _, err := Merge(out, []string{anna, ben}, MergeOptions{Prefer: []string{anna}}); err != nil {
		t.Fatal(err)
	}
	m, err := OpenReadOnly(out)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	ns, err := m.Notes()
	if err != nil || len(ns) != 5 {
		t.Fatalf("merged: %d notes, %v", len(ns), err)
	}
	orig := TextHash(sampleText)
	for _, n := range ns {
		if n.Anchor.MadeOn != orig {
			t.Errorf("%s's note %q: made on %q, want %q", n.Coder, n.Anchor.Quote, n.Anchor.MadeOn, orig)
		}
		if n.Coder == "anna" && n.Anchor.Hash != edited.Hash {
			t.Errorf("anna's note %q: hash %q, want the edited text's", n.Anchor.Quote, n.Anchor.Hash)
		}
	}
}

// TestMigrateFromVersion5File upgrades a notes file that parallax wrote
// at schema version 5 (testdata/README.md): read-only it reads as it is,
// unchanged; opened for writing it is upgraded in place, keeps every
// note, code and history step, its notes made on an unknown text, and new
// notes record theirs. An older parallax then refuses the file as newer
// (the refusal is TestNewerVersionRefused's).
func TestMigrateFromVersion5File(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v5.db")
	before := fixtureFile(t, "v5-notes.db", path, 0o644)
	roNotes, roCodes := readOnlyContents(t, path)
	if len(roNotes) != 3 || len(roCodes) != 4 {
		t.Fatalf("read-only: %d notes, %d codes; want 3 and 4", len(roNotes), len(roCodes))
	}
	for _, n := range roNotes {
		if n.Anchor.MadeOn != "" || n.Coder == "" {
			t.Errorf("read-only note %+v", n)
		}
	}
	if fileHash(t, path) != before {
		t.Fatal("reading a version 5 file read-only changed it")
	}
	// Merging it reads it as it is, too.
	out := filepath.Join(t.TempDir(), "merged.db")
	if rep, err := Merge(out, []string{path}, MergeOptions{}); err != nil || rep.Notes != 3 {
		t.Fatalf("merge of a version 5 file: %+v %v", rep, err)
	}
	if fileHash(t, path) != before {
		t.Fatal("merging a version 5 file changed it")
	}

	s := openAs(t, path, "anna")
	defer s.Close()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("user_version = %d (%v), want %d", v, err, SchemaVersion)
	}
	ns, _ := s.Notes()
	cs, _ := s.Codebook()
	if len(ns) != len(roNotes) || !slices.Equal(cs, roCodes) {
		t.Fatalf("after the upgrade: %d notes, codes %v", len(ns), cs)
	}
	for i, n := range ns {
		r := roNotes[i]
		if n.ID != r.ID || n.Memo != r.Memo || !slices.Equal(n.Tags, r.Tags) || n.Anchor != r.Anchor || n.Coder != r.Coder || n.Anchor.MadeOn != "" {
			t.Errorf("note %d: %+v, was %+v", i, n, r)
		}
	}
	if hc := historyCoders(t, s); len(hc) != 3 {
		t.Fatalf("history after the upgrade: %v", hc)
	}
	// The old history still undoes and redoes.
	if d, err := s.Undo(); err != nil || !strings.Contains(d, "blame/us") {
		t.Fatalf("undo of a version 5 step: %q %v", d, err)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	// Re-anchoring on the text as loaded leaves the unknown alone.
	c := corpus.Default()
	if _, _, err := s.Reanchor(c); err != nil {
		t.Fatal(err)
	}
	ns, _ = s.Notes()
	for _, n := range ns {
		if n.Anchor.MadeOn != "" || n.Orphaned {
			t.Errorf("after re-anchoring: %+v", n)
		}
	}
	// A new note records the text it is made on.
	art := c.Article(ns[0].Anchor.Article)
	n := mustTag(t, s, NewAnchor(art, 0, 2), "new")
	if n.Anchor.MadeOn != art.Hash {
		t.Fatalf("a note made after the upgrade: made on %q, want %q", n.Anchor.MadeOn, art.Hash)
	}
	s.Close()
	if _, err := inspect(path); err != nil {
		t.Fatal(err)
	}
}
