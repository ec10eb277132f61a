package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// lexiconDir makes a configuration directory whose lexicons/ holds one
// file, and returns the directory.
func lexiconDir(t *testing.T, name, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "lexicons"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lexicons", name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAnalyseRunsTheStepsAskedFor(t *testing.T) {
	c := corpus.Default()
	for _, tc := range []struct {
		name           string
		opts           Options
		facts, framing bool
	}{
		{"nothing", Options{}, false, false},
		{"facts", Options{Facts: true}, true, false},
		{"framing without facts", Options{Framing: true}, false, true},
		{"both", Options{Facts: true, Framing: true}, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run, err := Analyse(context.Background(), c, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if (run.Facts != nil) != tc.facts || (run.Comparison != nil) != tc.facts || (run.Framing != nil) != tc.framing {
				t.Fatalf("facts %v, framing %v", run.Facts != nil, run.Framing != nil)
			}
			if run.Corpus != c || run.All != c {
				t.Error("a run without a scope covers the corpus it was given")
			}
			if w := run.Warnings(); len(w) > 0 || run.Err(Corrections, Facts, Scope, Framing) != nil {
				t.Errorf("warnings %q", w)
			}
		})
	}
}

// Framing without the comparison has no "unique" markers: they come from
// the comparison, which the pipeline passes to framing.
func TestFramingGetsTheComparison(t *testing.T) {
	c := corpus.Default()
	unique := func(o Options) int {
		run, err := Analyse(context.Background(), c, o)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range run.Framing.Markers {
			if m.Kind == "unique" {
				n++
			}
		}
		return n
	}
	if unique(Options{Framing: true}) != 0 || unique(Options{Facts: true, Framing: true}) == 0 {
		t.Fatal("unique markers do not follow the comparison")
	}
}

