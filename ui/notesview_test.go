package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestMergeIntoNewTag: the merge chooser's box says "type to filter or
// name a new tag"; a new name merges into a new tag, which is renaming to
// it, and u undoes it. The tag's own name is refused with a reason.
func TestMergeIntoNewTag(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("4 c M")...)
	m = send(m, typeText("newtag")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "nothing here") || !strings.Contains(v, "merge into new tag “newtag”") {
		t.Fatalf("merge chooser on a new name:\n%s", v)
	}
	m = send(m, keyMsg("enter"))
	if m.dlg != nil {
		t.Fatalf("enter left the merge chooser open:\n%s", ansi.Strip(m.View()))
	}
	if ns := storeNotes(t, path); len(ns) != 1 || len(ns[0].Tags) != 1 || ns[0].Tags[0] != "newtag" {
		t.Fatalf("notes after merging into a new tag: %+v", ns)
	}
	if len(m.ctx.notes.snap.codes) != 1 || m.ctx.notes.snap.codes[0].Name != "newtag" {
		t.Fatalf("codebook after merging into a new tag: %+v", m.ctx.notes.snap.codes)
	}
	if !strings.Contains(m.msg, "merged “blame” into the new tag “newtag”") {
		t.Fatalf("message %q", m.msg)
	}
	m = send(m, keys("u")...)
	if ns := storeNotes(t, path); len(ns) != 1 || ns[0].Tags[0] != "blame" {
		t.Fatalf("undo of a merge into a new tag: %+v", ns)
	}

	// Its own name, in another case: refused, saying why.
	m = send(m, keys("M")...)
	m = send(m, typeText("BLAME")...)
	m = send(m, keyMsg("enter"))
	if !strings.Contains(m.msg, "into itself") {
		t.Fatalf("merge into itself: message %q", m.msg)
	}
	if ns := storeNotes(t, path); ns[0].Tags[0] != "blame" {
		t.Fatalf("merge into itself changed the notes: %+v", ns)
	}
}
