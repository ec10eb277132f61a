package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// openStory opens story n (from 1) of the look-alike corpus through the
// Stories view.
func openStory(t *testing.T, n, w, h int) Model {
	t.Helper()
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, w, h)
	m = send(m, keys("0")...)
	m = storyRowAt(t, m, n)
	return send(m, keys("enter")...)
}

// columnOutlets lists the outlet of each column, in order.
func columnOutlets(m Model) []string {
	var out []string
	for _, u := range m.read.order {
		out = append(out, m.ctx.Data.article(u).DisplayOutlet())
	}
	return out
}

// columnArticles lists the article ids each column shows.
func columnArticles(m Model, u int) []string {
	d := m.ctx.Data
	if mu := d.mergedAt(u); mu != nil {
		var ids []string
		for _, a := range mu.members {
			ids = append(ids, d.article(a).ID)
		}
		return ids
	}
	return []string{d.article(u).ID}
}

func TestColumnsOnePerOutletInDateOrder(t *testing.T) {
	m := openStory(t, 1, 160, 48)
	d := m.ctx.Data
	outlets := columnOutlets(m)
	if len(outlets) != 5 || len(d.Corpus.Articles) != 6 {
		t.Fatalf("story 1: %d columns for %d articles: %v", len(outlets), len(d.Corpus.Articles), outlets)
	}
	seen := map[string]bool{}
	for _, o := range outlets {
		if seen[o] {
			t.Fatalf("outlet %s has two columns: %v", o, outlets)
		}
		seen[o] = true
	}
	// The columns by first report: each column's first article is no
	// earlier than the one before.
	for i := 1; i < len(m.read.order); i++ {
		a, b := d.article(m.read.order[i-1]), d.article(m.read.order[i])
		if corpus.ByPublication(a, b) > 0 {
			t.Errorf("column %d (%s) reported before column %d (%s)", i+1, b.DisplayOutlet(), i, a.DisplayOutlet())
		}
	}
	// Northwind's two articles share its column, the first report first,
	// each under a heading.
	var nw int = -1
	for _, u := range m.read.order {
		if d.article(u).Outlet == "Northwind Press" {
			nw = u
		}
	}
	if got := columnArticles(m, nw); !slices.Equal(got, []string{"2023-03-14-northwind-early", "2023-03-15-northwind-toll"}) {
		t.Fatalf("Northwind's column holds %v", got)
	}
	v := m.View()
	for _, want := range []string{"2 articles, 2023-03-14…03-15", "── 1/2 · 2023-03-14 06:52", "Missiles hit Dravnik at"} {
		if !strings.Contains(v, want) {
			t.Errorf("the merged column lacks %q:\n%s", want, v)
		}
	}
	// Further down, the second article's heading.
	m.read.setFocus(slices.Index(m.read.order, nw))
	found := false
	for i := 0; i < 40 && !found; i++ {
		m = send(m, keys("j")...)
		found = strings.Contains(m.View(), "── 2/2 · 2023-03-15 09:10")
	}
	if !found {
		t.Errorf("the second article's heading never showed:\n%s", m.View())
	}
}

func TestColumnsToggleAndOrder(t *testing.T) {
	m := openStory(t, 1, 160, 48)
	m = send(m, keys("C")...)
	if n := len(m.read.order); n != 6 {
		t.Fatalf("C: %d columns for 6 articles", n)
	}
	if m.ctx.Data.merged != nil && len(m.ctx.Data.merged.units) != 0 {
		t.Fatal("merged columns left with a column per article")
	}
	m = send(m, keys("C")...)
	if n := len(m.read.order); n != 5 {
		t.Fatalf("C again: %d columns, want one per outlet (5)", n)
	}
	m = send(m, keys("s")...)
	got := columnOutlets(m)
	if !slices.IsSortedFunc(got, func(a, b string) int { return strings.Compare(foldCase(a), foldCase(b)) }) {
		t.Fatalf("s: columns not by outlet name: %v", got)
	}
	m = send(m, keys("s")...)
	if got := columnOutlets(m); got[0] != "Northwind Press" {
		t.Fatalf("s again: the first report's outlet is not first: %v", got)
	}
	// The settings stay when another story opens.
	m = send(m, keys("C 0 enter")...)
	if !m.read.perArticle {
		t.Error("a column per article was lost when another scope opened")
	}
}

