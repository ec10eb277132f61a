package frame

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/corpustest"
)

func TestInflect(t *testing.T) {
	lx, err := shippedLexicons()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"slam":  {"slams", "slammed", "slamming"},
		"admit": {"admits", "admitted", "admitting"},
		"deny":  {"denies", "denied", "denying"},
		"claim": {"claims", "claimed", "claiming"},
		"say":   {"says", "said", "saying"},
		"tell":  {"told"},
		"go":    {"went", "gone"},
		"note":  {"noted", "noting"},
		"add":   {"added", "adding"},
	}
	for base, want := range cases {
		got := strings.Join(lx.inflect(base), " ")
		for _, w := range want {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("inflect(%q) = %s, lacks %q", base, got, w)
			}
		}
	}
}

func TestShippedLexiconsGeneral(t *testing.T) {
	lx, err := shippedLexicons()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range lx.entries {
		kinds[e.kind]++
		if e.gloss == "" {
			t.Errorf("%s: entry %q has no gloss", e.file, e.phrase)
		}
		if len(e.words) > 4 {
			t.Errorf("%s: entry %q is longer than a general phrase", e.file, e.phrase)
		}
	}
	for _, k := range []string{KindLoaded, KindEvaluative, KindHedge, KindIntensifier} {
		if kinds[k] < 20 {
			t.Errorf("only %d %s entries", kinds[k], k)
		}
	}
	if lx.reporting["said"] == nil || lx.reporting["said"].stance != StanceNeutral {
		t.Error("'said' is not a neutral reporting verb")
	}
	for _, v := range []string{"claimed", "insisted", "slammed", "admitted", "warned", "alleged", "threatened", "conceded", "boasted"} {
		if e := lx.reporting[v]; e == nil || e.stance != StanceBearing {
			t.Errorf("%q is not a stance-bearing reporting verb", v)
		}
	}
	if lx.bgTotal < 1e6 || len(lx.background) < 10000 {
		t.Errorf("background list too small: %d words, %.0f tokens", len(lx.background), lx.bgTotal)
	}
}

func TestUserLexiconDir(t *testing.T) {
	dir := t.TempDir()
	lex := "# mine\n@name house-style\n@kind evaluative\nlacklustre | judges a performance as dull\n"
	if err := os.WriteFile(filepath.Join(dir, "house.txt"), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	actors := "Ivan Testov\tTestov\tRuritania\tminister\n"
	if err := os.WriteFile(filepath.Join(dir, "actors-extra.tsv"), []byte(actors), 0o644); err != nil {
		t.Fatal(err)
	}
	a := corpustest.Article("u", "U", "Minister Ivan Testov said the results were lacklustre.")
	res, err := Analyze(context.Background(), &corpus.Corpus{Articles: []*corpus.Article{a}}, nil, Options{LexiconDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	m := find(res.Markers, KindEvaluative, "lacklustre")
	if m == nil || !strings.Contains(m.Reason, "house-style") {
		t.Fatalf("user lexicon entry not applied: %+v", res.Markers)
	}
	p := res.Profile("U")
	if len(p.Voices) != 1 || p.Voices[0].Side != "Ruritania" {
		t.Errorf("user actors table not applied: %+v", p.Voices)
	}
	// Without a LexiconDir the analysis reads the shipped lexicons only,
	// whatever the environment says.
	t.Setenv("PARALLAX_CONFIG_DIR", filepath.Dir(dir))
	if err := os.Rename(dir, filepath.Join(filepath.Dir(dir), "lexicons")); err != nil {
		t.Fatal(err)
	}
	res, err = Analyze(context.Background(), &corpus.Corpus{Articles: []*corpus.Article{a}}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := find(res.Markers, KindEvaluative, "lacklustre"); m != nil {
		t.Errorf("the zero Options read the user's lexicons: %+v", m)
	}
}

func TestBadLexiconErrors(t *testing.T) {
	for name, data := range map[string]string{
		"kind":   "@kind shouting\nfoo\n",
		"stance": "@kind attribution\n@stance grumpy\nsay\n",
		"order":  "foo | before any kind\n",
		"dir":    "@colour red\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Analyze(context.Background(), &corpus.Corpus{}, nil, Options{LexiconDir: dir})
			if err == nil || !strings.Contains(err.Error(), "bad.txt:") {
				t.Errorf("err = %v, want an error naming bad.txt and the line", err)
			}
		})
	}
}

func TestMarkdownProfile(t *testing.T) {
	_, res := seedResult(t)
	md := res.Profile("TASS").Markdown()
	for _, want := range []string{"## TASS", "### Distinctive words and phrases", "### Voices", "Sergey Lavrov (Russia)", "█", "### Attribution verbs", "### Markers per 100 sentences", "### Omissions"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if res.Profile("No Such Outlet") != nil {
		t.Error("Profile of an unknown outlet is not nil")
	}
	empty := (&Profile{Outlet: "Empty"}).Markdown()
	if !strings.Contains(empty, "## Empty") || strings.Contains(empty, "```text\n```") {
		t.Errorf("empty profile renders badly:\n%s", empty)
	}
	var nilRes *Result
	if nilRes.MarkersOf("x", 0) != nil || nilRes.Profile("x") != nil {
		t.Error("nil Result should answer nil")
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, corpus.Default(), nil, Options{}); err == nil {
		t.Error("cancelled context: no error")
	}
}

// TestSingleOutletProfile checks that an outlet with no other to compare
// it with gets no distinctive terms and a profile that says why.
func TestSingleOutletProfile(t *testing.T) {
	c := &corpus.Corpus{Articles: []*corpus.Article{
		corpustest.Article("a", "Lone Wire", "The minister slammed the treaty as dead.", "Officials claimed the talks had failed."),
		corpustest.Article("b", "Lone Wire", "The treaty was signed in 1987.", "Critics say the deal collapsed."),
	}}
	res, err := Analyze(context.Background(), c, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Profile("Lone Wire")
	if p == nil {
		t.Fatal("no profile")
	}
	if p.Distinctive == nil || len(p.Distinctive) != 0 {
		t.Errorf("distinctive terms against no other outlet: %v", p.Distinctive)
	}
	if md := p.Markdown(); !strings.Contains(md, "no other outlet") || strings.Contains(md, "z-scores") {
		t.Errorf("single-outlet profile:\n%s", md)
	}
}
