package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// twoCodersModel opens ana's notes (blame on sentences 2 and 4 of the
// first article) with ben's beside them (blame on sentences 2 and 3):
// they disagree on sentences 3 and 4. The consensus goes to a temp file.
func twoCodersModel(t *testing.T, w, h int) (Model, string) {
	t.Helper()
	dir := t.TempDir()
	own, ben, cons := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db"), filepath.Join(dir, "consensus.db")
	coderFile(t, own, "ana", tagAt{0, 1, "blame"}, tagAt{0, 3, "blame"})
	coderFile(t, ben, "ben", tagAt{0, 1, "blame"}, tagAt{0, 2, "blame"})
	m := codersModel(t, w, h, "ana", own, []string{ben}, cons)
	return m, cons
}

func disagreeOf(m Model) *disagreeView { d, _ := m.ctx.dialog.(*disagreeView); return d }

// consensusCoding lists the consensus file's notes as "article/sentence
// tags coder", read through a connection of its own.
func consensusCoding(t *testing.T, m Model, path string) []string {
	t.Helper()
	s, err := notes.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ns, err := s.Notes()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range ns {
		a := m.ctx.Data.article(m.ctx.Data.artIndex[n.Anchor.Article])
		out = append(out, fmt.Sprintf("%s/%d %s %s", n.Anchor.Article, sentenceOf(a, n.Anchor.Start), strings.Join(n.Tags, ","), n.Coder))
	}
	return out
}

func TestDisagreementsList(t *testing.T) {
	m, _ := twoCodersModel(t, 100, 30)
	m = send(m, keys("4 D")...)
	d := disagreeOf(m)
	if d == nil {
		t.Fatal("D did not open the Disagreements view")
	}
	if len(d.coders) != 2 || d.coders[0].Name != "ana" || d.coders[1].Name != "ben" {
		t.Fatalf("coders %+v", d.coders)
	}
	var got []string
	for _, it := range d.items {
		got = append(got, fmt.Sprintf("%s %s/%d %v", it.Code, it.Article.ID, it.Sentence, it.Values))
	}
	want := []string{"blame a1/2 [not applied applied]", "blame a1/3 [applied not applied]"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("disagreements %q, want %q", got, want)
	}
	v := m.View()
	for _, s := range []string{"2 disagreements", "1 ana", "2 ben", "✗ not applied", "✓ “", "DISAGREE"} {
		if !strings.Contains(v, s) {
			t.Fatalf("view lacks %q:\n%s", s, v)
		}
	}
	m = send(m, keys("j")...)
	if disagreeOf(m).cursor != 1 {
		t.Fatal("j did not step to the next disagreement")
	}
	m = send(m, keys("N")...)
	if disagreeOf(m).cursor != 0 {
		t.Fatal("N did not step back")
	}
	m = send(m, keys("?")...)
	if v := m.View(); !strings.Contains(v, "accept coder N's coding") || !strings.Contains(v, "undo decision") {
		t.Fatalf("help lacks the Disagreements keys:\n%s", v)
	}
	m = send(m, keys("esc esc")...)
	if m.ctx.dialog != nil {
		t.Fatal("esc did not close the view")
	}
}

