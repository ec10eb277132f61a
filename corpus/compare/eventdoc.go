package compare

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sync"
	"time"
)

// Story grouping. A thread is articles on one theme with the same actors
// (the seed corpus: Lavrov and the INF treaty, 2019–2024); a story is one
// event within it (the articles reporting one happening, usually within
// days). Both are found by average-link clustering of article vectors:
//
//   - threads from TF-IDF vectors of the words (names weighed up, the
//     title and lead weighed up), at ThreadThreshold;
//   - stories inside each thread from vectors re-weighted against the
//     thread: a term most of the thread's articles use says what the thread
//     is about, not which of its events an article reports, so it weighs
//     little, and names, places, numbers and dates that only some of the
//     articles share weigh most; the similarity of two dated articles fades
//     with the days between them. Stories join at StoryThreshold.
//
// The constants were set on the odd-numbered topics of the ECB+ dev split
// and measured on the even-numbered ones (docs/stories.md); none names a
// topic, person or file.
const (
	// DefaultThreadThreshold is the least mean cosine similarity of two
	// groups of articles for them to form one thread.
	DefaultThreadThreshold = 0.10
	// DefaultStoryThreshold is the least mean similarity, re-weighted
	// against the thread and faded by the days between articles, of two
	// groups of articles of a thread for them to form one story.
	DefaultStoryThreshold = 0.10

	// eventNameBoost multiplies the weight of names (and of numbers and
	// dates) in event vectors: who and where tell events apart.
	eventNameBoost = 3.0
	// eventLeadBoost counts a term of the title or first sentence
	// (eventLead units) this many times: the lead says what happened.
	eventLeadBoost = 3.0
	eventLead      = 2
	// anchorWeight is the base weight of a number or date in a story
	// vector, before the name boost and the thread re-weighting.
	anchorWeight = 0.8
	// sameDays is how many days apart two articles can be and still count
	// as reporting at the same time; beyond it their similarity fades by
	// a factor e every fadeDays.
	sameDays = 2
	fadeDays = 10.0
	// storyKappa keeps two stories of four articles or more apart when
	// their mean similarity is under this share of the lower of their
	// cohesions (see avgLink.kappa).
	storyKappa = 0.5
	// contrastSmooth smooths the thread re-weighting (storyVectors).
	contrastSmooth = 2.0
	// threadTerms is how many of its heaviest terms an article's thread
	// vector keeps: enough to tell themes apart, few enough to compare
	// thousands of articles quickly.
	threadTerms = 40
	// threadNeighbours is how many nearest articles of each article the
	// thread clustering considers (see nearestEdgeLists).
	threadNeighbours = 50
	// maxEventPost is how many earlier articles holding a term an article
	// is compared with through it: a term in hundreds of articles links
	// each only to the nearest in time (summing all would make the work
	// grow with the square of the corpus). Until session 8 such a term
	// was left out, and on 100,000 generated articles, whose invented
	// words recur across stories, nearly every article became a thread
	// of its own.
	maxEventPost = 128
	// minThreadSim is the least similarity kept as an edge between two
	// articles when grouping threads: fainter resemblances between
	// articles of one theme change no thread (ECB+ alike at 0.02 and at
	// 0.05) and are most of the edges of a large corpus.
	minThreadSim = 0.05
	// minEventSim is the least similarity kept as an edge of the graph.
	minEventSim = 0.02
	noDay       = math.MinInt32
)

// eventDoc is what the story grouping compares of one article.
type eventDoc struct {
	day    int32     // days since 1970-01-01 (UTC) of publication; noDay when undated
	terms  []int32   // sorted term ids: words and anchors (numbers and dates)
	tf     []float32 // lead-weighted count per term
	name   []bool    // per term: a name (anchors count as names)
	thread sparseVec // the thread vector (words only, global weights), normalised
}

// sparseVec is a sparse vector with ascending ids.
type sparseVec struct {
	ids []int32
	val []float64
}

// dot is the inner product of two sparse vectors.
func (a sparseVec) dot(b sparseVec) float64 {
	s, i, j := 0.0, 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			s += a.val[i] * b.val[j]
			i++
			j++
		}
	}
	return s
}

func (a *sparseVec) normalise() {
	n := 0.0
	for _, v := range a.val {
		n += v * v
	}
	if n == 0 {
		return
	}
	n = math.Sqrt(n)
	for i := range a.val {
		a.val[i] /= n
	}
}

