package compare

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// edge is a similarity between two items of a clustering.
type edge struct {
	a, b int32
	s    float64
}

// avgLink clusters items 0..n-1 by average-link agglomeration over a
// sparse similarity graph (a missing pair counts 0): the two clusters
// whose mean pairwise similarity is highest merge, until no pair reaches
// th. Ties break on the lower cluster ids, and items are numbered in a
// canonical order by the caller, so the result does not depend on the
// order edges are given in. It returns a cluster id per item (groups
// orders clusters by their smallest item).
//
// The same state also clusters incrementally (add): a new item joins as a
// singleton and merges cascade from it, so a stream and a batch of the
// same items end close (the stories tests measure how close).
type avgLink struct {
	th float64
	// kappa, when set, also asks of two clusters of at least kappaSize
	// items each that their mean similarity reach kappa times the lower
	// of their inner cohesions (mean similarity within): two tight groups
	// that only resemble each other stay apart.
	kappa float64
	// Per item, read at live clusters' ids (a cluster's id is one of its
	// items): slices, not maps, since items are numbered 0..n-1.
	of    []int32   // union-find parent of each item; a root is a live cluster
	size  []int32   // live clusters: size (0 once merged away)
	inner []float64 // live clusters: summed similarity within
	// sum holds, per live cluster, its summed similarity to each
	// neighbour cluster, in order of the neighbour (a small map per
	// cluster cost twice as much to update as these lists).
	sum   [][]nbrSum
	spare []nbrSum // the list a merge replaced, reused by the next
}

// nbrSum is a cluster's summed similarity s to neighbour cluster o.
type nbrSum struct {
	o int32
	s float64
}

// sumOf returns the summed similarity of clusters a and b, 0 when they
// are no neighbours.
func (l *avgLink) sumOf(a, b int32) float64 {
	if k, ok := nbrIndex(l.sum[a], b); ok {
		return l.sum[a][k].s
	}
	return 0
}

// nbrIndex returns where neighbour o is or would go in ns.
func nbrIndex(ns []nbrSum, o int32) (int, bool) {
	lo, hi := 0, len(ns)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ns[m].o < o {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(ns) && ns[lo].o == o
}

// kappaSize is the least size of both clusters for the kappa test: two
// groups of three may still be one event told by two clusters of outlets.
const kappaSize = 4

func newAvgLink(th float64) *avgLink {
	return &avgLink{th: th}
}

// cohesive reports whether clusters a and b, at mean similarity v, may
// merge under the kappa test.
func (l *avgLink) cohesive(a, b int32, v float64) bool {
	na, nb := l.size[a], l.size[b]
	if l.kappa == 0 || na < kappaSize || nb < kappaSize {
		return true
	}
	ca := l.inner[a] / float64(na*(na-1)/2)
	cb := l.inner[b] / float64(nb*(nb-1)/2)
	return v >= l.kappa*min(ca, cb)
}

func (l *avgLink) mean(a, b int32) float64 {
	return l.sumOf(a, b) / float64(l.size[a]*l.size[b])
}

// cluster runs the batch agglomeration over n items and the given edges
// (each unordered pair at most once, a != b).
func (l *avgLink) cluster(n int, edges []edge) []int32 {
	return l.clusterLists(n, [][]edge{edges})
}

// clusterLists is cluster over the concatenation of lists of edges.
func (l *avgLink) clusterLists(n int, lists [][]edge) []int32 {
	// Clusters never cross the components of the edges at the threshold
	// (see components), so each component is clustered on its own, by
	// two workers, with its own small maps.
	parts := components(n, lists, l.th)
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	// local is an item's place in its component; components are disjoint,
	// so the workers write apart.
	local := make([]int32, n)
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), 8, max(1, len(parts))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				// The part's edges are its own: numbered locally in place,
				// and referenced from here only by clusterComponent, which
				// lets them go once it has their sums.
				items, les := parts[p].items, parts[p].edges
				parts[p] = component{}
				for k, it := range items {
					local[it] = int32(k)
				}
				for k, e := range les {
					les[k] = edge{a: local[e.a], b: local[e.b], s: e.s}
				}
				sub := newAvgLink(l.th)
				sub.kappa = l.kappa
				of := sub.clusterComponent(len(items), les)
				for k, c := range of {
					out[items[k]] = items[c]
				}
			}
		}()
	}
	for p := range parts {
		work <- p
	}
	close(work)
	wg.Wait()
	return out
}

