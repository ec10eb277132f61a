package library

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// fixtureURL is where each fixture page was "fetched" from: its outlet's
// domain picks the extraction rule.
var fixtureURL = map[string]string{
	"tass":      "https://tass.com/politics/1095621",
	"sputnik":   "https://sputnikglobe.com/20200605/moscow-paris-1079512345.html",
	"tasnim":    "https://www.tasnimnews.com/en/news/2025/01/11/3234567/iran-oman",
	"aa":        "https://www.aa.com.tr/en/europe/russia-says/1876543",
	"alarabiya": "https://english.alarabiya.net/News/gulf/2025/02/03/saudi-visitors",
}

// tokens splits a text into words for token F1: typography folded, words
// of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(normalizeLine(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// tokenF1 is the F1 of the bags of words of two texts, as the ScrapingHub
// article-extraction benchmark scores extractors.
func tokenF1(got, want string) (p, r, f float64) {
	g, w := map[string]int{}, map[string]int{}
	for _, t := range tokens(got) {
		g[t]++
	}
	for _, t := range tokens(want) {
		w[t]++
	}
	common, ng, nw := 0, 0, 0
	for t, n := range g {
		common += min(n, w[t])
		ng += n
	}
	for _, n := range w {
		nw += n
	}
	if ng == 0 || nw == 0 || common == 0 {
		return 0, 0, 0
	}
	p, r = float64(common)/float64(ng), float64(common)/float64(nw)
	return p, r, 2 * p * r / (p + r)
}

// TestExtractionF1 extracts every fixture page (pages modelled on the seed
// outlets' markup, with ads, related links, share bars and photo credits;
// the *-2 pages are redesigns the outlet's rule no longer matches) and
// compares the text with the hand-written expected text.
func TestExtractionF1(t *testing.T) {
	pages, _ := filepath.Glob("testdata/extract/*.html")
	if len(pages) < 10 {
		t.Fatalf("%d fixture pages, want at least 10", len(pages))
	}
	byOutlet := map[string][]float64{}
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".html")
		outlet := name[:strings.LastIndexByte(name, '-')]
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(p, ".html") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		ex, err := Extract(raw, fixtureURL[outlet], "text/html; charset=utf-8", ShippedRules())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		prec, rec, f := tokenF1(ex.Text, string(want))
		base, err := extract(raw, fixtureURL[outlet], "text/html; charset=utf-8", nil, false)
		_, _, fb := tokenF1(base.Text, string(want))
		if err != nil {
			fb = 0
		}
		t.Logf("%-12s %-22s precision %.3f recall %.3f F1 %.3f (readability alone: %.3f)", name, ex.Extractor, prec, rec, f, fb)
		if f < 0.85 {
			t.Errorf("%s: token F1 %.3f (extractor %s)\n--- got:\n%s", name, f, ex.Extractor, ex.Text)
		}
		byOutlet[outlet] = append(byOutlet[outlet], f)
	}
	var means []float64
	var names []string
	for o := range byOutlet {
		names = append(names, o)
	}
	sort.Strings(names)
	for _, o := range names {
		s := 0.0
		for _, f := range byOutlet[o] {
			s += f
		}
		m := s / float64(len(byOutlet[o]))
		means = append(means, m)
		t.Logf("outlet %-10s mean token F1 %.3f over %d pages", o, m, len(byOutlet[o]))
	}
	slices.Sort(means)
	median := means[len(means)/2]
	t.Logf("median of the outlets' token F1: %.3f", median)
	if median < 0.95 {
		t.Errorf("median token F1 %.3f, want at least 0.95", median)
	}
}

func TestShippedRulesParse(t *testing.T) {
	rs := ShippedRules()
	for _, o := range []string{"TASS", "Sputnik", "Tasnim", "Anadolu Agency", "Al Arabiya"} {
		found := false
		for _, r := range rs.rules {
			found = found || r.Outlet == o
		}
		if !found {
			t.Errorf("no extraction rule for %s", o)
		}
	}
	if _, err := ParseRules([]byte(`{"rules":[{"outlet":"X","domains":["x.org"],"body":"div[","remove":[]}]}`)); err == nil {
		t.Error("a bad selector was accepted")
	}
}