// dayOf returns the publication day of t, or noDay.
func dayOf(t *time.Time) int32 {
	if t == nil {
		return noDay
	}
	return int32(t.UTC().Unix() / 86400)
}

// dateFade is the factor by which the similarity of two articles fades
// with the days between their publication; 1 when either is undated.
func dateFade(a, b int32) float64 {
	if a == noDay || b == noDay {
		return 1
	}
	d := a - b
	if d < 0 {
		d = -d
	}
	if d <= sameDays {
		return 1
	}
	return math.Exp(-float64(d-sameDays) / fadeDays)
}

// termModel is what story grouping knows of terms: a word's global
// weight, and whether a term is an anchor (a number or a date).
type termModel struct {
	weight func(t int32) float64
	anchor func(t int32) bool
}

// eventTerm is one term occurrence gathered for an eventDoc.
type eventTerm struct {
	t    int32
	lead bool
	name bool
}

// docBuilder gathers an article's term occurrences into an eventDoc,
// counting in scratch arrays indexed by term id (reused from article to
// article) instead of sorting every occurrence.
type docBuilder struct {
	tf      []float32
	name    []bool
	touched []int32
	// dtf and dname hold a doc's counts and name flags in term order.
	dtf   []float32
	dname []bool
	// ids and val hold a thread vector before keepTop cuts it down.
	ids []int32
	val []float64
	sel []float64 // keepTop's copy of the weights
	// seen is a bit set of term ids, all clear between uses (sortTouched).
	seen []uint64
	// st, sf and sn hold the terms, counts and name flags of a thread's
	// story docs (storyDoc).
	st []int32
	sf []float32
	sn []bool
}

// newEventDoc builds an article's eventDoc from its term occurrences.
func (b *docBuilder) newEventDoc(day int32, occ []eventTerm, tm termModel) eventDoc {
	d := b.termsDoc(day, occ, tm)
	d.thread = b.threadVector(d.terms, d.tf, d.name, tm)
	return d
}

// termsDoc builds an article's eventDoc without its thread vector: the
// terms, counts and name flags the story split reads.
func (b *docBuilder) termsDoc(day int32, occ []eventTerm, tm termModel) eventDoc {
	terms, tf, name := b.count(occ, tm)
	return eventDoc{day: day, terms: slices.Clone(terms), tf: slices.Clone(tf), name: slices.Clone(name)}
}

// storyDoc is termsDoc with the doc's arrays cut from the builder's own,
// which resetStory lets the next thread's docs reuse: for the docs of a
// story split, which live only while their thread is split.
func (b *docBuilder) storyDoc(day int32, occ []eventTerm, tm termModel) eventDoc {
	terms, tf, name := b.count(occ, tm)
	lo := len(b.st)
	b.st, b.sf, b.sn = append(b.st, terms...), append(b.sf, tf...), append(b.sn, name...)
	hi := len(b.st)
	return eventDoc{day: day, terms: b.st[lo:hi:hi], tf: b.sf[lo:hi:hi], name: b.sn[lo:hi:hi]}
}

// resetStory gives storyDoc's arrays to the next thread; the docs it
// made before must no longer be used.
func (b *docBuilder) resetStory() {
	b.st, b.sf, b.sn = b.st[:0], b.sf[:0], b.sn[:0]
}

// threadDoc builds an article's eventDoc with only its day and thread
// vector: the terms stay in the builder's arrays, so a corpus's docs do
// not hold every article's terms while the threads are grouped (the
// story split builds them again, a thread at a time, with termsDoc).
func (b *docBuilder) threadDoc(day int32, occ []eventTerm, tm termModel) eventDoc {
	terms, tf, name := b.count(occ, tm)
	return eventDoc{day: day, thread: b.threadVector(terms, tf, name, tm)}
}

