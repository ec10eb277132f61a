package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// TestDisagreeFilterTakesTheKeys: / opens a filter over the list; what
// is typed goes to it, never to the decisions (u undid, 1 decided);
// enter keeps it, the decisions act on the disagreements shown, esc
// clears it and a second esc closes the view.
func TestDisagreeFilterTakesTheKeys(t *testing.T) {
	m, cons := twoCodersModel(t, 100, 30)
	m = send(m, keys("4 D j 1")...) // decide the second: ana's coding
	if got := consensusCoding(t, m, cons); len(got) != 1 {
		t.Fatalf("after 1: %q", got)
	}
	m = send(m, keys("/")...)
	m = send(m, typeText("u1ax?A")...)
	if got := consensusCoding(t, m, cons); len(got) != 1 {
		t.Fatalf("keys typed into the filter were taken as commands: %q", got)
	}
	d := disagreeOf(m)
	if d == nil || !d.filter.open || d.filter.Value() != "u1ax?A" || m.showHelp {
		t.Fatalf("filter box: %v, holds %q, help %v", d != nil && d.filter.open, d.filter.Value(), m.showHelp)
	}
	if v := m.View(); !strings.Contains(v, "No disagreement matches the filter.") {
		t.Fatalf("a filter matching nothing:\n%s", v)
	}
	m = send(m, keys("esc")...)
	if d := disagreeOf(m); d == nil || d.filter.open || d.filter.Value() != "" || len(d.shown) != 2 {
		t.Fatal("esc in the box did not clear the filter, or closed the view")
	}
	// Narrow to the first disagreement by a word of its sentence.
	first := m.ctx.Data.Corpus.Articles[0].Sentences[2].Text
	word := strings.Fields(first)[0]
	m = send(m, keys("/")...)
	m = send(m, typeText(word)...)
	m = send(m, keys("enter")...)
	d = disagreeOf(m)
	if d.filter.open || len(d.shown) != 1 || d.cursor != 0 {
		t.Fatalf("filter %q: shown %v, cursor %d", word, d.shown, d.cursor)
	}
	if v := m.View(); !strings.Contains(v, "1/1") || !strings.Contains(v, "1 of 2") {
		t.Fatalf("the filtered view:\n%s", v)
	}
	m = send(m, keys("a")...) // both: ben's passage on sentence 2
	if got := consensusCoding(t, m, cons); len(got) != 2 {
		t.Fatalf("a on the one shown: %q", got)
	}
	m = send(m, keys("esc")...)
	if d := disagreeOf(m); d == nil || d.filter.Value() != "" {
		t.Fatal("esc with a filter kept closed the view instead of clearing it")
	}
	m = send(m, keys("esc")...)
	if m.ctx.dialog != nil {
		t.Fatal("esc did not close the view")
	}
}

// TestDisagreeHelpTellsTheTruth: the view's help lists its own filter,
// redo and q quit, not the notes view's filter or the search's n/N.
func TestDisagreeHelpTellsTheTruth(t *testing.T) {
	m, _ := twoCodersModel(t, 100, 40)
	m = send(m, keys("4 D ?")...)
	v := m.View()
	for _, s := range []string{"filter disagreements", "redo decision", "q     quit", "undo decision"} {
		if !strings.Contains(v, s) {
			t.Errorf("help lacks %q:\n%s", s, v)
		}
	}
	for _, s := range []string{"filter passages", "next match", "notes view"} {
		if strings.Contains(v, s) {
			t.Errorf("help lists %q, which does not work here:\n%s", s, v)
		}
	}
}

// TestDisagreeQuit: q quits, as in every view; esc closes.
func TestDisagreeQuit(t *testing.T) {
	m, _ := twoCodersModel(t, 100, 30)
	m = send(m, keys("4 D")...)
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q in the Disagreements view does not quit")
	}
}

// TestDisagreeRedo: ctrl+r makes the decision u took back again.
func TestDisagreeRedo(t *testing.T) {
	m, cons := twoCodersModel(t, 100, 30)
	m = send(m, keys("4 D j 1 u")...)
	if got := consensusCoding(t, m, cons); len(got) != 0 {
		t.Fatalf("after u: %q", got)
	}
	// u names the decision taken back, as the notes' undo does.
	if !strings.Contains(m.msg, "undone: accepted") || strings.Contains(m.msg, "took back") {
		t.Fatalf("after u: %q, want \"undone: accepted …\"", m.msg)
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyCtrlR})
	if got := consensusCoding(t, m, cons); len(got) != 1 {
		t.Fatalf("after ctrl+r: %q (%s)", got, m.msg)
	}
	if d := disagreeOf(m); d.decided[1] == "" || d.cursor != 1 || !strings.Contains(m.msg, "redone") {
		t.Fatalf("after ctrl+r: decided %v, cursor %d, %q", d.decided, d.cursor, m.msg)
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyCtrlR})
	if !strings.Contains(m.msg, "nothing to redo") {
		t.Fatalf("a second ctrl+r says %q", m.msg)
	}
	m = send(m, keys("u")...)
	if got := consensusCoding(t, m, cons); len(got) != 0 {
		t.Fatalf("u after redo: %q", got)
	}
}

