package compare

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// Default thresholds of Analyze. The fact and counterpart thresholds were
// set on the seed corpus's reference judgements (testdata/seed-gold.json),
// the only labelled same-claim data for whole articles we have, without
// any rule naming its articles, sentences or numbers; see README for the
// figures.
const (
	// DefaultFactThreshold is the link score at which two sentences of
	// different outlets state the same claim and may form a fact.
	// With average-link clustering it is also the least mean link score
	// over a fact's pairs of sentences from different outlets (an
	// unlinked pair counting 0).
	DefaultFactThreshold = 0.12
	// DefaultCounterpartThreshold is the link score at which a sentence
	// counts as having a counterpart in another outlet (members of a
	// fact always have one). Links down to the lower of the two
	// thresholds count towards a fact's mean.
	DefaultCounterpartThreshold = 0.20
	// minSharedWeight is the least summed weight of shared terms for a
	// link: one rare shared word is not a shared claim.
	minSharedWeight = 1.6
	// minContentWeight is the least summed weight of shared words that
	// are not names (numbers, dates and quotes count too) for a full link.
	minContentWeight = 0.6
)

// Options tunes Analyze. The zero value is usable.
type Options struct {
	// MinOutlets is the least number of outlets a fact needs; 0 means 2.
	MinOutlets int
	// Progress, when set, is called as the analysis advances with the
	// stage name and the work done out of total in that stage. It is
	// called from the goroutine that runs Analyze.
	Progress func(stage string, done, total int)
	// FactThreshold is the sentence link score for facts; 0 means
	// DefaultFactThreshold.
	FactThreshold float64
	// CounterpartThreshold is the link score for HasCounterpart; 0 means
	// DefaultCounterpartThreshold.
	CounterpartThreshold float64
	// ThreadThreshold is the article similarity for grouping threads; 0
	// means DefaultThreadThreshold.
	ThreadThreshold float64
	// StoryThreshold is the article similarity for grouping the stories of
	// a thread; 0 means DefaultStoryThreshold.
	StoryThreshold float64
	// Corrections are the user's fixes to the story grouping, applied in
	// order after it (see Correction).
	Corrections []Correction
	// NoMisses skips finding each unlinked sentence's nearest misses
	// (NearestMisses then has none). Only the reader's Why? panel shows
	// them; on 10,000 articles they are some 45 MB of the result.
	NoMisses bool
	// NoFacts stops after the threads and stories: no sentence is linked,
	// and the result has no facts, counterparts or omissions (`parallax
	// stories` prints only the grouping).
	NoFacts bool
	// ConfigDir is the user's configuration directory (corpus.ConfigDir),
	// whose aliases.tsv, spelling.tsv and concepts.tsv extend the shipped
	// matching data; "" means the shipped data only. The files are read
	// on every call that finds them there.
	ConfigDir string
}

// withDefaults fills the zero fields of o with the defaults.
func (o Options) withDefaults() Options {
	if o.MinOutlets <= 0 {
		o.MinOutlets = 2
	}
	if o.FactThreshold <= 0 {
		o.FactThreshold = DefaultFactThreshold
	}
	if o.CounterpartThreshold <= 0 {
		o.CounterpartThreshold = DefaultCounterpartThreshold
	}
	if o.ThreadThreshold <= 0 {
		o.ThreadThreshold = DefaultThreadThreshold
	}
	if o.StoryThreshold <= 0 {
		o.StoryThreshold = DefaultStoryThreshold
	}
	return o
}

// Result is the outcome of Analyze: threads, stories, facts and
// omissions, plus indexes for looking them up by sentence and outlet.
type Result struct {
	Threads   []Thread   `json:"threads"`
	Stories   []Story    `json:"stories"`
	Facts     []Fact     `json:"facts"`
	Omissions []Omission `json:"omissions"`
	// Problems are corrections that could not be applied, and why.
	Problems []string `json:"problems,omitempty"`

	// idx looks facts up by id and by sentence, built on first use: the
	// command line prints facts and never asks.
	idx         *factIndex
	counterpart sentSet
	omitted     map[string][]string
	misses      map[sentKey][]Miss
}

type sentKey struct {
	article  string
	sentence int
}

// sentSet is a set of sentences: by article id, a bit set of sentence
// indices. It is a small fraction of a map keyed by sentence.
type sentSet map[string][]uint64

func (s sentSet) add(article string, sentence int) {
	b := s[article]
	if w := sentence / 64; w >= len(b) {
		b = append(b, make([]uint64, w+1-len(b))...)
		s[article] = b
	}
	b[sentence/64] |= 1 << (sentence % 64)
}

