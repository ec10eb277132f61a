package compare

import (
	"context"
	"fmt"

	"github.com/parallax-reader/parallax/corpus"
)

// PairScorer scores sentence pairs with the scorer that links facts in
// the reader (the same weights, clause scores, number, date and quote
// agreement), so that `parallax pairs` measures what the reader does. Term
// weights blend the background list with the document frequencies of all
// the sentences given, as a thread's weights blend it with the thread's.
type PairScorer struct {
	sc    *storyScorer
	index map[string]int32 // sentence -> unit
}

// NewPairScorer prepares scoring for pairs of the given sentences (each
// sentence of a pair must be among them). configDir is as
// Options.ConfigDir.
func NewPairScorer(sentences []string, configDir string) (*PairScorer, error) {
	c := &corpus.Corpus{Name: "sentence pairs"}
	index := map[string]int32{}
	for _, s := range sentences {
		if _, ok := index[s]; ok {
			continue
		}
		index[s] = int32(len(c.Articles))
		// Each sentence is an article of its own outlet: nothing is
		// grouped or skipped because two sentences share an outlet.
		id := fmt.Sprintf("p%d", len(c.Articles))
		c.Articles = append(c.Articles, &corpus.Article{ID: id, Outlet: id, Text: s,
			Sentences: []corpus.Sentence{{Span: corpus.Span{End: len(s)}, Role: corpus.RoleBody, Text: s}}})
	}
	lx, err := lexiconFor(configDir)
	if err != nil {
		return nil, fmt.Errorf("pairs: load matching lexicon: %w", err)
	}
	x := newAnalysis(c, Options{}.withDefaults(), lx)
	if err := x.analyzeSentences(context.Background()); err != nil {
		return nil, err
	}
	sc := newStoryScorer(x)
	members := make([]int32, len(x.units))
	for i := range members {
		members[i] = int32(i)
	}
	sc.prepare(members)
	// Units follow the articles one to one, unless a sentence had no
	// linkable text; map sentences to their units.
	byArt := make([]int32, len(c.Articles))
	for i := range byArt {
		byArt[i] = -1
	}
	for ui, u := range x.units {
		byArt[u.art] = int32(ui)
	}
	for s, ai := range index {
		index[s] = byArt[ai]
	}
	return &PairScorer{sc: sc, index: index}, nil
}

// Score returns the link score of two sentences given to NewPairScorer
// (0 for one it does not know); a score at or above
// DefaultFactThreshold links them in a fact.
func (p *PairScorer) Score(a, b string) float64 {
	ua, ok1 := p.index[a]
	ub, ok2 := p.index[b]
	if !ok1 || !ok2 || ua < 0 || ub < 0 {
		return 0
	}
	return p.sc.linkScore(p.sc.units[ua], p.sc.units[ub])
}

// CrossValidateThreshold runs k-fold cross-validation of a decision
// threshold on fixed scores (a scorer with no weights to fit, such as the
// link scorer): on each fold it picks the threshold on the other folds and
// scores the held-out fold. Folds are interleaved, as CrossValidate's.
func CrossValidateThreshold(scores []float64, labels []int, k int) CVResult {
	res := CVResult{Folds: k}
	decisions := make([]bool, len(scores))
	for f := 0; f < k; f++ {
		var trS []float64
		var trY []int
		for i := range scores {
			if i%k != f {
				trS = append(trS, scores[i])
				trY = append(trY, labels[i])
			}
		}
		th := BestThreshold(trS, trY)
		res.Thresholds = append(res.Thresholds, th)
		for i := range scores {
			if i%k == f {
				decisions[i] = scores[i] >= th
			}
		}
	}
	res.Metrics = Evaluate(decisions, labels)
	return res
}
