package compare

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// mixedCorpus is the embedded INF corpus plus three short articles on an
// unrelated story (floods in Italy) from testdata/compare.
func mixedCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	extra, err := corpus.Load("../../testdata/compare")
	if err != nil {
		t.Fatal(err)
	}
	if len(extra.Articles) != 3 {
		t.Fatalf("testdata/compare has %d articles, want 3 (errors %v)", len(extra.Articles), extra.Errors)
	}
	c := corpus.Default()
	c.Articles = append(c.Articles, extra.Articles...)
	return c
}

// TestStorySeparation checks that a mixed corpus splits into its two
// stories, that no fact crosses them, and that the flood story has facts
// of its own with the death-toll discrepancy.
func TestStorySeparation(t *testing.T) {
	c := mixedCorpus(t)
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Threads) != 2 {
		for _, s := range r.Stories {
			t.Logf("story %s of %s: %v", s.Label, s.Thread, s.Articles)
		}
		t.Fatalf("got %d threads, want 2", len(r.Threads))
	}
	storyOf := map[string]string{}
	threadOf := map[string]string{}
	for _, s := range r.Stories {
		flood := strings.HasPrefix(s.Articles[0], "flood-")
		for _, a := range s.Articles {
			if strings.HasPrefix(a, "flood-") != flood {
				t.Errorf("story %s mixes %s and %s", s.ID, s.Articles[0], a)
			}
			storyOf[a] = s.ID
			threadOf[a] = s.Thread
		}
	}
	if threadOf["flood-bbc"] == threadOf[c.Articles[0].ID] {
		t.Errorf("the flood story and the INF articles share thread %s", threadOf["flood-bbc"])
	}
	floodFacts := 0
	toll := false
	for _, f := range r.Facts {
		for _, m := range f.Members {
			if !slices.Contains(f.Stories, storyOf[m.Article]) || threadOf[m.Article] != f.Thread {
				t.Errorf("fact %s of thread %s, stories %v, has a member from %s", f.ID, f.Thread, f.Stories, m.Article)
			}
		}
		if strings.HasPrefix(f.Members[0].Article, "flood-") {
			floodFacts++
			for _, d := range f.Discrepancies {
				if d.What == "people" {
					toll = true
				}
			}
		}
	}
	if floodFacts < 3 {
		t.Errorf("the flood story has %d facts, want at least 3", floodFacts)
	}
	if !toll {
		t.Error("the death toll discrepancy (13 vs 14 people) is not reported")
	}
	// The INF story's facts are unchanged by the other story's presence.
	alone, err := Analyze(context.Background(), corpus.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, f := range r.Facts {
		ids[f.ID] = true
	}
	kept := 0
	for _, f := range alone.Facts {
		if ids[f.ID] {
			kept++
		}
	}
	if kept*10 < len(alone.Facts)*7 {
		t.Errorf("only %d of %d INF facts survive mixing in another story", kept, len(alone.Facts))
	}
}

