package compare

import (
	"cmp"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

// groupStories groups articles into stories by leader clustering: in
// order of publication, each article joins the story whose centroid (the
// sum of its articles' weighted term vectors, pruned to the heaviest
// terms) is most similar to the article's vector, when the cosine reaches
// the story threshold, or starts a new story. Stories are found through an
// inverted index over their articles' heaviest terms, and a centroid only
// changes by averaging, so stories cannot chain into one. It returns the
// unit indices of each story.
func (x *analysis) groupStories(ctx context.Context) [][]int32 {
	na := len(x.c.Articles)
	const topK = 40
	type tw struct {
		t int32
		w float64
	}
	vec := func(m map[int32]float64, k int) ([]tw, float64) {
		v := make([]tw, 0, len(m))
		for t, w := range m {
			v = append(v, tw{t, w})
		}
		slices.SortFunc(v, func(a, b tw) int {
			if a.w != b.w {
				return cmp.Compare(b.w, a.w)
			}
			return cmp.Compare(a.t, b.t)
		})
		if len(v) > k {
			v = v[:k]
		}
		n := 0.0
		for _, e := range v {
			n += e.w * e.w
		}
		return v, math.Sqrt(n)
	}
	order := make([]int, na)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := x.c.Articles[order[i]], x.c.Articles[order[j]]
		switch {
		case a.Published == nil || b.Published == nil:
			return a.Published != nil && b.Published == nil
		default:
			return a.Published.Before(*b.Published)
		}
	})
	type storyAcc struct {
		sum   map[int32]float64 // summed article vectors (the centroid)
		norm  float64
		arts  []int
		index map[int32]int32 // terms in the inverted index: the story's place in post[term]
	}
	// A posting is a story indexed under a term and the term's weight in
	// its centroid (sum[term], 0 once pruned), kept in step with sum so
	// that scoring an article needs no lookup in each story's map.
	type posting struct {
		si int32
		w  float64
	}
	var stories []*storyAcc
	post := map[int32][]posting{} // term -> stories whose centroid holds it
	acc := []float64{}
	var touched []int32
	// The articles' vectors, computed in parallel.
	vecs := make([][]tw, na)
	norms := make([]float64, na)
	workers := min(runtime.GOMAXPROCS(0), 8)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			tf := map[int32]float64{}
			for ai := w; ai < na; ai += workers {
				clear(tf)
				for _, ui := range x.artUnit[ai] {
					for _, t := range x.units[ui].terms {
						tf[t]++
					}
				}
				for t, n := range tf {
					tf[t] = (1 + math.Log(n)) * x.wts[t]
				}
				vecs[ai], norms[ai] = vec(tf, topK)
			}
		}(w)
	}
	wg.Wait()
	for k, ai := range order {
		if k%256 == 0 {
			x.progress("grouping stories", k, na)
			if ctx.Err() != nil {
				return nil
			}
		}
		v, norm := vecs[ai], norms[ai]
		touched = touched[:0]
		for _, e := range v {
			p := post[e.t]
			if len(p) > maxStoryPost {
				continue // a term in many stories' centroids does not tell them apart
			}
			for _, ps := range p {
				si := ps.si
				if acc[si] == 0 {
					touched = append(touched, si)
				}
				acc[si] += e.w * ps.w
			}
		}
		best, bestCos := int32(-1), 0.0
		for _, si := range touched {
			cos := acc[si] / (norm*stories[si].norm + 1e-12)
			acc[si] = 0
			if cos > bestCos || (cos == bestCos && si < best) {
				best, bestCos = si, cos
			}
		}
		if best < 0 || bestCos < x.opts.StoryThreshold {
			best = int32(len(stories))
			stories = append(stories, &storyAcc{sum: map[int32]float64{}, index: map[int32]int32{}})
			acc = append(acc, 0)
		}
		st := stories[best]
		st.arts = append(st.arts, ai)
		for _, e := range v {
			st.sum[e.t] += e.w
		}
		// The centroid keeps the heaviest terms; prune the summed vector
		// now and then so it stays small.
		pruned := len(st.sum) > 8*topK
		if pruned {
			keep, _ := vec(st.sum, 4*topK)
			clear(st.sum)
			for _, e := range keep {
				st.sum[e.t] = e.w
			}
		}
		n := 0.0
		for _, w := range st.sum {
			n += w * w
		}
		st.norm = math.Sqrt(n)
		// Index the story under the article's heaviest terms.
		for _, e := range v {
			if _, ok := st.index[e.t]; !ok {
				st.index[e.t] = int32(len(post[e.t]))
				post[e.t] = append(post[e.t], posting{si: best})
			}
		}
		// The postings follow the centroid: the article's terms changed,
		// and after pruning any indexed term may have (the centroid's
		// terms all came from indexed articles).
		if pruned {
			for t, i := range st.index {
				post[t][i].w = st.sum[t]
			}
		} else {
			for _, e := range v {
				post[e.t][st.index[e.t]].w = st.sum[e.t]
			}
		}
	}
	x.progress("grouping stories", na, na)
	// Stories in order of their first article in the corpus.
	sort.SliceStable(stories, func(i, j int) bool { return slices.Min(stories[i].arts) < slices.Min(stories[j].arts) })
	out := make([][]int32, 0, len(stories))
	for si, st := range stories {
		sort.Ints(st.arts)
		var units []int32
		for _, ai := range st.arts {
			for _, ui := range x.artUnit[ai] {
				x.units[ui].story = int32(si)
				units = append(units, ui)
			}
		}
		out = append(out, units)
	}
	return out
}

// story describes a group of units as a Story.
func (x *storyScorer) story(members []int32) Story {
	seen := map[int32]bool{}
	var ids []string
	// score sums the weights of each term's occurrences, by term id; the
	// story's terms are x.terms.
	if len(x.score) < len(x.strs) {
		x.score = make([]float64, len(x.strs))
	}
	score := x.score
	for _, ui := range members {
		u := &x.units[ui]
		if !seen[u.art] {
			seen[u.art] = true
			ids = append(ids, x.c.Articles[u.art].ID)
		}
		for _, t := range u.terms {
			score[t] += x.wts[t]
		}
	}
	type ts struct {
		t int32
		s float64
	}
	var all []ts
	for _, t := range x.terms {
		if x.df[t] >= 2 {
			all = append(all, ts{t, score[t]})
		}
		score[t] = 0
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s > all[j].s
		}
		return all[i].t < all[j].t
	})
	var label []string
	for _, e := range all {
		if len(label) == 4 {
			break
		}
		label = append(label, x.surf[e.t])
	}
	sorted := append([]string(nil), ids...)
	sort.Strings(sorted)
	return Story{ID: "s-" + shortHash(strings.Join(sorted, "\n")), Label: strings.Join(label, ", "), Articles: ids}
}

func shortHash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:5])
}