// clusterComponent runs the agglomeration over items 0..n-1 and edges
// within one component.
func (l *avgLink) clusterComponent(n int, edges []edge) []int32 {
	l.of = make([]int32, n)
	l.size = make([]int32, n)
	l.inner = make([]float64, n)
	for i := range l.of {
		l.of[i] = int32(i)
		l.size[i] = 1
	}
	l.sum = initialSums(n, edges)
	// Candidates in the facts clustering's typed heap; a candidate's
	// versions are the two clusters' sizes when it was scored, so one is
	// stale once either cluster has grown.
	// Sized for the pairs at the threshold (a singleton pair's mean is
	// its summed edge), not every pair: most are fainter. They are read
	// from the sums, not the edges, so that the edges can go: the heap
	// orders candidates by mean and ids alone, whatever order they come in.
	nc := 0
	for a, ns := range l.sum {
		for _, x := range ns {
			if x.o > int32(a) && x.s >= l.th {
				nc++
			}
		}
	}
	pq := make(mergeHeap, 0, nc)
	for a, ns := range l.sum {
		for _, x := range ns {
			if x.o > int32(a) && x.s >= l.th {
				pq = append(pq, mergeCand{avg: x.s, a: int32(a), b: x.o, va: 1, vb: 1})
			}
		}
	}
	pq.init()
	for len(pq) > 0 {
		it := pq.pop()
		if l.size[it.a] != it.va || l.size[it.b] != it.vb { // a dead cluster's size is 0
			continue // stale: a cluster merged since
		}
		if !l.cohesive(it.a, it.b, it.avg) {
			continue
		}
		c := l.merge(it.a, it.b)
		for _, ns := range l.sum[c] {
			if v := ns.s / float64(l.size[c]*l.size[ns.o]); v >= l.th {
				a, b := min(c, ns.o), max(c, ns.o)
				pq.push(mergeCand{avg: v, a: a, b: b, va: l.size[a], vb: l.size[b]})
			}
		}
	}
	return l.resolve()
}

// component is one connected component of the graph of edges at the
// threshold: its items, ascending, and every edge between them.
type component struct {
	items []int32
	edges []edge
}

