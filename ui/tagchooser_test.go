package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTagChooserOffersTheRightTag is issue 17 item 10: after tagging with
// blame/us (which creates its parent blame, on no passage), "bl" offers
// blame/us first, so enter applies it; the whole name typed puts that tag
// first; the chooser shows the passage it tags and each tag's count.
func TestTagChooserOffersTheRightTag(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame/us")
	m = send(m, keys("j t")...)
	m = send(m, typeText("bl")...)
	if got := chooserOf(m).items[chooserOf(m).shown[0]].name; got != "blame/us" {
		t.Errorf("\"bl\" offers %q first, want blame/us (used) before blame (unused)", got)
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"“They discussed the fate of the treaty the US destroyed last year.”", "blame/us · 1 passage", "blame · 0 passages"} {
		if !strings.Contains(v, want) {
			t.Errorf("the chooser lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "blame/us · 1") > strings.Index(v, "blame · 0") {
		t.Errorf("blame/us is listed after blame:\n%s", v)
	}
	m = send(m, keys("enter")...)
	ns := storeNotes(t, path)
	if len(ns) != 2 || ns[1].Tags[0] != "blame/us" {
		t.Fatalf("enter applied %+v, want blame/us on the second passage", ns)
	}
	// The whole name typed: that tag first, used or not.
	m = send(m, keys("j t")...)
	m = send(m, typeText("blame")...)
	if got := chooserOf(m).items[chooserOf(m).shown[0]].name; got != "blame" {
		t.Errorf("\"blame\" offers %q first, want blame itself", got)
	}
}

// TestMessagesQuoteNamesOneWay is issue 17 item 14: a tag's name is
// quoted “so” in every message, the store's (undo, redo, errors) as the
// reader's own; they mixed 'blame/us' and “blame/us”.
func TestMessagesQuoteNamesOneWay(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	var msgs []string
	m = send(m, keys("j")...)
	m = tagHere(m, "blame/us")
	msgs = append(msgs, m.msg)
	m = send(m, keys("u")...)
	msgs = append(msgs, m.msg)
	m = send(m, ctrlR)
	msgs = append(msgs, m.msg)
	m = send(m, keys("4 c")...)
	m = send(m, keys("a")...)
	m = send(m, typeText("blame/us")...)
	m = send(m, keys("enter")...)
	msgs = append(msgs, m.msg) // already exists
	m = send(m, keys("j r")...)
	msgs = append(msgs, promptOf(m).title)
	for _, s := range msgs {
		if strings.Contains(s, "'") {
			t.Errorf("message %q quotes with '", s)
		}
		if !strings.Contains(s, "“blame") {
			t.Errorf("message %q does not quote the tag “so”", s)
		}
	}
}

// TestNotesFileNamedAlikeInEveryView is issue 17 item 14's last point: the
// status line named the notes file "notes.db" in one view and "notes" in
// another (where the read view had more to say); at a given width it has
// one name everywhere.
func TestNotesFileNamedAlikeInEveryView(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("/")...)
	m = send(m, typeText("geneva")...)
	m = send(m, keys("enter")...)
	m.msg = ""
	m = send(m, keys("j")...)
	for _, v := range []string{"1", "2", "3", "4", "5", "1 j"} {
		m = send(m, keys(v)...)
		m.msg = ""
		if st := ansi.Strip(m.chrome().statusView()); !strings.Contains(st, "notes.db none yet") {
			t.Errorf("after %s the status line %q does not name notes.db", v, st)
		}
	}
}

// TestTagChooserKeepsRowsOnShortScreens: at 40x12 the passage gives way
// to the list, so three tags to choose from stay in sight.
func TestTagChooserKeepsRowsOnShortScreens(t *testing.T) {
	m, _ := newNotesModel(t, 40, 12)
	for _, name := range []string{"frames/one", "frames/two", "frames/three", "frames/four"} {
		m = tagHere(m, name)
	}
	m = send(m, keys("t")...)
	v := ansi.Strip(m.View())
	if n := strings.Count(v, "▐"); n < 3 {
		t.Errorf("%d tags in sight at 40x12, want 3:\n%s", n, v)
	}
	if lines := strings.Count(v, "\n") + 1; lines > 12 {
		t.Errorf("the view is %d lines high at 40x12", lines)
	}
}
