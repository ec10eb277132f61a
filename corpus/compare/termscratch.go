package compare

import "sync"

// termScratch holds arrays indexed by term id for story grouping's
// counting (storyVectors, similarEdges), so they count and index terms
// without maps. count is all zero between uses; at and end are valid only
// for the terms of the current use.
type termScratch struct {
	count, at, end []int32
	terms          []int32   // the distinct terms of the current use
	postV          []int32   // the vectors of the postings
	postW          []float64 // their weights for the term, by posting
}

// maxKeptPostings is the most postings a scratch keeps for its next use:
// the story split of each thread reuses its array, and the one large
// array of the thread edges is not held on to.
const maxKeptPostings = 1 << 16

// postings returns the vectors and weights of n postings (similarEdgeLists),
// two arrays rather than one of pairs: 12 bytes a posting, not 16. Their
// contents are undefined.
func (s *termScratch) postings(n int) ([]int32, []float64) {
	if n > maxKeptPostings {
		return make([]int32, n), make([]float64, n)
	}
	if cap(s.postV) < n {
		c := min(max(n, 2*cap(s.postV)), maxKeptPostings)
		s.postV, s.postW = make([]int32, c), make([]float64, c)
	}
	return s.postV[:n], s.postW[:n]
}

// termScratches lends termScratch to the grouping workers.
var termScratches = sync.Pool{New: func() any { return new(termScratch) }}

// fit makes the arrays hold term ids below n.
func (s *termScratch) fit(n int) {
	if len(s.count) < n {
		n = max(n, 2*len(s.count))
		s.count, s.at, s.end = make([]int32, n), make([]int32, n), make([]int32, n)
	}
}

// termsBelow returns one more than the largest term id of the vectors.
func termsBelow(ids func(i int) []int32, n int) int {
	hi := -1
	for i := 0; i < n; i++ {
		for _, t := range ids(i) {
			hi = max(hi, int(t))
		}
	}
	return hi + 1
}
