package compare

import (
	"context"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// TestLoneClauseLabels checks that label's shortcut (a lone clause wins
// without its words being weighed) gives every fact the label weighing
// it gives: no clause weight is negative.
func TestLoneClauseLabels(t *testing.T) {
	corpora := []*corpus.Corpus{corpus.Default()}
	for _, dir := range []string{"../../testdata/heldout/articles", "../../testdata/heldout2/articles"} {
		c, err := corpus.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		corpora = append(corpora, c)
	}
	labels := func(c *corpus.Corpus) []string {
		r, err := Analyze(context.Background(), c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range r.Facts {
			out = append(out, f.Label)
		}
		return out
	}
	for ci, c := range corpora {
		fast := labels(c)
		weighLoneClause = true
		slow := labels(c)
		weighLoneClause = false
		if len(fast) != len(slow) {
			t.Fatalf("corpus %d: %d facts, %d when weighed", ci, len(fast), len(slow))
		}
		for i := range fast {
			if fast[i] != slow[i] {
				t.Errorf("corpus %d fact %d: label %q, %q when weighed", ci, i, fast[i], slow[i])
			}
		}
	}
}