func (s sentSet) has(article string, sentence int) bool {
	b := s[article]
	return sentence >= 0 && sentence/64 < len(b) && b[sentence/64]&(1<<(sentence%64)) != 0
}

// factIndex holds the lookups of a Result's facts by id and by sentence.
type factIndex struct {
	once       sync.Once
	nMembers   int
	byID       map[string]*Fact
	bySentence map[sentKey][]*Fact
}

// index makes the lookups of facts by id and by sentence, to be built
// on first use.
func (r *Result) index(nMembers int) {
	r.idx = &factIndex{nMembers: nMembers}
}

// lookups returns the fact lookups, building them the first time.
func (r *Result) lookups() *factIndex {
	ix := r.idx
	if ix == nil {
		return &factIndex{}
	}
	ix.once.Do(func() {
		ix.byID = make(map[string]*Fact, len(r.Facts))
		ix.bySentence = make(map[sentKey][]*Fact, ix.nMembers)
		for i := range r.Facts {
			f := &r.Facts[i]
			ix.byID[f.ID] = f
			for _, m := range f.Members {
				k := sentKey{m.Article, m.Sentence}
				ix.bySentence[k] = append(ix.bySentence[k], f)
			}
		}
	})
	return ix
}

// FactsOf returns the facts the given sentence (an index into
// Article.Sentences) belongs to.
func (r *Result) FactsOf(article string, sentence int) []*Fact {
	if r == nil {
		return nil
	}
	return r.lookups().bySentence[sentKey{article, sentence}]
}

// HasCounterpart reports whether the sentence is linked to some sentence
// of another outlet (at the looser counterpart threshold).
func (r *Result) HasCounterpart(article string, sentence int) bool {
	if r == nil {
		return false
	}
	return r.counterpart.has(article, sentence)
}

// OmittedBy returns the labels of the facts most other outlets of the
// outlet's story carry and it does not.
func (r *Result) OmittedBy(outlet string) []string {
	if r == nil {
		return nil
	}
	return r.omitted[outlet]
}

// Fact returns the fact with the given id, or nil.
func (r *Result) Fact(id string) *Fact {
	if r == nil {
		return nil
	}
	return r.lookups().byID[id]
}

// unit is one sentence under analysis, in compact form.
type unit struct {
	art, sent, outlet, story int32
	terms                    []int32   // sorted term ids
	nameBits                 uint64    // bit k: the k-th term is a name (see name)
	ex                       *extras   // numbers, dates, quotes, what a long sentence keeps beyond the unit; the shared noEx when none
	w                        float64   // summed term weight
	heading                  bool      // a title or sub-heading
	looks                    uint8     // what the sentence was found to do, once asked (see looks)
	nseg                     uint8     // the number of segments, when segOf is set
	side                     sideFlags // the clauses that do not state the sentence's claim, when segOf is set
	// segAt is where the weights of the unit's segments start in the
	// arena of the scorer that prepared its thread (storyScorer.segW).
	segAt int32
}

// A unit's segOf is, per term, the bit set of the segments holding it,
// when the sentence has more than one clause and at most 16 segments: the
// clause scores need it for every candidate, and it does not change.
// Segments are the clauses and pairs of adjacent clauses; a sentence with
// more, or with more than 64 terms, keeps them as term lists in its
// extras (extras.segs; see nSegs and segList). The sets are kept after the
// unit's terms, in their array beyond their length, two to a word: a unit
// is 72 bytes, not 96 with a slice of its own.

// segWords is the number of words after a unit's n terms that hold their
// segment sets.
func segWords(n int) int { return max(1, (n+1)/2) }

// hasSegOf reports whether u keeps its segments as segOf sets.
func (u *unit) hasSegOf() bool { return cap(u.terms) > len(u.terms) }

// segOf is the bit set of u's segments holding its k-th term; u must
// have them (hasSegOf).
func (u *unit) segOf(k int) uint16 {
	return uint16(u.terms[:cap(u.terms)][len(u.terms)+k>>1] >> ((k & 1) * 16))
}

// keepSegOf gives u's terms, the last taken from ar, room for their
// segment sets after them (zero: ar is fresh there), and returns ar with
// the room taken.
func (u *unit) keepSegOf(ar []int32) []int32 {
	n := len(ar) + segWords(len(u.terms))
	u.terms = ar[len(ar)-len(u.terms) : len(ar) : n]
	return ar[:n]
}