// TestResultIndexes checks FactsOf, HasCounterpart, OmittedBy, Fact and
// that fact ids are stable across runs.
func TestResultIndexes(t *testing.T) {
	c := corpus.Default()
	r1, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Analyze(context.Background(), corpus.Default(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r1.Facts) == 0 || len(r1.Facts) != len(r2.Facts) {
		t.Fatalf("facts: %d then %d", len(r1.Facts), len(r2.Facts))
	}
	for i := range r1.Facts {
		if r1.Facts[i].ID != r2.Facts[i].ID {
			t.Errorf("fact %d id %s then %s", i, r1.Facts[i].ID, r2.Facts[i].ID)
		}
	}
	for _, f := range r1.Facts {
		if r1.Fact(f.ID) == nil || r1.Fact(f.ID).ID != f.ID {
			t.Errorf("Fact(%s) not found", f.ID)
		}
		if len(f.Outlets) < 2 || f.Label == "" {
			t.Errorf("fact %s: outlets %v label %q", f.ID, f.Outlets, f.Label)
		}
		for _, m := range f.Members {
			a := c.Article(m.Article)
			if a == nil || a.Text[m.Start:m.End] != m.Text || a.Sentences[m.Sentence].Start != m.Start {
				t.Errorf("member %+v does not match its article's text", m)
				continue
			}
			found := false
			for _, g := range r1.FactsOf(m.Article, m.Sentence) {
				found = found || g.ID == f.ID
			}
			if !found {
				t.Errorf("FactsOf(%s, %d) lacks %s", m.Article, m.Sentence, f.ID)
			}
			if !r1.HasCounterpart(m.Article, m.Sentence) {
				t.Errorf("fact member %s/%d has no counterpart", m.Article, m.Sentence)
			}
		}
	}
	// A sentence about Gaza in one outlet only has no counterpart.
	aa := c.Article("001_6f4b6ec31b45714c")
	last := len(aa.Sentences) - 1
	if r1.HasCounterpart(aa.ID, last) || len(r1.FactsOf(aa.ID, last)) > 0 {
		t.Errorf("the outlet-only sentence %q has a counterpart", aa.Sentences[last].Text)
	}
	for _, o := range r1.Omissions {
		if len(r1.OmittedBy(o.Outlet)) != len(o.Facts) {
			t.Errorf("OmittedBy(%s) = %d labels, omission lists %d facts", o.Outlet, len(r1.OmittedBy(o.Outlet)), len(o.Facts))
		}
		for _, id := range o.Facts {
			f := r1.Fact(id)
			for _, out := range f.Outlets {
				if out == o.Outlet {
					t.Errorf("%s is said to omit fact %s it carries", o.Outlet, id)
				}
			}
		}
	}
	var nilRes *Result
	if nilRes.FactsOf("x", 0) != nil || nilRes.HasCounterpart("x", 0) || nilRes.Fact("x") != nil {
		t.Error("nil Result lookups should be empty")
	}
}

// TestAnalyzeCancelled checks that a cancelled context stops the analysis.
func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, corpus.Default(), Options{}); err == nil {
		t.Error("Analyze ignored a cancelled context")
	}
}

