package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus"
)

// manyArticles is 25 articles: five outlets, each on five days.
func manyArticles() (*corpus.Corpus, *Findings) {
	outlets := []string{"Tasnim", "Anadolu Agency", "Sputnik", "TASS", "Al Arabiya"}
	var arts []*corpus.Article
	for day := 1; day <= 5; day++ {
		for _, o := range outlets {
			id := fmt.Sprintf("%s-%d", strings.ToLower(strings.ReplaceAll(o, " ", "")), day)
			arts = append(arts, makeArticle(id, o, fmt.Sprintf("%s on day %d of the talks", o, day), fmt.Sprintf("2024-05-%02d", day),
				para{corpus.RoleBody, []string{"The ministers met again.", "They talked for hours."}}))
		}
	}
	return &corpus.Corpus{Name: "25 articles", Articles: arts}, &Findings{}
}

// TestChooserScales is issue 17 items 4 and 5: with 25 articles at 80x24
// the chooser says how many are chosen and where the list is, chooses
// all, none or the opposite of what its filter lists, groups by outlet
// or date, and ? shows its keys.
func TestChooserScales(t *testing.T) {
	c, a := manyArticles()
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keys("a")...)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Choose articles · 25 of 25 chosen", "articles 1–18 of 25 listed ↓"} {
		if !strings.Contains(v, want) {
			t.Errorf("chooser lacks %q:\n%s", want, v)
		}
	}
	m = send(m, keys("G")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "articles 8–25 of 25 listed ↑") || !strings.Contains(v, "Al Arabiya on day 5") {
		t.Errorf("after G the end of the list is not on screen:\n%s", v)
	}
	// None, then enter refuses to leave the read view empty.
	m = send(m, keys("-")...)
	if n := m.read.chosen(); n != 0 {
		t.Fatalf("- left %d chosen", n)
	}
	m = send(m, keys("enter")...)
	if !m.read.picking || !strings.Contains(m.msg, "no article chosen") {
		t.Fatalf("enter with nothing chosen: picking %v, message %q", m.read.picking, m.msg)
	}
	// Filter to one outlet: + chooses its five only.
	m = send(m, keys("/")...)
	m = send(m, typeText("sputnik")...)
	m = send(m, keys("enter +")...)
	if n := m.read.chosen(); n != 5 {
		t.Fatalf("+ with the list filtered to Sputnik chose %d, want 5", n)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "5 of 25 chosen · 5 match “sputnik”") {
		t.Errorf("the filtered title:\n%s", v)
	}
	// esc clears the filter first; * chooses the other 20 instead.
	m = send(m, keys("esc *")...)
	if n := m.read.chosen(); n != 20 || m.read.shown[2] {
		t.Fatalf("* after clearing the filter: %d chosen, Sputnik chosen %v; want the 20 others", n, m.read.shown[2])
	}
	// Grouped by outlet, then by date.
	m = send(m, keys("s")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Tasnim (5 of 5 chosen)") || !strings.Contains(v, "by outlet") {
		t.Errorf("grouped by outlet:\n%s", v)
	}
	golden.Assert(t, m.View(), "picker-25-outlet-80x24.golden")
	m = send(m, keys("s")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "2024-05-01 (4 of 5 chosen)") {
		t.Errorf("grouped by date:\n%s", v)
	}
	// ? shows the chooser's keys; esc goes back to it.
	m = send(m, keys("?")...)
	if v := ansi.Strip(m.View()); !m.showHelp || !strings.Contains(v, "choose all listed") || !strings.Contains(v, "invert the listed") {
		t.Fatalf("? in the chooser:\n%s", v)
	}
	// enter shows the 20 chosen: a column per outlet, its five articles
	// in it (columns.go).
	m = send(m, keys("esc enter")...)
	inColumns := 0
	for _, u := range m.read.order {
		if mu := m.ctx.Data.mergedAt(u); mu != nil {
			inColumns += len(mu.members)
		} else {
			inColumns++
		}
	}
	if m.read.picking || len(m.read.order) != 4 || inColumns != 20 {
		t.Fatalf("enter: picking %v, %d columns of %d articles, want 4 outlets' columns of 20", m.read.picking, len(m.read.order), inColumns)
	}
}
