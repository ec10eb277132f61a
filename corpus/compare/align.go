package compare

import (
	"math"
	"strings"

	"github.com/parallax-reader/parallax/corpus/textdist"
)

// alignFeatureNames name the word-alignment and MT-metric features that
// follow the first 24 pair features.
var alignFeatureNames = [...]string{
	"aligned content (less)", "aligned content (more)",
	"aligned weight (less)", "aligned weight (more)",
	"unaligned content (more)", "unaligned content (less)",
	"unaligned numbers (more)", "unaligned numbers (less)",
	"unaligned names (more)",
	"opening aligned", "first word same",
	"BLEU (less)", "BLEU (more)", "brevity",
	"word edit ratio", "TER (more)",
	"unigram precision (less)", "unigram precision (more)",
	"bigram precision (less)", "bigram precision (more)",
	"common prefix", "common suffix",
	"log length",
	"unaligned run (more)", "unaligned run (less)",
	"surface word dice", "content order (LCS)",
}

// alignFeatures fills x with the alignment features of a pair: content
// words are aligned greedily by stem (or concept), then by character
// similarity (Jaro–Winkler ≥ 0.9 or a shared five-letter prefix); numbers
// by their digits.
func alignFeatures(a, b *features, w func(string) float64, x []float64) {
	ca, cb := contentIdx(a.toks), contentIdx(b.toks)
	ma, mb := make([]bool, len(ca)), make([]bool, len(cb))
	for i, ia := range ca {
		for j, jb := range cb {
			if !mb[j] && a.toks[ia].h == b.toks[jb].h {
				ma[i], mb[j] = true, true
				break
			}
		}
	}
	for i, ia := range ca {
		if ma[i] {
			continue
		}
		fa := a.toks[ia].fold
		for j, jb := range cb {
			if mb[j] {
				continue
			}
			fb := b.toks[jb].fold
			if similarWord(fa, fb) {
				ma[i], mb[j] = true, true
				break
			}
		}
	}
	fracA, wfA, unA, capA := alignedShare(a.toks, ca, ma, w)
	fracB, wfB, unB, capB := alignedShare(b.toks, cb, mb, w)
	x[0], x[1] = math.Min(fracA, fracB), math.Max(fracA, fracB)
	x[2], x[3] = math.Min(wfA, wfB), math.Max(wfA, wfB)
	x[4] = math.Min(float64(max(unA, unB)), 10) / 10
	x[5] = math.Min(float64(min(unA, unB)), 10) / 10
	na, nb := unmatchedNums(a.toks, b.toks), unmatchedNums(b.toks, a.toks)
	x[6] = math.Min(float64(max(na, nb)), 3) / 3
	x[7] = math.Min(float64(min(na, nb)), 3) / 3
	x[8] = math.Min(float64(max(capA, capB)), 4) / 4
	// Openings: the first three content words of each side aligned.
	open, n := 0, 0
	for i := 0; i < len(ca) && i < 3; i++ {
		n++
		if ma[i] {
			open++
		}
	}
	for j := 0; j < len(cb) && j < 3; j++ {
		n++
		if mb[j] {
			open++
		}
	}
	if n > 0 {
		x[9] = float64(open) / float64(n)
	}
	if len(a.toks) > 0 && len(b.toks) > 0 && a.toks[0].h == b.toks[0].h {
		x[10] = 1
	}
	ba, bb := bleu(a, b), bleu(b, a)
	x[11], x[12] = math.Min(ba, bb), math.Max(ba, bb)
	la, lb := float64(len(a.seq)), float64(len(b.seq))
	if la > 0 && lb > 0 {
		x[13] = math.Exp(1 - math.Max(la, lb)/math.Min(la, lb))
		ed := float64(textdist.Levenshtein(a.seq, b.seq))
		x[14] = ed / math.Max(la, lb)
		x[15] = math.Min(ed/math.Min(la, lb), 2) / 2
	}
	pa, pb := precision(a.unigrams, b.unigrams), precision(b.unigrams, a.unigrams)
	x[16], x[17] = math.Min(pa, pb), math.Max(pa, pb)
	pa, pb = precision(a.bigrams, b.bigrams), precision(b.bigrams, a.bigrams)
	x[18], x[19] = math.Min(pa, pb), math.Max(pa, pb)
	p, s := 0, 0
	for p < len(a.seq) && p < len(b.seq) && a.seq[p] == b.seq[p] {
		p++
	}
	for s < len(a.seq)-p && s < len(b.seq)-p && a.seq[len(a.seq)-1-s] == b.seq[len(b.seq)-1-s] {
		s++
	}
	if mn := math.Min(la, lb); mn > 0 {
		x[20] = float64(p) / mn
		x[21] = float64(s) / mn
	}
	x[22] = math.Log1p(math.Max(la, lb)) / 4
	ra, rb := longestRun(ma), longestRun(mb)
	x[23] = math.Min(float64(max(ra, rb)), 6) / 6
	x[24] = math.Min(float64(min(ra, rb)), 6) / 6
	x[25] = surfaceDice(a.toks, b.toks)
	// Order of the aligned content words: LCS of the content hashes.
	if mx := max(len(ca), len(cb)); mx > 0 {
		ha, hb := make([]uint32, len(ca)), make([]uint32, len(cb))
		for i, k := range ca {
			ha[i] = a.toks[k].h
		}
		for j, k := range cb {
			hb[j] = b.toks[k].h
		}
		x[26] = float64(textdist.LCSLength(ha, hb)) / float64(mx)
	}
}

