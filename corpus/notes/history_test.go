package notes

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestUndoRedoEveryOperation performs each kind of change, checks it, undoes
// it (back to the state before), redoes it (back to the state after) and
// undoes it again.
func TestUndoRedoEveryOperation(t *testing.T) {
	s := openTemp(t)
	a := article("tass", sampleText)
	p1 := anchorOf(t, a, "The United States is to blame")
	p2 := anchorOf(t, a, "Russia had offered an inspection")
	p3 := anchorOf(t, a, "start a new arms race")

	type state struct {
		codes []Code
		notes []Note
	}
	snap := func() state {
		cs, err := s.Codebook()
		if err != nil {
			t.Fatal(err)
		}
		ns, err := s.Notes()
		if err != nil {
			t.Fatal(err)
		}
		return state{cs, ns}
	}
	same := func(x, y state) bool {
		if !slices.Equal(x.codes, y.codes) || len(x.notes) != len(y.notes) {
			return false
		}
		for i := range x.notes {
			a, b := x.notes[i], y.notes[i]
			if a.ID != b.ID || a.Memo != b.Memo || !slices.Equal(a.Tags, b.Tags) || a.Anchor != b.Anchor {
				return false
			}
		}
		return true
	}
	var ids []string
	ops := []struct {
		name     string
		do       func() error
		undoDesc string
	}{
		{"tag", func() error { n, err := s.Tag(p1, []string{"blame"}, ""); ids = append(ids, n.ID); return err }, "untagged “blame”"},
		{"tag hierarchical", func() error {
			n, err := s.Tag(p2, []string{"claim/inspection"}, "memo")
			ids = append(ids, n.ID)
			return err
		}, "untagged “claim/inspection”"},
		{"tag more", func() error { _, err := s.Tag(p1, []string{"loaded"}, ""); return err }, "untagged “loaded”"},
		{"tag third", func() error {
			n, err := s.Tag(p3, []string{"loaded", "blame"}, "")
			ids = append(ids, n.ID)
			return err
		}, "untagged “loaded”, “blame”"},
		{"untag", func() error { return s.Untag(ids[0], "loaded") }, "tagged “loaded”"},
		{"untag last tag", func() error { return s.Untag(ids[0], "BLAME") }, "tagged “blame”"},
		{"set memo", func() error { return s.SetMemo(ids[1], "changed memo") }, "restored the memo"},
		{"delete note", func() error { return s.DeleteNote(ids[1]) }, "restored the note"},
		{"add code", func() error { return s.AddCode(Code{Name: "omission", Description: "left out"}) }, "removed code “omission”"},
		{"update code", func() error {
			return s.UpdateCode(Code{Name: "omission", Colour: "#123456", Description: "missing", Parent: "claim"})
		}, "restored code “omission”"},
		{"rename code", func() error { return s.RenameCode("claim", "assertion") }, "renamed code “assertion” back to “claim”"},
		{"merge codes", func() error { return s.MergeCodes("loaded", "blame") }, "split code “loaded”"},
		{"delete code", func() error { return s.DeleteCode("blame") }, "restored code “blame”"},
		{"import codebook", func() error { _, err := s.ImportCodebook(mustStarter(t, "media-frames"), "media-frames"); return err }, "removed 15 codes"},
	}
	for _, op := range ops {
		before := snap()
		if err := op.do(); err != nil {
			t.Fatalf("%s: %v", op.name, err)
		}
		after := snap()
		if same(before, after) {
			t.Fatalf("%s changed nothing", op.name)
		}
		desc, err := s.Undo()
		if err != nil {
			t.Fatalf("%s: undo: %v", op.name, err)
		}
		if !strings.Contains(desc, op.undoDesc) {
			t.Errorf("%s: undo said %q, want it to contain %q", op.name, desc, op.undoDesc)
		}
		if got := snap(); !same(before, got) {
			t.Fatalf("%s: undo did not restore the state:\nbefore %+v\ngot    %+v", op.name, before, got)
		}
		if _, err := s.Redo(); err != nil {
			t.Fatalf("%s: redo: %v", op.name, err)
		}
		if got := snap(); !same(after, got) {
			t.Fatalf("%s: redo did not restore the state:\nafter %+v\ngot   %+v", op.name, after, got)
		}
		// Undo, redo once more to be sure the history survives a round.
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Redo(); err != nil {
			t.Fatal(err)
		}
		if got := snap(); !same(after, got) {
			t.Fatalf("%s: second redo differs", op.name)
		}
	}
	// Undo everything, in order, back to an empty store.
	for range ops {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if st := snap(); len(st.codes) != 0 || len(st.notes) != 0 {
		t.Fatalf("after undoing everything: %+v", st)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo on empty history: %v", err)
	}
	// A new change clears the redo history.
	mustTag(t, s, p1, "x")
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("redo after a new change: %v", err)
	}
}

