package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// madeOnNotes writes a notes file over the test corpus as a library's
// reader would have left it: on a2 (three versions in the fake library)
// one passage made on version 1 and re-anchored since, one whose passage
// version 3 deleted (made on version 2), and one made on version 3; on a1
// (one version) one more.
func madeOnNotes(t *testing.T, c *corpus.Corpus) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library-notes.db")
	s, err := notes.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a1, a2 := c.Article("a1"), c.Article("a2")
	tag := func(an notes.Anchor, tag string) {
		t.Helper()
		if _, err := s.Tag(an, []string{tag}, ""); err != nil {
			t.Fatal(err)
		}
	}
	old := notes.NewAnchor(a2, a2.Sentences[2].Start, a2.Sentences[2].End) // "The ministers spent four hours…"
	old.MadeOn = notes.TextHash(fakeV1)
	tag(old, "duration")
	gone := notes.NewAnchor(a2, 0, 10)
	gone.Quote, gone.Prefix, gone.Suffix = "Talks broke up early, a delegate said.", "", ""
	gone.Hash, gone.MadeOn = notes.TextHash(fakeV2), notes.TextHash(fakeV2)
	tag(gone, "early end")
	tag(notes.NewAnchor(a2, a2.Sentences[3].Start, a2.Sentences[3].End), "tone")
	tag(notes.NewAnchor(a1, a1.Sentences[1].Start, a1.Sentences[1].End), "venue")
	return path
}

// libraryNotesModel is libraryModel with the notes of madeOnNotes open.
func libraryNotesModel(t *testing.T, w, h int) Model {
	t.Helper()
	c, a := testCorpus()
	path := madeOnNotes(t, c)
	m, _ := libraryModel(t, c, a, asciiContext(), w, h)
	m.ctx.notes.poll = 0
	m = runCmd(m, m.ctx.notes.open(m.ctx.Data.Corpus, path), 0)
	if m.ctx.notes.store == nil {
		t.Fatalf("store not open: %v", m.ctx.notes.err)
	}
	t.Cleanup(func() { m.ctx.notes.store.Close() })
	return m
}

// selectNote moves the notes view's cursor onto the passage quoting q.
func selectNote(t *testing.T, m Model, q string) Model {
	t.Helper()
	m = send(m, keys("g")...)
	for range len(m.notesView.rows) {
		if n, ok := m.notesView.selected(); ok && strings.Contains(n.Anchor.Quote, q) {
			return m
		}
		m = send(m, keys("j")...)
	}
	t.Fatalf("no passage quoting %q in the notes view", q)
	return m
}

// TestNotesMadeOnEarlierVersions: on a library, a note made on an
// earlier version of its article says which, in its row and below the
// list; an orphan says the version it came from; a note made on the
// version shown says nothing.
func TestNotesMadeOnEarlierVersions(t *testing.T) {
	m := libraryNotesModel(t, 140, 30)
	m = send(m, keys("4")...)
	v := ansi.Strip(m.View())
	rows := map[string]string{}
	for _, l := range strings.Split(v, "\n") {
		for _, q := range []string{"four hours", "Talks broke up early", "constructive", "met in Geneva"} {
			if strings.Contains(l, q) {
				rows[q] = l
			}
		}
	}
	if r := rows["four hours"]; !strings.Contains(r, "made on v1/3") {
		t.Errorf("the note made on version 1: row %q", r)
	}
	if r := rows["Talks broke up early"]; !strings.Contains(r, "ORPHANED made on v2/3") {
		t.Errorf("the orphan made on version 2: row %q", r)
	}
	for _, q := range []string{"constructive", "met in Geneva"} {
		if r := rows[q]; r == "" || strings.Contains(r, "made on") {
			t.Errorf("note %q: row %q", q, r)
		}
	}
	m = selectNote(t, m, "four hours")
	v = strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	if want := "made on version 1 of 3, fetched 2026-03-01 09:30 UTC; the article changed since (V: what changed)"; !strings.Contains(v, want) {
		t.Errorf("the selected note lacks %q:\n%s", want, m.View())
	}
	m = selectNote(t, m, "Talks broke up early")
	v = strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	for _, want := range []string{"ORPHANED: its passage is no longer in the article", "made on version 2 of 3, fetched 2026-03-01 12:30 UTC"} {
		if !strings.Contains(v, want) {
			t.Errorf("the orphan lacks %q:\n%s", want, m.View())
		}
	}
	// ? lists V in the notes view.
	if h := ansi.Strip(send(m, keys("?")...).View()); !strings.Contains(h, "diff from the version a note was made on") {
		t.Errorf("? help lacks V:\n%s", h)
	}
}

