package compare

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// nearestEdgeLists keeps, of the edges (the concatenation of lists, each
// list filtered in place), those among the k most similar of at least one
// of their ends: each article's nearest neighbours, not every faint
// resemblance (a corpus on one theme has a weak edge between most pairs,
// and these cost time without changing which groups merge).
func nearestEdgeLists(lists [][]edge, n, k int) [][]edge {
	deg := make([]int32, n)
	for _, edges := range lists {
		for _, e := range edges {
			deg[e.a]++
			deg[e.b]++
		}
	}
	// Each crowded end's k best similarities, in a min-heap whose top is
	// the k-th best (0 for the others: every edge of theirs stays).
	// The heaps are cut from one array, k places for each crowded end.
	heaps := make([][]float64, n)
	crowd := 0
	for _, d := range deg {
		if d > int32(k) {
			crowd++
		}
	}
	arena := make([]float64, 0, crowd*k)
	for v, d := range deg {
		if d > int32(k) {
			heaps[v] = arena[len(arena) : len(arena) : len(arena)+k]
			arena = arena[:len(arena)+k]
		}
	}
	push := func(v int32, s float64) {
		h := heaps[v]
		if len(h) < k {
			h = append(h, s)
			for i := len(h) - 1; i > 0; { // sift up
				p := (i - 1) / 2
				if h[p] <= h[i] {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
			heaps[v] = h
			return
		}
		if s <= h[0] {
			return
		}
		h[0] = s
		for i := 0; ; { // sift down
			l, m := 2*i+1, i
			if l < len(h) && h[l] < h[m] {
				m = l
			}
			if r := l + 1; r < len(h) && h[r] < h[m] {
				m = r
			}
			if m == i {
				break
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	crowded := false
	for _, edges := range lists {
		for _, e := range edges {
			if deg[e.a] > int32(k) {
				push(e.a, e.s)
				crowded = true
			}
			if deg[e.b] > int32(k) {
				push(e.b, e.s)
				crowded = true
			}
		}
	}
	if !crowded {
		return lists
	}
	kth := func(v int32) float64 {
		if h := heaps[v]; len(h) == k {
			return h[0]
		}
		return 0
	}
	for i, edges := range lists {
		out := edges[:0]
		for _, e := range edges {
			if e.s >= kth(e.a) || e.s >= kth(e.b) {
				out = append(out, e)
			}
		}
		lists[i] = out
	}
	return lists
}

// similarEdges returns the pairs of vectors whose inner product (times
// fade, when given) reaches minEventSim, ordered by their later vector
// then the earlier. Products are summed term by term through an inverted
// index, so the work follows the terms pairs share, not the number of
// pairs. A term held by more than maxEventPost vectors is summed only
// between a vector and the maxEventPost before it that hold it — the
// nearest in time, as vectors are in canonical order — so the work stays
// linear however many hold it, and a word a long stream uses for many
// events still joins the articles of each. Workers take vectors in turn.
func similarEdges(vecs []sparseVec, fade func(a, b int) float64, floor float64) []edge {
	lists := similarEdgeLists(vecs, fade, floor, 0)
	n := 0
	for _, f := range lists {
		n += len(f)
	}
	out := make([]edge, 0, n)
	for _, f := range lists {
		out = append(out, f...)
	}
	return out
}

// similarEdgeLists is similarEdges as a list per vector (nil for none):
// its edges to earlier vectors. The lists are cut from a few large
// arrays per worker, not one allocation each.
//
// With near > 0 the lists are for nearestEdgeLists(lists, len(vecs),
// near), and an edge it would drop may be left out as it is found: one
// under the near-th best similarity of both its ends. A vector's list
// holds all its edges to earlier vectors, so the near-th best of the list
// is at most the near-th best of all its edges; an earlier vector's is
// read once its list is done (0, keeping every edge, before). Such an
// edge is below the near best of both ends, so leaving it out changes
// neither end's near best nor what nearestEdgeLists keeps, and the
// edges of a large corpus are not all held at once (100,000 articles:
// about a third of them, some 100 MB, go at once).
func similarEdgeLists(vecs []sparseVec, fade func(a, b int) float64, floor float64, near int) [][]edge {
	// Postings by counting: each term gets its stretch of one arena,
	// filled in vector order.
	sc := termScratches.Get().(*termScratch)
	defer termScratches.Put(sc)
	sc.fit(termsBelow(func(i int) []int32 { return vecs[i].ids }, len(vecs)))
	cnt, terms, nnz := sc.count, sc.terms[:0], int32(0)
	for _, v := range vecs {
		for _, t := range v.ids {
			if cnt[t] == 0 {
				terms = append(terms, t)
			}
			cnt[t]++
		}
		nnz += int32(len(v.ids))
	}
	off := int32(0)
	for _, t := range terms {
		sc.at[t], sc.end[t] = off, off
		off += cnt[t]
		cnt[t] = 0
	}
	sc.terms = terms[:0]
	postV, postW := sc.postings(int(nnz)) // every slot is written below
	for i, v := range vecs {
		for k, t := range v.ids {
			e := sc.end[t]
			postV[e], postW[e] = int32(i), v.val[k]
			sc.end[t] = e + 1
		}
	}
	at, end := sc.at, sc.end
	maxPost := min(max(64, len(vecs)/8), maxEventPost)
	workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(vecs)/64))
	found := make([][]edge, len(vecs))
	// kth is, by vector, the bits of the near-th best similarity of its
	// finished list, 0 until then or when the list is no longer than near.
	var kth []atomic.Uint64
	if near > 0 {
		kth = make([]atomic.Uint64, len(vecs))
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			acc := make([]float64, len(vecs))
			var touched []int32
			var buf []edge   // a vector's edges, grown once for all
			var chunk []edge // the array the lists are cut from
			var vals []float64
			size := 0
			for i := w; i < len(vecs); i += workers {
				v := vecs[i]
				touched = touched[:0]
				for k, t := range v.ids {
					lo, hi := at[t], end[t]
					if hi-lo < 2 {
						continue
					}
					if int(hi-lo) > maxPost {
						// A term many vectors hold links a vector only to
						// the maxPost before it in vector order: in time.
						j, _ := slices.BinarySearch(postV[lo:hi], int32(i))
						lo, hi = lo+int32(max(0, j-maxPost)), lo+int32(j)
					}
					wi := v.val[k]
					pw := postW[lo:hi]
					for n, q := range postV[lo:hi] {
						if q >= int32(i) {
							break // postings are in vector order: only earlier ones
						}
						if acc[q] == 0 {
							touched = append(touched, q)
						}
						acc[q] += wi * pw[n]
					}
				}
				out := buf[:0]
				for _, j := range touched {
					s := acc[j]
					acc[j] = 0
					if fade != nil {
						s *= fade(int(j), i)
					}
					if s >= floor {
						out = append(out, edge{a: j, b: int32(i), s: s})
					}
				}
				// In order of the earlier vector; sorting what passed the
				// floor, not everything touched, which is many times more.
				slices.SortFunc(out, func(x, y edge) int { return cmp.Compare(x.a, y.a) })
				if near > 0 && len(out) > near {
					vals = vals[:0]
					for _, e := range out {
						vals = append(vals, e.s)
					}
					own := selectKth(vals, near-1)
					kept := out[:0]
					for _, e := range out {
						if e.s >= own || e.s >= math.Float64frombits(kth[e.a].Load()) {
							kept = append(kept, e)
						}
					}
					out = kept
					kth[i].Store(math.Float64bits(own))
				}
				if len(out) > 0 {
					if cap(chunk)-len(chunk) < len(out) {
						// A new array, twice the last up to edgeChunk
						// edges (a small thread's few edges stay small).
						size = min(max(2*size, 64), edgeChunk)
						chunk = make([]edge, 0, max(size, len(out)))
					}
					st := len(chunk)
					chunk = append(chunk, out...)
					found[i] = chunk[st:len(chunk):len(chunk)]
				}
				buf = out
			}
		}(w)
	}
	wg.Wait()
	return found
}

// edgeChunk is the most edges similarEdgeLists cuts from one array.
const edgeChunk = 1 << 15
