package compare

import (
	"context"
	"testing"
)

func TestZZEdges(t *testing.T) {
	for _, n := range []int{2000} {
		c := syntheticCorpus(n, 1)
		lx, _ := defaultLexicon()
		x := newAnalysis(c, Options{}.withDefaults(), lx)
		x.analyzeSentences(context.Background())
		docs := x.eventDocs()
		vecs := make([]sparseVec, len(docs))
		for i := range docs {
			vecs[i] = docs[i].thread
		}
		e := similarEdges(vecs, nil)
		hist := map[int]int{}
		for _, ed := range e {
			hist[int(ed.s*20)]++
		}
		t.Logf("n=%d edges=%d hist(0.05 buckets)=%v", n, len(e), hist)
	}
	c, _ := ecb()
	lx, _ := defaultLexicon()
	x := newAnalysis(c, Options{}.withDefaults(), lx)
	x.analyzeSentences(context.Background())
	docs := x.eventDocs()
	vecs := make([]sparseVec, len(docs))
	for i := range docs {
		vecs[i] = docs[i].thread
	}
	e := similarEdges(vecs, nil)
	t.Logf("ecb edges=%d", len(e))
}