// TestNoteVersionOpensDiff: V on a note made on an earlier version opens
// the diff from that version to the latest, from the notes view and from
// the Why? panel of its sentence; esc goes back to the versions.
func TestNoteVersionOpensDiff(t *testing.T) {
	m := libraryNotesModel(t, 120, 30)
	m = send(m, keys("4")...)
	m = selectNote(t, m, "Talks broke up early")
	m = send(m, keys("V")...)
	vl, ok := m.over.(*versionsLayer)
	if !ok || vl.diff == nil || vl.diff.from != 2 || vl.diff.to != 3 || vl.diff.d == nil {
		t.Fatalf("V on the orphan made on version 2 opened %T %+v", m.over, vl)
	}
	if v := m.View(); !strings.Contains(v, "DIFF") || !strings.Contains(v, "EDITED") {
		t.Fatalf("diff view:\n%s", v)
	}
	// The diff carries the note, and says when no changed sentence held
	// its passage (the fake diff has none of it).
	if vl.diff.note == nil || !strings.Contains(ansi.Strip(m.View()), "✎ the note's passage is in no changed sentence") {
		t.Errorf("the note's diff does not carry it:\n%s", m.View())
	}
	m = send(m, keys("esc")...)
	if vl.diff != nil || m.over == nil || vl.from != 2 {
		t.Fatal("esc in the note's diff did not go back to the versions, v2 chosen")
	}
	m = send(m, keys("esc esc")...)

	// From the Why? panel of the sentence the note is on.
	m = selectNote(t, m, "four hours")
	m = send(m, keys("enter")...) // to the read view, on the passage
	if m.view != viewRead {
		t.Fatalf("enter on the note left view %d", m.view)
	}
	m = send(m, keys("w")...)
	p := panelOf(m)
	if p == nil {
		t.Fatalf("w opened %T", m.over)
	}
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	for _, want := range []string{"Your notes", "version made on version 1 of 3, fetched 2026-03-01 09:30 UTC; the article changed since"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Why? panel lacks %q:\n%s", want, m.View())
		}
	}
	if !strings.Contains(m.View(), "diff from the note's version") {
		t.Errorf("the Why? panel's footer does not offer V:\n%s", m.View())
	}
	m = send(m, keys("V")...)
	vl, ok = m.over.(*versionsLayer)
	if !ok || vl.diff == nil || vl.diff.from != 1 || vl.diff.to != 3 {
		t.Fatalf("V in the Why? panel opened %T %+v", m.over, vl)
	}
}

// TestNoteVersionsWithoutLibrary: on files, a note re-anchored onto an
// edited text says it was made on an earlier text, and V does nothing.
func TestNoteVersionsWithoutLibrary(t *testing.T) {
	c, _ := testCorpus()
	path := madeOnNotes(t, c)
	m := notesModelAt(t, path, 140, 30)
	m = send(m, keys("4")...)
	m = selectNote(t, m, "four hours")
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	if !strings.Contains(v, "made earlier") || !strings.Contains(v, "made on an earlier text of the article; it changed since") {
		t.Errorf("files: the note made on an earlier text:\n%s", m.View())
	}
	m = send(m, keys("V")...)
	if m.over != nil {
		t.Fatalf("V without a library opened %T", m.over)
	}
}

// TestMadeOnViewsFitAnySize: the notes view with made-on marks, the Why?
// panel saying a note's version and the diff V opens from it fill
// exactly the terminal at every size, resized while open.
func TestMadeOnViewsFitAnySize(t *testing.T) {
	m := libraryNotesModel(t, 80, 24)
	for _, step := range []string{"4", "enter w", "V"} {
		m = send(m, keys(step)...)
		for w := 40; w <= 160; w += 17 {
			for h := 10; h <= 50; h += 9 {
				m = sendNoCmd(m, tea.WindowSizeMsg{Width: w, Height: h})
				lines := strings.Split(m.View(), "\n")
				if len(lines) != h {
					t.Fatalf("%dx%d after %q: %d lines", w, h, step, len(lines))
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw != w {
						t.Fatalf("%dx%d after %q: line %d is %d wide: %q", w, h, step, i, lw, l)
					}
				}
			}
		}
		m = sendNoCmd(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	}
	if _, ok := m.over.(*versionsLayer); !ok {
		t.Fatalf("the last step did not open the versions: %T", m.over)
	}
}

// TestVersionsKeyOutsideALibrary: V on the built-in corpus or a folder
// says versions are for a library's articles, instead of doing nothing.
func TestVersionsKeyOutsideALibrary(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	for _, view := range []string{"1", "4"} {
		m = send(m, keys(view+" V")...)
		if !strings.Contains(m.msg, "versions: only for articles from a library; see docs/library.md") {
			t.Errorf("V in view %s says %q", view, m.msg)
		}
	}
}

// TestDiffMarksWhereTheNoteStood: the diff from the version a note was
// made on marks the change that deleted or rewrote its passage, with the
// note's tags and memo, on one change only.
func TestDiffMarksWhereTheNoteStood(t *testing.T) {
	c, a := testCorpus()
	m, _ := libraryModel(t, c, a, asciiContext(), 80, 24)
	note := notes.Note{Tags: []string{"tone"}, Memo: "first said constructive\nthen dropped",
		Anchor: notes.Anchor{Quote: "described as\n constructive"}}
	v := newDiffView(m.ctx, "Beta Wire", "Geneva talks", 2, 3)
	v.note = &note
	d, err := (&fakeLibrary{}).Diff(context.Background(), "a2", 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	v.set(d, nil)
	v.SetSize(80, 40)
	out := ansi.Strip(strings.Join(v.lines(80), "\n"))
	i := strings.Index(out, "DELETED sentence 3 of v2")
	j := strings.Index(out, "✎ your note was here · tone")
	if i < 0 || j < i || strings.Count(out, "✎ your note was here") != 1 {
		t.Fatalf("the deleted sentence is not marked as the note's, once:\n%s", out)
	}
	if !strings.Contains(out, "“described as constructive”") || !strings.Contains(out, "first said constructive then dropped") {
		t.Errorf("the mark lacks the passage or the memo on one line:\n%s", out)
	}
	if strings.Contains(out, "in no changed sentence") {
		t.Errorf("the mark and the no-change line both show:\n%s", out)
	}
}
