package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// TestUndoRedoMessagesNameTheChange: u says "undone: X" and ctrl+r
// "redone: X", X the change taken back and made again — for every kind of
// change — never what taking it back did ("undone: tagged …" after an
// untag read as if the tag had gone).
func TestUndoRedoMessagesNameTheChange(t *testing.T) {
	c, _ := testCorpus()
	a := c.Articles[0]
	s0 := a.Sentences[1]
	const quote = "The foreign ministers met in Geneva on…" // as the history shortens it
	tagged := func(t *testing.T, s *notes.Store) notes.Note {
		t.Helper()
		n, err := s.Tag(notes.NewAnchor(a, s0.Start, s0.End), []string{"framing", "blame"}, "")
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		do   func(t *testing.T, s *notes.Store) // the change u takes back
		want string                             // after "undone: " and "redone: "
	}{
		{"tag", func(t *testing.T, s *notes.Store) { tagged(t, s) }, "tagged “framing”, “blame” on “" + quote + "”"},
		{"untag", func(t *testing.T, s *notes.Store) { n := tagged(t, s); must(t, s.Untag(n.ID, "framing")) }, "untagged “framing” on “" + quote + "”"},
		{"add memo", func(t *testing.T, s *notes.Store) { n := tagged(t, s); must(t, s.SetMemo(n.ID, "a memo")) }, "added a memo on “" + quote + "”"},
		{"edit memo", func(t *testing.T, s *notes.Store) {
			n := tagged(t, s)
			must(t, s.SetMemo(n.ID, "a memo"))
			must(t, s.SetMemo(n.ID, "another"))
		}, "edited the memo on “" + quote + "”"},
		{"remove memo", func(t *testing.T, s *notes.Store) {
			n := tagged(t, s)
			must(t, s.SetMemo(n.ID, "a memo"))
			must(t, s.SetMemo(n.ID, ""))
		}, "removed the memo on “" + quote + "”"},
		{"delete note", func(t *testing.T, s *notes.Store) { n := tagged(t, s); must(t, s.DeleteNote(n.ID)) }, "deleted the note on “" + quote + "”"},
		{"add code", func(t *testing.T, s *notes.Store) { must(t, s.AddCode(notes.Code{Name: "omission"})) }, "added code “omission”"},
		{"rename code", func(t *testing.T, s *notes.Store) { tagged(t, s); must(t, s.RenameCode("framing", "frame")) }, "renamed code “framing” to “frame”"},
		{"merge codes", func(t *testing.T, s *notes.Store) { tagged(t, s); must(t, s.MergeCodes("framing", "blame")) }, "merged code “framing” into “blame” (1 passage)"},
		{"delete code", func(t *testing.T, s *notes.Store) { tagged(t, s); must(t, s.DeleteCode("framing")) }, "deleted code “framing” (from 1 passage)"},
		{"story correction", func(t *testing.T, s *notes.Store) {
			_, err := s.AddCorrection(notes.Correction{Kind: notes.CorrectMove, Article: "a3", Target: "a1", Description: "move a3 to story 2"})
			must(t, err)
		}, "story correction: move a3 to story 2"},
		{"delete story correction", func(t *testing.T, s *notes.Store) {
			k, err := s.AddCorrection(notes.Correction{Kind: notes.CorrectMove, Article: "a3", Target: "a1", Description: "move a3 to story 2"})
			must(t, err)
			must(t, s.DeleteCorrection(k.ID))
		}, "deleted the story correction: move a3 to story 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.db")
			s, err := notes.Open(path)
			must(t, err)
			tc.do(t, s)
			must(t, s.Close())
			m := notesModelAt(t, path, 100, 30)
			m = send(m, keys("u")...)
			if want := "undone: " + tc.want; !strings.HasPrefix(m.msg, want) {
				t.Errorf("u says %q, want %q", m.msg, want)
			}
			m = send(m, ctrlR)
			if want := "redone: " + tc.want; !strings.HasPrefix(m.msg, want) {
				t.Errorf("ctrl+r says %q, want %q", m.msg, want)
			}
		})
	}
}

// TestUndoRemovedTagSaysUntagged is QA's flow in the read view: tag a
// sentence twice, T then d removes a tag, u puts it back and says it
// undid the untagging, ctrl+r removes it again.
func TestUndoRemovedTagSaysUntagged(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j t")...)
	m = send(m, typeText("framing")...)
	m = send(m, keyMsg("enter"))
	m = send(m, keys("T d")...)
	if ns := storeNotes(t, path); len(ns) != 0 && len(ns[0].Tags) != 0 {
		t.Fatalf("T d left %+v", ns)
	}
	m = send(m, keys("u")...)
	if !strings.HasPrefix(m.msg, "undone: untagged “framing”") && !strings.HasPrefix(m.msg, "undone: deleted the note") {
		t.Errorf("u after removing the tag says %q, want \"undone: untagged “framing” …\"", m.msg)
	}
	if ns := storeNotes(t, path); len(ns) != 1 || len(ns[0].Tags) != 1 {
		t.Fatalf("u did not bring the tag back: %+v", ns)
	}
	m = send(m, ctrlR)
	if strings.HasPrefix(m.msg, "redone: tagged") || !strings.HasPrefix(m.msg, "redone: ") {
		t.Errorf("ctrl+r says %q", m.msg)
	}
}
