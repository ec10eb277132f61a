package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// TestWhyShowsNearestMisses checks that the Why? panel of an outlet-only
// sentence shows the nearest sentence of other outlets, with its score
// and evidence, so the reader can judge the linker's call.
func TestWhyShowsNearestMisses(t *testing.T) {
	c := corpus.Default()
	a, err := runPipeline(context.Background(), c, pipelineOptions(Options{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, c, a, 120, 40)
	d := m.ctx.Data
	found := false
	for ai, art := range c.Articles {
		for si := range art.Sentences {
			ms := a.Comparison.NearestMisses(art.ID, si)
			if len(ms) == 0 || !d.info(ai, si).unique {
				continue
			}
			p := newPanel(m.ctx, openWhyMsg{article: ai, sentence: si, fact: -1})
			out := p.content(100)
			if !strings.Contains(out, "Nearest in other outlets") || !strings.Contains(out, outletName(ms[0].Outlet)) {
				t.Fatalf("the Why? panel of outlet-only %s[%d] lacks its nearest misses:\n%s", art.ID, si, out)
			}
			found = true
			break
		}
		if found {
			break
		}
	}
	if !found {
		t.Fatal("no outlet-only sentence with nearest misses in the embedded corpus")
	}
}