// addSegOf records that u's k-th term is in its segment si.
func (u *unit) addSegOf(k, si int) {
	u.terms[:cap(u.terms)][len(u.terms)+k>>1] |= int32(uint32(1) << (si + (k&1)*16))
}

// sentRef is a sentence: an article index and a sentence index in it.
type sentRef struct{ art, sent int32 }

// extras are the numbers, dates and quotations of a unit, and its long
// segment lists; most sentences have none, so units hold them by pointer (the analysis's shared empty
// noEx when none).
type extras struct {
	nums   []Quantity
	dates  []Date
	quotes []quote
	// long is what only a long sentence has, nil for the others: a
	// unit's extras are one of the larger parts of the analysis's memory.
	long *longExtras
}

// longExtras are the segment lists and late name flags of a long sentence.
type longExtras struct {
	// segs are the sentence's segments as sorted term ids, when it has
	// more than one clause and segOf cannot hold them all (rare).
	segs [][]int32
	// names are the name flags of the terms after the 64th, nil when
	// none of them is a name (a long sentence is rare).
	names []bool
}

// segs are the unit's segments as term lists, when segOf cannot hold
// them (see longExtras.segs).
func (e *extras) segs() [][]int32 {
	if e.long == nil {
		return nil
	}
	return e.long.segs
}

// name reports whether u's k-th term is written as a name in it.
func (u *unit) name(k int) bool {
	if k < 64 {
		return u.nameBits>>uint(k)&1 != 0
	}
	l := u.ex.long
	return l != nil && k-64 < len(l.names) && l.names[k-64]
}

// analysis is the state of one Analyze run.
type analysis struct {
	c       *corpus.Corpus
	opts    Options
	lx      *lexicon
	acr     map[string][]acronym
	units   []*unit // by unit index; each article's in an array of its own, dropped once its thread is linked
	vocab   map[string]int32
	strs    []string  // term by id
	isName  []bool    // by id: written as a name somewhere
	surf    []string  // a surface form by id
	lowSurf []string  // by id: a surface form opening in lower case ("missiles" beside "Missiles"), "" when none was seen
	df      []int32   // sentences holding the term
	wts     []float64 // blended weight by id
	outlets []string  // outlet name by id
	artOut  []int32   // outlet id by article
	artUnit [][]int32 // unit indices by article

	// fuzzy is, by term id, its first byte and length (byte<<32 | len)
	// for a term linkParts compares letter by letter with unshared names
	// (five bytes or more, not an entity), 0 for others.
	fuzzy []uint64
	// lead is, by term id, the term's first byte when it marks an entity
	// ('@') or a code ('#'), else 0: decideContentName reads it for every
	// term of every story, where the term's text is seldom in the cache.
	lead []byte

	noEx   *extras   // the empty extras shared by units without any; never written
	bgIDF  []float64 // background IDF by term id
	nUnits int

	docs        []eventDoc    // by article: what story grouping compares
	anchorOcc   [][]eventTerm // by article: its numbers and dates as anchor occurrences
	anchorBase  int32         // term ids from here on are numbers and dates (eventDoc anchors)
	outletsOnce sync.Once
	known       []string              // the corpus's named outlets, sorted (knownOutlets)
	published   map[string]*time.Time // by article id
	problems    []string              // corrections not applied
}