// TestConsensusWrites settles both disagreements, undoes the second
// decision and settles it otherwise: each is in the consensus file at
// once, as the coder resolving them.
func TestConsensusWrites(t *testing.T) {
	m, cons := twoCodersModel(t, 100, 30)
	m = send(m, keys("4 D")...)
	// Sentence 3: ben applied blame; accept ana's coding (not applied).
	m = send(m, keys("1")...)
	if got := consensusCoding(t, m, cons); len(got) != 0 {
		t.Fatalf("after accepting ana's 'not applied': %q", got)
	}
	if d := disagreeOf(m); d.cursor != 1 || d.decided[0] == "" {
		t.Fatalf("cursor %d, decided %v: not on the next disagreement", d.cursor, d.decided)
	}
	// Sentence 4: ana applied it; accept ana's.
	m = send(m, keys("1")...)
	if got, want := consensusCoding(t, m, cons), []string{"a1/3 blame ana"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("after accepting ana's coding: %q, want %q", got, want)
	}
	if v := m.View(); !strings.Contains(v, "2 settled") {
		t.Fatalf("view does not count 2 settled:\n%s", v)
	}
	// Undo takes it back and returns to it.
	m = send(m, keys("u")...)
	if got := consensusCoding(t, m, cons); len(got) != 0 {
		t.Fatalf("after undo: %q", got)
	}
	if d := disagreeOf(m); d.cursor != 1 || d.decided[1] != "" {
		t.Fatalf("after undo: cursor %d, decided %v", d.cursor, d.decided)
	}
	// Neither, then both; ben's is refused for a coder without the
	// article? Both coded it: 2 is ben's (not applied here).
	m = send(m, keys("a")...)
	if got, want := consensusCoding(t, m, cons), []string{"a1/3 blame ana"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("after both: %q, want %q", got, want)
	}
	m = send(m, keys("x")...)
	if got := consensusCoding(t, m, cons); len(got) != 0 {
		t.Fatalf("after neither: %q", got)
	}
	// One's own notes and ben's are untouched.
	if ns := storeNotes(t, m.ctx.notes.path); len(ns) != 2 {
		t.Fatalf("own notes changed: %+v", ns)
	}
	// Nothing else to undo after two undos and a third.
	m = send(m, keys("u u u")...)
	if !strings.Contains(m.msg, "nothing to undo") && !strings.Contains(m.msg, "undone") {
		t.Fatalf("third undo says %q", m.msg)
	}
}

// TestDisagreementsOneCoder says how to open another coder's file.
func TestDisagreementsOneCoder(t *testing.T) {
	m := codersModel(t, 80, 24, "ana", filepath.Join(t.TempDir(), "ana.db"), nil, filepath.Join(t.TempDir(), "c.db"))
	m = send(m, keys("4 D")...)
	if v := m.View(); !strings.Contains(v, "--compare-notes") {
		t.Fatalf("no word on --compare-notes:\n%s", v)
	}
}

func TestGoldenDisagreements(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		name := fmt.Sprintf("disagree-%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			m, _ := twoCodersModel(t, sz[0], sz[1])
			m = send(m, keys("4 D 1")...)
			v := m.View()
			// The temp folders' names must not reach the golden file.
			golden.Assert(t, v, name+".golden")
		})
	}
}

// TestConsensusTakesOverAgreed: A writes the codings both coders agree on
// (blame on sentence 2) in one change that u takes back; enter shows the
// disagreement in the read view.
func TestConsensusTakesOverAgreed(t *testing.T) {
	m, cons := twoCodersModel(t, 100, 30)
	m = send(m, keys("4 D")...)
	if v := m.View(); !strings.Contains(v, "1 agreed") {
		t.Fatalf("no count of agreed codings:\n%s", v)
	}
	m = send(m, keys("A")...)
	if got, want := consensusCoding(t, m, cons), []string{"a1/1 blame ana"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("after A: %q, want %q", got, want)
	}
	m = send(m, keys("u")...)
	if got := consensusCoding(t, m, cons); len(got) != 0 {
		t.Fatalf("after undoing A: %q", got)
	}
	m = send(m, keys("j enter")...)
	if m.ctx.dialog != nil || m.view != viewRead {
		t.Fatalf("enter: dialog %T, view %v", m.ctx.dialog, m.view)
	}
	if got := m.read.cursor[0]; got != 3 {
		t.Fatalf("read view cursor on sentence %d, want 3", got)
	}
}

// TestDisagreementsAnySize draws the Disagreements view and the notes
// view with two coders from 40x10 up: every frame has the terminal's
// lines, each exactly its width.
func TestDisagreementsAnySize(t *testing.T) {
	m, _ := twoCodersModel(t, 80, 24)
	m = send(m, keys("4")...)
	for _, step := range []string{"", "D", "1"} {
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
