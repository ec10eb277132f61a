package ui

import (
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

func TestStartupShowsProgressThenReadView(t *testing.T) {
	c, a := testCorpus()
	release := make(chan struct{})
	opts := Options{
		Width: 80, Height: 24,
		Load: func(ctx context.Context, paths []string, progress Progress) (*corpus.Corpus, error) {
			progress("loading files", 1, 3)
			<-release
			return c, nil
		},
		Findings: func(ctx context.Context, c *corpus.Corpus, progress Progress) (*Findings, error) {
			progress("comparing outlets", 2, 4)
			return a, nil
		},
	}
	m := newModel(context.Background(), opts, asciiContext(), termenv.Ascii)
	cmd := m.Init()
	// The background work reports its first stage before finishing.
	msgs := make(chan tea.Msg, 16)
	go func() {
		for _, c := range cmd().(tea.BatchMsg) {
			c := c
			go func() { msgs <- c() }()
		}
	}()
	var got progressMsg
	for got.stage == "" {
		if p, ok := (<-msgs).(progressMsg); ok {
			got = p
		}
	}
	nm, _ := m.Update(got)
	m = *nm.(*Model)
	if v := m.View(); !strings.Contains(v, "loading files 1/3") {
		t.Fatalf("progress view:\n%s", v)
	}
	if _, cmd := m.Update(keyMsg("j")); cmd != nil {
		t.Fatal("keys other than quit do something while loading")
	}
	close(release)
	// Drain until the data arrives.
	for !m.loaded {
		msg := <-m.loading.events
		nm, _ := m.Update(msg)
		m = *nm.(*Model)
	}
	if v := m.View(); !strings.Contains(v, "Alpha News") || !strings.Contains(v, "Beta Wire") {
		t.Fatalf("read view after loading:\n%s", v)
	}
}

func TestStartupErrorIsShownNotPrinted(t *testing.T) {
	opts := Options{Width: 80, Height: 24,
		Load: func(context.Context, []string, Progress) (*corpus.Corpus, error) {
			return nil, errors.New("no readable article in nowhere/")
		},
	}
	m := newModel(context.Background(), opts, asciiContext(), termenv.Ascii)
	msg := m.loading.work(context.Background(), opts, func(string, int, int) {})
	nm, _ := m.Update(msg)
	m = *nm.(*Model)
	v := m.View()
	if !strings.Contains(v, "could not start") || !strings.Contains(v, "nowhere/") {
		t.Fatalf("error view:\n%s", v)
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q does not quit from the error view")
	}
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]`)

func TestMonochromeKeepsEmphasisWithoutColour(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	ctx := &Context{Styles: NewStyles(r, DefaultTheme(), true), Keys: DefaultKeyMap(), Markup: NewMarkup("notty", termenv.ANSI256)}
	c, a := testCorpus()
	m := newModel(context.Background(), Options{Width: 120, Height: 30}, ctx, termenv.ANSI256)
	m.setData(NewData(c, a))
	m = send(m, keys("j j")...)
	v := m.View()
	if loc := colourSGR.FindStringIndex(v); loc != nil {
		t.Fatalf("monochrome view has a colour code near %q", v[max(loc[0]-20, 0):loc[1]])
	}
	for name, code := range map[string]string{"bold": "\x1b[1", "underline": "4m", "reverse": "7m"} {
		if !strings.Contains(v, code) {
			t.Errorf("monochrome view lost %s", name)
		}
	}
	// Inputs, panels and the other views stay colourless too.
	for _, k := range []string{"/", "esc w", "esc 2 f", "esc 3", "5", "1 ?"} {
		m = sendNoCmd(m, keys(k)...)
		if loc := colourSGR.FindStringIndex(m.View()); loc != nil {
			t.Fatalf("after %q the monochrome view has a colour code", k)
		}
	}
	// The legend describes what is drawn without colour.
	legend := strings.Join(m.helpScr.legendLines(100), "\n")
	if strings.Contains(legend, "tint says") || strings.Contains(legend, "coloured by kind") || strings.Contains(legend, "tag's colour") {
		t.Errorf("the monochrome legend speaks of colours:\n%s", ansi.Strip(legend))
	}
	// The same view in colour does use colours.
	r2 := lipgloss.NewRenderer(io.Discard)
	r2.SetColorProfile(termenv.ANSI256)
	ctx2 := &Context{Styles: NewStyles(r2, DefaultTheme(), false), Keys: DefaultKeyMap(), Markup: NewMarkup("dark", termenv.ANSI256)}
	m2 := newModel(context.Background(), Options{Width: 120, Height: 30}, ctx2, termenv.ANSI256)
	m2.setData(NewData(c, a))
	if !colourSGR.MatchString(m2.View()) {
		t.Fatal("colour view has no colour codes: the test cannot tell the difference")
	}
}

func TestResizeReflowsColumns(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 200, 40)
	m = send(m, keys("j")...)
	if n := len(m.read.visible()); n != 3 {
		t.Fatalf("columns at 200 = %d, want 3", n)
	}
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 20})
	if n := len(m.read.visible()); n != 1 {
		t.Fatalf("columns at 60 = %d, want 1 (two need 61 cells)", n)
	}
	m = send(m, tea.WindowSizeMsg{Width: 61, Height: 20})
	if n := len(m.read.visible()); n != 2 {
		t.Fatalf("columns at 61 = %d, want 2", n)
	}
	// Still in step after the re-flow.
	if got, want := rowOf(m, 1, 2), rowOf(m, 0, 1); got != want {
		t.Fatalf("after resize counterpart row %d, cursor row %d", got, want)
	}
}

func TestEmptyCorpusNeverPanics(t *testing.T) {
	c := &corpus.Corpus{Name: "empty", Errors: []corpus.LoadError{{Path: "x.bin", Message: "binary"}}}
	m := newTestModel(t, c, &Findings{}, 80, 24)
	if m.view != viewProblems || !strings.Contains(m.View(), "x.bin") {
		t.Fatalf("an empty corpus should open on the problems:\n%s", m.View())
	}
	for _, k := range []string{"1", "j", "k", "l", "h", "tab", "]", "[", "o", "w", "a", "space", "p", "enter", "f", "G", "2", "j", "enter", "r", "s", "d", "3", "l", "5", "?", "esc", "n", "/", "x", "enter"} {
		m = sendNoCmd(m, keyMsg(k))
		_ = m.View()
	}
}

func TestOutletProfilesRenderInCmdsAndCachePerWidth(t *testing.T) {
	c, a := testCorpus()
	c.Errors, a.Warnings = nil, nil
	m := newModel(context.Background(), Options{Width: 100, Height: 30}, asciiContext(), termenv.Ascii)
	// Loading asks for the first profile in the background already.
	cmd := m.setData(NewData(c, a))
	if cmd == nil {
		t.Fatal("no render was asked for once the data arrived")
	}
	nm, _ := m.Update(keyMsg("3"))
	m = *nm.(*Model)
	if !strings.Contains(m.View(), "rendering profile") {
		t.Fatal("the view should say it is rendering while the Cmd runs")
	}
	nm, _ = m.Update(cmd())
	m = *nm.(*Model)
	if !strings.Contains(m.View(), "Distinctive") {
		t.Fatalf("rendered profile missing:\n%s", m.View())
	}
	// A new width renders again, in a Cmd; going back reuses the cache.
	nm, cmd = m.Update(tea.WindowSizeMsg{Width: 90, Height: 30})
	m = *nm.(*Model)
	if cmd == nil {
		t.Fatal("resize did not re-render the profile")
	}
	nm, _ = m.Update(cmd())
	m = *nm.(*Model)
	if _, cmd = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30}); cmd != nil {
		t.Fatal("returning to a rendered width rendered again")
	}
	if n := len(m.ctx.Markup.renderers); n != 2 {
		t.Fatalf("%d glamour renderers, want one per width (2)", n)
	}
}

// TestShortNamesTellUnknownOutletsApart: the facts matrix heads each
// column with at most four cells; articles of unknown outlets get "?"
// and the start of their id, not "unkn", "unk2".
func TestShortNamesTellUnknownOutletsApart(t *testing.T) {
	c := &corpus.Corpus{Articles: []*corpus.Article{
		{ID: "story1"}, {ID: "story2"}, {ID: "notes"}, {ID: "t", Outlet: "Reuters"},
	}}
	got := shortNames(c)
	want := map[string]string{
		"unknown (story1)": "?sto", "unknown (story2)": "?st2", "unknown (notes)": "?not", "Reuters": "Reut",
	}
	for o, w := range want {
		if got[o] != w {
			t.Errorf("short name of %q = %q, want %q", o, got[o], w)
		}
	}
}

// TestFactLabelUsesTheRoom checks that a fact list wider than a fact's
// cut label shows its sentence on to the end (the label opens with a
// capital where the clause does not), and a narrow one the label.
func TestFactLabelUsesTheRoom(t *testing.T) {
	f := compare.Fact{Label: "The US is about to deploy short-…", Members: []compare.Member{
		{Text: "TEHRAN – Just out of the accord, the US is about to deploy short-range missiles in Europe."},
	}}
	d := &Data{Facts: []*compare.Fact{&f}, longLabel: []string{longLabel(&f)}}
	if got, want := d.factLabel(0, 100), "The US is about to deploy short-range missiles in Europe."; got != want {
		t.Errorf("wide list: %q, want %q", got, want)
	}
	if got := d.factLabel(0, 20); got != ellipsize(f.Label, 20) {
		t.Errorf("narrow list: %q, want the label cut", got)
	}
	whole := compare.Fact{Label: "Japan and South Korea were mentioned"}
	if l := longLabel(&whole); l != "" {
		t.Errorf("a whole label was carried on: %q", l)
	}
}

func TestClickOnTabSwitchesView(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	click := func(label string) {
		x := strings.Index(strings.Split(m.View(), "\n")[0], label)
		m = send(m, tea.MouseMsg{X: x + 1, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	}
	click("Facts")
	if m.view != viewFacts {
		t.Fatalf("click on the Facts tab: view %d", m.view)
	}
	click("Notes")
	if m.view != viewFacts {
		t.Fatal("click on the disabled Notes tab switched view")
	}
	click("Read")
	if m.view != viewRead {
		t.Fatalf("click on the Read tab: view %d", m.view)
	}
}

func TestViewSwitchingAndHelp(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 40)
	m = send(m, keys("2")...)
	if m.view != viewFacts || !strings.Contains(m.View(), "Ministers met in Geneva") {
		t.Fatalf("2 did not show the facts view:\n%s", m.View())
	}
	m = send(m, keys("4")...)
	if m.view != viewFacts {
		t.Fatal("disabled notes key switched view")
	}
	m = send(m, keys("5")...)
	if v := m.View(); !strings.Contains(v, "broken.bin") || !strings.Contains(v, "test warning") {
		t.Fatalf("problems view:\n%s", v)
	}
	m = send(m, keys("1 ?")...)
	v := m.View()
	for _, want := range []string{"Help", "next shared fact", "outlet-only", "search all articles"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	m = send(m, keys("?")...)
	if m.showHelp {
		t.Fatal("? did not close help")
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q does not quit")
	}
}

func TestEveryLineIsTheTerminalWidth(t *testing.T) {
	c, a := testCorpus()
	for _, sz := range [][2]int{{80, 24}, {160, 48}, {41, 10}, {200, 50}} {
		m := newTestModel(t, c, a, sz[0], sz[1])
		for _, k := range []string{"", "j", "2", "3", "5", "1 w", "esc ?"} {
			m = send(m, keys(k)...)
			lines := strings.Split(m.View(), "\n")
			if len(lines) != sz[1] {
				t.Fatalf("%dx%d after %q: %d lines", sz[0], sz[1], k, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w != sz[0] {
					t.Fatalf("%dx%d after %q: line %d is %d wide: %q", sz[0], sz[1], k, i, w, l)
				}
			}
		}
	}
}

// TestLegendMarkWiderThanItsColumn: with six outlets the help's legend
// began "░2 ▒3–4 ▓5–the sentence states…": the share levels, wider than
// the legend's column of marks, were cut without an ellipsis and ran into
// their description. ECB+ (635 outlets) cut "░2–317 ▒318–476 ▓477–635"
// to "░2–317 ▒31". A wide mark now takes a line of its own.
func TestLegendMarkWiderThanItsColumn(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 100, 60)
	m = send(m, keys("? G")...)
	var lines []string
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	v := strings.Join(lines, "\n")
	if !strings.Contains(v, "\n ░2 ▒3–4 ▓5–6\n") {
		t.Errorf("the share levels of six outlets are not whole on a line of their own:\n%s", v)
	}
	if !strings.Contains(v, "            the sentence states a fact") {
		t.Errorf("the share levels' description is not under them:\n%s", v)
	}
}
