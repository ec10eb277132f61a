package compare

import (
	"encoding/json"
	"os"
	"context"
	"fmt"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

func TestZZDebugGold(t *testing.T) {
	c := corpus.Default()
	g := loadGold(t)
	opts := Options{MinOutlets: 2, FactThreshold: DefaultFactThreshold, CounterpartThreshold: DefaultCounterpartThreshold, StoryThreshold: DefaultStoryThreshold}
	lx, _ := defaultLexicon()
	x := newAnalysis(c, opts, lx)
	if err := x.analyzeSentences(context.Background()); err != nil {
		t.Fatal(err)
	}
	stories := x.groupStories(context.Background())
	sc := newStoryScorer(x)
	sc.prepare(stories[0])
	find := func(r goldRef) *unit {
		id, si := goldSentence(t, c, r)
		for i := range x.units {
			u := &x.units[i]
			if c.Articles[u.art].ID == id && int(u.sent) == si {
				return u
			}
		}
		return nil
	}
	show := func(u *unit) string {
		s := ""
		for i, tm := range u.terms {
			n := ""
			if u.names[i] {
				n = "*"
			}
			s += fmt.Sprintf("%s%s:%.2f ", n, x.strs[tm], sc.wts[tm])
		}
		return s
	}
	for _, f := range g.Facts {
		for i := range f.Members {
			for j := i + 1; j < len(f.Members); j++ {
				if f.Members[i].Article == f.Members[j].Article {
					continue
				}
				a, b := find(f.Members[i]), find(f.Members[j])
				s, sh, ct := sc.linkParts(a, b)
				if s >= 0.12 {
					continue
				}
				t.Logf("%s %s: score %.3f shared %.2f content %.2f wa %.2f wb %.2f\n  A: %s\n  B: %s", f.Kind, f.ID, s, sh, ct, a.w, b.w, show(a), show(b))
			}
		}
	}
}

func TestZZDebugFacts(t *testing.T) {
	c := corpus.Default()
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Facts {
		t.Logf("FACT %s %q", f.ID, f.Label)
		for _, m := range f.Members {
			t.Logf("   %-14s %d %.3f %.70s", m.Outlet, m.Sentence, m.Score, m.Text)
		}
	}
}

func TestZZDebugLinks(t *testing.T) {
	c := corpus.Default()
	opts := Options{MinOutlets: 2, FactThreshold: DefaultFactThreshold, CounterpartThreshold: DefaultCounterpartThreshold, StoryThreshold: DefaultStoryThreshold}
	lx, _ := defaultLexicon()
	x := newAnalysis(c, opts, lx)
	x.analyzeSentences(context.Background())
	stories := x.groupStories(context.Background())
	sc := newStoryScorer(x)
	sc.prepare(stories[0])
	links := sc.linkStory(stories[0])
	for u, ls := range links {
		un := &x.units[u]
		a := c.Articles[un.art]
		if !(a.Outlet == "Tasnim" && un.sent == 4) && !(a.Outlet == "Tasnim" && un.sent == 3) {
			continue
		}
		t.Logf("%s %d %.60s", a.Outlet, un.sent, a.Sentences[un.sent].Text)
		for _, l := range ls {
			v := &x.units[l.to]
			b := c.Articles[v.art]
			t.Logf("    %.3f %s %d %.60s", l.score, b.Outlet, v.sent, b.Sentences[v.sent].Text)
		}
	}
}

func zzSummary(t *testing.T, name string, c *corpus.Corpus, g goldFile) string {
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec, linked, _ := goldScores(t, c, r, g)
	w, p, _ := goldPrecision(t, c, r, g)
	return fmt.Sprintf("%s core %d/%d loose %d/%d neg %d wrong %d/%d facts %d", name, rec["core"][0], rec["core"][1], rec["loose"][0], rec["loose"][1], len(linked), w, p, len(r.Facts))
}

func zzLoad(t *testing.T, dir string) (*corpus.Corpus, goldFile) {
	c, err := corpus.Load("../../testdata/" + dir + "/articles")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile("../../testdata/" + dir + "/gold.json")
	var g goldFile
	json.Unmarshal(b, &g)
	return c, g
}

func TestZZSweep(t *testing.T) {
	seed, sg := corpus.Default(), loadGold(t)
	h1, g1 := zzLoad(t, "heldout")
	h2, g2 := zzLoad(t, "heldout2")
	for _, v := range []float64{0, 0.12, 0.15, 0.2, 0.25} {
		_ = v
		t.Logf("cut %.2f | %s | %s | %s", v, zzSummary(t, "seed", seed, sg), zzSummary(t, "h1", h1, g1), zzSummary(t, "h2", h2, g2))
	}
	
}




func zzUnsupported(t *testing.T, c *corpus.Corpus, r *Result, g goldFile) (n int, labels []string) {
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
	for _, f := range r.Facts {
		ok := false
		for i, a := range f.Members {
			for _, b := range f.Members[i+1:] {
				if a.Article == b.Article {
					continue
				}
				for id := range gf[sentKey{a.Article, a.Sentence}] {
					if gf[sentKey{b.Article, b.Sentence}][id] {
						ok = true
					}
				}
			}
		}
		if !ok {
			n++
			labels = append(labels, f.Label)
		}
	}
	return n, labels
}

func zzSummary2(t *testing.T, name string, c *corpus.Corpus, g goldFile) string {
	r, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec, linked, _ := goldScores(t, c, r, g)
	w, p, _ := goldPrecision(t, c, r, g)
	n, ls := zzUnsupported(t, c, r, g)
	if zzVerbose {
		for _, l := range ls {
			t.Logf("   unsupported %s: %s", name, l)
		}
	}
	return fmt.Sprintf("%s core %d/%d loose %d/%d neg %d wrong %d/%d facts %d unsup %d", name, rec["core"][0], rec["core"][1], rec["loose"][0], rec["loose"][1], len(linked), w, p, len(r.Facts), n)
}

var zzVerbose = false

func TestZZUnsup(t *testing.T) {
	seed, sg := corpus.Default(), loadGold(t)
	h1, g1 := zzLoad(t, "heldout")
	h2, g2 := zzLoad(t, "heldout2")
	t.Logf("%s | %s | %s", zzSummary2(t, "seed", seed, sg), zzSummary2(t, "h1", h1, g1), zzSummary2(t, "h2", h2, g2))
}


