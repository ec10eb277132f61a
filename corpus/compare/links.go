package compare

import (
	"cmp"
	"math"
	"slices"
)

// linkStory links the sentences of one story to sentences of other outlets
// of the same story. Candidates come from an inverted index over the
// story's terms (very common terms are not indexed), so the work grows
// with the number of sentences that share rare-ish words, not with all
// pairs. It returns, per unit, its links at or above the counterpart
// threshold (symmetric).
func (x *storyScorer) linkStory(members []int32) storyLinks {
	// Members are in unit order; positions in the story follow it.
	if !slices.IsSorted(members) {
		members = slices.Sorted(slices.Values(members))
	}
	pos := x.pos
	for i, ui := range members {
		pos[ui] = int32(i)
	}
	// Postings by counting: prepare left in df how many members hold each
	// term, so each indexed term gets its stretch of one arena, filled in
	// member order (postings hold story positions, ascending). Terms in
	// fewer than two or more than maxPost members are not indexed.
	maxPost := max(40, len(members)/4)
	if cap(x.postAt) < len(x.strs) {
		x.postAt = make([]int32, len(x.strs))
		x.postEnd = make([]int32, len(x.strs))
	}
	x.postAt, x.postEnd = x.postAt[:len(x.strs)], x.postEnd[:len(x.strs)]
	np := int32(0)
	for _, t := range x.terms {
		if d := x.df[t]; d >= 2 && int(d) <= maxPost {
			x.postAt[t], x.postEnd[t] = np, np
			np += d
		} else {
			x.postAt[t], x.postEnd[t] = -1, -1
		}
	}
	arena := slices.Grow(x.postArena[:0], int(np))[:np]
	x.postArena = arena
	outlet := slices.Grow(x.posOutlet[:0], len(members))[:len(members)]
	x.posOutlet = outlet
	for p, ui := range members {
		u := x.units[ui]
		outlet[p] = u.outlet
		for _, t := range u.terms {
			if e := x.postEnd[t]; e >= 0 {
				arena[e] = int32(p)
				x.postEnd[t] = e + 1
			}
		}
	}
	low := math.Min(x.opts.CounterpartThreshold, x.opts.FactThreshold)
	// A pair whose indexed terms share less weight than the threshold's
	// share of minSharedWeight is not scored: claimScore damps it below the
	// threshold unless numbers, dates or quotes agree.
	candFloor := low * minSharedWeight
	found := x.found[:0]
	x.missed = x.missed[:0]
	// Dense accumulators indexed by position in the story.
	// They, and the lists below, are the scorer's, reused story after story.
	acc := slices.Grow(x.lsAcc[:0], len(members))[:len(members)]
	clear(acc)
	// hits counts the indexed terms each shares with the member.
	hits := slices.Grow(x.lsHits[:0], len(members))[:len(members)]
	clear(hits)
	touched, rare, cands := x.lsTouched[:0], x.lsRare[:0], x.lsCands[:0]
	defer func() {
		x.lsAcc, x.lsHits, x.lsTouched, x.lsRare, x.lsCands = acc, hits, touched[:0], rare[:0], cands[:0]
	}()
	for _, ui := range members {
		u := x.units[ui]
		touched = touched[:0]
		// The member's terms that are not indexed but another member
		// holds: the story's commonest words.
		rare = rare[:0]
		for _, t := range u.terms {
			if x.postAt[t] < 0 && x.df[t] >= 2 {
				rare = append(rare, t)
			}
		}
		for _, t := range u.terms {
			at := x.postAt[t]
			if at < 0 {
				continue
			}
			// The members after this one: the term's posting reaches this
			// member at its cursor, as members are taken in order.
			x.postAt[t] = at + 1
			w := x.wts[t]
			for _, q := range arena[at+1 : x.postEnd[t]] {
				if outlet[q] == u.outlet {
					continue
				}
				if acc[q] == 0 {
					touched = append(touched, q)
				}
				acc[q] += w
				hits[q]++
			}
		}
		cands = cands[:0]
		for _, q := range touched {
			if acc[q] >= candFloor {
				cands = append(cands, cand{members[q], acc[q] / math.Sqrt(max(u.w*x.units[members[q]].w, 1e-9)), hits[q]})
			}
			acc[q], hits[q] = 0, 0
		}
		// Score only the candidates sharing the most weight for their
		// length, so the work per sentence is bounded however large the
		// story.
		cands = topCands(cands, maxCandidates)
		for _, c := range cands {
			v := x.units[c.v]
			if c.n < 2 && c.n+sharedUpTo(rare, v.terms, 2-c.n) < 2 && agree(u, v).content == 0 {
				// Fewer than two shared terms and nothing agreeing:
				// linkScore would be 0 (see linkRest).
				continue
			}
			if !x.sameEvent(u, v) {
				continue
			}
			sc := x.linkScore(u, v)
			if sc >= low {
				found = append(found, foundLink{ui, c.v, sc})
			} else if sc > 0 && !x.opts.NoMisses {
				x.missed = append(x.missed, foundLink{ui, c.v, sc})
			}
		}
	}
	found = x.dropParallel(found)
	x.found = found
	// Each linked unit's links (both ways) get their stretch of one arena,
	// reused for the next story: nothing keeps the links past the story.
	cnt := slices.Grow(x.linkCnt[:0], len(members))[:len(members)]
	clear(cnt)
	x.linkCnt = cnt
	for _, f := range found {
		cnt[pos[f.a]]++
		cnt[pos[f.b]]++
	}
	la := slices.Grow(x.linkArena[:0], 2*len(found))[:2*len(found)]
	x.linkArena = la
	by := slices.Grow(x.linkBy[:0], len(members))[:len(members)]
	clear(by)
	x.linkBy = by
	links := storyLinks{members: members, pos: pos, by: by}
	off := int32(0)
	for p, n := range cnt {
		// cnt becomes each position's next free slot.
		cnt[p] = off
		off += n
	}
	for _, f := range found {
		pa, pb := pos[f.a], pos[f.b]
		la[cnt[pa]] = link{f.b, f.score}
		cnt[pa]++
		la[cnt[pb]] = link{f.a, f.score}
		cnt[pb]++
	}
	start := int32(0)
	for p, end := range cnt {
		if end > start {
			links.by[p] = la[start:end:end]
		}
		start = end
	}
	for _, ls := range links.by {
		slices.SortFunc(ls, func(a, b link) int {
			if a.score != b.score {
				return cmp.Compare(b.score, a.score)
			}
			return cmp.Compare(a.to, b.to)
		})
	}
	return links
}

