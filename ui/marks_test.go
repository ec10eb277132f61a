package ui

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// monoModel is a loaded model drawn as with NO_COLOR, with a notes file.
func monoModel(t *testing.T, w, h int) Model {
	t.Helper()
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	ctx := &Context{Styles: NewStyles(r, DefaultTheme(), true), Keys: DefaultKeyMap(), Markup: NewMarkup("notty", termenv.ANSI256)}
	c, a := testCorpus()
	m := newModel(context.Background(), Options{Width: w, Height: h, NotesPath: filepath.Join(t.TempDir(), "notes.db")}, ctx, termenv.ANSI256)
	m.flashFor = 0
	m.ctx.notes.poll = 0
	m.setData(NewData(c, a))
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.store == nil {
		t.Fatalf("notes: %v", m.ctx.notes.err)
	}
	t.Cleanup(func() { m.ctx.notes.store.Close() })
	return m
}

// edges returns the first and last cell of each column of the read
// view's body row, as drawn.
func edges(m Model, row int) (lefts, rights []string) {
	r := m.read
	vis := r.visible()
	ws := r.colWidths(len(vis))
	for i, oi := range vis {
		l := ansi.Strip(r.columnView(oi, ws[i])[headerHeight+row])
		rs := []rune(l)
		lefts = append(lefts, string(rs[0]))
		rights = append(rights, string(rs[len(rs)-1]))
	}
	return lefts, rights
}

// TestMarksAreDistinct is issue 17 item 11: without colour, the visual
// selection, a counterpart of the cursor sentence and a tagged sentence
// under the cursor each look like nothing else.
func TestMarksAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, mk := range edgeMarks {
		if seen[mk] {
			t.Errorf("mark %q has two meanings", mk)
		}
		seen[mk] = true
	}
	m := monoModel(t, 120, 30)
	// Tag Alpha's sentence 1 (fact 1), then select from it down to 2.
	m = send(m, keys("j t")...)
	m = send(m, typeText("blame")...)
	m = send(m, keys("enter")...)
	row := rowOf(m, 0, 1)
	curL, curR := edges(m, row)
	if curL[0] != markCursor || curR[0] != markTag {
		t.Fatalf("tagged cursor sentence: edges %q…%q, want %q…%q", curL[0], curR[0], markCursor, markTag)
	}
	for i := 1; i < len(curL); i++ {
		if curL[i] != markCounterpart || curR[i] != " " {
			t.Errorf("counterpart in column %d: edges %q…%q, want %q and nothing on the right", i, curL[i], curR[i], markCounterpart)
		}
		if curL[i] == curL[0] || curR[i] == curR[0] {
			t.Errorf("a counterpart (%q…%q) looks like the tagged cursor sentence (%q…%q)", curL[i], curR[i], curL[0], curR[0])
		}
	}
	m = send(m, keys("v j")...)
	selL, _ := edges(m, row)
	if selL[0] != markSelection {
		t.Fatalf("selected sentence: left edge %q, want %q", selL[0], markSelection)
	}
	if selL[0] == curL[1] {
		t.Errorf("the selection and a counterpart share the mark %q", selL[0])
	}
}

// TestShareSurvivesWithoutColour is issue 17 item 12: without colour the
// gutter still says how widely a fact is shared, and the legend says
// which glyph is how many outlets.
func TestShareSurvivesWithoutColour(t *testing.T) {
	m := monoModel(t, 120, 30)
	v := ansi.Strip(m.View())
	// Three outlets: fact 1 in all three (the top level), fact 2 in two.
	total := len(m.ctx.Data.Outlets)
	g1 := shareGlyphs[corpus.ShareLevel(3, total)]
	g2 := shareGlyphs[corpus.ShareLevel(2, total)]
	if g1 == g2 {
		t.Fatalf("the two facts' levels are the same glyph %q: the test tells nothing", g1)
	}
	for _, want := range []string{"1" + g1 + "! The foreign ministers", "2" + g2 + "  Both sides agreed"} {
		if !strings.Contains(v, want) {
			t.Errorf("the gutter lacks %q:\n%s", want, v)
		}
	}
	legend := ansi.Strip(m.chrome().legendShort())
	if want := "outlets " + g2 + "2 " + g1 + "3"; !strings.Contains(legend, want) {
		t.Errorf("status legend %q lacks %q", legend, want)
	}
	help := ansi.Strip(strings.Join(m.helpScr.legendLines(100), "\n"))
	for _, g := range shareGlyphs[1:] {
		if !strings.Contains(help, g) {
			t.Errorf("the help legend does not explain %q:\n%s", g, help)
		}
	}
}

// TestMemoShowsInTheReadView is issue 17 item 10's last point: a tagged
// passage with a memo has its own mark where it starts, and the why panel
// shows the memo.
func TestMemoShowsInTheReadView(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j t")...)
	m = send(m, typeText("blame")...)
	m = send(m, keys("enter")...)
	row := rowOf(m, 0, 1)
	if _, r := edges(m, row); r[0] != markTag {
		t.Fatalf("tagged sentence without memo: right edge %q, want %q", r[0], markTag)
	}
	m = send(m, keys("m")...)
	m = send(m, typeText("TASS blames the US")...)
	m = send(m, keys("enter")...)
	_, r := edges(m, row)
	_, next := edges(m, row+1)
	if r[0] != markMemo || next[0] != markTag {
		t.Errorf("tagged sentence with a memo: right edges %q then %q, want %q where it starts, %q after", r[0], next[0], markMemo, markTag)
	}
	m = send(m, keys("w")...)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Your notes", "blame", "memo", "TASS blames the US"} {
		if !strings.Contains(v, want) {
			t.Errorf("the why panel lacks %q:\n%s", want, v)
		}
	}
}
