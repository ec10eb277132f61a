package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestDropSegments(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"TASS 2/13 · fact 1 in 5 outlets", 40, "TASS 2/13 · fact 1 in 5 outlets"},
		{"TASS 2/13 · fact 1 in 5 outlets · cols 1-3/5", 40, "TASS 2/13 · fact 1 in 5 outlets"},
		{"TASS 2/13 · fact 1 in 5 outlets ! differ", 36, "TASS 2/13 · fact 1 in 5 outlets !…"},
		{"TASS 2/13 · fact 1 in 5 outlets ! differ", 33, "TASS 2/13 · fact 1 in 5 outlets…"},
		{"5 articles · 22 facts · 86 markers", 30, "5 articles · 22 facts"},
		{"Anadolu Agency 12/25", 10, "Anadolu Agency 12/25"}, // cut by the caller
	} {
		if got := dropSegments(c.in, c.width); got != c.want {
			t.Errorf("dropSegments(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

// TestStatusKeepsMessages checks that at 80 columns a message and the
// search position are shown whole: the colour legend gives way to them.
func TestStatusKeepsMessages(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 80, 24)
	msg := "code 'political' already exists; merge 'other' into it instead"
	m.msg = msg
	if v := m.chrome().statusView(); !strings.Contains(v, msg) {
		t.Errorf("status at 80 columns cuts the message:\n%s", v)
	}
	m.msg = "saved"
	if v := m.chrome().statusView(); !strings.Contains(v, "saved") || !strings.Contains(v, "differ") {
		t.Errorf("a short message should leave the legend in place:\n%s", v)
	}
	m.msg = ""
	m.search.query = "missile"
	m.search.hits = make([]hit, 35)
	m.search.idx = 31
	if v := m.chrome().statusView(); !strings.Contains(v, "/missile 32/35") {
		t.Errorf("status at 80 columns drops the search position:\n%s", v)
	}
	// A message longer than the line goes on in the footer's place.
	m.search = searchModel{ctx: m.search.ctx}
	long := "export failed: export to /tmp/qa2/nodir/x.csv: the folder /tmp/qa2/nodir does not exist: create it, or choose another path"
	m.msg = long
	both := ansi.Strip(m.chrome().statusView() + " " + m.chrome().footerView())
	if !strings.Contains(strings.Join(strings.Fields(both), " "), long) {
		t.Errorf("a long message is cut at 80 columns:\n%s\n%s", ansi.Strip(m.chrome().statusView()), ansi.Strip(m.chrome().footerView()))
	}
	for _, w := range []int{40, 80, 120} {
		m.width = w
		m.msg = msg
		if got := ansi.StringWidth(m.chrome().statusView()); got > w {
			t.Errorf("status at %d columns is %d wide", w, got)
		}
	}
}

// TestStatusKeepsColumnPosition checks that at 80 columns the reading
// position shows whole, which columns of how many included: the colour
// legend gives way to it, as it does to messages.
func TestStatusKeepsColumnPosition(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keys("l ]")...) // another column, then the next fact
	info := m.read.Status()
	if !strings.Contains(info, "cols ") {
		t.Fatalf("test set-up: all columns fit at 80 (status %q)", info)
	}
	if v := ansi.Strip(m.chrome().statusView()); !strings.Contains(v, info) {
		t.Errorf("status at 80 columns cuts the position %q:\n%s", info, v)
	}
}

// TestHeaderCountsInWords checks the header's counts read as words: "1
// article · 0 facts", not "1 articles".
func TestHeaderCountsInWords(t *testing.T) {
	c, _ := testCorpus()
	c.Articles = c.Articles[:1]
	m := newTestModel(t, c, nil, 120, 24)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "· 1 article · 0 facts") {
		t.Errorf("header:\n%s", strings.SplitN(v, "\n", 2)[0])
	}
}

// TestVisualIsAMode checks that a selection shows as the status line's
// mode, so even at 40 columns the line says one is on.
func TestVisualIsAMode(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j v j")...)
	if st := ansi.Strip(m.chrome().statusView()); !strings.HasPrefix(strings.TrimSpace(st), "VISUAL") || !strings.Contains(st, "2 sentences") {
		t.Errorf("status at 100 columns: %q", st)
	}
	m = send(m, tea.WindowSizeMsg{Width: 40, Height: 12})
	if st := ansi.Strip(m.chrome().statusView()); !strings.HasPrefix(strings.TrimSpace(st), "VISUAL") {
		t.Errorf("status at 40 columns: %q", st)
	}
	m = send(m, keys("esc")...)
	if st := ansi.Strip(m.chrome().statusView()); !strings.HasPrefix(strings.TrimSpace(st), "READ") {
		t.Errorf("status after esc: %q", st)
	}
}