// storyLinks are the links of a story's units, each unit's best first:
// unit u's are by[pos[u]] (pos is the scorer's, valid while the story is
// linked and clustered), members the story's units by position.
type storyLinks struct {
	members []int32
	pos     []int32
	by      [][]link
}

// of returns the links of unit u of the story.
func (l storyLinks) of(u int32) []link { return l.by[l.pos[u]] }

// foundLink is a link between units a and b found while linking a story.
type foundLink struct {
	a, b  int32
	score float64
}

// cand is a candidate for a link and its rank: the weight it shares
// for the two sentences' lengths; n is how many indexed terms it shares.
type cand struct {
	v int32
	s float64
	n int32
}

// sharedUpTo counts the terms two sorted lists share, up to most.
func sharedUpTo(a, b []int32, most int32) int32 {
	n := int32(0)
	for _, t := range a {
		if _, ok := slices.BinarySearch(b, t); ok {
			if n++; n >= most {
				break
			}
		}
	}
	return n
}

// topCands keeps the k candidates sharing the most weight (ties by unit),
// in that order, when there are more than k; the order of the links made
// from them does not depend on the candidates' order.
func topCands(cs []cand, k int) []cand {
	if len(cs) <= k {
		return cs
	}
	before := func(a, b cand) bool { return a.s > b.s || (a.s == b.s && a.v < b.v) }
	// Insertion into the sorted first k: most candidates do not make it.
	top := cs[:k]
	slices.SortFunc(top, func(a, b cand) int {
		if a.s != b.s {
			return cmp.Compare(b.s, a.s)
		}
		return cmp.Compare(a.v, b.v)
	})
	for _, c := range cs[k:] {
		if !before(c, top[k-1]) {
			continue
		}
		i := k - 1
		for i > 0 && before(c, top[i-1]) {
			top[i] = top[i-1]
			i--
		}
		top[i] = c
	}
	return top
}

// linkThread links the sentences of one thread (members, in unit order)
// and appends its facts, the sentences linked at the counterpart
// threshold and, unless Options.NoMisses, the nearest misses of the rest.
// Larger facts are built first, so that a fact sharing its most central
// sentence with a smaller one keeps that label.
func (x *storyScorer) linkThread(members []int32, stories []Story, facts *[]Fact, counterpart *[]sentRef, misses map[sentKey][]Miss) {
	links := x.linkStory(members)
	if !x.opts.NoMisses {
		x.nearestMisses(links, misses)
	}
	for p, ls := range links.by {
		if len(ls) > 0 && ls[0].score >= x.opts.CounterpartThreshold {
			u := x.units[links.members[p]]
			*counterpart = append(*counterpart, sentRef{u.art, u.sent})
		}
	}
	clusters := x.cluster(links)
	slices.SortStableFunc(clusters, func(a, b []int32) int { return cmp.Compare(len(b), len(a)) })
	labels := map[string]bool{}
	*facts = slices.Grow(*facts, len(clusters)) // a fact a cluster: no slack kept to the end
	for _, f := range clusters {
		*facts = append(*facts, x.buildFact(f, links, stories, labels))
	}
}
