package compare

import (
	"github.com/parallax-reader/parallax/corpus/textdist"
	"math"
	"math/bits"
	"slices"
)

// storyScorer links the sentences of one story with term weights from
// that story alone (blended with the background), so the facts of a story
// do not change when unrelated stories are added to the corpus. Its wts
// and df shadow the corpus-wide ones of the embedded analysis.
type storyScorer struct {
	*analysis
	wts    []float64 // by term id; valid for the current story's terms
	df     []int32
	cname  []bool  // by term id: contentName, decided once per story
	pos    []int32 // by unit: position in the current story
	nUnits int
	terms  []int32 // the current story's terms, to reset
	// artDF and lastArt count the articles of the story holding a term.
	artDF, lastArt []int32
	an             *analyzer // for labels; made on first use
	// Postings of the current story's terms when linking: term t's
	// story positions are postArena[postAt[t]:postEnd[t]] (-1 when not
	// indexed); posOutlet is the outlet by story position.
	postAt, postEnd []int32
	postArena       []int32
	posOutlet       []int32
	firstCands      []mergeCand // the initial merges when clustering
	laterCands      mergeHeap   // the rescored merges when clustering
	mergeTmp        []mergeCand // scratch for sorting firstCands
	score           []float64   // by term id: summed weight, for story labels
	labelScores     []termScore // threadLabel's candidate terms
	// found are the links scored in a story; linkArena holds the
	// story's links by unit, counted per story position in linkCnt.
	found     []foundLink
	linkArena []link
	linkCnt   []int32
	linkBy    [][]link // the story's links by position, cut from linkArena
	// linkStory's candidate scratch: accumulators and hit counts by story
	// position, the positions touched, a unit's rare terms, candidates.
	lsAcc             []float64
	lsHits            []int32
	lsTouched, lsRare []int32
	lsCands           []cand
	// For facts: inFact marks a fact's members by story position;
	// sharedAt[t] == stamp marks the terms a label's other members hold;
	// words are a clause's words.
	inFact     []bool
	sharedAt   []uint32
	stamp      uint32
	words      []word
	clauses    []string          // label's clauses left to weigh
	labelTerms map[string]int32  // see labelTerm
	ownName    map[[2]int32]bool // (story, term): a name characteristic of the story (storyNames)
	// holdAt, holds, seenArt and artStamp are storyNames' counts by term.
	holdAt   []int32
	holds    []storyHold
	seenArt  []uint32
	artStamp uint32
	// missed are the pairs scored below the link thresholds while
	// linking, for the nearest misses of sentences left unlinked.
	missed []foundLink
	// missCands and missBest are nearestMisses' buffers.
	missCands []missCand
	missBest  []foundLink
	// mark, markNames, markU and markTerms are linkParts' marks of one
	// unit's terms (see markFor).
	mark      []uint8
	markNames uint64
	markU     *unit
	markTerms []int32
	// calName is calendarName by term: 0 not yet known, 1 no, 2 yes.
	calName []uint8
	lp      linkScratch
	// segW holds the segment weights of the current thread's units, each
	// unit's from its segAt (see segWeights).
	segW []float64
	// surfaces remembers surfaceOf by (article, sentence, term) for the
	// current thread; lowText is the sentence it last lower-cased.
	surfaces map[[3]int32]string
	// backOf remembers backClauses by unit for the current thread.
	backOf  map[*unit]uint8
	lowText struct {
		art, sent int32
		text, low string
	}
	// shown are the evidence lists (terms, names) made lately, and where
	// the next goes (see shownList).
	shown   [2][shownKept][]string
	shownAt [2]int
	listBuf []string
}

func newStoryScorer(x *analysis) *storyScorer {
	return &storyScorer{analysis: x, wts: make([]float64, len(x.strs)), df: make([]int32, len(x.strs)), cname: make([]bool, len(x.strs)), pos: make([]int32, len(x.units)),
		surfaces: map[[3]int32]string{}}
}

// maxLabelTerms is how many words a scorer's labelTerms keeps before it
// starts again.
const maxLabelTerms = 1 << 13

