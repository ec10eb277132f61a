package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestMoveList(t *testing.T) {
	k := DefaultKeyMap()
	for _, c := range []struct {
		key          string
		cur, n, page int
		want         int
		wantHandled  bool
	}{
		{"j", 0, 5, 4, 1, true},
		{"k", 0, 5, 4, 0, true},
		{"G", 1, 5, 4, 4, true},
		{"end", 1, 5, 4, 4, true},
		{"g", 3, 5, 4, 0, true},
		{"home", 3, 5, 4, 0, true},
		{"pgdown", 0, 10, 6, 3, true},
		{"ctrl+d", 8, 10, 6, 9, true},
		{"pgup", 2, 10, 6, 0, true},
		{"G", 0, 0, 4, 0, true}, // an empty list stays at 0
		{"x", 2, 5, 4, 2, false},
	} {
		km := keyMsg(c.key)
		got, ok := moveList(k, km, c.cur, c.n, c.page)
		if got != c.want || ok != c.wantHandled {
			t.Errorf("moveList(%s, cursor %d of %d, page %d) = %d, %v; want %d, %v", c.key, c.cur, c.n, c.page, got, ok, c.want, c.wantHandled)
		}
	}
}

func TestWordSpans(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The treaty is dead.", []string{"The", "treaty", "is", "dead."}},
		{"  two  spaces ", []string{"two", "spaces"}},
		{"他说。", []string{"他", "说。"}},
		{"「条約」と述べた。", []string{"「条", "約」", "と", "述", "べ", "た。"}},
		{"INF条约 expired", []string{"INF", "条", "约", "expired"}},
		{"مرحبا بالعالم", []string{"مرحبا", "بالعالم"}},
	} {
		var got []string
		for _, w := range wordSpans(c.text, 0, len(c.text)) {
			got = append(got, c.text[w[0]:w[1]])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wordSpans(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// Trimming a Chinese sentence drops characters, not the whole run.
	text := "拉夫罗夫说条约已经死了。"
	s, e := trimWords(text, 0, len(text), 2, 1)
	if got := text[s:e]; got != "罗夫说条约已经死" {
		t.Errorf("trimWords(2, 1) = %q", got)
	}
}

// TestHelpScrollsWithTheWheel checks the mouse wheel scrolls the help.
func TestHelpScrollsWithTheWheel(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keys("?")...)
	m = send(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress, X: 10, Y: 10})
	if m.helpScr.top == 0 {
		t.Error("the wheel did not scroll the help")
	}
	m = send(m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress, X: 10, Y: 10})
	if m.helpScr.top != 0 {
		t.Errorf("wheel up left the help at line %d", m.helpScr.top)
	}
}

// TestClickElsewhereEndsSelection checks that a click in another column
// ends a visual selection and its "selecting:" message.
func TestClickElsewhereEndsSelection(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m.ctx.notes.store = nil
	m.read.sel = selection{on: true, article: 0, from: 1}
	m.msg = "selecting: j/k extend"
	m = send(m, tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, X: 70, Y: 6})
	if m.read.focusedArticle() == 0 {
		t.Fatal("the click did not focus another column")
	}
	if m.read.sel.on || m.msg != "" {
		t.Errorf("after a click in another column: selection %v, message %q", m.read.sel.on, m.msg)
	}
}

// TestStatusNamesVisibleColumnsWithReference checks the "cols" part of
// the status with a pinned reference and the others paged.
func TestStatusNamesVisibleColumnsWithReference(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 80, 24) // two columns fit
	m = send(m, keys("p L")...)
	if got := m.read.Status(); !strings.Contains(got, "cols 1, 3/3") {
		t.Errorf("status %q, want cols 1, 3/3 (the reference and the third)", got)
	}
	m = send(m, keys("H")...)
	if got := m.read.Status(); !strings.Contains(got, "cols 1-2/3") {
		t.Errorf("status %q, want cols 1-2/3", got)
	}
}
