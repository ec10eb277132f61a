package compare

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// goldFile is the shape of testdata/seed-gold.json that the tests use.
type goldFile struct {
	Facts []struct {
		ID          string    `json:"id"`
		Kind        string    `json:"kind"`
		Members     []goldRef `json:"members"`
		Discrepancy string    `json:"discrepancy"`
		// DiscrepancyKind, when set, is a word the reported discrepancy's
		// What must hold ("people", "distance").
		DiscrepancyKind string `json:"discrepancy_kind"`
	} `json:"facts"`
	Negatives []struct {
		Why string  `json:"why"`
		A   goldRef `json:"a"`
		B   goldRef `json:"b"`
	} `json:"negatives"`
}

type goldRef struct {
	Article string `json:"article"`
	Match   string `json:"match"`
}

// goldSentence maps a gold reference to (article id, sentence index) in
// the embedded corpus; the gold names articles by their source file.
func goldSentence(t testing.TB, c *corpus.Corpus, r goldRef) (string, int) {
	t.Helper()
	id := strings.TrimSuffix(r.Article, ".txt")
	a := c.Article(id)
	if a == nil {
		t.Fatalf("gold article %s not in the embedded corpus", r.Article)
	}
	off := strings.Index(a.Text, r.Match)
	if off < 0 {
		t.Fatalf("gold match %q not found in %s", r.Match, id)
	}
	si := a.SentenceAt(off)
	if si < 0 {
		t.Fatalf("gold match %q in %s is outside every sentence", r.Match, id)
	}
	return id, si
}

