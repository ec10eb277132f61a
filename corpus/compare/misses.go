package compare

import (
	"cmp"
	"math"
	"slices"
)

// Miss is the nearest candidate in another outlet for a sentence no
// other outlet carries: the best-scoring sentence of that outlet, below
// the counterpart threshold, with its score and evidence, so a reader can
// judge whether the link was missed.
type Miss struct {
	Article  string   `json:"article"`
	Outlet   string   `json:"outlet"`
	Sentence int      `json:"sentence"`
	Text     string   `json:"text"`
	Score    float64  `json:"score"`
	Evidence Evidence `json:"evidence"`
}

// NearestMisses returns, for a sentence with no counterpart, the nearest
// candidate of each other outlet of its thread, best first, at most
// maxMisses of them (nil when it has a counterpart or no candidate shared
// enough to be scored).
func (r *Result) NearestMisses(article string, sentence int) []Miss {
	if r == nil {
		return nil
	}
	return r.misses[sentKey{article, sentence}]
}

// maxMisses is the most nearest misses kept for one sentence.
const maxMisses = 5

// missCand is a scored candidate (v, of outlet o) for unit u's nearest
// misses.
type missCand struct {
	u, o, v int32
	s       float64
}

// nearestMisses picks, for each unit of the thread left without a link at
// the counterpart threshold, the best scored candidate per other outlet.
func (x *storyScorer) nearestMisses(links storyLinks, into map[sentKey][]Miss) {
	// Every candidate of an unlinked unit, then sorted by unit and outlet,
	// best first (ties by the lower unit): the first of each (unit,
	// outlet) is its best miss.
	cands := x.missCands[:0]
	consider := func(u, v int32, s float64) {
		if ls := links.of(u); len(ls) > 0 && ls[0].score >= x.opts.CounterpartThreshold {
			return
		}
		cands = append(cands, missCand{u, x.units[v].outlet, v, s})
	}
	for _, m := range x.missed {
		consider(m.a, m.b, m.score)
		consider(m.b, m.a, m.score)
	}
	// Links below the counterpart threshold (at the fact threshold's
	// lower bound) are near misses too.
	for p, ls := range links.by {
		u := links.members[p]
		for _, l := range ls {
			if l.score < x.opts.CounterpartThreshold {
				consider(u, l.to, l.score)
			}
		}
	}
	slices.SortFunc(cands, func(a, b missCand) int {
		if c := cmp.Compare(a.u, b.u); c != 0 {
			return c
		}
		if c := cmp.Compare(a.o, b.o); c != 0 {
			return c
		}
		if a.s != b.s {
			return cmp.Compare(b.s, a.s)
		}
		return cmp.Compare(a.v, b.v)
	})
	x.missCands = cands[:0]
	// At most maxMisses per sentence, the best, get evidence and a place:
	// the why panel shows a few, and a corpus of forty outlets would
	// otherwise keep forty for every sentence.
	ms := x.missBest[:0]
	for i := 0; i < len(cands); {
		u := cands[i].u
		ms = ms[:0]
		for ; i < len(cands) && cands[i].u == u; i++ {
			if i == 0 || cands[i-1].u != u || cands[i-1].o != cands[i].o {
				ms = append(ms, foundLink{u, cands[i].v, cands[i].s})
			}
		}
		if len(ms) > maxMisses {
			slices.SortFunc(ms, func(a, b foundLink) int {
				if a.score != b.score {
					return cmp.Compare(b.score, a.score)
				}
				return cmp.Compare(a.b, b.b)
			})
			ms = ms[:maxMisses]
		}
		for _, m := range ms {
			u, v := x.units[m.a], x.units[m.b]
			a, b := x.c.Articles[u.art], x.c.Articles[v.art]
			k := sentKey{a.ID, int(u.sent)}
			into[k] = append(into[k], Miss{Article: b.ID, Outlet: x.outlets[v.outlet], Sentence: int(v.sent),
				Text: b.Sentences[v.sent].Text, Score: math.Round(m.score*1000) / 1000, Evidence: normEvidence(x.evidence(u, v))})
		}
	}
	x.missBest = ms[:0]
	for k, ms := range into {
		slices.SortFunc(ms, func(a, b Miss) int {
			if a.Score != b.Score {
				return cmp.Compare(b.Score, a.Score)
			}
			return cmp.Compare(a.Outlet, b.Outlet)
		})
		into[k] = ms
	}
}
