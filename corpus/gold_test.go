package corpus

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// seedGold is the part of testdata/seed-gold.json these tests use.
type seedGold struct {
	Articles map[string]struct {
		Outlet string `json:"outlet"`
		Byline string `json:"byline"`
	} `json:"articles"`
	Facts []struct {
		ID      string `json:"id"`
		Members []struct {
			Article string `json:"article"`
			Match   string `json:"match"`
		} `json:"members"`
	} `json:"facts"`
	Framing []struct {
		Article string `json:"article"`
		Match   string `json:"match"`
	} `json:"framing"`
	Chrome []struct {
		Article string `json:"article"`
		Match   string `json:"match"`
	} `json:"chrome"`
}

func readGold(t *testing.T) seedGold {
	t.Helper()
	b, err := os.ReadFile("../testdata/seed-gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// goldCorpora returns the embedded corpus and the raw seeds keyed by the
// seed file name the gold file uses.
func goldCorpora(t *testing.T) map[string]map[string]*Article {
	t.Helper()
	out := map[string]map[string]*Article{"embedded": {}, "raw seeds": {}}
	for _, a := range Default().Articles {
		out["embedded"][a.ID+".txt"] = a
	}
	raw, err := LoadWith(t.Context(), Options{Outlets: ShippedOutlets()}, "../testdata/seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range raw.Articles {
		out["raw seeds"][baseName(a.Path)] = a
	}
	for name, m := range out {
		if len(m) != 5 {
			t.Fatalf("%s: %d articles, want 5", name, len(m))
		}
	}
	return out
}

// inFurniture reports whether [start, end) lies inside one furniture span.
func inFurniture(a *Article, start, end int) bool {
	for _, f := range a.Furniture {
		if start >= f.Start && end <= f.End {
			return true
		}
	}
	return false
}

func overlapsFurniture(a *Article, start, end int) bool {
	for _, f := range a.Furniture {
		if f.Overlaps(Span{start, end}) {
			return true
		}
	}
	return false
}

func TestGoldChromeIsFurniture(t *testing.T) {
	g := readGold(t)
	if len(g.Chrome) != 15 {
		t.Fatalf("gold has %d chrome entries, want 15", len(g.Chrome))
	}
	for name, arts := range goldCorpora(t) {
		for _, c := range g.Chrome {
			a := arts[c.Article]
			i := strings.Index(a.Text, c.Match)
			if i < 0 {
				t.Fatalf("%s %s: chrome %q not in text", name, c.Article, c.Match)
			}
			if !inFurniture(a, i, i+len(c.Match)) {
				t.Errorf("%s %s: chrome %q is not inside furniture", name, c.Article, c.Match)
			}
		}
	}
}

func TestGoldFactsAndFramingAreNotFurniture(t *testing.T) {
	g := readGold(t)
	type ref struct{ article, match, kind string }
	var refs []ref
	for _, f := range g.Facts {
		for _, m := range f.Members {
			refs = append(refs, ref{m.Article, m.Match, "fact " + f.ID})
		}
	}
	for _, f := range g.Framing {
		refs = append(refs, ref{f.Article, f.Match, "framing"})
	}
	for name, arts := range goldCorpora(t) {
		for _, r := range refs {
			a := arts[r.article]
			i := strings.Index(a.Text, r.match)
			if i < 0 {
				t.Fatalf("%s %s: %s match %q not in text", name, r.article, r.kind, r.match)
			}
			if overlapsFurniture(a, i, i+len(r.match)) {
				t.Errorf("%s %s: %s text %q overlaps furniture", name, r.article, r.kind, r.match)
			}
			// Fact texts must be inside a sentence, so they can be matched.
			if strings.HasPrefix(r.kind, "fact") && a.SentenceAt(i) < 0 {
				t.Errorf("%s %s: %s text %q is in no sentence", name, r.article, r.kind, r.match)
			}
		}
	}
}

func TestRawSeedOutletsWithEvidence(t *testing.T) {
	g := readGold(t)
	arts := goldCorpora(t)["raw seeds"]
	want := map[string]string{} // file → outlet, for the four the issue names
	for file, a := range g.Articles {
		switch a.Outlet {
		case "TASS", "Sputnik", "Tasnim", "Anadolu Agency":
			want[file] = a.Outlet
		}
	}
	if len(want) != 4 {
		t.Fatalf("gold names %d of the four outlets", len(want))
	}
	for file, outlet := range want {
		a := arts[file]
		if a.Outlet != outlet {
			t.Errorf("%s: outlet %q (%s), want %q", file, a.Outlet, a.OutletEvidence, outlet)
		}
		if a.OutletEvidence == "" || strings.HasPrefix(a.OutletEvidence, "unknown") {
			t.Errorf("%s: no evidence for outlet: %q", file, a.OutletEvidence)
		}
		if a.OutletInfo == nil || a.OutletInfo.Country == "" {
			t.Errorf("%s: no outlet table entry", file)
		}
	}
	for file, a := range arts {
		if _, ok := want[file]; !ok && a.Outlet == "" && !strings.HasPrefix(a.OutletEvidence, "unknown") {
			t.Errorf("%s: unknown outlet without saying so: %q", file, a.OutletEvidence)
		}
	}
}

func TestGoldBylines(t *testing.T) {
	g := readGold(t)
	for name, arts := range goldCorpora(t) {
		for file, ga := range g.Articles {
			if got := arts[file].Author; got != ga.Byline {
				t.Errorf("%s %s: author %q, want %q", name, file, got, ga.Byline)
			}
		}
	}
}

func TestEmbeddedCorpus(t *testing.T) {
	c := Default()
	if len(c.Errors) > 0 {
		t.Fatalf("errors: %v", c.Errors)
	}
	outlets := map[string]bool{}
	for _, a := range c.Articles {
		outlets[a.Outlet] = true
		if a.Title == "" {
			t.Errorf("%s: no title", a.ID)
		}
		if a.Published == nil {
			t.Errorf("%s: no date", a.ID)
		}
		if len(a.Hash) != 64 {
			t.Errorf("%s: hash %q", a.ID, a.Hash)
		}
		checkSpans(t, a)
	}
	for _, o := range []string{"TASS", "Sputnik", "Tasnim", "Anadolu Agency", "Al Arabiya"} {
		if !outlets[o] {
			t.Errorf("outlet %s missing: %v", o, outlets)
		}
	}
}

// checkSpans asserts the offset invariants of an article.
func checkSpans(t *testing.T, a *Article) {
	t.Helper()
	prev := 0
	for i, s := range a.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(a.Text) {
			t.Fatalf("%s: sentence %d span %v out of order or range (prev end %d, len %d)", a.ID, i, s.Span, prev, len(a.Text))
		}
		if a.Text[s.Start:s.End] != s.Text {
			t.Fatalf("%s: sentence %d text does not match its span", a.ID, i)
		}
		if s.Index != i {
			t.Fatalf("%s: sentence %d has index %d", a.ID, i, s.Index)
		}
		if overlapsFurniture(a, s.Start, s.End) {
			t.Fatalf("%s: sentence %d %q overlaps furniture", a.ID, i, s.Text)
		}
		prev = s.End
	}
	for _, f := range a.Furniture {
		if a.Text[f.Start:f.End] != f.Text || f.Reason == "" {
			t.Fatalf("%s: furniture %v bad: %q reason %q", a.ID, f.Span, f.Text, f.Reason)
		}
	}
}

// The sub-headings the issue names are headings, not furniture, in both
// the embedded corpus and the raw seeds.
func TestSubHeadingsAreHeadings(t *testing.T) {
	for name, arts := range goldCorpora(t) {
		for file, h := range map[string]string{
			"002_09be80acf871a14e.txt": "Collapse of INF Treaty",
			"004_fac3f59eecb8c957.txt": "Russia denies violations",
		} {
			if !hasRoleText(arts[file], RoleHeading, h) {
				t.Errorf("%s %s: %q is not a heading", name, file, h)
			}
		}
	}
}
