package ui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/corpustest"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// para is a paragraph of a hand-made article: its role and sentences
// (short for corpustest.Para, so fixtures can list them unkeyed).
type para struct {
	role  corpus.Role
	sents []string
}

// makeArticle builds an article whose spans are consistent with its text,
// the way the corpus loader builds them (corpustest.Build).
func makeArticle(id, outlet, title string, date string, paras ...para) *corpus.Article {
	ps := make([]corpustest.Para, len(paras))
	for i, p := range paras {
		ps[i] = corpustest.Para{Role: p.role, Sentences: p.sents}
	}
	return corpustest.Build(id, outlet, title, date, ps...)
}

// testCorpus is three short articles about one event, with two shared
// facts, a discrepancy, framing markers, furniture and outlet-only lines.
func testCorpus() (*corpus.Corpus, *Findings) {
	a1 := makeArticle("a1", "Alpha News", "Ministers meet in Geneva over missile treaty", "2024-05-01",
		para{corpus.RoleTitle, []string{"Ministers meet in Geneva over missile treaty"}},
		para{corpus.RoleBody, []string{
			"The foreign ministers met in Geneva on Monday for three hours.",
			"They discussed the fate of the treaty the US destroyed last year.",
		}},
		para{corpus.RoleFurniture, []string{"Share on Facebook | Subscribe to our newsletter"}},
		para{corpus.RoleBody, []string{
			"Both sides agreed to meet again in June.",
			"Analysts called the meeting a turning point.",
		}},
	)
	a2 := makeArticle("a2", "Beta Wire", "Geneva talks end with promise of June meeting", "2024-05-02",
		para{corpus.RoleTitle, []string{"Geneva talks end with promise of June meeting"}},
		para{corpus.RoleBody, []string{
			"Officials reportedly agreed to hold another round in June.",
			"The ministers spent four hours in Geneva on Monday.",
			"The talks were described as constructive.",
		}},
	)
	a3 := makeArticle("a3", "Gamma Times", "Geneva meeting", "",
		para{corpus.RoleTitle, []string{"Geneva meeting"}},
		para{corpus.RoleBody, []string{
			"Weather in Geneva was mild.",
			"Ministers held talks in Geneva on Monday lasting three hours.",
		}},
	)
	c := &corpus.Corpus{Name: "test corpus", Articles: []*corpus.Article{a1, a2, a3},
		Errors: []corpus.LoadError{{Path: "broken.bin", Message: "binary file"}}}
	member := func(a *corpus.Article, s int, ev compare.Evidence) compare.Member {
		st := a.Sentences[s]
		return compare.Member{Article: a.ID, Outlet: a.Outlet, Sentence: s, Start: st.Start, End: st.End, Text: st.Text, Score: 0.8, Evidence: ev}
	}
	ev := compare.Evidence{Terms: []string{"minister", "Geneva"}, Dates: []string{"Monday"}, Numbers: []string{"hours"}}
	an := &Findings{
		HasFacts: true, HasFraming: true,
		Facts: []compare.Fact{
			{ID: "f1", Label: "Ministers met in Geneva on Monday", Outlets: []string{"Alpha News", "Beta Wire", "Gamma Times"},
				Members: []compare.Member{member(a1, 1, ev), member(a2, 2, ev), member(a3, 2, ev)},
				Discrepancies: []compare.Discrepancy{{What: "duration", Values: []compare.Value{
					{Article: "a1", Outlet: "Alpha News", Value: "three hours"},
					{Article: "a2", Outlet: "Beta Wire", Value: "four hours"},
					{Article: "a3", Outlet: "Gamma Times", Value: "three hours"},
				}}}},
			{ID: "f2", Label: "Another round in June", Outlets: []string{"Alpha News", "Beta Wire"},
				Members: []compare.Member{member(a1, 3, compare.Evidence{Terms: []string{"June"}}), member(a2, 1, compare.Evidence{Terms: []string{"June"}})}},
		},
		Markers: []frame.Marker{
			{Article: "a1", Sentence: 2, Start: strings.Index(a1.Text, "destroyed"), End: strings.Index(a1.Text, "destroyed") + len("destroyed"),
				Text: "destroyed", Kind: frame.KindLoaded, Reason: "loaded verb: assigns blame", Source: "lexicon:loaded"},
			{Article: "a2", Sentence: 1, Start: strings.Index(a2.Text, "reportedly"), End: strings.Index(a2.Text, "reportedly") + len("reportedly"),
				Text: "reportedly", Kind: frame.KindHedge, Reason: "hedge: distances the outlet from the claim"},
		},
		Profiles: []OutletProfile{
			{Outlet: "Alpha News", Articles: 1, Markdown: "# Alpha News\n\nDistinctive: *destroyed*, *turning point*.\n", Rates: map[string]float64{frame.KindLoaded: 20}},
			{Outlet: "Beta Wire", Articles: 1, Markdown: "# Beta Wire\n\nHedges more than others.\n", Rates: map[string]float64{frame.KindHedge: 25}},
		},
		Warnings: []string{"test warning"},
	}
	return c, an
}