// count gathers the occurrences into the sorted terms, their
// lead-weighted counts and name flags, in the builder's arrays (valid
// until the next call).
func (b *docBuilder) count(occ []eventTerm, tm termModel) ([]int32, []float32, []bool) {
	lo, hi := int32(math.MaxInt32), int32(-1)
	for _, o := range occ {
		if int(o.t) >= len(b.tf) {
			n := max(int(o.t)+1, 2*len(b.tf))
			b.tf = append(b.tf, make([]float32, n-len(b.tf))...)
			b.name = append(b.name, make([]bool, n-len(b.name))...)
		}
		w := float32(1)
		if o.lead {
			w = eventLeadBoost
		}
		if b.tf[o.t] == 0 {
			b.touched = append(b.touched, o.t)
			lo, hi = min(lo, o.t), max(hi, o.t)
		}
		b.tf[o.t] += w
		b.name[o.t] = b.name[o.t] || o.name || tm.anchor(o.t)
	}
	b.sortTouched(lo, hi)
	terms := b.touched
	tf := slices.Grow(b.dtf[:0], len(terms))[:len(terms)]
	name := slices.Grow(b.dname[:0], len(terms))[:len(terms)]
	for k, t := range terms {
		tf[k], name[k] = b.tf[t], b.name[t]
		b.tf[t], b.name[t] = 0, false
	}
	b.touched, b.dtf, b.dname = terms[:0], tf[:0], name[:0]
	return terms, tf, name
}

// sortTouched sorts b.touched, distinct ids from lo to hi. When their
// stretch of a bit set has fewer words than eight per id, the ids are set
// in it and read back in order, which is quicker than sorting them (an
// article's few hundred terms were a twentieth of grouping).
func (b *docBuilder) sortTouched(lo, hi int32) {
	n := len(b.touched)
	if n < 2 {
		return
	}
	w0, w1 := int(lo)>>6, int(hi)>>6
	if w1-w0+1 > 8*n {
		slices.Sort(b.touched)
		return
	}
	if len(b.seen) <= w1 {
		b.seen = append(b.seen, make([]uint64, w1+1-len(b.seen))...)
	}
	for _, t := range b.touched {
		b.seen[t>>6] |= 1 << (t & 63)
	}
	out := b.touched[:0]
	for w := w0; w <= w1; w++ {
		for m := b.seen[w]; m != 0; m &= m - 1 {
			out = append(out, int32(w<<6+bits.TrailingZeros64(m)))
		}
		b.seen[w] = 0
	}
}

// threadVector is the normalised thread vector of a doc's terms.
func (b *docBuilder) threadVector(terms []int32, tf []float32, name []bool, tm termModel) sparseVec {
	// The vector is built in the builder's arrays and kept in arrays of
	// its own length: threadTerms entries, where an article has hundreds
	// of terms.
	v := sparseVec{ids: b.ids[:0], val: b.val[:0]}
	for k, t := range terms {
		if tm.anchor(t) {
			continue
		}
		w := (1 + math.Log(float64(tf[k]))) * tm.weight(t)
		if name[k] {
			w *= eventNameBoost
		}
		if w > 0 {
			v.ids = append(v.ids, t)
			v.val = append(v.val, w)
		}
	}
	b.ids, b.val = v.ids, v.val
	v.keepTop(threadTerms, &b.sel)
	out := sparseVec{ids: make([]int32, len(v.ids)), val: make([]float64, len(v.val))}
	copy(out.ids, v.ids)
	copy(out.val, v.val)
	out.normalise()
	return out
}

// keepTop keeps the k heaviest entries of v (ties by id), in id order;
// scratch holds the copy of the weights it selects from, for next time.
func (a *sparseVec) keepTop(k int, scratch *[]float64) {
	if len(a.ids) <= k {
		return
	}
	// The k-th largest weight, by selection on a copy.
	vals := append((*scratch)[:0], a.val...)
	*scratch = vals
	kth := selectKth(vals, k-1)
	above := 0
	for _, v := range a.val {
		if v > kth {
			above++
		}
	}
	ties := k - above // entries equal to kth to keep, lowest ids first
	n := 0
	for i, v := range a.val {
		if v > kth || (v == kth && ties > 0) {
			if v == kth {
				ties--
			}
			a.ids[n], a.val[n] = a.ids[i], v
			n++
		}
	}
	a.ids, a.val = a.ids[:n:n], a.val[:n:n]
}