// TestAnalyzeEdgeCases checks an empty corpus, a single article, articles
// without an outlet and a higher MinOutlets.
func TestAnalyzeEdgeCases(t *testing.T) {
	ctx := context.Background()
	r, err := Analyze(ctx, &corpus.Corpus{}, Options{})
	if err != nil || len(r.Facts) != 0 || len(r.Stories) != 0 {
		t.Errorf("empty corpus: %v, %+v", err, r)
	}
	if _, err := Analyze(ctx, nil, Options{}); err == nil {
		t.Error("nil corpus accepted")
	}
	one := corpus.Default()
	one.Articles = one.Articles[:1]
	r, err = Analyze(ctx, one, Options{})
	if err != nil || len(r.Facts) != 0 || len(r.Stories) != 1 {
		t.Errorf("one article: %v, %d facts, %d stories", err, len(r.Facts), len(r.Stories))
	}
	anon := corpus.Default()
	for _, a := range anon.Articles {
		a.Outlet = ""
	}
	r, err = Analyze(ctx, anon, Options{})
	if err != nil || len(r.Facts) == 0 {
		t.Fatalf("articles without outlets: %v, %d facts", err, len(r.Facts))
	}
	three, err := Analyze(ctx, corpus.Default(), Options{MinOutlets: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range three.Facts {
		if len(f.Outlets) < 3 {
			t.Errorf("fact %s has %d outlets with MinOutlets 3", f.ID, len(f.Outlets))
		}
	}
	var stages []string
	_, err = Analyze(ctx, corpus.Default(), Options{Progress: func(stage string, done, total int) {
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
		if done > total {
			t.Errorf("progress %s: %d of %d", stage, done, total)
		}
	}})
	if err != nil || len(stages) < 3 {
		t.Errorf("progress stages %v, %v", stages, err)
	}
}

// TestDiscrepancyAgreedFigure checks that a figure both outlets give is
// agreed on: "killed 2,012 and injured 2,059" against "2,059 injured" is
// no discrepancy, while a different toll is one.
func TestDiscrepancyAgreedFigure(t *testing.T) {
	const a = "The earthquake in the mountain provinces killed at least 2,012 people and injured 2,059, the interior ministry said on Saturday."
	for _, c := range []struct {
		b    string
		want bool
	}{
		{"Another 2,059 people were injured by the earthquake in the mountain provinces, the interior ministry said.", false},
		{"The earthquake in the mountain provinces killed at least 2,122 people, the interior ministry said on Sunday.", true},
	} {
		dir := t.TempDir()
		write := func(name, outlet, text string) {
			body := "---\ntitle: \"" + name + "\"\noutlet: \"" + outlet + "\"\npublished: \"2023-09-10\"\n---\n" + text + "\n"
			if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("a", "Wire A", a)
		write("b", "Wire B", c.b)
		cp, err := corpus.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Analyze(context.Background(), cp, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Facts) != 1 {
			t.Fatalf("%q: %d facts, want the two sentences linked", c.b, len(r.Facts))
		}
		if got := len(r.Facts[0].Discrepancies) > 0; got != c.want {
			t.Errorf("%q: discrepancy %v (%+v), want %v", c.b, got, r.Facts[0].Discrepancies, c.want)
		}
	}
}

// TestDateDiscrepancyNeedsAnUnbackedDate checks that a date another
// outlet agrees with is a point the fact holds, not a disagreement with a
// third outlet's other date, while two outlets' unbacked dates for one
// point are.
func TestDateDiscrepancyNeedsAnUnbackedDate(t *testing.T) {
	const (
		a = "The United States announced its withdrawal from the arms treaty with Moscow in February 2019, officials said."
		b = "The United States announced its withdrawal from the arms treaty with Moscow on February 2, officials said."
	)
	for _, c := range []struct {
		texts []string
		want  bool
	}{
		// Feb 2019 and 2 Feb agree; 2 Aug is another point.
		{[]string{a, b, "The United States announced its withdrawal from the arms treaty with Moscow on August 2, officials said."}, false},
		// Two outlets, one point, two days.
		{[]string{b, "The United States announced its withdrawal from the arms treaty with Moscow on February 12, officials said."}, true},
	} {
		var arts [][3]string
		for i, txt := range c.texts {
			arts = append(arts, [3]string{fmt.Sprintf("Wire %c", 'A'+i), fmt.Sprintf("Report %d", i), txt})
		}
		r, err := Analyze(context.Background(), writeArticles(t, arts...), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Facts) != 1 {
			t.Fatalf("%d facts, want the sentences linked: %+v", len(r.Facts), r.Facts)
		}
		got := false
		for _, d := range r.Facts[0].Discrepancies {
			got = got || d.What == "date"
		}
		if got != c.want {
			t.Errorf("%d outlets: date discrepancy %v (%+v), want %v", len(c.texts), got, r.Facts[0].Discrepancies, c.want)
		}
	}
}

// TestCountsOfAnyNounDiffer checks that two outlets' counts of the same
// things ("homes") are compared like figures with a unit, and that a
// count's noun is not a unit for agreement ("2,000 homes", "2,000
// houses" agree).
func TestCountsOfAnyNounDiffer(t *testing.T) {
	c := writeArticles(t,
		[3]string{"Wire A", "Flood", "Officials said about 2,000 homes were destroyed by the flood in Derna on Monday."},
		[3]string{"Wire B", "Flood", "Officials said about 2,500 homes were destroyed by the flood in Derna on Monday."},
	)
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Facts) != 1 || len(r.Facts[0].Discrepancies) != 1 || r.Facts[0].Discrepancies[0].What != "homes" {
		t.Fatalf("facts %+v: want one fact with a discrepancy in homes", r.Facts)
	}
	got := []string{}
	for _, v := range r.Facts[0].Discrepancies[0].Values {
		got = append(got, v.Value)
	}
	if strings.Join(got, " | ") != "2,000 homes | 2,500 homes" {
		t.Errorf("values %q", got)
	}
	a := extractQuantities("2,000 homes were hit", nil, false)
	b := extractQuantities("2,000 houses were hit", nil, false)
	if len(a) != 1 || len(b) != 1 || a[0].Noun != "homes" || !sameQuantity(a[0], b[0]) {
		t.Errorf("quantities %+v %+v: want nouns kept and the counts agreeing", a, b)
	}
	for in, want := range map[string]string{" homes were": "homes", " across the": "", " this year": "", " times": "", " Homes": "", " press": "", "homes": ""} {
		if got := countNoun(in); got != want {
			t.Errorf("countNoun(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCommonTermLinksNeighboursInTime: a term more vectors hold than
// maxEventPost still links each vector to the nearest before it (in
// canonical order, in time), and only to those, so a stream whose words
// recur across many events still forms its stories, in linear work.
func TestCommonTermLinksNeighboursInTime(t *testing.T) {
	n := 10 * maxEventPost // enough that the window is maxEventPost, not n/8
	vecs := make([]sparseVec, n)
	for i := range vecs {
		vecs[i] = sparseVec{ids: []int32{1}, val: []float64{1}}
	}
	linked := map[[2]int32]bool{}
	for _, e := range similarEdges(vecs, nil, 0.5) {
		linked[[2]int32{e.a, e.b}] = true
	}
	last := int32(n - 1)
	if !linked[[2]int32{last - 1, last}] || !linked[[2]int32{last - maxEventPost, last}] {
		t.Errorf("the last vector is not linked to its nearest %d through the common term", maxEventPost)
	}
	if linked[[2]int32{last - maxEventPost - 1, last}] || linked[[2]int32{0, last}] {
		t.Error("the last vector is linked through the common term beyond its nearest")
	}
	if len(linked) > n*maxEventPost {
		t.Errorf("%d edges for %d vectors: the work is not bounded", len(linked), n)
	}
}

// NoFacts (parallax stories) groups as Analyze does and links nothing:
// the same threads and stories, thread labels included, on ECB+'s 772
// articles, and no fact.
func TestNoFactsKeepsTheStories(t *testing.T) {
	c, err := ecb()
	if err != nil {
		t.Fatal(err)
	}
	full, err := Analyze(context.Background(), c, Options{NoMisses: true})
	if err != nil {
		t.Fatal(err)
	}
	only, err := Analyze(context.Background(), c, Options{NoFacts: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full.Threads, only.Threads) || !reflect.DeepEqual(full.Stories, only.Stories) {
		t.Error("NoFacts changed the threads or stories")
	}
	if len(only.Facts) != 0 || len(full.Facts) == 0 {
		t.Errorf("%d facts with NoFacts, %d without", len(only.Facts), len(full.Facts))
	}
}

// TestAnalyzeCancelledWhileAnalysingSentences cancels while the workers
// analyse sentences, with more chunks than the ring holds: the analysis
// stops with an error and its goroutines end.
func TestAnalyzeCancelledWhileAnalysingSentences(t *testing.T) {
	c := syntheticCorpus(600, 3)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Analyze(ctx, c, Options{Progress: func(stage string, done, total int) {
		if stage == "analysing sentences" && done > 0 {
			cancel()
		}
	}})
	if err == nil {
		t.Fatal("Analyze went on after the context was cancelled")
	}
	for i := 0; i < 100 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running (%d before)", n-before, n)
	}
}
