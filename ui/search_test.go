package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSearchWithoutMatchLeavesNoPosition is issue 17 item 2: a search that
// finds nothing says so and leaves no "1/0" behind, in any view.
func TestSearchWithoutMatchLeavesNoPosition(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 80, 24)
	m.flashFor = 0
	m = send(m, keys("/")...)
	m = send(m, typeText("june")...)
	m = send(m, keys("enter / ")...)
	m = send(m, typeText("qatar")...)
	m = send(m, keys("enter")...)
	if !strings.Contains(m.msg, "no match for “qatar”") {
		t.Errorf("message %q, want no match for “qatar”", m.msg)
	}
	for _, view := range []string{"1", "2", "3", "5"} {
		m = send(m, keys(view)...)
		st := ansi.Strip(m.statusView())
		if strings.Contains(st, "/0") || strings.Contains(st, "/qatar") || strings.Contains(st, "/june") {
			t.Errorf("view %s: status line %q keeps a search position", view, st)
		}
	}
	if m.read.query != "" {
		t.Errorf("the highlight of %q stays", m.read.query)
	}
	m = send(m, keys("n")...)
	if !strings.Contains(m.msg, "no search yet") {
		t.Errorf("n after a search without match: %q", m.msg)
	}
}