// selectKth returns the element that would be at index k of v sorted in
// descending order; v is reordered.
func selectKth(v []float64, k int) float64 {
	lo, hi := 0, len(v)-1
	for lo < hi {
		p := v[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for v[i] > p {
				i++
			}
			for v[j] < p {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return v[k]
		}
	}
	return v[k]
}

// canonicalOrder returns the indices of docs sorted by publication day
// (undated last), then by key: the order items are numbered in for
// clustering, so that the result does not depend on file order.
func canonicalOrder(n int, day func(int) int32, key func(int) string) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		da, db := day(a), day(b)
		if (da == noDay) != (db == noDay) {
			if da == noDay {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(da, db); c != 0 {
			return c
		}
		return cmp.Compare(key(a), key(b))
	})
	return order
}

// storyVectors re-weights the docs of one thread against it: a term held
// by k of the thread's n articles weighs gw·(1 − k/(n+contrastSmooth)),
// and a term only one of them holds is left out (it can link nothing
// inside the thread). The smoothing keeps what two or three articles of one
// event share from vanishing in a small thread.
//
// The vectors are cut from ar's arrays, valid until its next use.
func storyVectors(docs []*eventDoc, tm termModel, ar *vecArena) []sparseVec {
	sc := termScratches.Get().(*termScratch)
	defer termScratches.Put(sc)
	sc.fit(termsBelow(func(i int) []int32 { return docs[i].terms }, len(docs)))
	df := sc.count
	for _, d := range docs {
		for _, t := range d.terms {
			df[t]++
		}
	}
	defer func() {
		for _, d := range docs {
			for _, t := range d.terms {
				df[t] = 0
			}
		}
	}()
	n := float64(len(docs))
	out := make([]sparseVec, len(docs))
	// The vectors are cut from one pair of arrays, each its doc's count
	// of terms held twice or more long (at most that many weigh above 0).
	total := 0
	for _, d := range docs {
		for _, t := range d.terms {
			if df[t] >= 2 {
				total++
			}
		}
	}
	idsAr, valAr := ar.arrays(total)
	for i, d := range docs {
		v := &out[i]
		room := 0
		for _, t := range d.terms {
			if df[t] >= 2 {
				room++
			}
		}
		for k, t := range d.terms {
			k2 := df[t]
			if k2 < 2 {
				continue
			}
			base := anchorWeight
			if !tm.anchor(t) {
				base = tm.weight(t)
			}
			w := (1 + math.Log(float64(d.tf[k]))) * base * (1 - float64(k2)/(n+contrastSmooth))
			if d.name[k] {
				w *= eventNameBoost
			}
			if w > 0 {
				if v.ids == nil {
					st := len(idsAr)
					idsAr, valAr = idsAr[:st+room], valAr[:st+room]
					v.ids, v.val = idsAr[st:st:st+room], valAr[st:st:st+room]
				}
				v.ids = append(v.ids, t)
				v.val = append(v.val, w)
			}
		}
		v.normalise()
	}
	return out
}

// vecArena holds one thread's story vectors at a time (splitThread).
type vecArena struct {
	ids []int32
	val []float64
}

// vecArenas lends vecArena to the story split's workers.
var vecArenas = sync.Pool{New: func() any { return new(vecArena) }}

// maxKeptVecs is the most vector entries an arena keeps for its next
// thread; a larger thread's arrays are its own.
const maxKeptVecs = 1 << 17

// arrays returns empty arrays with room for n entries.
func (a *vecArena) arrays(n int) ([]int32, []float64) {
	if n > maxKeptVecs {
		return make([]int32, 0, n), make([]float64, 0, n)
	}
	if cap(a.ids) < n {
		m := min(max(n, 2*cap(a.ids)), maxKeptVecs)
		a.ids, a.val = make([]int32, 0, m), make([]float64, 0, m)
	}
	return a.ids[:0], a.val[:0]
}

// splitThread groups the docs of one thread (in canonical order) into
// stories; it returns the stories as positions in docs.
func splitThread(docs []*eventDoc, tm termModel, th float64) [][]int32 {
	if len(docs) == 1 {
		return [][]int32{{0}}
	}
	ar := vecArenas.Get().(*vecArena)
	defer vecArenas.Put(ar) // the vectors are not used past similarEdges
	vecs := storyVectors(docs, tm, ar)
	edges := similarEdges(vecs, func(a, b int) float64 { return dateFade(docs[a].day, docs[b].day) }, minEventSim)
	l := newAvgLink(th)
	l.kappa = storyKappa
	return groups(l.cluster(len(docs), edges))
}