func loadGold(t testing.TB) goldFile {
	t.Helper()
	b, err := os.ReadFile("../../testdata/seed-gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// inOneFact reports whether two sentences share a fact.
func inOneFact(r *Result, a sentKey, b sentKey) bool {
	for _, f := range r.FactsOf(a.article, a.sentence) {
		for _, m := range f.Members {
			if m.Article == b.article && m.Sentence == b.sentence {
				return true
			}
		}
	}
	return false
}

// goldScores computes pair recall per kind over the pairs of gold members
// from different articles (a fact links outlets; two sentences of one
// article are not a link it is asked for) and the linked negatives.
func goldScores(t testing.TB, c *corpus.Corpus, r *Result, g goldFile) (map[string][2]int, []string, map[string][]string) {
	recall := map[string][2]int{}
	missed := map[string][]string{}
	for _, f := range g.Facts {
		var ks []sentKey
		for _, m := range f.Members {
			id, si := goldSentence(t, c, m)
			ks = append(ks, sentKey{id, si})
		}
		for i := range ks {
			for j := i + 1; j < len(ks); j++ {
				if ks[i].article == ks[j].article {
					continue
				}
				v := recall[f.Kind]
				v[1]++
				if inOneFact(r, ks[i], ks[j]) {
					v[0]++
				} else {
					missed[f.ID] = append(missed[f.ID], f.Members[i].Match[:min(40, len(f.Members[i].Match))]+" <> "+f.Members[j].Match[:min(40, len(f.Members[j].Match))])
				}
				recall[f.Kind] = v
			}
		}
	}
	var linked []string
	for _, n := range g.Negatives {
		a, ai := goldSentence(t, c, n.A)
		b, bi := goldSentence(t, c, n.B)
		if inOneFact(r, sentKey{a, ai}, sentKey{b, bi}) {
			linked = append(linked, n.Why)
		}
	}
	return recall, linked, missed
}

// goldPrecision counts, over the pairs of fact members from different
// articles that are both gold-annotated, those that share no gold fact
// (wrong) out of all such pairs, and the most facts one sentence is in.
func goldPrecision(t testing.TB, c *corpus.Corpus, r *Result, g goldFile) (wrong, pairs, most int) {
	gf := map[sentKey]map[string]bool{}
	for _, f := range g.Facts {
		for _, m := range f.Members {
			id, si := goldSentence(t, c, m)
			k := sentKey{id, si}
			if gf[k] == nil {
				gf[k] = map[string]bool{}
			}
			gf[k][f.ID] = true
		}
	}
	per := map[sentKey]int{}
	for _, f := range r.Facts {
		for i, a := range f.Members {
			ka := sentKey{a.Article, a.Sentence}
			per[ka]++
			most = max(most, per[ka])
			for _, b := range f.Members[i+1:] {
				kb := sentKey{b.Article, b.Sentence}
				if a.Article == b.Article || gf[ka] == nil || gf[kb] == nil {
					continue
				}
				pairs++
				share := false
				for id := range gf[ka] {
					share = share || gf[kb][id]
				}
				if !share {
					wrong++
				}
			}
		}
	}
	return wrong, pairs, most
}

// scoreAndLog scores an analysis against reference judgements and logs
// the recall per kind, the missed pairs and the precision figures.
func scoreAndLog(t *testing.T, c *corpus.Corpus, r *Result, g goldFile) (recall map[string][2]int, linked []string, wrong, pairs, most int) {
	t.Helper()
	recall, linked, missed := goldScores(t, c, r, g)
	for kind, v := range recall {
		t.Logf("%s pair recall: %d/%d = %.3f", kind, v[0], v[1], float64(v[0])/float64(v[1]))
	}
	for id, ms := range missed {
		for _, m := range ms {
			t.Logf("missed %s: %s", id, m)
		}
	}
	wrong, pairs, most = goldPrecision(t, c, r, g)
	t.Logf("%d facts, %d stories; %d of %d gold-annotated member pairs join different gold facts; a sentence is in at most %d facts", len(r.Facts), len(r.Stories), wrong, pairs, most)
	return recall, linked, wrong, pairs, most
}

// TestSeedGold scores the analysis of the embedded corpus against the
// reference judgements: pair recall over core and loose facts, no
// negative pair in one fact, precision (member pairs that join sentences
// of different gold facts), and the range discrepancy (two outlets'
// upper bounds differ) reported. The targets are core ≥ 0.9 and
// loose ≥ 0.6; the floors asserted are what the matcher reaches (see the
// README), so a regression fails and an improvement should raise them.
func TestSeedGold(t *testing.T) {
	c := corpus.Default()
	if len(c.Articles) != 5 {
		t.Fatalf("embedded corpus has %d articles, want 5 (errors: %v)", len(c.Articles), c.Errors)
	}
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := loadGold(t)
	recall, linked, wrong, pairs, most := scoreAndLog(t, c, r, g)
	if v := recall["core"]; float64(v[0]) < coreRecallFloor*float64(v[1]) {
		t.Errorf("core pair recall %d/%d below %.2f (target 0.9)", v[0], v[1], coreRecallFloor)
	}
	// The loose facts are topic-level links with almost no shared words
	// ("Europe has a stake"); the lexical matcher misses most of them.
	if v := recall["loose"]; float64(v[0]) < looseRecallFloor*float64(v[1]) {
		t.Errorf("loose pair recall %d/%d below %.2f (target 0.6)", v[0], v[1], looseRecallFloor)
	}
	if wrong > maxWrongPairs {
		t.Errorf("%d of %d gold-annotated member pairs join different gold facts, more than %d", wrong, pairs, maxWrongPairs)
	}
	if most > maxFactsPerSentence {
		t.Errorf("a sentence is in %d facts, more than %d", most, maxFactsPerSentence)
	}
	if len(linked) > 0 {
		t.Errorf("negative pairs put in one fact: %v", linked)
	}
	// Five articles from 2019 to 2024: five stories of one thread, and
	// its facts are recurring claims across them.
	if len(r.Threads) != 1 || len(r.Stories) != 5 {
		t.Errorf("the embedded corpus is one thread of five stories, got %d threads, %d stories", len(r.Threads), len(r.Stories))
	}
	// The discrepancy: within one fact, a km figure of one outlet whose
	// upper bound differs from another outlet's; every value of it is a
	// range (the same point), not a lone figure.
	found := false
	for _, f := range r.Facts {
		for _, d := range f.Discrepancies {
			var has5000, has5500 bool
			for _, v := range d.Values {
				if strings.Contains(v.Value, "5,000 km") {
					has5000 = true
				}
				if strings.Contains(v.Value, "5,500 km") {
					has5500 = true
				}
			}
			if has5000 && has5500 {
				found = true
				t.Logf("discrepancy in %s (%s): %+v", f.ID, f.Label, d.Values)
				for _, v := range d.Values {
					if !strings.Contains(v.Value, "–") {
						t.Errorf("discrepancy value %q (%s) is not on the range point", v.Value, v.Outlet)
					}
				}
			}
		}
	}
	if !found {
		t.Errorf("the 5,000 vs 5,500 km range discrepancy is not reported")
	}
}

// Floors of TestSeedGold: what the matcher reaches on the seed corpus.
const (
	coreRecallFloor  = 0.85
	looseRecallFloor = 0.2
	maxWrongPairs    = 3 // the target
)

// heldOutStory is a story nothing was tuned on, with the floors of what
// the linker reaches on it (measured, not tuned: they keep the figures the
// README reports from regressing).
type heldOutStory struct {
	dir                      string // under testdata
	articles                 int
	core, loose              float64 // pair recall floors
	negatives, discrepancies int     // most negatives linked, least discrepancies reported
}

var heldOutStories = []heldOutStory{
	// Five reports of the 2023 Morocco earthquake.
	{dir: "heldout", articles: 5, core: 0.62, loose: 0.5, negatives: 2, discrepancies: 3},
	// Five reports of the 2023 BRICS expansion.
	{dir: "heldout2", articles: 5, core: 0.43, loose: 0, negatives: 3, discrepancies: 1},
}

// TestHeldOutGold scores the analysis of stories nothing was tuned on
// (testdata/heldout*) against judgements made by reading the articles
// without running the linker.
func TestHeldOutGold(t *testing.T) {
	for _, st := range heldOutStories {
		t.Run(st.dir, func(t *testing.T) { testHeldOut(t, st) })
	}
}

func testHeldOut(t *testing.T, st heldOutStory) {
	c, err := corpus.Load("../../testdata/" + st.dir + "/articles")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != st.articles || len(c.Errors) > 0 {
		t.Fatalf("held-out corpus %s: %d articles, errors %v", st.dir, len(c.Articles), c.Errors)
	}
	b, err := os.ReadFile("../../testdata/" + st.dir + "/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	recall, linked, _, _, _ := scoreAndLog(t, c, r, g)
	// A gold discrepancy is found when a fact reports a discrepancy of the
	// gold's kind whose values come from gold members of two articles.
	found, want := 0, 0
	for _, f := range g.Facts {
		if f.Discrepancy == "" {
			continue
		}
		want++
		var ks []sentKey
		for _, m := range f.Members {
			id, si := goldSentence(t, c, m)
			ks = append(ks, sentKey{id, si})
		}
		hit := false
		for _, rf := range r.Facts {
			for _, d := range rf.Discrepancies {
				if !strings.Contains(d.What, f.DiscrepancyKind) {
					continue
				}
				in := map[string]bool{}
				for _, v := range d.Values {
					for _, k := range ks {
						if a := c.Article(k.article); v.Article == k.article && a != nil && strings.Contains(a.Sentences[k.sentence].Text, v.Text) {
							in[k.article] = true
						}
					}
				}
				if len(in) >= 2 {
					hit = true
					t.Logf("discrepancy %s (%s): %s — %v", f.ID, d.What, rf.Label, d.Values)
				}
			}
		}
		if hit {
			found++
		}
	}
	t.Logf("gold discrepancies reported: %d of %d; negative pairs linked: %d of %d %v", found, want, len(linked), len(g.Negatives), linked)
	if v := recall["core"]; float64(v[0]) < st.core*float64(v[1]) {
		t.Errorf("held-out core pair recall %d/%d below %.2f", v[0], v[1], st.core)
	}
	if v := recall["loose"]; float64(v[0]) < st.loose*float64(v[1]) {
		t.Errorf("held-out loose pair recall %d/%d below %.2f", v[0], v[1], st.loose)
	}
	if len(linked) > st.negatives {
		t.Errorf("held-out negative pairs put in one fact: %v", linked)
	}
	if found < st.discrepancies {
		t.Errorf("held-out discrepancies reported: %d, want at least %d", found, st.discrepancies)
	}
	if len(r.Stories) != 1 {
		t.Errorf("the held-out corpus is one story, got %d", len(r.Stories))
	}
}
