package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestCodebookManagement(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("4 c a")...)
	m = send(m, typeText("omission")...)
	m = send(m, keyMsg("enter"))
	if len(m.ctx.notes.snap.codes) != 2 {
		t.Fatalf("codes %v", m.ctx.notes.snap.codes)
	}
	// Rename blame everywhere.
	m = send(m, keys("r")...)
	promptOf(m).input.SetValue("")
	m = send(m, typeText("blame/us")...)
	m = send(m, keyMsg("enter"))
	if n := m.ctx.notes.snap.all[0]; n.Tags[0] != "blame/us" {
		t.Fatalf("rename did not reach the note: %+v", n)
	}
	// In the codebook, c goes back, and the help says so.
	help := ""
	for _, g := range m.notesView.FullHelp() {
		for _, b := range g {
			help += b.Help().Key + " " + b.Help().Desc + "\n"
		}
	}
	if !strings.Contains(help, "c back to passages") || strings.Contains(help, "c codebook") {
		t.Errorf("codebook help:\n%s", help)
	}
	// A starter codebook.
	m = send(m, keys("S enter")...)
	if len(m.ctx.notes.snap.codes) < 10 || !strings.Contains(m.msg, "tags added from") {
		t.Fatalf("starter: %d codes, %q", len(m.ctx.notes.snap.codes), m.msg)
	}
	// The list moves like every other: G to the last tag, whose name the
	// delete prompt then gives; g back to the first.
	codes := m.ctx.notes.snap.codes
	m = send(m, keys("G d")...)
	if last := codes[len(codes)-1].Name; confirmOf(m) == nil || !strings.Contains(confirmOf(m).question, last) {
		t.Errorf("after G, d asks %q; want the last tag %q", ansi.Strip(m.View()), last)
	}
	m = send(m, keys("n g")...)
	m = send(m, keyMsg("pgdown"))
	if m.notesView.ccursor == 0 {
		t.Error("pgdown did not move the codebook cursor")
	}
	// Delete asks; undo restores.
	n := len(m.ctx.notes.snap.codes)
	m = send(m, keys("g d y")...)
	if len(m.ctx.notes.snap.codes) >= n {
		t.Fatal("delete did not delete a code")
	}
	m = send(m, keys("u")...)
	if len(m.ctx.notes.snap.codes) != n {
		t.Fatal("undo did not restore the code")
	}
}
