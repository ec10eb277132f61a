package compare

import (
	"math"
	"math/bits"
)

// linkParts returns the link score, the shared weight and the shared
// content (non-name) weight of two units (for a score of 0 for want of
// shared terms, the shared weight leaves out names spelt differently).
func (x *storyScorer) linkParts(a, b *unit) (float64, float64, float64) {
	shared, content := 0.0, 0.0
	// The scorer's scratch slices: arrays on the stack would be zeroed
	// at each of the millions of calls.
	onlyA, onlyB, common := x.lp.onlyA[:0], x.lp.onlyB[:0], x.lp.common[:0]
	// The segments of each side holding each common term (bit 0, the
	// whole sentence, for a side without segments), while they fit.
	segA, segB := x.lp.segA[:0], x.lp.segB[:0]
	if x.markFor(a) {
		// a's terms are marked by place: walk b's terms alone. Common
		// terms come in the same (ascending) order as in the merge below.
		var hit uint64
		for j, t := range b.terms {
			p := x.mark[t]
			if p == 0 {
				if b.name(j) && x.fuzzy[t] != 0 {
					onlyB = append(onlyB, t)
				}
				continue
			}
			i := int(p - 1)
			hit |= 1 << i
			w := x.wts[t]
			if (a.name(i) || b.name(j)) && !x.contentName(t) {
				shared += w * nameFactor
			} else {
				shared += w
				content += w
			}
			common = append(common, t)
			if len(segA) < maxSegTerms {
				segA = append(segA, segBits(a, i))
				segB = append(segB, segBits(b, j))
			}
		}
		if shared == 0 {
			return 0, 0, 0
		}
		for m := x.markNames &^ hit; m != 0; m &= m - 1 {
			onlyA = append(onlyA, a.terms[bits.TrailingZeros64(m)])
		}
		x.lp = linkScratch{onlyA, onlyB, common, segA, segB} // grown, kept
		return x.linkRest(a, b, shared, content, common, segA, segB, onlyA, onlyB)
	}
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			if a.name(i) && x.fuzzy[a.terms[i]] != 0 {
				onlyA = append(onlyA, a.terms[i])
			}
			i++
		case a.terms[i] > b.terms[j]:
			if b.name(j) && x.fuzzy[b.terms[j]] != 0 {
				onlyB = append(onlyB, b.terms[j])
			}
			j++
		default:
			w := x.wts[a.terms[i]]
			if (a.name(i) || b.name(j)) && !x.contentName(a.terms[i]) {
				shared += w * nameFactor
			} else {
				shared += w
				content += w
			}
			common = append(common, a.terms[i])
			if len(segA) < maxSegTerms {
				segA = append(segA, segBits(a, i))
				segB = append(segB, segBits(b, j))
			}
			i++
			j++
		}
	}
	if shared == 0 {
		return 0, 0, 0
	}
	for ; i < len(a.terms); i++ {
		if a.name(i) && x.fuzzy[a.terms[i]] != 0 {
			onlyA = append(onlyA, a.terms[i])
		}
	}
	for ; j < len(b.terms); j++ {
		if b.name(j) && x.fuzzy[b.terms[j]] != 0 {
			onlyB = append(onlyB, b.terms[j])
		}
	}
	x.lp = linkScratch{onlyA, onlyB, common, segA, segB}
	return x.linkRest(a, b, shared, content, common, segA, segB, onlyA, onlyB)
}

// markFor marks a's terms in x.mark (place+1 by term id) and its names
// that may be spelt differently in x.markNames (bits by place), unless
// they are marked already; it reports false, marking nothing, for a unit
// of more than 64 terms. linkStory scores each sentence against several
// candidates in turn: they share the marks.
func (x *storyScorer) markFor(a *unit) bool {
	if len(a.terms) > 64 {
		return false
	}
	if x.markU == a && len(x.markTerms) == len(a.terms) && (len(a.terms) == 0 || &x.markTerms[0] == &a.terms[0]) {
		return true
	}
	if len(x.mark) < len(x.strs) {
		x.mark = make([]uint8, len(x.strs))
	}
	for _, t := range x.markTerms {
		x.mark[t] = 0
	}
	x.markNames = 0
	for i, t := range a.terms {
		x.mark[t] = uint8(i + 1)
		if a.name(i) && x.fuzzy[t] != 0 {
			x.markNames |= 1 << i
		}
	}
	x.markU, x.markTerms = a, a.terms
	return true
}