// longestRun is the longest run of unaligned words.
func longestRun(m []bool) int {
	best, run := 0, 0
	for _, ok := range m {
		if ok {
			run = 0
			continue
		}
		run++
		best = max(best, run)
	}
	return best
}

// surfaceDice is the Dice coefficient of the sets of words as written
// (folded, stop words included, no stemming).
func surfaceDice(a, b []ptok) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	sa := make(map[string]bool, len(a))
	for _, t := range a {
		sa[t.fold] = true
	}
	sb := make(map[string]bool, len(b))
	for _, t := range b {
		sb[t.fold] = true
	}
	n := 0
	for f := range sa {
		if sb[f] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(sa)+len(sb))
}

// contentIdx returns the positions of the content words of toks.
func contentIdx(toks []ptok) []int {
	var out []int
	for i, t := range toks {
		if t.term != "" {
			out = append(out, i)
		}
	}
	return out
}

// similarWord reports whether two folded words are spelling or
// inflection variants: Jaro–Winkler ≥ 0.9 or a shared prefix of five
// letters.
func similarWord(a, b string) bool {
	if len(a) < 4 || len(b) < 4 {
		return false
	}
	if len(a) >= 5 && len(b) >= 5 && a[:5] == b[:5] {
		return true
	}
	return jaroWinkler(a, b) >= 0.9
}

// alignedShare returns the aligned fraction of the content words idx of
// toks (count and weight), how many are unaligned, and how many of those
// are capitalised.
func alignedShare(toks []ptok, idx []int, m []bool, w func(string) float64) (frac, wfrac float64, un, caps int) {
	if len(idx) == 0 {
		return 1, 1, 0, 0
	}
	tot, al := 0.0, 0.0
	for i, k := range idx {
		tw := w(toks[k].term)
		tot += tw
		if m[i] {
			al += tw
		} else {
			un++
			if toks[k].cap {
				caps++
			}
		}
	}
	frac = float64(len(idx)-un) / float64(len(idx))
	wfrac = 1
	if tot > 0 {
		wfrac = al / tot
	}
	return frac, wfrac, un, caps
}

// unmatchedNums counts the numbers of a that b does not write.
func unmatchedNums(a, b []ptok) int {
	n := 0
	for _, t := range a {
		if !t.num {
			continue
		}
		f := strings.ReplaceAll(t.fold, ",", "")
		found := false
		for _, u := range b {
			if u.num && strings.ReplaceAll(u.fold, ",", "") == f {
				found = true
				break
			}
		}
		if !found {
			n++
		}
	}
	return n
}

// bleu is a sentence-level BLEU of candidate a against reference b:
// the geometric mean of the add-one smoothed 1- to 4-gram set precisions
// times the brevity penalty.
func bleu(a, b *features) float64 {
	if len(a.seq) == 0 || len(b.seq) == 0 {
		return 0
	}
	lp := 0.0
	for _, g := range [][2][]uint32{{a.unigrams, b.unigrams}, {a.bigrams, b.bigrams}, {a.trigrams, b.trigrams}, {a.fourgrams, b.fourgrams}} {
		lp += math.Log((float64(common(g[0], g[1])) + 1) / (float64(len(g[0])) + 1))
	}
	bp := 1.0
	if c, r := float64(len(a.seq)), float64(len(b.seq)); c < r {
		bp = math.Exp(1 - r/c)
	}
	return bp * math.Exp(lp/4)
}

// precision is the share of the sorted set a found in the sorted set b.
func precision(a, b []uint32) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(common(a, b)) / float64(len(a))
}

// common counts the elements two sorted sets share.
func common(a, b []uint32) int {
	i, j, n := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
