package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/parallax-reader/parallax/corpus"
)

func TestWhyPanelExplainsSentence(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 160, 40)
	m = send(m, keys("j w")...)
	if panelOf(m) == nil {
		t.Fatal("w did not open the why panel")
	}
	v := m.View()
	for _, want := range []string{"Why?", "Fact 1", "Beta Wire", "four hours", "Outlets disagree", "duration", "Geneva", "Monday"} {
		if !strings.Contains(v, want) {
			t.Errorf("why panel lacks %q:\n%s", want, v)
		}
	}
	m = send(m, keyMsg("esc"))
	if panelOf(m) != nil {
		t.Fatal("esc did not close the panel")
	}
	// A framing marker explains itself.
	m = send(m, keys("j enter")...)
	v = m.View()
	if !strings.Contains(v, "loaded") || !strings.Contains(v, "assigns blame") {
		t.Errorf("marker kind and reason missing:\n%s", v)
	}
}

// TestWhyPanelOnUnlinkedTitle checks what the panel says of a headline in
// no shared fact: headlines are compared, so it must not say otherwise.
func TestWhyPanelOnUnlinkedTitle(t *testing.T) {
	c, a := testCorpus()
	a.Facts = nil // no fact holds the title
	m := newTestModel(t, c, a, 160, 40)
	m = send(m, keys("w")...)
	v := m.View()
	if strings.Contains(v, "text is not compared") || !strings.Contains(v, "Headlines and sub-headings are compared") {
		t.Errorf("why panel on an unlinked title:\n%s", v)
	}
}

// TestPanelsKeepTheirPlaceOnResize checks that the outlet profile and the
// Why? panel, scrolled down, stay about as far down after a resize.
func TestPanelsKeepTheirPlaceOnResize(t *testing.T) {
	c := corpus.Default()
	a, err := runPipeline(context.Background(), c, pipelineOptions(Options{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, c, a, 80, 24)
	// newTestModel does not run the Cmds of its first sizing: the profile
	// render it asked for never arrives; ask again.
	clear(m.outlets.pending)
	m = send(m, keys("3 G")...)
	if m.outlets.vp.YOffset == 0 {
		t.Fatalf("G did not scroll the profile: %d lines, height %d", m.outlets.vp.TotalLineCount(), m.outlets.vp.Height)
	}
	nm, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 24})
	m = runCmd(*nm.(*Model), cmd, 0)
	if !m.outlets.vp.AtBottom() {
		t.Errorf("profile back at offset %d of %d after a resize", m.outlets.vp.YOffset, m.outlets.vp.TotalLineCount())
	}
	m = send(m, keys("1 ] w G")...)
	if (panelOf(m) == nil) || panelOf(m).vp.YOffset == 0 {
		t.Fatalf("Why? panel not open and scrolled: open %v, %d lines, height %d", (panelOf(m) != nil), panelOf(m).vp.TotalLineCount(), panelOf(m).vp.Height)
	}
	nm, cmd = m.Update(tea.WindowSizeMsg{Width: 120, Height: 24})
	m = runCmd(*nm.(*Model), cmd, 0)
	if !panelOf(m).vp.AtBottom() {
		t.Errorf("Why? panel at offset %d of %d after a resize", panelOf(m).vp.YOffset, panelOf(m).vp.TotalLineCount())
	}
}
