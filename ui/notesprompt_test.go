package ui

import (
	"strings"
	"testing"
)

// TestBlankTagNameSaysWhy: enter on a blank rename (or new tag) prompt
// says a tag name cannot be blank, changes nothing and keeps the prompt.
func TestBlankTagNameSaysWhy(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	for _, k := range []string{"r", "a"} {
		m = send(m, keys("4 c "+k)...)
		promptOf(m).input.SetValue("")
		m = send(m, typeText("   ")...)
		m = send(m, keyMsg("enter"))
		if !strings.Contains(m.msg, "cannot be blank") || !strings.Contains(m.msg, "nothing was changed") {
			t.Fatalf("%s with a blank name: message %q", k, m.msg)
		}
		if promptOf(m) == nil {
			t.Fatalf("%s with a blank name closed the prompt", k)
		}
		m = send(m, keyMsg("esc"))
		m = send(m, keys("c")...)
	}
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Tags[0] != "blame" || len(m.ctx.notes.snap.codes) != 1 {
		t.Fatalf("a blank name changed the notes: %+v %+v", ns, m.ctx.notes.snap.codes)
	}
}
