package compare

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// storyWith returns the story holding the article, or nil.
func storyWith(r *Result, article string) *Story {
	for i := range r.Stories {
		if slices.Contains(r.Stories[i].Articles, article) {
			return &r.Stories[i]
		}
	}
	return nil
}

func TestCorrections(t *testing.T) {
	c := mixedCorpus(t)
	const tass, sputnik, bbc, dw = "003_901c7662e3582013", "002_09be80acf871a14e", "flood-bbc", "flood-dw"
	base, err := Analyze(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if storyWith(base, tass) == storyWith(base, sputnik) || storyWith(base, bbc) != storyWith(base, dw) {
		t.Fatalf("the grouping changed under the test: %+v", base.Stories)
	}
	run := func(cs ...Correction) *Result {
		t.Helper()
		r, err := Analyze(context.Background(), c, Options{Corrections: cs})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	t.Run("move", func(t *testing.T) {
		r := run(Correction{Kind: CorrectMove, Article: tass, Target: sputnik})
		if s := storyWith(r, tass); s == nil || !slices.Contains(s.Articles, sputnik) {
			t.Errorf("TASS not moved into Sputnik's story: %+v", r.Stories)
		}
		if len(r.Stories) != len(base.Stories)-1 {
			t.Errorf("%d stories after the move, want %d", len(r.Stories), len(base.Stories)-1)
		}
	})
	t.Run("merge across threads", func(t *testing.T) {
		r := run(Correction{Kind: CorrectMerge, Article: tass, Target: bbc})
		s := storyWith(r, tass)
		if s == nil || !slices.Contains(s.Articles, bbc) || !slices.Contains(s.Articles, dw) {
			t.Fatalf("stories not merged: %+v", r.Stories)
		}
		if len(r.Threads) != 1 {
			t.Errorf("%d threads, want the two merged into one", len(r.Threads))
		}
	})
	t.Run("split", func(t *testing.T) {
		r := run(Correction{Kind: CorrectSplit, Articles: []string{dw}})
		if storyWith(r, dw) == storyWith(r, bbc) {
			t.Errorf("DW not split off: %+v", r.Stories)
		}
		if storyWith(r, dw).Thread != storyWith(r, bbc).Thread {
			t.Error("the split story left its thread")
		}
		for _, f := range r.Facts {
			if !f.Recurring() {
				continue
			}
			for _, m := range f.Members {
				if m.Article == dw && storyWith(r, dw).Start == nil {
					t.Errorf("undated split story joined a recurring claim %s", f.ID)
				}
			}
		}
	})
	t.Run("unknown article", func(t *testing.T) {
		r := run(Correction{Kind: CorrectMove, Article: "gone", Target: bbc}, Correction{Kind: CorrectSplit, Articles: []string{dw}})
		if len(r.Problems) != 1 || !strings.Contains(r.Problems[0], `"gone"`) {
			t.Errorf("problems %q, want one naming the missing article", r.Problems)
		}
		if storyWith(r, dw) == storyWith(r, bbc) {
			t.Error("the correction after the bad one was not applied")
		}
	})
}