// TestTakeOverAgreedTwice: a second A finds nothing new, says so and adds
// no undo step: the first u empties the file.
func TestTakeOverAgreedTwice(t *testing.T) {
	m, cons := twoCodersModel(t, 100, 30)
	m = send(m, keys("4 D A A")...)
	if !strings.Contains(m.msg, "nothing new") {
		t.Fatalf("the second A says %q", m.msg)
	}
	if got := consensusCoding(t, m, cons); len(got) != 1 {
		t.Fatalf("after A A: %q", got)
	}
	m = send(m, keys("u")...)
	if got := consensusCoding(t, m, cons); len(got) != 0 {
		t.Fatalf("the first u after A A left %q (%s)", got, m.msg)
	}
}

// TestConsensusCodebookIsTheCoders: the code the consensus creates has
// the colour and description of one's own codebook, so merge-notes of
// the consensus and one's own file finds no conflict.
func TestConsensusCodebookIsTheCoders(t *testing.T) {
	dir := t.TempDir()
	own, ben, cons := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db"), filepath.Join(dir, "consensus.db")
	coderFile(t, own, "ana", tagAt{0, 1, "blame"}, tagAt{0, 3, "blame"})
	coderFile(t, ben, "ben", tagAt{0, 1, "blame"}, tagAt{0, 2, "blame"})
	s, err := notes.Open(own, notes.WithCoder("ana"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateCode(notes.Code{Name: "blame", Colour: "#e15759", Description: "Who is held responsible"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	m := codersModel(t, 100, 30, "ana", own, []string{ben}, cons)
	m = send(m, keys("4 D A")...)
	c, err := notes.OpenReadOnly(cons)
	if err != nil {
		t.Fatal(err)
	}
	cb, _ := c.Codebook()
	c.Close()
	if len(cb) != 1 || cb[0].Colour != "#e15759" || cb[0].Description != "Who is held responsible" {
		t.Fatalf("consensus codebook %+v", cb)
	}
	if _, err := notes.Merge(filepath.Join(dir, "merged.db"), []string{own, cons}, notes.MergeOptions{}); err != nil {
		t.Fatalf("merge-notes of ana.db and the consensus: %v", err)
	}
}

// TestDisagreeHeaderKeepsTheFileName: at 80 and 40 columns the header
// shows the consensus file's name whole.
func TestDisagreeHeaderKeepsTheFileName(t *testing.T) {
	dir := t.TempDir()
	own, ben := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db")
	coderFile(t, own, "ana", tagAt{0, 1, "blame"}, tagAt{0, 3, "blame"})
	coderFile(t, ben, "ben", tagAt{0, 1, "blame"}, tagAt{0, 2, "blame"})
	for _, w := range []int{80, 40} {
		m := codersModel(t, w, 24, "ana", own, []string{ben}, filepath.Join(dir, ConsensusFileName))
		m = send(m, keys("4 D")...)
		head := strings.Split(m.View(), "\n")[1]
		if !strings.Contains(head, ConsensusFileName) {
			t.Errorf("at %d columns the header cuts the file name: %q", w, head)
		}
	}
}

// TestCompareNotesMissing: a --compare-notes file that is not there is
// named with the reason in a status message that fits 80 columns, and
// listed on the Problems screen with the whole error.
func TestCompareNotesMissing(t *testing.T) {
	dir := t.TempDir()
	own, ben := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db")
	coderFile(t, ben, "ben", tagAt{0, 1, "blame"})
	missing := filepath.Join(dir, "a-long-folder-name", "nosuch.db")
	m := codersModel(t, 80, 24, "ana", own, []string{missing, ben}, "")
	if want := "could not read --compare-notes nosuch.db: no such file — 5 lists it"; m.msg != want {
		t.Fatalf("status %q, want %q", m.msg, want)
	}
	if w := ansi.StringWidth(m.msg); w > 72 {
		t.Fatalf("status %d wide: %q", w, m.msg)
	}
	if n := problemCount(m.ctx, m.ctx.Data); n != 3 { // the test corpus has 2
		t.Fatalf("problem count %d", n)
	}
	m = send(m, keys("5")...)
	v := m.View()
	for _, s := range []string{"Problems (3)", "--compare-notes", "a-long-folder-name/nosuch.db: no", "such file or directory"} {
		if !strings.Contains(v, s) {
			t.Errorf("Problems lacks %q:\n%s", s, v)
		}
	}
	// The file that could be read is open.
	if len(m.ctx.notes.otherNotes()) != 1 {
		t.Fatalf("ben's notes: %d", len(m.ctx.notes.otherNotes()))
	}
}

// TestDisagreeFilterAnySize draws the view with the filter box open and
// with a filter kept, wide text typed, from 40x10 up: every frame has the
// terminal's lines, each exactly its width.
func TestDisagreeFilterAnySize(t *testing.T) {
	m, _ := twoCodersModel(t, 80, 24)
	m = send(m, keys("4 D /")...)
	m = send(m, typeText("漢字 blame")...)
	for _, step := range []string{"", "enter", "esc"} {
		m = send(m, keys(step)...)
		for _, sz := range [][2]int{{40, 10}, {40, 12}, {57, 15}, {80, 24}, {132, 43}} {
			m = send(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			lines := strings.Split(m.View(), "\n")
			if len(lines) != sz[1] {
				t.Fatalf("%q at %dx%d: %d lines", step, sz[0], sz[1], len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w != sz[0] {
					t.Fatalf("%q at %dx%d: line %d is %d wide: %q", step, sz[0], sz[1], i, w, l)
				}
			}
		}
	}
}
