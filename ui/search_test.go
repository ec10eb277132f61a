package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-reader/parallax/corpus"
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
		st := ansi.Strip(m.chrome().statusView())
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

// TestSearchResultsList is issue 17 item 3: F lists every match of the
// last search with how many each outlet has ("who says it?"), enter reads
// the chosen match, and n steps on from there.
func TestSearchResultsList(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keys("F")...)
	if (resultsOf(m) != nil) || !strings.Contains(m.msg, "no search yet") {
		t.Fatalf("F before a search: open %v, message %q", (resultsOf(m) != nil), m.msg)
	}
	m = send(m, keys("/")...)
	m = send(m, typeText("june")...)
	m = send(m, keys("enter F")...)
	if resultsOf(m) == nil {
		t.Fatal("F did not open the list of matches")
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{
		"Matches for “june”: 3 sentences in 2 of 3 outlets",
		"said by: Beta Wire 2 · Alpha News 1 — not by: Gamma Times",
		"Alpha News — Ministers meet in Geneva over missile treaty (1)",
		"Beta Wire — Geneva talks end with promise of June meeting (2)",
		"MATCHES",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
	// The last match, then enter: the read view on it.
	m = send(m, keys("G enter")...)
	last := m.search.hits[len(m.search.hits)-1]
	if (resultsOf(m) != nil) || m.view != viewRead || m.read.focusedArticle() != last.article || m.read.cursor[last.article] != last.sentence {
		t.Fatalf("enter on the last match: open %v, article %d sentence %d, want %v", (resultsOf(m) != nil), m.read.focusedArticle(), m.read.cursor[m.read.focusedArticle()], last)
	}
	if st := ansi.Strip(m.chrome().statusView()); !strings.Contains(st, "/june 3/3") {
		t.Errorf("status %q: want the position 3/3", st)
	}
	m = send(m, keys("n")...)
	if m.search.idx != 0 {
		t.Errorf("n after the last match went to %d, want the first", m.search.idx)
	}
	// ? in the list shows its keys.
	m = send(m, keys("F ?")...)
	if v := ansi.Strip(m.View()); !m.showHelp || !strings.Contains(v, "read this match") {
		t.Errorf("? in the list of matches:\n%s", v)
	}
	// A click on a view's tab leaves the list for that view.
	m = send(m, keys("esc")...)
	x := 0
	for _, tb := range m.chrome().tabs() {
		if tb.id == viewFacts {
			x = tb.x0
		}
	}
	m = send(m, tea.MouseMsg{X: x, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if (resultsOf(m) != nil) || m.view != viewFacts {
		t.Errorf("a click on the facts tab: list open %v, view %d", (resultsOf(m) != nil), m.view)
	}
}

// TestSlashFiltersLists is issue 17 item 3's second half: in the facts and
// notes views / filters the list as you type; enter keeps the filter, esc
// clears it, and the help says so.
func TestSlashFiltersLists(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("2 /")...)
	if m.search.active || !m.facts.filter.open {
		t.Fatal("/ in the facts view did not open its filter")
	}
	m = send(m, typeText("june")...)
	if len(m.facts.rows) != 1 || m.facts.rows[0] != 1 {
		t.Fatalf("facts filtered to %v, want fact 2", m.facts.rows)
	}
	m = send(m, keys("enter")...)
	if len(m.facts.rows) != 1 || m.facts.filter.open {
		t.Fatalf("enter: rows %v, editing %v", m.facts.rows, m.facts.filter.open)
	}
	m = send(m, keys("esc")...)
	if len(m.facts.rows) != 2 {
		t.Fatalf("esc did not clear the facts filter: %v", m.facts.rows)
	}
	if !helpHas(m.FullHelp(), "/", "filter facts") {
		t.Errorf("the facts view's help does not say / filters facts")
	}

	// Two passages with different tags; / in the notes view narrows them.
	m = send(m, keys("1 j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("j")...)
	m = tagHere(m, "denial")
	m = send(m, keys("4 /")...)
	if !m.notesView.filter.open {
		t.Fatal("/ in the notes view did not open its filter")
	}
	if !helpHas(m.FullHelp(), "/", "filter passages") {
		t.Errorf("the notes view's help does not say / filters passages")
	}
	m = send(m, typeText("denial")...)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "denial (1)") || strings.Contains(v, "blame (1)") {
		t.Errorf("notes filtered on denial:\n%s", v)
	}
	// c is typed, not the codebook key, while filtering.
	m = send(m, typeText("c")...)
	if m.notesView.codebook {
		t.Error("typing c in the filter opened the codebook")
	}
	m = send(m, keys("backspace")...)
	m = send(m, keyMsg("enter"))
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "1 match “denial”") {
		t.Errorf("the kept filter is not shown:\n%s", v)
	}
	m = send(m, keys("esc")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "blame (1)") || !strings.Contains(v, "denial (1)") {
		t.Errorf("esc did not clear the notes filter:\n%s", v)
	}
}

// helpHas reports whether help lists key k as doing desc.
func helpHas(groups [][]key.Binding, k, desc string) bool {
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() && b.Help().Key == k && b.Help().Desc == desc {
				return true
			}
		}
	}
	return false
}

