package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// coderFile writes a notes file at path with coder's tags, one per
// (article, sentence, tag), through the notes API as `parallax tag` does.
func coderFile(t *testing.T, path, coder string, tags ...struct {
	art  int
	sent int
	tag  string
}) {
	t.Helper()
	c, _ := testCorpus()
	s, err := notes.Open(path, notes.WithCoder(coder))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tg := range tags {
		a := c.Articles[tg.art]
		sp := a.Sentences[tg.sent]
		if _, err := s.Tag(notes.NewAnchor(a, sp.Start, sp.End), []string{tg.tag}, ""); err != nil {
			t.Fatal(err)
		}
	}
}

type tagAt = struct {
	art  int
	sent int
	tag  string
}

// codersModel is a loaded model at w×h whose own notes file (empty) is
// opened as coder, with the other files beside it and the consensus at
// consensus.
func codersModel(t *testing.T, w, h int, coder, own string, compare []string, consensus string) Model {
	t.Helper()
	c, a := testCorpus()
	m := newTestModel(t, c, a, w, h)
	m.opts.NotesPath = own
	m.ctx.notes.poll = 0
	m.ctx.notes.coder = coder
	m.ctx.notes.comparePaths = compare
	if consensus != "" {
		m.ctx.notes.consensus = &consensusState{path: consensus}
	}
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.store == nil {
		t.Fatalf("store not open: %v", m.ctx.notes.err)
	}
	t.Cleanup(func() { m.ctx.notes.close() })
	return m
}

// TestReaderRecordsTheCoder: a tag made in the reader opened as a coder
// (--coder) carries the coder, in the file and in the notes view.
func TestReaderRecordsTheCoder(t *testing.T) {
	own := filepath.Join(t.TempDir(), "ana.db")
	m := codersModel(t, 100, 30, "ana", own, nil, "")
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	ns := storeNotes(t, own)
	if len(ns) != 1 || ns[0].Coder != "ana" || ns[0].ModifiedBy != "ana" {
		t.Fatalf("notes after tagging as ana: %+v", ns)
	}
	m = send(m, keys("4")...)
	if v := m.View(); !strings.Contains(v, "ana") {
		t.Fatalf("the notes view does not name the coder:\n%s", v)
	}
}

// TestCompareNotesReadOnly: another coder's file opens read-only beside
// one's own: their notes show in the notes view and as their own mark in
// the read view, cannot be deleted or edited, and the file is not
// written.
func TestCompareNotesReadOnly(t *testing.T) {
	dir := t.TempDir()
	own, ben := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db")
	coderFile(t, ben, "ben", tagAt{0, 1, "blame"})
	before, err := os.ReadFile(ben)
	if err != nil {
		t.Fatal(err)
	}
	m := codersModel(t, 100, 30, "ana", own, []string{ben}, "")
	if got := len(m.ctx.notes.otherNotes()); got != 1 {
		t.Fatalf("%d notes of ben read, want 1", got)
	}
	// The read view marks ben's sentence with the other coders' mark.
	if v := m.View(); !strings.Contains(v, markOther) {
		t.Fatalf("the read view does not mark ben's passage:\n%s", v)
	}
	m = send(m, keys("4")...)
	v := m.View()
	if !strings.Contains(v, "ben") || !strings.Contains(v, "blame (1)") {
		t.Fatalf("the notes view lacks ben's note:\n%s", v)
	}
	m = send(m, keys("d")...)
	if m.ctx.dialog != nil || !strings.Contains(m.msg, "read-only") {
		t.Fatalf("d on ben's note: dialog %T, message %q", m.ctx.dialog, m.msg)
	}
	m = send(m, keys("m")...)
	if m.ctx.dialog != nil || !strings.Contains(m.msg, "read-only") {
		t.Fatalf("m on ben's note: dialog %T, message %q", m.ctx.dialog, m.msg)
	}
	m.ctx.notes.close()
	after, err := os.ReadFile(ben)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Error("ben's file changed")
	}
	if _, err := os.Stat(ben + "-wal"); err == nil {
		t.Error("ben's file has a write-ahead log beside it")
	}
}

// TestCompareNotesMissingFile: a file that cannot be read is named in the
// status line and the rest opens.
func TestCompareNotesMissingFile(t *testing.T) {
	dir := t.TempDir()
	nm := codersModel(t, 100, 30, "ana", filepath.Join(dir, "ana.db"), []string{filepath.Join(dir, "nobody.db")}, "")
	if !strings.Contains(nm.msg, "nobody.db") || nm.ctx.notes.store == nil {
		t.Fatalf("status %q, store %v", nm.msg, nm.ctx.notes.store)
	}
}

// TestNotesViewFiltersByCoder: b cycles every coder, then each; the
// coder's name is sanitised.
func TestNotesViewFiltersByCoder(t *testing.T) {
	dir := t.TempDir()
	own, ben := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db")
	coderFile(t, own, "ana", tagAt{0, 1, "blame"})
	coderFile(t, ben, "ben", tagAt{1, 1, "praise"})
	m := codersModel(t, 100, 30, "ana", own, []string{ben}, "")
	m = send(m, keys("4")...)
	if v := m.View(); !strings.Contains(v, "blame (1)") || !strings.Contains(v, "praise (1)") {
		t.Fatalf("not every coder's notes shown:\n%s", v)
	}
	m = send(m, keys("b")...)
	v := m.View()
	if !strings.Contains(v, "coder ana") || strings.Contains(v, "praise (1)") {
		t.Fatalf("b did not keep ana's notes only:\n%s", v)
	}
	m = send(m, keys("b")...)
	v = m.View()
	if strings.Contains(v, "blame (1)") || !strings.Contains(v, "praise (1)") {
		t.Fatalf("second b did not keep ben's notes only:\n%s", v)
	}
	// A coder's name from another's file is untrusted text.
	if l := coderLabel("ben\u202e\x1b[31m\nx"); strings.ContainsAny(l, "\u202e\x1b\n") {
		t.Fatalf("coder label %q keeps control characters", l)
	}
	m = send(m, keys("b")...)
	if v := m.View(); !strings.Contains(v, "blame (1)") || !strings.Contains(v, "praise (1)") {
		t.Fatalf("third b did not show every coder again:\n%s", v)
	}
	m = send(m, keys("?")...)
	if v := m.View(); !strings.Contains(v, "by coder") || !strings.Contains(v, "disagreements") {
		t.Fatalf("help lacks b and D:\n%s", v)
	}
}
