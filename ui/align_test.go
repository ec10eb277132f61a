package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// twoFactCorpus has five outlets, as the embedded corpus: Eta carries
// fact 1 only, Sigma's second sentence is in facts 1 and 2, Tau and Rho
// carry fact 2, Theta neither. Fact 2's carriers are the last three
// columns (the columns go by first report: the dates keep them in this
// order), off screen at 80 cells where two columns fit.
func twoFactCorpus() (*corpus.Corpus, *Findings) {
	body := func(s ...string) para { return para{corpus.RoleBody, s} }
	arts := []*corpus.Article{
		makeArticle("th", "Theta", "Theta's story", "2024-01-01", body("Nothing shared here.", "Still nothing.")),
		makeArticle("et", "Eta", "Eta's story", "2024-01-02", body("Lead.", "Moscow held talks with Paris.")),
		makeArticle("si", "Sigma", "Sigma's story", "2024-01-03", body("Lead.", "After talks with Paris, Washington left the treaty.", "Washington left the treaty in August.")),
		makeArticle("ta", "Tau", "Tau's story", "2024-01-04", body("Lead.", "Washington withdrew from the treaty.")),
		makeArticle("rh", "Rho", "Rho's story", "2024-01-05", body("Washington quit the treaty.")),
	}
	mem := func(a *corpus.Article, s int) compare.Member {
		st := a.Sentences[s]
		return compare.Member{Article: a.ID, Outlet: a.Outlet, Sentence: s, Start: st.Start, End: st.End, Text: st.Text}
	}
	an := &Findings{HasFacts: true, Facts: []compare.Fact{
		{ID: "talks", Label: "Talks with Paris", Outlets: []string{"Eta", "Sigma"}, Members: []compare.Member{mem(arts[1], 1), mem(arts[2], 1)}},
		{ID: "treaty", Label: "Washington left the treaty", Outlets: []string{"Sigma", "Tau", "Rho"},
			Members: []compare.Member{mem(arts[2], 1), mem(arts[2], 2), mem(arts[3], 1), mem(arts[4], 0)}},
	}}
	return &corpus.Corpus{Name: "two facts", Articles: arts}, an
}

// TestReadFactAlignsOnThatFact is issue 17 item 1: r on fact 2 in the
// facts view, where fact 2's first member is a sentence of facts 1 and 2,
// aligns the columns on fact 2, brings its carriers on screen and numbers
// the sentence 2 in its gutter; c turns to the sentence's other fact.
func TestReadFactAlignsOnThatFact(t *testing.T) {
	c, a := twoFactCorpus()
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keys("2 j r")...)
	if m.view != viewRead || m.read.linkFact != 1 {
		t.Fatalf("r on fact 2: view %d, aligned on fact %d, want the read view on fact 2", m.view, m.read.linkFact+1)
	}
	st := ansi.Strip(m.chrome().statusView())
	if !strings.Contains(st, "fact 2 in 3 outlets") || !strings.Contains(st, "(also 1)") {
		t.Errorf("status %q: want fact 2 in 3 outlets, also in fact 1", st)
	}
	// Both columns on screen carry fact 2 (Sigma focused, Tau beside it).
	for _, oi := range m.read.visible() {
		if b := m.read.order[oi]; !m.read.articleHasFact(b, 1) {
			t.Errorf("column %s on screen does not carry fact 2", c.Articles[b].Outlet)
		}
	}
	v := ansi.Strip(m.View())
	if strings.Contains(v, "not here") {
		t.Errorf("a column on screen lacks fact 2:\n%s", v)
	}
	// The sentence in facts 1 and 2 is numbered 2, flagged as in several.
	if !regexp.MustCompile(markCursor + ` *2[░▒▓]\+ After talks`).MatchString(v) {
		t.Errorf("the cursor sentence is not numbered 2 with the several-facts flag:\n%s", v)
	}
	// Tau's counterpart is level with the cursor.
	if got, want := rowOf(m, 3, m.read.cursor[3]), rowOf(m, 2, 1); got != want || m.read.cursor[3] != 1 {
		t.Errorf("Tau's counterpart: sentence %d at row %d, want sentence 1 at row %d", m.read.cursor[3], got, want)
	}

	// Moving on to a sentence of fact 2 keeps fact 2.
	m = send(m, keys("j")...)
	if m.read.linkFact != 1 {
		t.Errorf("j to the next sentence of fact 2 aligned on fact %d", m.read.linkFact+1)
	}
	// Back on the sentence of both, fact 2 stays: it carries the fact the
	// columns align on.
	m = send(m, keys("k")...)
	if m.read.linkFact != 1 {
		t.Errorf("k back to the sentence of facts 1 and 2 aligned on fact %d", m.read.linkFact+1)
	}

	// c aligns on the sentence's other fact: Eta comes into view.
	m = send(m, keys("c")...)
	if m.read.linkFact != 0 {
		t.Fatalf("c: aligned on fact %d, want 1", m.read.linkFact+1)
	}
	shown := map[string]bool{}
	for _, oi := range m.read.visible() {
		shown[c.Articles[m.read.order[oi]].Outlet] = true
	}
	if !shown["Eta"] || !shown["Sigma"] {
		t.Errorf("after c the columns on screen are %v, want Eta and Sigma", shown)
	}
	if v := ansi.Strip(m.View()); !regexp.MustCompile(markCursor + ` *1[░▒▓]\+ After talks`).MatchString(v) {
		t.Errorf("after c the cursor sentence is not numbered 1:\n%s", v)
	}
}
