package frame

// counter counts the words and two-word phrases of articles by outlet, for
// the outlets' distinctive terms. Words are numbered as they come and
// phrases are pairs of numbers: a corpus's phrases, most of them seen
// once, kept as strings were most of the memory framing used.
type counter struct {
	ids   map[string]uint32
	words []string
	by    map[string]*termCounts // by outlet
}

// termCounts are one outlet's counts of words (by number) and of phrases
// (two word numbers, the first in the high half).
type termCounts struct {
	uni map[uint32]float64
	bi  map[uint64]float64
}

func newCounter() *counter {
	return &counter{ids: map[string]uint32{}, by: map[string]*termCounts{}}
}

// id returns the number of a word, numbering it when new.
func (c *counter) id(w string) uint32 {
	id, ok := c.ids[w]
	if !ok {
		id = uint32(len(c.words))
		c.ids[w] = id
		c.words = append(c.words, w)
	}
	return id
}

// of returns an outlet's counts.
func (c *counter) of(outlet string) *termCounts {
	tc := c.by[outlet]
	if tc == nil {
		tc = &termCounts{uni: map[uint32]float64{}, bi: map[uint64]float64{}}
		c.by[outlet] = tc
	}
	return tc
}

// count adds a sentence's words and two-word phrases (both words content
// words, adjacent in the text) to the outlet's counts.
func (c *counter) count(tc *termCounts, toks []token) {
	prev, ok := uint32(0), false
	for _, t := range toks {
		if !termWord(t) {
			ok = false
			continue
		}
		id := c.id(t.lower)
		tc.uni[id]++
		if ok {
			tc.bi[uint64(prev)<<32|uint64(id)]++
		}
		prev, ok = id, true
	}
}

// word and pair name a counted word and phrase.
func (c *counter) word(id uint32) string { return c.words[id] }
func (c *counter) pair(k uint64) string  { return c.words[k>>32] + " " + c.words[uint32(k)] }

// mergeCounters sums the counters of several workers into the first,
// renumbering the others' words. Counts are whole numbers, so the sums
// do not depend on the order of adding.
func mergeCounters(cs []*counter) *counter {
	out := cs[0]
	for _, c := range cs[1:] {
		to := make([]uint32, len(c.words))
		for i, w := range c.words {
			to[i] = out.id(w)
		}
		for o, tc := range c.by {
			have := out.of(o)
			for w, n := range tc.uni {
				have.uni[to[w]] += n
			}
			for k, n := range tc.bi {
				have.bi[uint64(to[k>>32])<<32|uint64(to[uint32(k)])] += n
			}
		}
	}
	return out
}

// pooledCounts is every outlet's counts summed, and their total.
type pooledCounts[K comparable] struct {
	counts map[K]float64
	total  float64
}

func poolCounts[K comparable](order []string, counts map[string]map[K]float64) pooledCounts[K] {
	p := pooledCounts[K]{counts: map[K]float64{}}
	for _, o := range order {
		for w, c := range counts[o] {
			p.counts[w] += c
			p.total += c
		}
	}
	return p
}