func TestSearchAcrossArticles(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("/")...)
	if !m.search.active || !strings.Contains(m.View(), "/") {
		t.Fatal("/ did not open the search prompt")
	}
	m = send(m, typeText("june")...)
	m = send(m, keyMsg("enter"))
	if len(m.search.hits) != 3 {
		t.Fatalf("hits = %v, want 3 (title of a2, a1 s3, a2 s1)", m.search.hits)
	}
	first := m.search.hits[m.search.idx]
	if m.read.focusedArticle() != first.article || m.read.cursor[first.article] != first.sentence {
		t.Fatalf("cursor not on the first hit %v", first)
	}
	m = send(m, keys("n")...)
	second := m.search.hits[m.search.idx]
	if second == first || m.read.focusedArticle() != second.article {
		t.Fatalf("n did not move to the next hit")
	}
	m = send(m, keys("N")...)
	if m.search.hits[m.search.idx] != first {
		t.Fatal("N did not go back")
	}
	// A match in an article the user hid shows it again, and says so.
	other := m.search.hits[(m.search.idx+1)%len(m.search.hits)].article
	m.read.shown[other] = false
	m.read.rebuildOrder()
	m = send(m, keys("n")...)
	if !m.read.shown[other] || !strings.Contains(m.msg, "was hidden: shown again") {
		t.Errorf("n into a hidden article: shown %v, message %q", m.read.shown[other], m.msg)
	}
}