// prepare sets the weights for a story and each member's summed weights.
// Members of different stories are disjoint, so scorers running in
// parallel on different stories write different units.
func (x *storyScorer) prepare(members []int32) {
	clear(x.surfaces)
	clear(x.backOf)
	x.segW = x.segW[:0]
	if len(x.labelTerms) > maxLabelTerms {
		// A cache of the words of labels, which a thread's share: it
		// starts again rather than grow with the corpus (in the same
		// table, not one grown again from nothing).
		clear(x.labelTerms)
	}
	for _, t := range x.terms {
		x.df[t] = 0
		x.wts[t] = 0
	}
	x.terms = x.terms[:0]
	for _, ui := range members {
		for _, t := range x.units[ui].terms {
			if x.df[t] == 0 {
				x.terms = append(x.terms, t)
			}
			x.df[t]++
		}
	}
	x.nUnits = len(members)
	n := float64(len(members))
	alpha := backgroundK / (backgroundK + n)
	ln := math.Log(n + 1)
	for _, t := range x.terms {
		x.wts[t] = blend(x.bgIDF[t], x.df[t], n, alpha, ln)
		x.cname[t] = x.decideContentName(t)
	}
	x.discountTopic(members)
	x.storyNames(members)
	for _, ui := range members {
		u := x.units[ui]
		u.w = 0
		u.segAt = int32(len(x.segW))
		if u.ex.segs() == nil && u.hasSegOf() {
			// Segments kept as segOf bits: each segment's weight is summed
			// over its terms in ascending order, as from extras.segs.
			at := len(x.segW)
			x.segW = slices.Grow(x.segW, int(u.nseg))[:at+int(u.nseg)]
			segW := x.segW[at:]
			clear(segW)
			for k, t := range u.terms {
				m := u.segOf(k)
				if m == 0 {
					continue
				}
				w := x.termWeight(t)
				for ; m != 0; m &= m - 1 {
					segW[bits.TrailingZeros16(m)] += w
				}
			}
		}
		for _, sg := range u.ex.segs() {
			w := 0.0
			for _, t := range sg {
				w += x.termWeight(t)
			}
			x.segW = append(x.segW, w)
		}
		for k, t := range u.terms {
			if u.name(k) && !x.contentName(t) {
				u.w += x.wts[t] * nameFactor
			} else {
				u.w += x.wts[t]
			}
		}
	}
}

// discountTopic lowers the weight of the story's topic terms: terms that
// most of the story's articles use ("the treaty", the minister's name, the
// weapon at issue) say what the story is about, not which claim a sentence
// makes, so sharing them must not make a link. The share is computed per
// story from the terms' article frequency; nothing is named.
func (x *storyScorer) discountTopic(members []int32) {
	if cap(x.artDF) < len(x.strs) {
		x.artDF = make([]int32, len(x.strs))
		x.lastArt = make([]int32, len(x.strs))
	}
	x.artDF, x.lastArt = x.artDF[:len(x.strs)], x.lastArt[:len(x.strs)]
	for _, t := range x.terms {
		x.artDF[t], x.lastArt[t] = 0, -1
	}
	arts := 0
	prev := int32(-1)
	for _, ui := range members {
		u := x.units[ui]
		if u.art != prev {
			arts++
			prev = u.art
		}
		for _, t := range u.terms {
			if x.lastArt[t] != u.art {
				x.lastArt[t] = u.art
				x.artDF[t]++
			}
		}
	}
	if arts < minTopicArticles {
		return
	}
	for _, t := range x.terms {
		share := float64(x.artDF[t]) / float64(arts)
		if share > topicShare {
			// Linear from full weight at topicShare to topicFloor of it
			// when every article uses the term.
			f := 1 - (1-topicFloor)*(share-topicShare)/(1-topicShare)
			x.wts[t] *= f
		}
	}
}

// Topic terms: a story needs minTopicArticles articles before terms are
// judged topical; a term in more than topicShare of its articles loses
// weight, down to topicFloor of it when all of them use it.
const (
	minTopicArticles = 4
	topicShare       = 0.6
	topicFloor       = 0.6
)

// termWeight is a term's weight in a segment: names many sentences
// mention count less.
func (x *storyScorer) termWeight(t int32) float64 {
	if x.isName[t] && !x.contentName(t) {
		return x.wts[t] * nameFactor
	}
	return x.wts[t]
}

// contentName reports whether a name is part of what a sentence claims
// rather than who says it (see decideContentName); t is a term of the
// current story.
func (x *storyScorer) contentName(t int32) bool { return x.cname[t] }

// decideContentName reports whether a name is part of what a sentence
// claims rather than who says it: a place, country or organisation of the
// alias table, or a code such as a weapon designation, that few sentences
// of the story mention. People's names never are. prepare decides it once
// per story term, as the scoring loops ask it for every shared term.
func (x *storyScorer) decideContentName(t int32) bool {
	m := x.lead[t] // '@', '#' or 0 as x.strs[t] opens
	if m == 0 || float64(x.df[t]) > math.Max(2, rareNameShare*float64(x.nUnits)) {
		return false
	}
	if m == '@' {
		return x.lx.entity[x.strs[t][1:]].Kind != "person"
	}
	return true
}

func uniqSorted(v []int32) []int32 {
	slices.Sort(v)
	out := v[:0]
	for i, t := range v {
		if i == 0 || t != v[i-1] {
			out = append(out, t)
		}
	}
	return out
}