func TestColumnsMergedAlignFacts(t *testing.T) {
	m := openStory(t, 1, 200, 50)
	d := m.ctx.Data
	// A fact with a member in Northwind's second article (the update) and
	// in other outlets.
	fi := -1
	for i, f := range d.Facts {
		inUpdate, inEarly := false, false
		for _, mb := range f.Members {
			inUpdate = inUpdate || mb.Article == "2023-03-15-northwind-toll"
			inEarly = inEarly || mb.Article == "2023-03-14-northwind-early"
		}
		if inUpdate && !inEarly && len(f.Outlets) >= 3 {
			fi = i
		}
	}
	if fi < 0 {
		t.Fatal("no fact in the update and not in the first report")
	}
	// r from the facts view puts the cursor on the fact.
	m = send(m, gotoFactMsg{fact: fi})
	a := m.read.focusedArticle()
	ra, rs := d.real(a, m.read.cursor[a])
	if !containsInt(d.info(ra, rs).facts, fi) {
		t.Fatalf("r put the cursor on %s sentence %d, not on fact %d", d.article(ra).ID, rs, fi)
	}
	mergedAligned := 0
	// From each column holding the fact, every other column holding it
	// (Northwind's merged one too) has its cursor on a member, level with
	// the focused cursor: scrolling in step.
	for fo, u := range m.read.order {
		if !m.read.articleHasFact(u, fi) {
			continue
		}
		m.read.setFocus(fo)
		for _, fs := range m.read.factSentences(u, fi) {
			if d.info(u, fs).facts[0] == fi {
				m.read.moveCursor(fs)
			}
		}
		if m.read.linkFact != fi {
			continue // each of its sentences links another fact first
		}
		la := m.read.layout(u, m.read.widthOf(u))
		row := la.first[m.read.cursor[u]] - m.read.offset[u]
		for _, oi := range m.read.visible() {
			b := m.read.order[oi]
			if b == u || !m.read.articleHasFact(b, fi) {
				continue
			}
			if !containsInt(d.info(b, m.read.cursor[b]).facts, fi) {
				t.Errorf("focus %s: column %s's cursor is not on the fact", d.article(u).DisplayOutlet(), d.article(b).DisplayOutlet())
				continue
			}
			lb := m.read.layout(b, m.read.widthOf(b))
			if got := lb.first[m.read.cursor[b]] - m.read.offset[b]; got != row {
				t.Errorf("focus %s: column %s shows the fact on row %d, not level with row %d", d.article(u).DisplayOutlet(), d.article(b).DisplayOutlet(), got, row)
			}
			if d.mergedAt(b) != nil {
				mergedAligned++
			}
		}
	}
	if mergedAligned == 0 {
		t.Fatal("the merged column was never aligned to another")
	}
}

func TestColumnsMergedTagTheRealArticle(t *testing.T) {
	m := openStory(t, 1, 160, 48)
	d := m.ctx.Data
	var nw int
	for i, u := range m.read.order {
		if d.mergedAt(u) != nil {
			nw = i
		}
	}
	m.read.setFocus(nw)
	u := m.read.focusedArticle()
	mu := d.mergedAt(u)
	second := mu.sentBase[1] // the update's first sentence
	m.read.moveCursor(second)
	a, start, end, _, ok := m.read.target()
	art := d.article(a)
	if !ok || art.ID != "2023-03-15-northwind-toll" || start != art.Sentences[0].Start || end != art.Sentences[0].End {
		t.Fatalf("target in the merged column: %s [%d,%d), want the update's first sentence", art.ID, start, end)
	}
	// A selection started in the first article stops at its end.
	m.read.moveCursor(second - 1)
	m.read.sel = selection{on: true, article: u, from: second - 2}
	m.read.moveCursor(second + 1)
	lo, hi, _ := m.read.selRange(u)
	if lo < second || hi != second+1 {
		t.Fatalf("the selection spans two articles: %d-%d (the update starts at %d)", lo, hi, second)
	}
	// The Why? panel explains the real article's sentence.
	m.read.sel = selection{}
	cmd := m.read.Update(keyMsg("w"))
	why := cmd().(openWhyMsg)
	if d.article(why.article).ID != "2023-03-15-northwind-toll" || why.sentence != 1 {
		t.Fatalf("why? asked for %s sentence %d", d.article(why.article).ID, why.sentence)
	}
}

func TestColumnsSearchFindsMergedArticle(t *testing.T) {
	m := openStory(t, 1, 160, 48)
	m = send(m, keys("/")...)
	m = send(m, typeText("day of mourning")...)
	m = send(m, keys("enter")...)
	d := m.ctx.Data
	a := m.read.focusedArticle()
	ra, rs := d.real(a, m.read.cursor[a])
	if !strings.Contains(d.article(ra).Sentences[rs].Text, "day of mourning") {
		t.Fatalf("search landed on %q", d.article(ra).Sentences[rs].Text)
	}
}

func TestColumnsHostileTitlesInHeadings(t *testing.T) {
	c, a := hostileCorpus()
	// Two articles of one outlet: a merged column with hostile titles.
	b := *c.Articles[2]
	b.ID = "esc2"
	c.Articles = append(c.Articles, &b)
	m := newTestModel(t, c, a, 100, 30)
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.ContainsAny(l, "\x1b\x07") {
			t.Fatalf("an escape reached the screen: %q", l)
		}
	}
	checkFrame(t, m, 100, 30)
	_ = corpus.RoleTitle
}