// TestSearchFoldsQuotesAndDashes checks that search treats typographic
// apostrophes, quotes and dashes as their ASCII forms both ways, and that
// the highlight covers the text's own bytes.
func TestSearchFoldsQuotesAndDashes(t *testing.T) {
	for _, c := range []struct{ text, query string }{
		{"Russia’s refusal to meet the demand", "russia's refusal"},
		{"He felt “certain shifts” in the talks", `"certain shifts"`},
		{"the 1,000–5,000 km range", "1,000-5,000"},
		{"Russia's refusal", "russia’s"},
	} {
		low, at := foldMap(c.text, true)
		q := foldCase(c.query)
		i := strings.Index(low, q)
		if i < 0 {
			t.Errorf("%q not found in %q (folded %q)", c.query, c.text, low)
			continue
		}
		if len(at) != len(low)+1 || at[len(low)] != len(c.text) {
			t.Fatalf("offset map of %q: %d entries for %d bytes", c.text, len(at), len(low))
		}
		got := c.text[at[i]:at[i+len(q)]]
		if foldCase(got) != q {
			t.Errorf("highlight of %q in %q covers %q", c.query, c.text, got)
		}
	}
	// On the embedded corpus, where TASS writes ’.
	c := corpus.Default()
	a, err := runPipeline(context.Background(), c, pipelineOptions(Options{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("/")...)
	m = send(m, typeText("russia's")...)
	m = send(m, keyMsg("enter"))
	straight := len(m.search.hits)
	m = send(m, keys("/")...)
	m = send(m, typeText("russia’s")...)
	m = send(m, keyMsg("enter"))
	if straight == 0 || straight != len(m.search.hits) {
		t.Errorf("russia's finds %d sentences, russia’s %d: want the same, and some", straight, len(m.search.hits))
	}
}

// n shows the next match before the next key: "nj" reads on from the
// match, one sentence below it.
func TestKeyAfterNReadsOnFromTheMatch(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("/")...)
	m = send(m, typeText("geneva")...)
	m = send(m, keys("enter")...)
	if len(m.search.hits) < 2 {
		t.Fatalf("hits %v", m.search.hits)
	}
	next := m.search.hits[(m.search.idx+1)%len(m.search.hits)]
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nj")})
	a0, s0 := m.read.cursorAt()
	if a0 != next.article || s0 != next.sentence+1 {
		t.Fatalf("after nj the cursor is on article %d sentence %d; the match is %v", a0, s0, next)
	}
}

// TestResultsOpenWithTheHeadingAbove: on ECB+, F after n n opened the
// list with the third match on its first line, the article's heading and
// its first two matches above it hidden though the page had room: the
// list was placed before it had a size, on a page of one row.
func TestResultsOpenWithTheHeadingAbove(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 100, 40)
	hits := []hit{{article: 0, sentence: 1}, {article: 0, sentence: 3}, {article: 0, sentence: 5}}
	for i := range 60 { // more than a page
		hits = append(hits, hit{article: 1 + i/12, sentence: i % 5})
	}
	r := newResults(m.ctx, "governor", hits, 2)
	r.SetSize(100, 30)
	if r.top != 0 {
		t.Errorf("the list opens at row %d, not its top (cursor on row %d)", r.top, r.cursor)
	}
	if v := ansi.Strip(r.View()); !strings.Contains(v, "Crossroads Wire — ") {
		t.Errorf("the heading of the cursor's article is not on screen:\n%s", v)
	}
}

// TestWhoSaysItOrder: the outlets with matches, most first and ties in
// the outlets' order, then those without; and fast on a large corpus (a
// pass over the outlets for each count took 200-500 ms a key on ECB+).
func TestWhoSaysItOrder(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 100, 40)
	m = send(m, keys("1 /")...)
	m = send(m, typeText("governor")...)
	m = send(m, keys("enter F")...)
	v := ansi.Strip(m.View())
	if want := "said by: Crossroads Wire 4 · Northwind Press 3 · Harbour Daily 2 · Vyrna Tribune 2 ·"; !strings.Contains(v, want) {
		t.Errorf("want %q in:\n%s", want, v)
	}
	// 4,000 outlets and 40,000 matches: the old way made 160 million
	// steps for each line of who says it.
	d := &Data{Corpus: &corpus.Corpus{}}
	for i := range 4000 {
		o := fmt.Sprintf("outlet %04d", i)
		d.Outlets = append(d.Outlets, o)
		d.Corpus.Articles = append(d.Corpus.Articles, &corpus.Article{ID: o, Outlet: o})
	}
	r := resultsModel{ctx: &Context{Data: d}}
	for i := range 40000 {
		r.hits = append(r.hits, hit{article: (i * 7) % 4000 % (1 + i%4000)})
	}
	start := time.Now()
	says, silent := r.byOutlet()
	if el := time.Since(start); el > 300*time.Millisecond {
		t.Errorf("who says it took %v for 40,000 matches in 4,000 outlets", el)
	}
	if len(says)+len(silent) != 4000 {
		t.Errorf("%d outlets say it and %d do not, of 4,000", len(says), len(silent))
	}
}