// sortTerms sorts term ids ascending, keeping names aligned, and returns
// in pos (reused) each term's new place by its old. The ids are distinct:
// each id, its old place and its name flag are packed into one key and
// the keys sorted (a sentence holds a few dozen terms).
func sortTerms(t []int32, n []bool, pos []int) []int {
	var buf [64]uint64
	keys := buf[:0]
	for i, id := range t {
		k := uint64(uint32(id))<<32 | uint64(i)<<1
		if n[i] {
			k |= 1
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	pos = slices.Grow(pos[:0], len(t))[:len(t)]
	for i, k := range keys {
		t[i], n[i] = int32(k>>32), k&1 == 1
		pos[k>>1&(1<<31-1)] = i
	}
	return pos
}

// link is a scored link from one unit to another.
type link struct {
	to    int32
	score float64
}

// linkScore scores whether two sentences state the same claim: the mean
// of the weighted cosine and the containment of the shorter in the longer,
// plus agreement of numbers, dates and quotations, damped when the shared
// weight is small.
func (x *storyScorer) linkScore(a, b *unit) float64 {
	s, _, _ := x.linkParts(a, b)
	return s
}

// maxStoryPost is the most story centroids a term may be in and still be
// used to find an article's story.
const maxStoryPost = 64

// maxCandidates is how many candidate sentences each sentence is scored
// against, ranked by the weight of the indexed terms they share over the
// geometric mean of the two sentences' weights (a cosine): ranked by the
// shared weight alone, long sentences sharing the story's common words
// crowd out the short one that states the same claim. Links are
// symmetric, so a sentence may end up with more links.
const maxCandidates = 16

// maxPerOutlet is how many sentences of one outlet a fact may hold.
const maxPerOutlet = 2

// clauseFactor discounts a link found between clauses against one between
// whole sentences.
const clauseFactor = 0.9

// overlap returns the shared weight and shared content weight of two
// sorted term lists.
func (x *storyScorer) overlap(a, b []int32) (float64, float64) {
	shared, content := 0.0, 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			w := x.termWeight(a[i])
			shared += w
			if !x.isName[a[i]] || x.contentName(a[i]) {
				content += x.wts[a[i]]
			}
			i++
			j++
		}
	}
	return shared, content
}

// nameFactor is how much a shared name counts against a shared content
// word: two sentences naming the same people and places may still say
// different things.
const nameFactor = 0.5

// rareNameShare is the largest share of the corpus's sentences that may
// mention a place, organisation or code for it to count as content: a name
// few sentences mention is part of what they claim.
const rareNameShare = 0.10

// claimScore combines the shared weight with the agreement of numbers,
// dates and quotes into a link score in [0, 1]. Links resting on names
// alone, or on little shared weight, are damped.
func claimScore(shared, content, wa, wb float64, ag agreement) float64 {
	if wa <= 0 || wb <= 0 {
		return 0
	}
	cos := shared / math.Sqrt(wa*wb)
	cont := math.Min(1, shared/math.Min(wa, wb))
	s := 0.5*cos + 0.5*cont + ag.bonus
	content += ag.content
	if shared < minSharedWeight {
		s *= shared / minSharedWeight
	}
	if content < minContentWeight {
		s *= content / minContentWeight
	}
	return math.Min(1, s)
}

// agreement is what two sentences' numbers, dates and quotes add to a
// link: a score bonus and weight that counts as shared content.
type agreement struct {
	bonus, content float64
}

// agree measures the agreement of two units' numbers, dates and quotes.
func agree(a, b *unit) agreement {
	var g agreement
	for _, qa := range a.ex.nums {
		for _, qb := range b.ex.nums {
			if sameQuantity(qa, qb) {
				g.bonus += 0.06
				g.content += 0.5
			} else if qa.Unit != "" && qa.Unit == qb.Unit {
				g.bonus += 0.03
				g.content += 0.25
			}
		}
	}
	for _, da := range a.ex.dates {
		for _, db := range b.ex.dates {
			if da.Shared(db) {
				g.bonus += 0.06
				g.content += 0.5
			}
		}
	}
	for _, qa := range a.ex.quotes {
		for _, qb := range b.ex.quotes {
			if sharedQuote(qa, qb) {
				g.bonus += 0.15
				g.content += 1
			}
		}
	}
	g.bonus = math.Min(g.bonus, 0.2)
	return g
}

// sharedQuote reports whether two quotations hold the same words, allowing
// small edits: their longest common subsequence of stems covers at least
// four words and 70% of the shorter.
func sharedQuote(qa, qb quote) bool {
	short := min(len(qa.stems), len(qb.stems))
	if short < 4 {
		return false
	}
	// Cheap bound first: the LCS is at most the number of shared stems.
	common := 0
	for _, x := range qa.stems {
		for _, y := range qb.stems {
			if x == y {
				common++
				break
			}
		}
	}
	if common < 4 || float64(common) < 0.7*float64(short) {
		return false
	}
	l := textdist.LCSLength(qa.stems, qb.stems)
	return l >= 4 && float64(l) >= 0.7*float64(short)
}