// Analyze groups the corpus into threads and stories, links sentences of
// different outlets that state the same claim into facts (within a
// thread), and finds discrepancies and omissions. It is a pure function of
// the corpus and options.
func Analyze(ctx context.Context, c *corpus.Corpus, opts Options) (*Result, error) {
	if c == nil {
		return nil, fmt.Errorf("analyze: nil corpus")
	}
	opts = opts.withDefaults()
	lx, err := lexiconFor(opts.ConfigDir)
	if err != nil {
		return nil, fmt.Errorf("analyze: load matching lexicon: %w", err)
	}
	x := newAnalysis(c, opts, lx)
	if err := x.analyzeSentences(ctx); err != nil {
		return nil, err
	}
	x.published = publishedOf(c)
	g := x.groupStories(ctx)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	res := &Result{
		counterpart: sentSet{},
		omitted:     map[string][]string{},
		Threads:     make([]Thread, len(g.threads)),
		Stories:     make([]Story, len(g.stories)),
		Facts:       []Fact{},
		Omissions:   []Omission{},
		Problems:    x.problems,
	}
	// Stories are described first: facts name them. Threads are named, then
	// stories described, on every core: each reads only its articles.
	{
		workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(g.stories)/64))
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				var ids []string
				for ti := w; ti < len(g.threads); ti += workers {
					ids = ids[:0]
					for _, si := range g.threads[ti] {
						for _, ai := range g.stories[si] {
							ids = append(ids, c.Articles[ai].ID)
						}
					}
					res.Threads[ti] = Thread{ID: threadID(ids), Stories: []string{}}
				}
			})
		}
		wg.Wait()
		for w := range workers {
			wg.Go(func() {
				for si := w; si < len(g.stories); si += workers {
					res.Stories[si] = x.describeStory(g.stories[si], x.docs, res.Threads[g.threadOf[si]].ID)
				}
			})
		}
		wg.Wait()
	}
	// Of the articles' event docs only the day is read from here on: the
	// terms and vectors go before the threads' sentences are linked.
	for i := range x.docs {
		x.docs[i] = eventDoc{day: x.docs[i].day}
	}
	type threadOut struct {
		label       string
		facts       []Fact
		counterpart []sentRef // sentences linked at the counterpart threshold
		misses      map[sentKey][]Miss
	}
	outs := make([]threadOut, len(g.threads))
	work := make(chan int)
	done := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(g.threads)))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := newStoryScorer(x)
			for ti := range work {
				var members []int32
				for _, si := range g.threads[ti] {
					for _, ai := range g.stories[si] {
						members = append(members, x.artUnit[ai]...)
					}
				}
				slices.Sort(members)
				sc.prepare(members)
				o := threadOut{label: sc.threadLabel(members), misses: map[sentKey][]Miss{}}
				if !opts.NoFacts {
					sc.linkThread(members, res.Stories, &o.facts, &o.counterpart, o.misses)
				}
				// The thread is done and no other reads its units: they go,
				// with their articles' arrays, so a large corpus does not
				// hold every sentence's features to the end.
				for _, ui := range members {
					x.units[ui] = nil
				}
				outs[ti] = o
				done <- ti
			}
		}()
	}
	go func() {
		defer close(work)
		for ti := range g.threads {
			if ctx.Err() != nil {
				return
			}
			work <- ti
		}
	}()
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for range done {
		finished++
		x.progress("linking sentences", finished, len(g.threads))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	for ti := range res.Threads {
		res.Threads[ti].Label = outs[ti].label
		for _, si := range g.threads[ti] {
			res.Threads[ti].Stories = append(res.Threads[ti].Stories, res.Stories[si].ID)
		}
	}
	// The units are all spent: what is left of them goes before the
	// result's indexes are built.
	x.units, x.artUnit, x.docs = nil, nil, nil
	nFacts, nMembers := 0, 0
	for _, o := range outs {
		nFacts += len(o.facts)
		for _, f := range o.facts {
			nMembers += len(f.Members)
		}
	}
	res.Facts = make([]Fact, 0, nFacts)
	res.misses = map[sentKey][]Miss{}
	for i, o := range outs {
		res.Facts = append(res.Facts, o.facts...)
		for k, ms := range o.misses {
			res.misses[k] = ms
		}
		outs[i].facts, outs[i].misses = nil, nil
	}
	threadIdx := map[string]int{}
	for i, th := range res.Threads {
		threadIdx[th.ID] = i
	}
	sort.SliceStable(res.Facts, func(i, j int) bool {
		a, b := &res.Facts[i], &res.Facts[j]
		if a.Thread != b.Thread {
			return threadIdx[a.Thread] < threadIdx[b.Thread]
		}
		if len(a.Outlets) != len(b.Outlets) {
			return len(a.Outlets) > len(b.Outlets)
		}
		if len(a.Members) != len(b.Members) {
			return len(a.Members) > len(b.Members)
		}
		return a.ID < b.ID
	})
	// Omissions and counterparts read the facts and write apart.
	var omitting sync.WaitGroup
	omitting.Go(func() { omissions(res, c) })
	res.counterpart = make(sentSet, len(c.Articles))
	for _, o := range outs {
		for _, r := range o.counterpart {
			res.counterpart.add(c.Articles[r.art].ID, int(r.sent))
		}
	}
	for i := range res.Facts {
		for _, m := range res.Facts[i].Members {
			res.counterpart.add(m.Article, m.Sentence)
		}
	}
	omitting.Wait()
	res.index(nMembers)
	// A fact's member has a counterpart, even when linked below the
	// counterpart threshold: nearest misses are for the others.
	for k := range res.misses {
		if res.counterpart.has(k.article, k.sentence) {
			delete(res.misses, k)
		}
	}
	return res, nil
}