func TestScopeRestrictsFactsAndFraming(t *testing.T) {
	c := corpus.Default()
	whole, err := Analyse(context.Background(), c, Options{Facts: true})
	if err != nil {
		t.Fatal(err)
	}
	st := whole.Comparison.Stories[0]
	run, err := Analyse(context.Background(), c, Options{Facts: true, Framing: true, Scope: st.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Err(Scope); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range run.Corpus.Articles {
		ids = append(ids, a.ID)
	}
	want := slices.Clone(st.Articles)
	slices.Sort(ids)
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Fatalf("scoped to %v, the story has %v", ids, st.Articles)
	}
	for _, m := range run.Framing.Markers {
		if !slices.Contains(st.Articles, m.Article) {
			t.Fatalf("a marker of %s, outside the story", m.Article)
		}
	}
	if len(run.Comparison.Stories) != len(whole.Comparison.Stories) || len(run.Facts.Stories) != 1 {
		t.Errorf("the comparison keeps %d stories (want %d), the facts %d (want 1)", len(run.Comparison.Stories), len(whole.Comparison.Stories), len(run.Facts.Stories))
	}

	// Within, on a run put together from a comparison made earlier.
	parts := &Run{Options: Options{Framing: true}, All: c, Comparison: whole.Comparison}
	sub, err := parts.Within(context.Background(), st.ID)
	if err != nil || sub.Err(Scope) != nil || sub.Framing == nil || len(sub.Corpus.Articles) != len(st.Articles) {
		t.Fatalf("Within: %v %v", err, sub.Err(Scope))
	}
}

func TestUnknownScopeStopsBeforeFraming(t *testing.T) {
	run, err := Analyse(context.Background(), corpus.Default(), Options{Facts: true, Framing: true, Scope: "s-nothing"})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Err(Scope); err == nil || !strings.Contains(err.Error(), "s-nothing") {
		t.Fatalf("Err(Scope) = %v", err)
	}
	if run.Framing != nil {
		t.Error("the whole corpus was framed for a scope that does not exist")
	}
	// Without the comparison, a scope cannot be found either.
	run, _ = Analyse(context.Background(), corpus.Default(), Options{Scope: "s-1"})
	if err := run.Err(Scope); err == nil || !strings.Contains(err.Error(), "shared-facts") {
		t.Fatalf("Err(Scope) without facts = %v", err)
	}
}

// One error policy: a failed step is recorded and the next steps go on;
// Err names the steps a caller needs, Warnings words the rest.
func TestAFailedStepIsRecordedAndTheRestGoesOn(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	run, err := Analyse(context.Background(), corpus.Default(), Options{Facts: true, NotesPath: missing, NotesRequired: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Err(Corrections); err == nil || !strings.Contains(err.Error(), "story corrections: no notes file at") {
		t.Fatalf("Err(Corrections) = %v", err)
	}
	if run.Comparison == nil {
		t.Fatal("the comparison did not run after the corrections failed")
	}
	if w := run.Warnings(); len(w) != 1 || !strings.HasPrefix(w[0], "story corrections not read from the notes file: ") {
		t.Errorf("warnings %q", w)
	}
	if w := run.Warnings(Corrections); len(w) != 0 {
		t.Errorf("a step the caller reports itself is still a warning: %q", w)
	}
	// A notes file the user did not name may be missing: no corrections.
	run, _ = Analyse(context.Background(), corpus.Default(), Options{Facts: true, NotesPath: missing})
	if run.Err(Corrections) != nil {
		t.Fatal(run.Err(Corrections))
	}

	cfg := lexiconDir(t, "bad.txt", "@kind nonsense\n")
	run, err = Analyse(context.Background(), corpus.Default(), Options{Facts: true, Framing: true, ConfigDir: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Err(Framing); err == nil || !strings.Contains(err.Error(), "bad.txt") || !strings.HasPrefix(err.Error(), "framing analysis: ") {
		t.Fatalf("Err(Framing) = %v", err)
	}
	if run.Facts == nil || run.Framing != nil {
		t.Fatal("a failed framing step lost the facts, or kept a framing")
	}
	if w := run.Warnings(); len(w) != 1 || !strings.HasPrefix(w[0], "framing analysis failed: ") {
		t.Errorf("warnings %q", w)
	}
}

func TestCorrectionsGivenApply(t *testing.T) {
	c := corpus.Default()
	given := []compare.Correction{{Kind: compare.CorrectMove, Article: "no-such-article", Target: c.Articles[0].ID}}
	run, err := Analyse(context.Background(), c, Options{Facts: true, Corrections: given})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(run.Corrections, given, func(a, b compare.Correction) bool { return a.Article == b.Article }) {
		t.Fatalf("applied %v", run.Corrections)
	}
	if len(run.Problems()) != 1 || !slices.Contains(run.Warnings(), run.Problems()[0]) {
		t.Errorf("a correction naming no article: problems %q, warnings %q", run.Problems(), run.Warnings())
	}
}

// The user's lexicons come from Options.ConfigDir, never from the
// process's environment.
func TestLexiconsComeFromOptionsOnly(t *testing.T) {
	cfg := lexiconDir(t, "mine.txt", "@kind loaded\n@name mine\nnuclear deterrence | a test entry of mine\n")
	t.Setenv("PARALLAX_CONFIG_DIR", cfg)
	has := func(o Options) bool {
		run, err := Analyse(context.Background(), corpus.Default(), o)
		if err != nil || run.Framing == nil {
			t.Fatal(err, run.Err(Framing))
		}
		for _, m := range run.Framing.Markers {
			if strings.Contains(m.Reason, "a test entry of mine") {
				return true
			}
		}
		return false
	}
	if has(Options{Framing: true}) {
		t.Error("no ConfigDir, yet the lexicons of $PARALLAX_CONFIG_DIR were read")
	}
	if !has(Options{Framing: true, ConfigDir: cfg}) {
		t.Error("the lexicons of ConfigDir were not read")
	}
	if has(Options{Framing: true, ConfigDir: cfg, NoUserLexicons: true}) {
		t.Error("NoUserLexicons still read them")
	}
}

func TestCancelledRunStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyse(ctx, corpus.Default(), Options{Facts: true, Framing: true}); err == nil {
		t.Fatal("a cancelled run went on")
	}
}

func TestLoad(t *testing.T) {
	var stages []string
	c, err := Load(context.Background(), nil, Options{Progress: func(s string, _, _ int) { stages = append(stages, s) }})
	if err != nil || c.Name != corpus.DefaultName || len(stages) == 0 {
		t.Fatalf("embedded: %v %v %v", c, err, stages)
	}
	if _, err := Load(context.Background(), []string{filepath.Join(t.TempDir(), "nothing")}, Options{}); err == nil {
		t.Fatal("no error for a path with nothing to read")
	}
	// The user's outlet table is read from ConfigDir: a broken one is
	// said among the load errors, and the built-in table used.
	cfg := t.TempDir()
	if err := os.WriteFile(filepath.Join(cfg, corpus.OutletsFileName), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	arts := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(arts, []byte("Ministers met in Geneva on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	saidOutlets := func(o Options) bool {
		c, err := Load(context.Background(), []string{arts}, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range c.Errors {
			if strings.Contains(e.Path, corpus.OutletsFileName) {
				return true
			}
		}
		return false
	}
	if !saidOutlets(Options{ConfigDir: cfg}) || saidOutlets(Options{}) {
		t.Error("the outlet table is not read from ConfigDir alone")
	}
}

// The comparison's user tables come from ConfigDir too: a broken
// aliases.tsv there fails the shared-facts step, and only there.
func TestCompareTablesComeFromConfigDir(t *testing.T) {
	cfg := t.TempDir()
	if err := os.WriteFile(filepath.Join(cfg, "aliases.tsv"), []byte("one field only\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run, err := Analyse(context.Background(), corpus.Default(), Options{Facts: true, ConfigDir: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Err(Facts); err == nil || !strings.Contains(err.Error(), "aliases.tsv") {
		t.Fatalf("Err(Facts) = %v", err)
	}
	if run, _ := Analyse(context.Background(), corpus.Default(), Options{Facts: true}); run.Err(Facts) != nil {
		t.Fatal(run.Err(Facts))
	}
}
