package compare

import (
	"cmp"
	"math"
	"slices"
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
	// storyKappa keeps two stories of three articles or more apart when
	// their mean similarity is under this share of the lower of their
	// cohesions (see avgLink.kappa).
	storyKappa = 0.4
	// contrastSmooth smooths the thread re-weighting (storyVectors).
	contrastSmooth = 2.0
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

// newEventDoc builds an article's eventDoc from its term occurrences.
func newEventDoc(day int32, occ []eventTerm, tm termModel) eventDoc {
	slices.SortFunc(occ, func(a, b eventTerm) int { return cmp.Compare(a.t, b.t) })
	d := eventDoc{day: day}
	for _, o := range occ {
		w := float32(1)
		if o.lead {
			w = eventLeadBoost
		}
		if n := len(d.terms); n > 0 && d.terms[n-1] == o.t {
			d.tf[n-1] += w
			d.name[n-1] = d.name[n-1] || o.name
			continue
		}
		d.terms = append(d.terms, o.t)
		d.tf = append(d.tf, w)
		d.name = append(d.name, o.name || tm.anchor(o.t))
	}
	for k, t := range d.terms {
		if tm.anchor(t) {
			continue
		}
		w := (1 + math.Log(float64(d.tf[k]))) * tm.weight(t)
		if d.name[k] {
			w *= eventNameBoost
		}
		if w > 0 {
			d.thread.ids = append(d.thread.ids, t)
			d.thread.val = append(d.thread.val, w)
		}
	}
	d.thread.normalise()
	return d
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

// similarEdges returns the pairs of vectors whose inner product reaches
// minEventSim. Candidates are pairs sharing a term held by at most
// maxPost vectors; their similarity is then computed in full.
func similarEdges(vecs []sparseVec, fade func(a, b int) float64) []edge {
	df := map[int32]int32{}
	for _, v := range vecs {
		for _, t := range v.ids {
			df[t]++
		}
	}
	maxPost := int32(max(64, len(vecs)/8))
	post := map[int32][]int32{}
	var out []edge
	seen := map[int32]bool{}
	for i, v := range vecs {
		clear(seen)
		for _, t := range v.ids {
			if df[t] < 2 || df[t] > maxPost {
				continue
			}
			for _, j := range post[t] {
				if seen[j] {
					continue
				}
				seen[j] = true
				s := v.dot(vecs[j])
				if fade != nil {
					s *= fade(int(j), i)
				}
				if s >= minEventSim {
					out = append(out, edge{a: j, b: int32(i), s: s})
				}
			}
			post[t] = append(post[t], int32(i))
		}
	}
	return out
}

// storyVectors re-weights the docs of one thread against it: a term held
// by k of the thread's n articles weighs gw·(1 − k/(n+contrastSmooth)),
// and a term only one of them holds is left out (it can link nothing
// inside the thread). The smoothing keeps what two or three articles of one
// event share from vanishing in a small thread.
func storyVectors(docs []*eventDoc, tm termModel) []sparseVec {
	df := map[int32]int32{}
	for _, d := range docs {
		for _, t := range d.terms {
			df[t]++
		}
	}
	n := float64(len(docs))
	out := make([]sparseVec, len(docs))
	for i, d := range docs {
		v := &out[i]
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
				v.ids = append(v.ids, t)
				v.val = append(v.val, w)
			}
		}
		v.normalise()
	}
	return out
}

// splitThread groups the docs of one thread (in canonical order) into
// stories; it returns the stories as positions in docs, and the article
// similarities (positions in docs) they were grouped by.
func splitThread(docs []*eventDoc, tm termModel, th float64) ([][]int32, []edge) {
	if len(docs) == 1 {
		return [][]int32{{0}}, nil
	}
	vecs := storyVectors(docs, tm)
	edges := similarEdges(vecs, func(a, b int) float64 { return dateFade(docs[a].day, docs[b].day) })
	l := newAvgLink(th)
	l.kappa = storyKappa
	return groups(l.cluster(len(docs), edges)), edges
}