// TestUndoConflict: an undo whose note another process changed since is
// refused, reported and leaves that process's change in place.
func TestUndoConflict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	s1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a := article("a", sampleText)
	p := anchorOf(t, a, "Washington rejected the offer")
	n := mustTag(t, s1, p, "blame")
	if ch, err := s1.Refresh(); err != nil || ch {
		t.Fatalf("refresh after own change: %v %v", ch, err)
	}
	if err := s2.SetMemo(n.ID, "written by the other window"); err != nil {
		t.Fatal(err)
	}
	if ch, err := s1.Refresh(); err != nil || !ch {
		t.Fatalf("refresh after the other process's change: %v %v", ch, err)
	}
	// The memo change does not touch tags... but the undo of the tag must
	// still refuse: the note is no longer as the tag left it.
	_, err = s1.Undo()
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("undo over another process's change: %v", err)
	}
	ns, _ := s1.Notes()
	if len(ns) != 1 || ns[0].Memo != "written by the other window" || !slices.Equal(ns[0].Tags, []string{"blame"}) {
		t.Fatalf("store after refused undo: %+v", ns)
	}
	// Independent changes undo fine.
	p2 := anchorOf(t, a, "start a new arms race")
	mustTag(t, s1, p2, "fear")
	if err := s2.AddCode(Code{Name: "unrelated"}); err != nil {
		t.Fatal(err)
	}
	if d, err := s1.Undo(); err != nil || !strings.Contains(d, "untagged “fear”") {
		t.Fatalf("undo of an independent change: %q %v", d, err)
	}
}

// TestUndoKeepsCodebookConsistent: undo never leaves a tag whose code is
// gone, even when another process used or deleted that code meanwhile.
func TestUndoKeepsCodebookConsistent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	s1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s1.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a := article("a", sampleText)

	// s1 creates code "fresh" by tagging; s2 uses it on another passage;
	// undoing s1's tag would delete a code in use: refused.
	mustTag(t, s1, anchorOf(t, a, "Washington rejected"), "fresh")
	mustTag(t, s2, anchorOf(t, a, "Analysts in Brussels"), "fresh")
	if _, err := s1.Undo(); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "used by 1 passage") {
		t.Fatalf("undo deleting a code in use elsewhere: %v", err)
	}
	if got := tagsOf(t, s1); len(got) != 2 {
		t.Fatalf("refused undo changed the store: %v", got)
	}

	// s1 untags; s2 deletes the code; undoing the untag would restore a
	// tag without a code: refused.
	n := mustTag(t, s1, anchorOf(t, a, "The United States is to blame"), "gone", "kept")
	if err := s1.Untag(n.ID, "gone"); err != nil {
		t.Fatal(err)
	}
	if err := s2.DeleteCode("gone"); err != nil {
		t.Fatal(err)
	}
	if _, err := s1.Undo(); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "“gone” was deleted") {
		t.Fatalf("undo restoring a deleted code's tag: %v", err)
	}
	ns, _ := s1.Notes()
	for _, n := range ns {
		for _, tag := range n.Tags {
			if !slices.Contains(codeNames(t, s1), tag) {
				t.Fatalf("tag %s has no code", tag)
			}
		}
	}
}

// TestUndoAfterReopen: the history is in the file, so quitting and coming
// back still undoes the last session's changes — but never a change
// another window made while this one was open.
func TestUndoAfterReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	a := article("a", sampleText)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := mustTag(t, s, anchorOf(t, a, "Washington rejected the offer"), "rejection")
	if err := s.SetMemo(n.ID, "first memo"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A first memo is added, and undoing it removes it (not "restores").
	if d, ok := s.CanUndo(); !ok || !strings.Contains(d, "added a memo") {
		t.Fatalf("CanUndo after reopen = %q %v", d, ok)
	}
	if d, err := s.Undo(); err != nil || !strings.Contains(d, "removed the memo") {
		t.Fatalf("undo memo after reopen: %q %v", d, err)
	}
	if d, err := s.Undo(); err != nil || !strings.Contains(d, "untagged “rejection”") {
		t.Fatalf("undo tag after reopen: %q %v", d, err)
	}
	if ns, _ := s.Notes(); len(ns) != 0 {
		t.Fatalf("notes after undoing: %+v", ns)
	}
	if d, ok := s.CanRedo(); !ok || !strings.Contains(d, "tagged “rejection”") {
		t.Fatalf("CanRedo = %q %v", d, ok)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}

	// Another window opens now and tags; this window's undo skips it.
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	mustTag(t, other, anchorOf(t, a, "Analysts in Brussels"), "voice")
	if _, err := s.Undo(); err != nil { // undoes this window's redo of the tag
		t.Fatal(err)
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo reached another window's change: %v", err)
	}
	if got := tagsOf(t, s); !slices.Equal(got["Analysts in Brussels"], []string{"voice"}) {
		t.Fatalf("other window's tag: %v", got)
	}
	// The other window undoes its own change.
	if d, err := other.Undo(); err != nil || !strings.Contains(d, "untagged “voice”") {
		t.Fatalf("other window's undo: %q %v", d, err)
	}
}

// TestConflictDropsStepForGood: a step refused for a conflict is not
// offered again, even after reopening.
func TestConflictDropsStepForGood(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	a := article("a", sampleText)
	s1, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := mustTag(t, s1, anchorOf(t, a, "Washington rejected the offer"), "x")
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.SetMemo(n.ID, "theirs"); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if _, err := s1.Undo(); !errors.Is(err, ErrConflict) {
		t.Fatalf("undo: %v", err)
	}
	s1.Close()
	s3, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	// The memo change (s2's, made before s3 opened) is next; the tag's
	// step is gone.
	if d, err := s3.Undo(); err != nil || !strings.Contains(d, "removed the memo") {
		t.Fatalf("first undo: %q %v", d, err)
	}
	if _, err := s3.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("dropped step offered again: %v", err)
	}
	if got := tagsOf(t, s3); len(got) != 1 {
		t.Fatalf("notes: %v", got)
	}
}
