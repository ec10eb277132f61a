package ui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// Issue 17's fact alignment, marks, memos and list of matches in a column
// of several articles (columns.go): each maps the column's sentence to the
// article it is in.

// mergedSigmaCorpus is twoFactCorpus with a second, earlier Sigma
// article: Sigma's column holds both, and the sentence in facts 1 and 2
// is in its second article.
func mergedSigmaCorpus() (*corpus.Corpus, *Findings) {
	c, a := twoFactCorpus()
	early := makeArticle("s0", "Sigma", "Sigma's first report", "2024-01-03", para{corpus.RoleBody, []string{"Talks are planned.", "Nothing is known yet."}})
	c.Articles = append(c.Articles, early)
	return c, a
}

// sigmaColumn returns the read view's column of Sigma's two articles.
func sigmaColumn(t *testing.T, m Model) (int, *mergedUnit) {
	t.Helper()
	for i, u := range m.read.order {
		if mu := m.ctx.Data.mergedAt(u); mu != nil {
			return i, mu
		}
	}
	t.Fatalf("no column holds two articles: %v", columnOutlets(m))
	return 0, nil
}

// TestMergedColumnFactAlignment: r on fact 2 puts the cursor on Sigma's
// sentence of facts 1 and 2, in the second article of Sigma's column,
// numbers it 2 and brings fact 2's carriers into view; c turns to fact 1
// and brings Eta's column into view.
func TestMergedColumnFactAlignment(t *testing.T) {
	c, a := mergedSigmaCorpus()
	m := newTestModel(t, c, a, 80, 24)
	fo, mu := sigmaColumn(t, m)
	if len(m.read.order) != 5 || len(mu.members) != 2 {
		t.Fatalf("%d columns, Sigma's of %d articles; want 5 columns, Sigma's of 2", len(m.read.order), len(mu.members))
	}
	m = send(m, keys("2 j r")...)
	if m.read.focus != fo || m.read.linkFact != 1 {
		t.Fatalf("r on fact 2: focus %d (Sigma's is %d), aligned on fact %d", m.read.focus, fo, m.read.linkFact+1)
	}
	u := m.read.order[fo]
	if ra, rs := m.ctx.Data.real(u, m.read.cursor[u]); c.Articles[ra].ID != "si" || rs != 1 {
		t.Fatalf("r put the cursor on %s sentence %d, want si 1", c.Articles[ra].ID, rs)
	}
	if st := ansi.Strip(m.chrome().statusView()); !strings.Contains(st, "fact 2 in 3 outlets") || !strings.Contains(st, "(also 1)") {
		t.Errorf("status %q: want fact 2 in 3 outlets, also in fact 1", st)
	}
	for _, oi := range m.read.visible() {
		if b := m.read.order[oi]; !m.read.articleHasFact(b, 1) {
			t.Errorf("column %s on screen does not carry fact 2", m.ctx.Data.article(b).DisplayOutlet())
		}
	}
	if v := ansi.Strip(m.View()); !regexp.MustCompile(markCursor + ` *2[░▒▓]\+ After talks`).MatchString(v) {
		t.Errorf("the cursor sentence is not numbered 2 with the several-facts flag:\n%s", v)
	}
	m = send(m, keys("c")...)
	shown := map[string]bool{}
	for _, oi := range m.read.visible() {
		shown[m.ctx.Data.article(m.read.order[oi]).DisplayOutlet()] = true
	}
	if m.read.linkFact != 0 || !shown["Eta"] || !shown["Sigma"] {
		t.Errorf("c: aligned on fact %d with %v on screen, want fact 1 with Eta and Sigma", m.read.linkFact+1, shown)
	}
	if v := ansi.Strip(m.View()); !regexp.MustCompile(markCursor + ` *1[░▒▓]\+ After talks`).MatchString(v) {
		t.Errorf("after c the cursor sentence is not numbered 1:\n%s", v)
	}
}

// TestMergedColumnMemoMark: a memo on a sentence of the second article of
// a column marks that sentence's line (¶), not the first article's
// sentence of the same number, and the Why? panel shows it.
func TestMergedColumnMemoMark(t *testing.T) {
	c, a := mergedSigmaCorpus()
	m := newModel(context.Background(), Options{Width: 120, Height: 30, NotesPath: filepath.Join(t.TempDir(), "notes.db")}, asciiContext(), termenv.Ascii)
	m.flashFor = 0
	m.ctx.notes.poll = 0
	m.setData(NewData(c, a))
	m = runCmd(m, openNotes(m), 0)
	if m.ctx.notes.store == nil {
		t.Fatalf("notes: %v", m.ctx.notes.err)
	}
	t.Cleanup(func() { m.ctx.notes.store.Close() })
	fo, mu := sigmaColumn(t, m)
	m.read.setFocus(fo)
	u := m.read.order[fo]
	m.read.moveCursor(mu.sentBase[1] + 1) // si's "After talks with Paris…"
	m = tagHere(m, "blame")
	m = send(m, keys("m")...)
	m = send(m, typeText("Sigma links the two")...)
	m = send(m, keyMsg("enter"))
	ns := m.ctx.notes.snap.all
	if len(ns) != 1 || ns[0].Anchor.Article != "si" || ns[0].Memo == "" {
		t.Fatalf("notes %+v: want one on si with the memo", ns)
	}
	l := m.read.layout(u, m.read.widthOf(u))
	right := func(s int) string {
		for li, ln := range l.lines {
			if ln.sent == s {
				_, r := m.read.noteGutter(u, l.lines[li], true, " ", " ")
				return ansi.Strip(r)
			}
		}
		return ""
	}
	if got := right(mu.sentBase[1] + 1); got != markMemo {
		t.Errorf("the tagged sentence's mark is %q, want %q", got, markMemo)
	}
	if got := right(1); got != " " {
		t.Errorf("s0's sentence 2 (same number in its article) is marked %q", got)
	}
	m = send(m, keys("w")...)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Your notes", "blame", "Sigma links the two"} {
		if (panelOf(m) == nil) || !strings.Contains(v, want) {
			t.Errorf("the Why? panel lacks %q:\n%s", want, v)
		}
	}
}

