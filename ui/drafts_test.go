package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// dialogText is what the open dialog's text input holds, "" without one.
func dialogText(m Model) string {
	switch d := m.ctx.dialog.(type) {
	case *prompt:
		return d.input.Value()
	case *chooser:
		return d.input.Value()
	case *memoEditor:
		return d.area.Value()
	case *exportDialog:
		return d.input.Value()
	case *libSearch:
		return d.input.Value()
	}
	return ""
}

// TestCancelledTextComesBack: in every text dialog, esc with text typed
// keeps it as a draft, which the hint line says; the same dialog opened
// again for the same target gives it back, another target does not, and
// answering the dialog lets the draft go.
func TestCancelledTextComesBack(t *testing.T) {
	// Models share their pages and context: each case starts afresh.
	fresh := func(t *testing.T) Model {
		m, _ := newNotesModel(t, 100, 30)
		m = send(m, keys("j")...)
		m = tagHere(m, "blame")
		m = send(m, keys("j")...)
		return tagHere(m, "frame")
	}
	for _, tc := range []struct {
		name, open, other, typed string
		orig                     string // the text the dialog opens with
	}{
		{"new tag", "4 c a", "4 c r", "blame/us", ""},
		{"rename", "4 c r", "4 c j r", "-too", "blame"},
		{"merge", "4 c M", "4 c j M", "bla", ""},
		{"tag chooser", "1 t", "1 j t", "fra", ""},
		{"add a tag", "4 t", "4 j t", "fra", ""},
		{"memo", "1 m", "1 k m", "TASS says so", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			open := func(m Model, keys_ string) Model {
				m = send(m, keyMsg("esc"))
				if m.notesView != nil {
					m.notesView.codebook = false
				}
				return send(m, keys(keys_)...)
			}
			m := open(fresh(t), tc.open)
			if m.ctx.dialog == nil {
				t.Fatalf("%q opened no dialog", tc.open)
			}
			if got := dialogText(m); got != tc.orig {
				t.Fatalf("opens with %q, want %q", got, tc.orig)
			}
			if strings.Contains(ansi.Strip(m.View()), "keep draft") {
				t.Fatalf("the hint offers a draft before anything was typed:\n%s", ansi.Strip(m.View()))
			}
			m = send(m, typeText(tc.typed)...)
			want := tc.orig + tc.typed
			if v := ansi.Strip(m.View()); !strings.Contains(v, "esc: keep draft") {
				t.Fatalf("the hint does not say esc keeps a draft:\n%s", v)
			}
			m = send(m, keyMsg("esc"))
			if m.ctx.dialog != nil {
				t.Fatal("esc did not close the dialog")
			}
			m = open(m, tc.open)
			if got := dialogText(m); got != want {
				t.Fatalf("reopened with %q, want the draft %q", got, want)
			}
			// Emptied and cancelled: the draft goes.
			for range len([]rune(want)) {
				m = send(m, keyMsg("backspace"))
			}
			m = send(m, keyMsg("esc"))
			m = open(m, tc.open)
			if got := dialogText(m); got != tc.orig {
				t.Fatalf("an emptied draft came back as %q, want %q", got, tc.orig)
			}
			// Another target does not get the draft.
			m = send(m, typeText(tc.typed)...)
			m = send(m, keyMsg("esc"))
			m = open(m, tc.other)
			if got := dialogText(m); got == want || m.ctx.dialog == nil {
				t.Fatalf("%q, another target, opened with the draft %q (dialog %T)", tc.other, got, m.ctx.dialog)
			}
		})
	}
}

// TestAnsweredDialogDropsItsDraft: a name kept as a draft and then used
// (enter) does not come back the next time.
func TestAnsweredDialogDropsItsDraft(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("4 c a")...)
	m = send(m, typeText("blame/us")...)
	m = send(m, keys("esc a enter")...)
	if !strings.Contains(m.msg, "“blame/us” added") {
		t.Fatalf("the draft, entered, did not add the tag: %q", m.msg)
	}
	m = send(m, keys("a")...)
	if got := dialogText(m); got != "" {
		t.Fatalf("the new-tag prompt opened with %q after the tag was added", got)
	}
}

// TestExportPathDraft: a path typed in the export dialog and cancelled
// comes back, with the format its name says.
func TestExportPathDraft(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("e tab")...)
	exportOf(m).input.SetValue("")
	m = send(m, typeText("mine.csv")...)
	m = send(m, keyMsg("esc"))
	m = send(m, keys("e")...)
	e := exportOf(m)
	if e == nil || e.input.Value() != "mine.csv" || e.format() != "csv" {
		t.Fatalf("export reopened: %+v", e)
	}
	// A format changed, nothing typed: no draft.
	m = send(m, keys("esc e")...)
	exportOf(m).input.SetValue("")
	m = send(m, keys("esc e j esc e")...)
	if got := exportOf(m).input.Value(); !strings.HasPrefix(got, "parallax-") {
		t.Fatalf("a default path was kept as a draft: %q", got)
	}
}

// TestCtrlCSaysTheNameTyped: ctrl+c in a name prompt quits, and the name
// typed goes to standard error, not lost; with nothing typed it says
// nothing.
func TestCtrlCSaysTheNameTyped(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("4 c a")...)
	if q, quit := quitWith(t, m); !quit || len(q.farewell) != 0 {
		t.Fatalf("ctrl+c, nothing typed: quit %v, said %q", quit, q.farewell)
	}
	m = send(m, typeText("blame/us")...)
	m, quit := quitWith(t, m)
	var stderr bytes.Buffer
	m.sayFarewell(&stderr)
	if got := stderr.String(); !quit || !strings.Contains(got, "the tag name") || !strings.Contains(got, "blame/us") {
		t.Fatalf("quit %v, standard error %q", quit, got)
	}
}