// components splits items and edges by the connected components of the
// graph of edges at or above th, keeping only components of two items or
// more. Two clusters merge only when their mean similarity reaches th, so
// only when some edge between them does: clusters never cross those
// components, and an edge across them can change no merge. On a corpus of
// one theme most edges are such faint ones.
func components(n int, lists [][]edge, th float64) []component {
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, edges := range lists {
		for _, e := range edges {
			if e.s >= th {
				if a, b := find(e.a), find(e.b); a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	root := make([]int32, n)
	idx := map[int32]int{}
	var parts []component
	for i := range root {
		root[i] = find(int32(i))
	}
	count := map[int32]int{}
	for _, r := range root {
		count[r]++
	}
	for i, r := range root {
		if count[r] < 2 {
			continue
		}
		k, ok := idx[r]
		if !ok {
			k = len(parts)
			idx[r] = k
			parts = append(parts, component{})
		}
		parts[k].items = append(parts[k].items, int32(i))
	}
	// Each component's edges in a slice of their number: a large corpus's
	// edges are held twice while this runs.
	ne := make([]int32, len(parts))
	for _, edges := range lists {
		for _, e := range edges {
			if ra := root[e.a]; ra == root[e.b] && count[ra] >= 2 {
				ne[idx[ra]]++
			}
		}
	}
	for k := range parts {
		parts[k].edges = make([]edge, 0, ne[k])
	}
	for _, edges := range lists {
		for _, e := range edges {
			if ra := root[e.a]; ra == root[e.b] && count[ra] >= 2 {
				k := idx[ra]
				parts[k].edges = append(parts[k].edges, e)
			}
		}
	}
	return parts
}

// add appends item len(of) with its similarities to earlier items (each
// edge's a is the earlier item; b is ignored) and
// merges clusters from it while some mean similarity reaches the
// threshold. It returns the cluster the item ends in and the clusters
// that merged into it (their ids, other than the result's).
func (l *avgLink) add(sims []edge) (int32, []int32) {
	x := int32(len(l.of))
	l.of = append(l.of, x)
	l.size = append(l.size, 1)
	l.inner = append(l.inner, 0)
	l.sum = append(l.sum, nil)
	for _, e := range sims {
		l.addSum(x, l.find(e.a), e.s)
	}
	c := x
	var merged []int32
	for {
		best, bv := int32(-1), l.th
		for _, ns := range l.sum[c] {
			o := ns.o
			v := ns.s / float64(l.size[c]*l.size[o])
			if !l.cohesive(c, o, v) {
				continue
			}
			if v > bv || (v == bv && (best < 0 || o < best)) {
				best, bv = o, v
			}
		}
		if best < 0 {
			out := merged[:0]
			for _, m := range merged {
				if m != c {
					out = append(out, m)
				}
			}
			return c, out
		}
		merged = append(merged, c, best)
		c = l.merge(c, best)
	}
}

func (l *avgLink) addSum(a, b int32, s float64) {
	if a == b || s == 0 {
		return
	}
	l.sum[a] = addNbr(l.sum[a], b, s)
	l.sum[b] = addNbr(l.sum[b], a, s)
}

// addNbr adds s to the sum of neighbour o in ns.
func addNbr(ns []nbrSum, o int32, s float64) []nbrSum {
	k, ok := nbrIndex(ns, o)
	if ok {
		ns[k].s += s
		return ns
	}
	return slices.Insert(ns, k, nbrSum{o, s})
}

// initialSums is addSum of every edge in turn on n items without
// neighbours: each item's neighbours gathered in edge order, ordered
// stably and summed in that order. Each item's list is an array of its
// own, not cut from one: a list a merge replaces can go (on 100,000
// articles one component holds most of the thread edges, and its first
// lists and the merged ones were some 160 MB together).
func initialSums(n int, edges []edge) [][]nbrSum {
	cnt := make([]int32, n)
	for _, e := range edges {
		if e.a != e.b && e.s != 0 {
			cnt[e.a]++
			cnt[e.b]++
		}
	}
	sum := make([][]nbrSum, n)
	for i, c := range cnt {
		if c > 0 {
			sum[i] = make([]nbrSum, 0, c)
		}
	}
	for _, e := range edges {
		if e.a != e.b && e.s != 0 {
			sum[e.a] = append(sum[e.a], nbrSum{e.b, e.s})
			sum[e.b] = append(sum[e.b], nbrSum{e.a, e.s})
		}
	}
	for i, ns := range sum {
		slices.SortStableFunc(ns, func(x, y nbrSum) int { return cmp.Compare(x.o, y.o) })
		out := ns[:0]
		for _, v := range ns {
			if k := len(out) - 1; k >= 0 && out[k].o == v.o {
				out[k].s += v.s
			} else {
				out = append(out, v)
			}
		}
		sum[i] = out
	}
	return sum
}

// merge joins clusters a and b and returns the cluster that remains: of
// the two, the one with more neighbours (the lower on a tie), so that the
// work is the smaller one's neighbours. A cluster's id is an item of it,
// not always its smallest.
func (l *avgLink) merge(a, b int32) int32 {
	keep, gone := a, b
	if len(l.sum[b]) > len(l.sum[a]) || (len(l.sum[b]) == len(l.sum[a]) && b < a) {
		keep, gone = b, a
	}
	l.inner[keep] += l.inner[gone] + l.sumOf(keep, gone)
	l.inner[gone] = 0
	// keep's neighbours become the union of both but each other, sums
	// added where both had the neighbour; each of gone's neighbours loses
	// gone and gains keep, or adds to it.
	ks, gs := l.sum[keep], l.sum[gone]
	// The union is at most both lists: a spare far larger would stay with
	// a small cluster, and growing by appending leaves as much again
	// unused (the merged lists of a large component's were about half
	// its sums' memory).
	out := l.spare[:0]
	if need := len(ks) + len(gs); cap(out) < need || cap(out) > 2*need {
		out = make([]nbrSum, 0, need)
	}
	i := 0
	for _, g := range gs {
		if g.o == keep {
			continue
		}
		l.sum[g.o] = moveNbr(l.sum[g.o], gone, keep, g.s)
		for i < len(ks) && ks[i].o < g.o {
			if ks[i].o != gone {
				out = append(out, ks[i])
			}
			i++
		}
		if i < len(ks) && ks[i].o == g.o {
			out = append(out, nbrSum{g.o, ks[i].s + g.s})
			i++
		} else {
			out = append(out, g)
		}
	}
	for ; i < len(ks); i++ {
		if ks[i].o != gone {
			out = append(out, ks[i])
		}
	}
	l.sum[keep], l.spare = out, ks[:0]
	l.sum[gone] = nil
	l.size[keep] += l.size[gone]
	l.size[gone] = 0
	l.of[gone] = keep
	return keep
}

// moveNbr moves the sum s from neighbour gone of ns to neighbour keep:
// gone's entry goes and s is added to keep's (made when missing).
func moveNbr(ns []nbrSum, gone, keep int32, s float64) []nbrSum {
	gi, _ := nbrIndex(ns, gone)
	ki, ok := nbrIndex(ns, keep)
	if ok {
		ns[ki].s += s
		return slices.Delete(ns, gi, gi+1)
	}
	if ki > gi {
		copy(ns[gi:ki-1], ns[gi+1:ki])
		ns[ki-1] = nbrSum{keep, s}
	} else {
		copy(ns[ki+1:gi+1], ns[ki:gi])
		ns[ki] = nbrSum{keep, s}
	}
	return ns
}

// find returns the live cluster of item i, compressing the path.
func (l *avgLink) find(i int32) int32 {
	r := i
	for l.of[r] != r {
		r = l.of[r]
	}
	for l.of[i] != r {
		i, l.of[i] = l.of[i], r
	}
	return r
}

// resolve returns each item's cluster id.
func (l *avgLink) resolve() []int32 {
	out := make([]int32, len(l.of))
	for i := range out {
		out[i] = l.find(int32(i))
	}
	return out
}

// groups turns cluster ids per item into the items of each cluster,
// clusters in order of their smallest item, items ascending.
func groups(of []int32) [][]int32 {
	idx := map[int32]int{}
	var out [][]int32
	for i, c := range of {
		k, ok := idx[c]
		if !ok {
			k = len(out)
			idx[c] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], int32(i))
	}
	for _, g := range out {
		slices.Sort(g)
	}
	return out
}