// asciiContext is a context with a colourless renderer, for stable output.
func asciiContext() *Context {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return &Context{Styles: NewStyles(r, DefaultTheme(), false), Keys: DefaultKeyMap(), Markup: NewMarkup("notty", termenv.Ascii)}
}

// newTestModel returns a loaded model at w×h over c and a.
func newTestModel(t testing.TB, c *corpus.Corpus, a *Findings, w, h int) Model {
	t.Helper()
	m := newModel(context.Background(), Options{Width: w, Height: h}, asciiContext(), termenv.Ascii)
	m.flashFor = time.Millisecond // status messages clear at once in tests
	m.setData(NewData(c, a))
	return m
}

// send feeds messages to the model and runs the Cmds they return until
// none is left (ticks and blinks are dropped).
func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		nm, cmd := m.Update(msg)
		m = *nm.(*Model)
		m = runCmd(m, cmd, 0)
	}
	return m
}

func runCmd(m Model, cmd tea.Cmd, depth int) Model {
	if cmd == nil || depth > 5 {
		return m
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(2 * time.Second): // a Cmd that never returns: drop it
		return m
	}
	switch msg := msg.(type) {
	case nil:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(m, c, depth+1)
		}
		return m
	case clearMsg, tea.QuitMsg:
		return m
	}
	nm, next := m.Update(msg)
	return runCmd(*nm.(*Model), next, depth+1)
}

// keys turns a string of key names separated by spaces into key messages.
func keys(s string) []tea.Msg {
	var out []tea.Msg
	for _, k := range strings.Fields(s) {
		out = append(out, keyMsg(k))
	}
	return out
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "f1":
		return tea.KeyMsg{Type: tea.KeyF1}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "ctrl+d":
		return tea.KeyMsg{Type: tea.KeyCtrlD}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText types s rune by rune.
func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// openNotes opens the model's notes file as the program does after
// loading (in a Cmd).
func openNotes(m Model) tea.Cmd {
	c := m.ctx.Data.Corpus
	return m.ctx.notes.open(c, notesPathFor(m.opts, c))
}

// The layer open over the page, as the tests look into it: nil when it is
// not of that kind.
func panelOf(m Model) *panelModel     { p, _ := m.over.(*panelModel); return p }
func resultsOf(m Model) *resultsModel { r, _ := m.over.(*resultsModel); return r }
func exportOf(m Model) *exportDialog  { e, _ := m.ctx.dialog.(*exportDialog); return e }
func chooserOf(m Model) *chooser      { c, _ := m.ctx.dialog.(*chooser); return c }
func memoOf(m Model) *memoEditor      { e, _ := m.ctx.dialog.(*memoEditor); return e }
func promptOf(m Model) *prompt        { p, _ := m.ctx.dialog.(*prompt); return p }
func confirmOf(m Model) *confirm      { c, _ := m.ctx.dialog.(*confirm); return c }
func storyEditOf(m Model) *storyEdit  { e, _ := m.ctx.dialog.(*storyEdit); return e }