// linkRest is linkParts after the shared terms are found: names spelt
// differently, agreement and the clause scores.
func (x *storyScorer) linkRest(a, b *unit, shared, content float64, common []int32, segA, segB []uint16, onlyA, onlyB []int32) (float64, float64, float64) {
	ag := agree(a, b)
	if len(common) < 2 && ag.content == 0 {
		// One shared word ("Some story" / "Another story") is not a
		// shared claim, however short the sentences; names spelt
		// differently would not change that (most candidate pairs end
		// here, so they are not compared).
		return 0, shared, content
	}
	// Names spelt differently: the unshared names long enough to compare
	// (x.fuzzy), with the same first letter and lengths close.
	for _, ta := range onlyA {
		ka := x.fuzzy[ta]
		for _, tb := range onlyB {
			kb := x.fuzzy[tb]
			if ka>>32 != kb>>32 || int64(ka&0xffffffff)-int64(kb&0xffffffff) > 2 || int64(kb&0xffffffff)-int64(ka&0xffffffff) > 2 {
				continue
			}
			if sim := jaroWinkler(x.strs[ta], x.strs[tb]); sim >= 0.88 {
				shared += math.Min(x.wts[ta], x.wts[tb]) * sim * nameFactor
				break
			}
		}
	}
	best := claimScore(shared, content, a.w, b.w, ag)
	// A claim is often one clause of a longer sentence: score the best
	// pair of clauses too.
	// The clause score is bounded by the sentence's shared weights; skip
	// the clause pairs when the bound cannot change the decisions.
	bound := clauseFactor * math.Min(1, 1+ag.bonus) * math.Min(1, shared/minSharedWeight) * math.Min(1, (content+ag.content)/minContentWeight)
	low := math.Min(x.opts.FactThreshold, x.opts.CounterpartThreshold)
	if na, nb := nSegs(a), nSegs(b); bound > best && bound >= low && (na > 0 || nb > 0) {
		// A unit without segments is one segment, the whole sentence.
		wa, wb := x.segWeights(a), x.segWeights(b)
		if na == 0 {
			na, wa = 1, []float64{a.w}
		}
		if nb == 0 {
			nb, wb = 1, []float64{b.w}
		}
		if len(common) <= 64 {
			// Only the terms the sentences share can be shared by their
			// clauses: mark which of them each clause holds, then a pair
			// of clauses shares the intersection of its marks.
			var wsh, wct [64]float64
			for k, t := range common {
				wsh[k] = x.termWeight(t)
				if !x.isName[t] || x.contentName(t) {
					wct[k] = x.wts[t]
				}
			}
			var maBuf, mbBuf [16]uint64
			var ma, mb []uint64
			if (nSegs(a) == 0 || a.hasSegOf()) && (nSegs(b) == 0 || b.hasSegOf()) {
				ma, mb = maBuf[:na], mbBuf[:nb]
				for k := range common {
					for m := segA[k]; m != 0; m &= m - 1 {
						ma[bits.TrailingZeros16(m)] |= 1 << uint(k)
					}
					for m := segB[k]; m != 0; m &= m - 1 {
						mb[bits.TrailingZeros16(m)] |= 1 << uint(k)
					}
				}
			} else {
				ma, mb = segMasks(maBuf[:0], segList(a), common), segMasks(mbBuf[:0], segList(b), common)
			}
			for i := range na {
				for j := range nb {
					m := ma[i] & mb[j]
					if m == 0 {
						continue
					}
					sh, ct := 0.0, 0.0
					for m != 0 {
						k := bits.TrailingZeros64(m)
						sh += wsh[k]
						ct += wct[k]
						m &= m - 1
					}
					if ct == 0 {
						continue
					}
					if sc := clauseFactor * claimScore(sh, ct, wa[i], wb[j], ag); sc > best {
						best = sc
					}
				}
			}
		} else {
			for i, ta := range segList(a) {
				for j, tb := range segList(b) {
					sh, ct := x.overlap(ta, tb)
					if ct == 0 {
						continue
					}
					if sc := clauseFactor * claimScore(sh, ct, wa[i], wb[j], ag); sc > best {
						best = sc
					}
				}
			}
		}
	}
	return best, shared, content
}

// segBits is the bit set of u's segments holding its k-th term: bit 0
// when u has no segments (its one segment is the whole sentence), none
// when u has too many segments for segOf.
func segBits(u *unit, k int) uint16 {
	if u.hasSegOf() {
		return u.segOf(k)
	}
	if len(u.ex.segs()) == 0 {
		return 1
	}
	return 0
}

// segWeights are the weights of u's segments, as prepare summed them.
func (x *storyScorer) segWeights(u *unit) []float64 {
	return x.segW[u.segAt : int(u.segAt)+nSegs(u)]
}

// nSegs is the number of u's segments (0 when it has one clause).
func nSegs(u *unit) int {
	if u.hasSegOf() {
		return int(u.nseg)
	}
	return len(u.ex.segs())
}

// segList returns u's segments as sorted term lists, the whole sentence
// as one when it has none; segments kept as segOf bits alone are made
// from them.
func segList(u *unit) [][]int32 {
	switch {
	case nSegs(u) == 0:
		return [][]int32{u.terms}
	case u.ex.segs() != nil:
		return u.ex.segs()
	}
	out := make([][]int32, u.nseg)
	for k := range u.terms {
		for m := u.segOf(k); m != 0; m &= m - 1 {
			si := bits.TrailingZeros16(m)
			out[si] = append(out[si], u.terms[k])
		}
	}
	return out
}

// segMasks appends, for each segment, the bit set of the common terms it
// holds (both lists sorted; at most 64 common terms).
func segMasks(out []uint64, segs [][]int32, common []int32) []uint64 {
	for _, sg := range segs {
		var m uint64
		i, j := 0, 0
		for i < len(sg) && j < len(common) {
			switch {
			case sg[i] < common[j]:
				i++
			case sg[i] > common[j]:
				j++
			default:
				m |= 1 << uint(j)
				i++
				j++
			}
		}
		out = append(out, m)
	}
	return out
}

// maxSegTerms is how many common terms linkParts notes the segments of.
const maxSegTerms = 64

// linkScratch are linkParts' slices, reused from call to call.
type linkScratch struct {
	onlyA, onlyB, common []int32
	segA, segB           []uint16
}