// TestMergedColumnSearchList: enter on a match of the list (F) in the
// second article of a column puts the cursor on that sentence.
func TestMergedColumnSearchList(t *testing.T) {
	c, a := mergedSigmaCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("/")...)
	m = send(m, typeText("in August")...)
	m = send(m, keys("enter")...)
	m = send(m, keys("F")...)
	if resultsOf(m) == nil {
		t.Fatalf("F did not list the matches: %q", m.msg)
	}
	m = send(m, keys("enter")...)
	fo, _ := sigmaColumn(t, m)
	u := m.read.order[fo]
	ra, rs := m.ctx.Data.real(u, m.read.cursor[u])
	if (resultsOf(m) != nil) || m.read.focus != fo || c.Articles[ra].ID != "si" || rs != 2 {
		t.Fatalf("enter: focus %d (Sigma's %d) on %s sentence %d, want si sentence 2", m.read.focus, fo, c.Articles[ra].ID, rs)
	}
}

// TestMergedColumnPin: p pins a column of several articles; the article
// chooser marks each of its articles pinned, and p there unpins it.
func TestMergedColumnPin(t *testing.T) {
	c, a := mergedSigmaCorpus()
	m := newTestModel(t, c, a, 120, 30)
	fo, _ := sigmaColumn(t, m)
	m.read.setFocus(fo)
	m = send(m, keys("p")...)
	if m.read.focus != 0 || m.ctx.Data.mergedAt(m.read.order[0]) == nil {
		t.Fatalf("p: Sigma's column is not first: %v", columnOutlets(m))
	}
	m = send(m, keys("a")...)
	v := ansi.Strip(m.View())
	if n := strings.Count(v, "◆ Sigma"); n != 2 {
		t.Errorf("the chooser marks %d of Sigma's 2 articles pinned:\n%s", n, v)
	}
	if !strings.Contains(v, "› [x] ◆ Sigma") {
		t.Errorf("the chooser's cursor is not on the article under the read view's cursor:\n%s", v)
	}
	m = send(m, keys("p")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "◆ Sigma") {
		t.Errorf("p in the chooser left Sigma pinned:\n%s", v)
	}
	m = send(m, keys("enter")...)
	if m.read.ref != -1 {
		t.Errorf("unpinned in the chooser, the read view still pins column %d", m.read.ref)
	}
}

// TestSearchHitsInReadingOrder: n steps through the matches column by
// column, left to right, as the columns go by first report (not in the
// order the files were loaded); in a column of several articles, the
// first article's matches come first.
func TestSearchHitsInReadingOrder(t *testing.T) {
	c, a := mergedSigmaCorpus() // loaded th, et, si, ta, rh, s0
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("/")...)
	m = send(m, typeText("talks")...)
	m = send(m, keys("enter")...)
	var got []string
	for _, h := range m.search.hits {
		got = append(got, c.Articles[h.article].ID)
	}
	if strings.Join(got, " ") != "et s0 si" {
		t.Fatalf("matches in the order %v, want et s0 si (Eta's column, then Sigma's first report and its second)", got)
	}
	m = send(m, keys("n")...)
	fo, _ := sigmaColumn(t, m)
	u := m.read.order[fo]
	if ra, _ := m.ctx.Data.real(u, m.read.cursor[u]); m.read.focus != fo || c.Articles[ra].ID != "s0" {
		t.Fatalf("n after Eta's match: focus %d on %s, want Sigma's column (%d) on s0", m.read.focus, c.Articles[ra].ID, fo)
	}
}

// TestSearchFromBeforeAStoryOpened: a search that ends after another
// story was opened is dropped, not applied to the new story's articles
// (its hits index the articles of the data it searched).
func TestSearchFromBeforeAStoryOpened(t *testing.T) {
	m := openStory(t, 2, 120, 30)
	search := searchCmd(m.ctx.Data, "Dravnik")
	m = send(m, keys("E")...) // everything: other articles at those indices
	m = send(m, search())
	if len(m.search.hits) != 0 || m.search.query != "" {
		t.Fatalf("a search of story 2 was applied to everything: %d hits", len(m.search.hits))
	}
	if !strings.Contains(m.msg, "search again") {
		t.Errorf("message %q does not say the search was dropped", m.msg)
	}
}

// TestHelpExplainsOutletColumns: the legend says what the rule inside an
// outlet's column is, and which key gives a column per article.
func TestHelpExplainsOutletColumns(t *testing.T) {
	c, a := mergedSigmaCorpus()
	m := newTestModel(t, c, a, 120, 30)
	legend := ansi.Strip(strings.Join(m.helpScr.legendLines(120), "\n"))
	if !strings.Contains(legend, "── 2/3 ·") || !strings.Contains(legend, "C: a column per article") {
		t.Errorf("the legend does not explain an outlet's column:\n%s", legend)
	}
}
