package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// Issue 17 item 9: text cut without an ellipsis. Each test fails without
// its fix.

// TestFactsLegendIsNotCut: at 60x20 the facts legend ended "! outlets
// disagree on a numb"; it is shortened in whole words instead.
func TestFactsLegendIsNotCut(t *testing.T) {
	c, a := testCorpus()
	for _, sz := range [][2]int{{60, 20}, {40, 12}, {80, 24}} {
		m := newTestModel(t, c, a, sz[0], sz[1])
		m = send(m, keys("2")...)
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		legend := strings.TrimRight(lines[len(lines)-3], " ")
		if !strings.HasPrefix(legend, "● carries") || !strings.HasSuffix(legend, "differ") && !strings.HasSuffix(legend, "date") {
			t.Errorf("%dx%d: the facts legend is cut: %q", sz[0], sz[1], legend)
		}
	}
}

// TestTabsAreNotCut: at 40 cells the view tabs were cut in the middle of
// a name (" 1 Read  2 Facts  3 Outlets  4 Notes  5"); the other views
// show their keys only, the active one its name (0, the Stories view,
// is there too).
func TestTabsAreNotCut(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 40, 12)
	tabs := strings.TrimRight(strings.Split(ansi.Strip(m.View()), "\n")[0], " ")
	if !strings.HasPrefix(tabs, " 0  1 Read  2  3  4  5") {
		t.Errorf("tabs at 40 cells: %q", tabs)
	}
	m = send(m, keys("2")...)
	if tabs := strings.Split(ansi.Strip(m.View()), "\n")[0]; !strings.Contains(tabs, " 0  1  2 Facts  3  4  5") {
		t.Errorf("tabs of the facts view at 40 cells: %q", tabs)
	}
	// A click on a key still switches.
	m = send(m, keys("1")...)
	if v, ok := m.chrome().tabAt(strings.Index(" 0  1 Read  2  3", "2")); !ok || v != viewFacts {
		t.Errorf("the compact tab 2 is not where it is drawn")
	}
}

// TestExportPreviewScrollsSideways: at 80 columns the preview cut the
// tags table's last column (│ Tota); the cut is marked, and h/l scroll
// the preview sideways to it.
func TestExportPreviewScrollsSideways(t *testing.T) {
	// The embedded corpus: five outlets make the table wider than 80.
	m := newTestModel(t, corpus.Default(), &Findings{}, 80, 24)
	m.opts.NotesPath = filepath.Join(t.TempDir(), "notes.db")
	m.ctx.notes.poll = 0
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.store == nil {
		t.Fatalf("notes: %v", m.ctx.notes.err)
	}
	t.Cleanup(func() { m.ctx.notes.store.Close() })
	m = send(m, keys("j")...)
	m = tagHere(m, "blame/us")
	m = send(m, keys("e tab")...)
	exportOf(m).input.SetValue(filepath.Join(t.TempDir(), "notes.md"))
	m = send(m, keys("enter")...)
	if exportOf(m).step != expPreview {
		t.Fatalf("no preview:\n%s", m.View())
	}
	if exportOf(m).pwide <= 80 {
		t.Fatalf("the preview is %d cells wide: nothing to scroll, the test tells nothing", exportOf(m).pwide)
	}
	head := previewLine(t, m, "Tag ")
	if strings.Contains(head, "Total") || !strings.HasSuffix(strings.TrimRight(head, " "), "…") {
		t.Errorf("the cut table row is not marked: %q", head)
	}
	for range 40 {
		m = send(m, keys("l")...)
	}
	if head := previewLine(t, m, "Total"); !strings.HasPrefix(head, "…") {
		t.Errorf("after l the row shows its end but its cut start is not marked: %q", head)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "h/l: sideways") {
		t.Errorf("the hint does not say h/l scroll sideways:\n%s", v)
	}
	for range 40 {
		m = send(m, keys("h")...)
	}
	if exportOf(m).pleft != 0 {
		t.Errorf("h did not scroll back: %d", exportOf(m).pleft)
	}
}

func previewLine(t *testing.T, m Model, has string) string {
	t.Helper()
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if strings.Contains(l, has) {
			return l
		}
	}
	t.Fatalf("no preview line holds %q:\n%s", has, ansi.Strip(m.View()))
	return ""
}

// TestMarkdownParagraphsAreNotRagged: at 60 columns the outlets view
// wrapped "z-scores of the log-odds / against / the other outlets", a lone
// word on a line of its own (Glamour's word wrap runs over after a
// hyphen). No line of a rendered paragraph leaves room for the next
// line's first word, at any width, and no line is wider than the width.
func TestMarkdownParagraphsAreNotRagged(t *testing.T) {
	md := "z-scores of the log-odds against the other outlets (Monroe et al. 2008). Above 2: unlikely by chance; a well-known, long-standing, two-sided test of left-wing and right-wing words.\n"
	for _, style := range []string{"notty", "dark"} {
		mk := NewMarkup(style, termenv.Ascii)
		for w := 24; w <= 90; w++ {
			out, err := mk.Render(md, w)
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range strings.Split(out, "\n") {
				if ansi.StringWidth(l) > w {
					t.Errorf("%s at %d: line %q is %d wide", style, w, l, ansi.StringWidth(l))
				}
				if l = strings.TrimSpace(ansi.Strip(l)); l != "" {
					lines = append(lines, l)
				}
			}
			if strings.Contains(strings.Join(lines, " "), "\u2011") || !strings.Contains(strings.Join(lines, " "), "log-odds") {
				t.Fatalf("%s at %d: hyphens not drawn as hyphens: %q", style, w, lines)
			}
			widest := 0
			for _, l := range lines {
				widest = max(widest, ansi.StringWidth(l))
			}
			for i := 0; i+1 < len(lines); i++ {
				next := strings.Fields(lines[i+1])[0]
				if ansi.StringWidth(lines[i])+1+ansi.StringWidth(next) <= widest {
					t.Errorf("%s at %d: ragged: %q then %q", style, w, lines[i], lines[i+1])
				}
			}
		}
	}
}
