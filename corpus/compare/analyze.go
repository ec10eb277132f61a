package compare

import (
	"cmp"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
	// DefaultStoryThreshold is the cosine similarity of an article's
	// weighted term vector to a story's centroid at which the article
	// joins the story (checked on the mixed corpus of testdata/compare and
	// the synthetic benchmark corpora, not tuned on seed-gold).
	DefaultStoryThreshold = 0.12
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
	// StoryThreshold is the article similarity for grouping stories; 0
	// means DefaultStoryThreshold.
	StoryThreshold float64
}

// Result is the outcome of Analyze: stories, facts and omissions, plus
// indexes for looking them up by sentence and outlet.
type Result struct {
	Stories   []Story    `json:"stories"`
	Facts     []Fact     `json:"facts"`
	Omissions []Omission `json:"omissions"`

	byID        map[string]*Fact
	bySentence  map[sentKey][]*Fact
	counterpart map[sentKey]bool
	omitted     map[string][]string
}

type sentKey struct {
	article  string
	sentence int
}

// FactsOf returns the facts the given sentence (an index into
// Article.Sentences) belongs to.
func (r *Result) FactsOf(article string, sentence int) []*Fact {
	if r == nil {
		return nil
	}
	return r.bySentence[sentKey{article, sentence}]
}

// HasCounterpart reports whether the sentence is linked to some sentence
// of another outlet (at the looser counterpart threshold).
func (r *Result) HasCounterpart(article string, sentence int) bool {
	if r == nil {
		return false
	}
	return r.counterpart[sentKey{article, sentence}]
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
	return r.byID[id]
}

// unit is one sentence under analysis, in compact form.
type unit struct {
	art, sent, outlet, story int32
	terms                    []int32 // sorted term ids
	names                    []bool  // per term: a name
	ex                       *extras // numbers, dates and quotes; nil when none
	w                        float64 // summed term weight
	heading                  bool    // a title or sub-heading
	// segs are the sentence's clauses and pairs of adjacent clauses, as
	// sorted term ids, when it has more than one clause; segW their weights.
	segs [][]int32
	segW []float64
	// segOf is, per term, the bit set of the segments holding it, when
	// the sentence has at most 16 segments (nil otherwise): the clause
	// scores need it for every candidate, and it does not change.
	segOf []uint16
}

// extras are the numbers, dates and quotations of a unit; most sentences
// have none, so units hold them by pointer (the analysis's shared empty
// noEx when none).
type extras struct {
	nums   []Quantity
	dates  []Date
	quotes []quote
}

// analysis is the state of one Analyze run.
type analysis struct {
	c       *corpus.Corpus
	opts    Options
	lx      *lexicon
	acr     map[string][]acronym
	units   []unit
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

	noEx   *extras   // the empty extras shared by units without any; never written
	bgIDF  []float64 // background IDF by term id
	nUnits int
}

// Analyze groups the corpus into stories, links sentences of different
// outlets that state the same claim into facts, and finds discrepancies
// and omissions. It is a pure function of the corpus and options.
func Analyze(ctx context.Context, c *corpus.Corpus, opts Options) (*Result, error) {
	if c == nil {
		return nil, fmt.Errorf("analyze: nil corpus")
	}
	if opts.MinOutlets <= 0 {
		opts.MinOutlets = 2
	}
	if opts.FactThreshold <= 0 {
		opts.FactThreshold = DefaultFactThreshold
	}
	if opts.CounterpartThreshold <= 0 {
		opts.CounterpartThreshold = DefaultCounterpartThreshold
	}
	if opts.StoryThreshold <= 0 {
		opts.StoryThreshold = DefaultStoryThreshold
	}
	lx, err := defaultLexicon()
	if err != nil {
		return nil, fmt.Errorf("analyze: load matching lexicon: %w", err)
	}
	x := newAnalysis(c, opts, lx)
	if err := x.analyzeSentences(ctx); err != nil {
		return nil, err
	}
	stories := x.groupStories(ctx)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	res := &Result{
		byID:        map[string]*Fact{},
		bySentence:  map[sentKey][]*Fact{},
		counterpart: map[sentKey]bool{},
		omitted:     map[string][]string{},
		Stories:     []Story{},
		Facts:       []Fact{},
		Omissions:   []Omission{},
	}
	type storyOut struct {
		story       Story
		facts       []Fact
		counterpart []int32
	}
	outs := make([]storyOut, len(stories))
	work := make(chan int)
	done := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(stories)))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := newStoryScorer(x)
			for si := range work {
				members := stories[si]
				sc.prepare(members)
				o := storyOut{story: sc.story(members)}
				links := sc.linkStory(members)
				for p, ls := range links.by {
					if len(ls) > 0 && ls[0].score >= opts.CounterpartThreshold {
						o.counterpart = append(o.counterpart, links.members[p])
					}
				}
				// Larger facts first, so a fact that shares its most
				// central sentence with a smaller one keeps that label.
				clusters := sc.cluster(links)
				slices.SortStableFunc(clusters, func(a, b []int32) int { return cmp.Compare(len(b), len(a)) })
				labels := map[string]bool{}
				for _, f := range clusters {
					o.facts = append(o.facts, sc.buildFact(f, links, o.story.ID, labels))
				}
				// The story is done: its sentences' features are no longer
				// needed, so a large corpus does not hold them all to the end.
				for _, ui := range members {
					u := &x.units[ui]
					*u = unit{art: u.art, sent: u.sent, outlet: u.outlet, story: u.story, ex: x.noEx}
				}
				outs[si] = o
				done <- si
			}
		}()
	}
	go func() {
		defer close(work)
		for si := range stories {
			if ctx.Err() != nil {
				return
			}
			work <- si
		}
	}()
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for range done {
		finished++
		x.progress("linking sentences", finished, len(stories))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	nFacts, nMembers, nCounterpart := 0, 0, 0
	for _, o := range outs {
		nFacts += len(o.facts)
		nCounterpart += len(o.counterpart)
		for _, f := range o.facts {
			nMembers += len(f.Members)
		}
	}
	res.Stories = make([]Story, 0, len(outs))
	res.Facts = make([]Fact, 0, nFacts)
	for _, o := range outs {
		res.Stories = append(res.Stories, o.story)
		res.Facts = append(res.Facts, o.facts...)
	}
	storyIdx := map[string]int{}
	for i, st := range res.Stories {
		storyIdx[st.ID] = i
	}
	sort.SliceStable(res.Facts, func(i, j int) bool {
		a, b := &res.Facts[i], &res.Facts[j]
		if a.Story != b.Story {
			return storyIdx[a.Story] < storyIdx[b.Story]
		}
		if len(a.Outlets) != len(b.Outlets) {
			return len(a.Outlets) > len(b.Outlets)
		}
		if len(a.Members) != len(b.Members) {
			return len(a.Members) > len(b.Members)
		}
		return a.ID < b.ID
	})
	// The indexes and the omissions are independent of one another: build
	// them side by side, each map sized up front (growing maps of 100,000
	// sentences rehashes them again and again).
	var tail sync.WaitGroup
	tail.Add(2)
	go func() {
		defer tail.Done()
		res.counterpart = make(map[sentKey]bool, max(nCounterpart, nMembers))
		for _, o := range outs {
			for _, u := range o.counterpart {
				un := &x.units[u]
				res.counterpart[sentKey{c.Articles[un.art].ID, int(un.sent)}] = true
			}
		}
		for i := range res.Facts {
			for _, m := range res.Facts[i].Members {
				res.counterpart[sentKey{m.Article, m.Sentence}] = true
			}
		}
	}()
	go func() {
		defer tail.Done()
		x.omissions(res)
	}()
	res.byID = make(map[string]*Fact, nFacts)
	res.bySentence = make(map[sentKey][]*Fact, nMembers)
	for i := range res.Facts {
		f := &res.Facts[i]
		res.byID[f.ID] = f
		for _, m := range f.Members {
			k := sentKey{m.Article, m.Sentence}
			res.bySentence[k] = append(res.bySentence[k], f)
		}
	}
	tail.Wait()
	return res, nil
}

func newAnalysis(c *corpus.Corpus, opts Options, lx *lexicon) *analysis {
	return &analysis{c: c, opts: opts, lx: lx, vocab: map[string]int32{}, noEx: &extras{}}
}

func (x *analysis) progress(stage string, done, total int) {
	if x.opts.Progress != nil {
		x.opts.Progress(stage, done, total)
	}
}

// linkable reports whether a sentence takes part in matching.
func linkable(s corpus.Sentence) bool {
	return s.Role == corpus.RoleBody || s.Role == corpus.RoleTitle || s.Role == corpus.RoleHeading || s.Role == ""
}

// analyzeSentences computes the compact features of every sentence, the
// vocabulary and the blended term weights.
func (x *analysis) analyzeSentences(ctx context.Context) error {
	c := x.c
	x.acr = map[string][]acronym{}
	outletID := map[string]int32{}
	x.artOut = make([]int32, len(c.Articles))
	x.artUnit = make([][]int32, len(c.Articles))
	// Acronyms defined anywhere in the corpus, found in parallel and merged
	// in article order.
	found := make([]map[string][]acronym, len(c.Articles))
	{
		workers := min(runtime.GOMAXPROCS(0), 8)
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for ai := w; ai < len(c.Articles); ai += workers {
					if strings.Contains(c.Articles[ai].Text, "(") {
						m := map[string][]acronym{}
						findAcronyms(c.Articles[ai].Text, m)
						found[ai] = m
					}
				}
			}(w)
		}
		wg.Wait()
	}
	type ref struct{ art, sent int32 }
	refs := make([]ref, 0, 16*len(c.Articles))
	for ai, a := range c.Articles {
		for _, as := range sortedAcronyms(found[ai]) {
			addAcronym(x.acr, as)
		}
		name := a.Outlet
		if name == "" {
			name = "unknown (" + a.ID + ")"
		}
		id, ok := outletID[name]
		if !ok {
			id = int32(len(x.outlets))
			outletID[name] = id
			x.outlets = append(x.outlets, name)
		}
		x.artOut[ai] = id
		for si, s := range a.Sentences {
			if linkable(s) {
				refs = append(refs, ref{int32(ai), int32(si)})
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	ans := make([]*analyzer, workers)
	for i := range ans {
		ans[i] = newAnalyzer(x.lx, x.acr)
		ans[i].noNgrams = true
	}
	// A sentence repeated word for word (wire copy, boilerplate) is
	// analysed once; sentences holding a dateline are always analysed.
	dup := make([]int32, len(refs))
	seen := make(map[string]int32, len(refs))
	for i, r := range refs {
		dup[i] = -1
		a := c.Articles[r.art]
		s := a.Sentences[r.sent]
		if a.Dateline != nil && a.Dateline.Overlaps(s.Span) {
			continue
		}
		if j, ok := seen[s.Text]; ok {
			dup[i] = j
		} else {
			seen[s.Text] = int32(i)
		}
	}
	x.units = make([]unit, 0, len(refs))
	const block = 4096
	// Workers analyse the next block while this goroutine interns the
	// current one.
	bufs := [2][]features{make([]features, block), make([]features, block)}
	start := func(lo int, fts []features) *sync.WaitGroup {
		hi := min(lo+block, len(refs))
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := lo + w; i < hi; i += workers {
					if dup[i] >= 0 {
						continue
					}
					r := refs[i]
					ans[w].analyzeInto(&fts[i-lo], c.Articles[r.art].Sentences[r.sent].Text)
				}
			}(w)
		}
		return &wg
	}
	var pending *sync.WaitGroup
	if len(refs) > 0 {
		pending = start(0, bufs[0])
	}
	for bi, lo := 0, 0; lo < len(refs); bi, lo = bi+1, lo+block {
		pending.Wait()
		fts := bufs[bi%2]
		if lo+block < len(refs) {
			pending = start(lo+block, bufs[(bi+1)%2])
		}
		if err := ctx.Err(); err != nil {
			if lo+block < len(refs) {
				pending.Wait()
			}
			return fmt.Errorf("analyze: %w", err)
		}
		x.progress("analysing sentences", lo, len(refs))
		hi := min(lo+block, len(refs))
		for i := lo; i < hi; i++ {
			r := refs[i]
			art := c.Articles[r.art]
			if j := dup[i]; j >= 0 {
				// Share the first copy's read-only features; weights are
				// the unit's own.
				src := &x.units[j]
				role := art.Sentences[r.sent].Role
				x.units = append(x.units, unit{art: r.art, sent: r.sent, outlet: x.artOut[r.art],
					terms: src.terms, names: src.names, ex: src.ex, segs: src.segs, segOf: src.segOf,
					heading: role == corpus.RoleTitle || role == corpus.RoleHeading})
				for _, t := range src.terms {
					x.df[t]++
				}
				x.artUnit[r.art] = append(x.artUnit[r.art], int32(len(x.units)-1))
				continue
			}
			ft := &fts[i-lo]
			if art.Dateline != nil && len(ft.dates) > 0 {
				// The dateline's date says when the article was filed, not what it claims.
				st := art.Sentences[r.sent].Start
				kept := ft.dates[:0]
				for _, d := range ft.dates {
					if !art.Dateline.Overlaps(corpus.Span{Start: st + d.Start, End: st + d.End}) {
						kept = append(kept, d)
					}
				}
				ft.dates = kept
			}
			role := art.Sentences[r.sent].Role
			u := unit{art: r.art, sent: r.sent, outlet: x.artOut[r.art], ex: x.noEx,
				heading: role == corpus.RoleTitle || role == corpus.RoleHeading}
			if len(ft.nums)+len(ft.dates)+len(ft.quotes) > 0 {
				u.ex = &extras{nums: ft.nums, dates: ft.dates, quotes: ft.quotes}
			}
			u.terms = make([]int32, len(ft.terms))
			u.names = ft.names
			for k, t := range ft.terms {
				id, ok := x.vocab[t]
				if !ok {
					id = int32(len(x.strs))
					x.vocab[t] = id
					x.strs = append(x.strs, t)
					x.surf = append(x.surf, ft.surf[k])
					x.lowSurf = append(x.lowSurf, "")
					x.df = append(x.df, 0)
					x.isName = append(x.isName, false)
				}
				if x.lowSurf[id] == "" && !ft.names[k] && opensLower(ft.surf[k]) {
					x.lowSurf[id] = ft.surf[k]
				}
				if ft.names[k] {
					x.isName[id] = true
				}
				x.df[id]++
				u.terms[k] = id
			}
			// Term ids are not in string order: sort terms and names together.
			sortTerms(u.terms, u.names)
			if nc := len(ft.clauses); nc > 1 {
				// One backing array for the clauses and the adjacent pairs.
				size := 0
				for k, cl := range ft.clauses {
					size += len(cl)
					if k+1 < nc {
						size += len(cl) + len(ft.clauses[k+1])
					}
				}
				arena := make([]int32, 0, size)
				u.segs = make([][]int32, 0, 2*nc-1)
				for k, cl := range ft.clauses {
					st := len(arena)
					for _, t := range cl {
						arena = append(arena, x.vocab[t])
					}
					u.segs = append(u.segs, uniqSorted(arena[st:len(arena):len(arena)]))
					if k+1 < nc {
						st := len(arena)
						for _, t := range cl {
							arena = append(arena, x.vocab[t])
						}
						for _, t := range ft.clauses[k+1] {
							arena = append(arena, x.vocab[t])
						}
						u.segs = append(u.segs, uniqSorted(arena[st:len(arena):len(arena)]))
					}
				}
				if len(u.segs) <= 16 {
					u.segOf = make([]uint16, len(u.terms))
					for si, sg := range u.segs {
						for _, t := range sg {
							if k, ok := slices.BinarySearch(u.terms, t); ok {
								u.segOf[k] |= 1 << si
							}
						}
					}
				}
			}
			x.artUnit[r.art] = append(x.artUnit[r.art], int32(len(x.units)))
			x.units = append(x.units, u)
			// Keep the slot's term, surface and clause arrays for the
			// block after next; the rest now belongs to the unit.
			*ft = features{terms: ft.terms[:0], surf: ft.surf[:0], clauses: ft.clauses[:0]}
		}
	}
	x.progress("analysing sentences", len(refs), len(refs))
	// Blended weights: background IDF for small corpora, corpus IDF for large.
	n := float64(len(x.units))
	alpha := backgroundK / (backgroundK + n)
	lb := math.Log(x.lx.bgTotal + 1)
	ln := math.Log(n + 1)
	x.wts = make([]float64, len(x.strs))
	x.bgIDF = make([]float64, len(x.strs))
	for id, t := range x.strs {
		x.bgIDF[id] = math.Log((x.lx.bgTotal+1)/(x.lx.bg[t]+1)) / lb
		x.wts[id] = blend(x.bgIDF[id], x.df[id], n, alpha, ln)
	}
	x.nUnits = len(x.units)
	return nil
}

// blend mixes a background IDF with the IDF of a term found in df of n
// sentences; alpha is the background's share and ln = log(n+1).
func blend(bgIDF float64, df int32, n, alpha, ln float64) float64 {
	cIDF := 1.0
	if n > 1 {
		cIDF = math.Max(0, math.Min(1, math.Log((n+1)/(float64(df)+0.5))/ln))
	}
	return alpha*bgIDF + (1-alpha)*cIDF
}

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
	// found are the links scored in a story; linkArena holds the
	// story's links by unit, counted per story position in linkCnt.
	found     []foundLink
	linkArena []link
	linkCnt   []int32
	// For facts: inFact marks a fact's members by story position;
	// sharedAt[t] == stamp marks the terms a label's other members hold;
	// words are a clause's words.
	inFact     []bool
	sharedAt   []uint32
	stamp      uint32
	words      []word
	labelTerms map[string]int32 // see labelTerm
}

func newStoryScorer(x *analysis) *storyScorer {
	return &storyScorer{analysis: x, wts: make([]float64, len(x.strs)), df: make([]int32, len(x.strs)), cname: make([]bool, len(x.strs)), pos: make([]int32, len(x.units))}
}

// prepare sets the weights for a story and each member's summed weights.
// Members of different stories are disjoint, so scorers running in
// parallel on different stories write different units.
func (x *storyScorer) prepare(members []int32) {
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
	for _, ui := range members {
		u := &x.units[ui]
		u.w = 0
		u.segW = u.segW[:0]
		for _, sg := range u.segs {
			w := 0.0
			for _, t := range sg {
				w += x.termWeight(t)
			}
			u.segW = append(u.segW, w)
		}
		for k, t := range u.terms {
			if u.names[k] && !x.contentName(t) {
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
		u := &x.units[ui]
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
	s := x.strs[t]
	if s == "" || (s[0] != '@' && s[0] != '#') || float64(x.df[t]) > math.Max(2, rareNameShare*float64(x.nUnits)) {
		return false
	}
	if s[0] == '@' {
		return x.lx.entity[s[1:]].Kind != "person"
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

// sortTerms sorts term ids ascending, keeping names aligned.
func sortTerms(t []int32, n []bool) {
	sort.Sort(termSorter{t, n})
}

type termSorter struct {
	t []int32
	n []bool
}

func (s termSorter) Len() int           { return len(s.t) }
func (s termSorter) Less(i, j int) bool { return s.t[i] < s.t[j] }
func (s termSorter) Swap(i, j int) {
	s.t[i], s.t[j] = s.t[j], s.t[i]
	s.n[i], s.n[j] = s.n[j], s.n[i]
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

// linkParts returns the link score, the shared weight and the shared
// content (non-name) weight of two units.
func (x *storyScorer) linkParts(a, b *unit) (float64, float64, float64) {
	shared, content := 0.0, 0.0
	var onlyA, onlyB []int32
	var commonBuf [64]int32
	common := commonBuf[:0]
	// The segments of each side holding each common term (bit 0, the
	// whole sentence, for a side without segments), while they fit.
	var segABuf, segBBuf [64]uint16
	segA, segB := segABuf[:0], segBBuf[:0]
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			if a.names[i] {
				onlyA = append(onlyA, a.terms[i])
			}
			i++
		case a.terms[i] > b.terms[j]:
			if b.names[j] {
				onlyB = append(onlyB, b.terms[j])
			}
			j++
		default:
			w := x.wts[a.terms[i]]
			if (a.names[i] || b.names[j]) && !x.contentName(a.terms[i]) {
				shared += w * nameFactor
			} else {
				shared += w
				content += w
			}
			common = append(common, a.terms[i])
			if len(segA) < len(segABuf) {
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
		if a.names[i] {
			onlyA = append(onlyA, a.terms[i])
		}
	}
	for ; j < len(b.terms); j++ {
		if b.names[j] {
			onlyB = append(onlyB, b.terms[j])
		}
	}
	for _, ta := range onlyA {
		sa := x.strs[ta]
		if len(sa) < 5 || sa[0] == '@' {
			continue
		}
		for _, tb := range onlyB {
			sb := x.strs[tb]
			if len(sb) < 5 || sb[0] == '@' {
				continue
			}
			if sa[0] != sb[0] || len(sa)-len(sb) > 2 || len(sb)-len(sa) > 2 {
				continue
			}
			if sim := jaroWinkler(sa, sb); sim >= 0.88 {
				shared += math.Min(x.wts[ta], x.wts[tb]) * sim * nameFactor
				break
			}
		}
	}
	ag := agree(a, b)
	if len(common) < 2 && ag.content == 0 {
		// One shared word ("Some story" / "Another story") is not a
		// shared claim, however short the sentences.
		return 0, shared, content
	}
	best := claimScore(shared, content, a.w, b.w, ag)
	// A claim is often one clause of a longer sentence: score the best
	// pair of clauses too.
	// The clause score is bounded by the sentence's shared weights; skip
	// the clause pairs when the bound cannot change the decisions.
	bound := clauseFactor * math.Min(1, 1+ag.bonus) * math.Min(1, shared/minSharedWeight) * math.Min(1, (content+ag.content)/minContentWeight)
	low := math.Min(x.opts.FactThreshold, x.opts.CounterpartThreshold)
	if bound > best && bound >= low && (len(a.segs) > 0 || len(b.segs) > 0) {
		sa, wa := a.segs, a.segW
		if len(sa) == 0 {
			sa, wa = [][]int32{a.terms}, []float64{a.w}
		}
		sb, wb := b.segs, b.segW
		if len(sb) == 0 {
			sb, wb = [][]int32{b.terms}, []float64{b.w}
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
			if (len(a.segs) == 0 || a.segOf != nil) && (len(b.segs) == 0 || b.segOf != nil) {
				ma, mb = maBuf[:len(sa)], mbBuf[:len(sb)]
				for k := range common {
					for m := segA[k]; m != 0; m &= m - 1 {
						ma[bits.TrailingZeros16(m)] |= 1 << uint(k)
					}
					for m := segB[k]; m != 0; m &= m - 1 {
						mb[bits.TrailingZeros16(m)] |= 1 << uint(k)
					}
				}
			} else {
				ma, mb = segMasks(maBuf[:0], sa, common), segMasks(mbBuf[:0], sb, common)
			}
			for i := range sa {
				for j := range sb {
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
			for i, ta := range sa {
				for j, tb := range sb {
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
	if u.segOf != nil {
		return u.segOf[k]
	}
	if len(u.segs) == 0 {
		return 1
	}
	return 0
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
	l := lcsHash(qa.stems, qb.stems)
	return l >= 4 && float64(l) >= 0.7*float64(short)
}

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
		u := &x.units[ui]
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
	// Dense accumulators indexed by position in the story.
	acc := make([]float64, len(members))
	var touched []int32
	var cands []cand
	for _, ui := range members {
		u := &x.units[ui]
		touched = touched[:0]
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
			}
		}
		cands = cands[:0]
		for _, q := range touched {
			if acc[q] >= candFloor {
				cands = append(cands, cand{members[q], acc[q] / math.Sqrt(max(u.w*x.units[members[q]].w, 1e-9))})
			}
			acc[q] = 0
		}
		// Score only the candidates sharing the most weight for their
		// length, so the work per sentence is bounded however large the
		// story.
		cands = topCands(cands, maxCandidates)
		for _, c := range cands {
			sc := x.linkScore(u, &x.units[c.v])
			if sc >= low {
				found = append(found, foundLink{ui, c.v, sc})
			}
		}
	}
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
	links := storyLinks{members: members, pos: pos, by: make([][]link, len(members))}
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
// for the two sentences' lengths.
type cand struct {
	v int32
	s float64
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

// cluster builds facts from the links by average-link agglomerative
// clustering: starting from single sentences, it repeatedly merges the two
// groups whose mean link score over all their pairs of sentences from
// different outlets (an unlinked pair scores 0) is highest, while that
// mean reaches the fact threshold and no outlet would have more than
// maxPerOutlet sentences in the group. A fact thus holds sentences that
// mostly link to one another — one claim — and a sentence that links to
// one member of a group by a shared topic word does not pull the group
// into a topic cluster, as a centre and its neighbours would. A sentence
// that states a second claim then also joins, as a second fact, a group
// whose members of other outlets it links to on average at the threshold
// (at most maxFactsPerSentence facts). A fact whose members are two
// thirds in a larger one is dropped, and so are groups covering fewer
// than MinOutlets outlets.
func (x *storyScorer) cluster(links storyLinks) [][]int32 {
	// The linked units, in unit order (members are).
	nodes := make([]int32, 0, len(links.members))
	for p, ls := range links.by {
		if len(ls) > 0 {
			nodes = append(nodes, links.members[p])
		}
	}
	cut := x.opts.FactThreshold
	// Groups are numbered by their first node; gid maps a unit's story
	// position to its group.
	gid := make([]int32, x.nUnits)
	groups := make([][]int32, len(nodes))
	ver := make([]int32, len(nodes))
	single := slices.Clone(nodes) // each group's first node, capacity 1
	for i, u := range nodes {
		gid[x.pos[u]] = int32(i)
		groups[i] = single[i : i+1 : i+1]
	}
	cnt := make([]int32, len(x.outlets))
	// pairs returns the number of pairs of sentences of different outlets
	// between two groups, or 0 when merging them would crowd an outlet.
	pairs := func(ga, gb []int32) int {
		for _, m := range ga {
			cnt[x.units[m].outlet]++
		}
		n := len(ga) * len(gb)
		for _, m := range gb {
			n -= int(cnt[x.units[m].outlet])
		}
		for _, m := range gb {
			o := x.units[m].outlet
			cnt[o]++
			if cnt[o] > maxPerOutlet {
				n = 0
			}
		}
		for _, m := range ga {
			cnt[x.units[m].outlet] = 0
		}
		for _, m := range gb {
			cnt[x.units[m].outlet] = 0
		}
		return n
	}
	// The links are the first candidates: sorted once, while the
	// rescored merges go to a heap.
	h := &mergeQueue{first: x.firstCands[:0], later: x.laterCands[:0]}
	for i, u := range nodes {
		for _, l := range links.of(u) {
			if j := gid[x.pos[l.to]]; int32(i) < j && l.score >= cut {
				h.first = append(h.first, mergeCand{avg: l.score, a: int32(i), b: j})
			}
		}
	}
	x.mergeTmp = h.init(x.mergeTmp)
	defer func() { x.firstCands, x.laterCands = h.first[:0], h.later[:0] }()
	acc := make([]float64, len(nodes))
	var touched []int32
	for h.len() > 0 {
		c := h.pop()
		a, b := c.a, c.b
		if groups[a] == nil || groups[b] == nil || ver[a] != c.va || ver[b] != c.vb {
			continue
		}
		if len(groups[b]) > len(groups[a]) {
			a, b = b, a
		}
		if pairs(groups[a], groups[b]) == 0 {
			continue
		}
		for _, m := range groups[b] {
			gid[x.pos[m]] = a
		}
		groups[a] = append(groups[a], groups[b]...)
		groups[b] = nil
		ver[a]++
		// Rescore the merged group against its neighbours.
		touched = touched[:0]
		for _, m := range groups[a] {
			for _, l := range links.of(m) {
				g := gid[x.pos[l.to]]
				if g == a {
					continue
				}
				if acc[g] == 0 {
					touched = append(touched, g)
				}
				acc[g] += l.score
			}
		}
		for _, g := range touched {
			sum := acc[g]
			acc[g] = 0
			n := pairs(groups[a], groups[g])
			if n == 0 || sum/float64(n) < cut {
				continue
			}
			p, q := a, g
			if p > q {
				p, q = q, p
			}
			h.push(mergeCand{avg: sum / float64(n), a: p, b: q, va: ver[p], vb: ver[q]})
		}
	}
	var facts [][]int32
	factOf := map[int32][]int{} // unit -> facts
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		slices.Sort(g)
		for _, m := range g {
			factOf[m] = append(factOf[m], len(facts))
		}
		facts = append(facts, g)
	}
	// Second claims: a sentence joins another fact whose members of other
	// outlets it links to on average at the threshold, best first.
	type join struct {
		u    int32
		fact int
		coh  float64
	}
	var joins []join
	var tried []int
	for _, u := range nodes {
		if len(factOf[u]) >= maxFactsPerSentence {
			continue
		}
		tried = append(tried[:0], factOf[u]...)
		for _, l := range links.of(u) {
			for _, f := range factOf[l.to] {
				if slices.Contains(tried, f) {
					continue
				}
				tried = append(tried, f)
				if coh := x.cohesion(u, facts[f], links); coh >= cut {
					joins = append(joins, join{u, f, coh})
				}
			}
		}
	}
	slices.SortFunc(joins, func(a, b join) int {
		if a.coh != b.coh {
			return cmp.Compare(b.coh, a.coh)
		}
		if a.u != b.u {
			return cmp.Compare(a.u, b.u)
		}
		return cmp.Compare(a.fact, b.fact)
	})
	perOutlet := make([]map[int32]int, len(facts))
	for fi, f := range facts {
		perOutlet[fi] = map[int32]int{}
		for _, m := range f {
			perOutlet[fi][x.units[m].outlet]++
		}
	}
	for _, j := range joins {
		o := x.units[j.u].outlet
		if len(factOf[j.u]) >= maxFactsPerSentence || perOutlet[j.fact][o] >= maxPerOutlet {
			continue
		}
		perOutlet[j.fact][o]++
		factOf[j.u] = append(factOf[j.u], j.fact)
		facts[j.fact] = append(facts[j.fact], j.u)
	}
	// Joins can leave two facts with mostly the same members: the
	// smaller one repeats the larger and goes.
	for i := range facts {
		slices.Sort(facts[i])
	}
	for i, f := range facts {
		var others []int
		for _, m := range f {
			for _, j := range factOf[m] {
				if j != i && !slices.Contains(others, j) {
					others = append(others, j)
				}
			}
		}
		for _, j := range others {
			g := facts[j]
			if g == nil || facts[i] == nil || len(g) < len(f) || (len(g) == len(f) && j > i) {
				continue
			}
			in := 0
			for _, m := range f {
				if _, ok := slices.BinarySearch(g, m); ok {
					in++
				}
			}
			if 3*in >= 2*len(f) {
				facts[i] = nil
				break
			}
		}
	}
	out := facts[:0]
	for _, f := range facts {
		if f == nil {
			continue
		}
		var outs []int32
		for _, m := range f {
			if o := x.units[m].outlet; !slices.Contains(outs, o) {
				outs = append(outs, o)
			}
		}
		if len(outs) >= x.opts.MinOutlets {
			out = append(out, f)
		}
	}
	return out
}

// maxFactsPerSentence is the most facts one sentence may belong to: a
// sentence may state two claims, but one in many facts is linked by its
// topic, not its claims.
const maxFactsPerSentence = 2

// mergeCand is a possible merge of groups a < b with their versions when
// it was scored; a merge changes a group's version, so stale entries are
// skipped.
type mergeCand struct {
	avg    float64
	a, b   int32
	va, vb int32
}

// mergeHeap is a binary max-heap of merge candidates by mean link score
// (ties by group numbers), typed so that pushing and popping allocate
// nothing.
type mergeHeap []mergeCand

func (h mergeHeap) less(i, j int) bool { return mergeBefore(h[i], h[j]) }

func (h mergeHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && h.less(r, l) {
			l = r
		}
		if !h.less(l, i) {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}

func (h mergeHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *mergeHeap) push(c mergeCand) {
	*h = append(*h, c)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s.less(i, p) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *mergeHeap) pop() mergeCand {
	s := *h
	c := s[0]
	n := len(s) - 1
	s[0] = s[n]
	*h = s[:n]
	(*h).down(0)
	return c
}

// mergeQueue pops merge candidates in the order of mergeHeap: the initial
// ones sorted once (most are never merged, and popping each from a heap
// costs more than sorting them), the ones pushed later from a heap; the
// greater head of the two goes first.
type mergeQueue struct {
	first []mergeCand // sorted best first from next on
	next  int
	later mergeHeap
}

// init sorts the initial candidates best first; tmp is scratch space of
// their size, returned for reuse.
func (q *mergeQueue) init(tmp []mergeCand) []mergeCand {
	if len(q.first) < 2 {
		return tmp
	}
	// The candidates are made by group a, each a's in mergeBefore order
	// (its links, best first), so any with equal means come in order of
	// (a, b): a stable sort by mean alone puts them in mergeBefore order.
	// That is a radix sort of the means' bits, which are ordered like the
	// means when positive, with no comparisons.
	radix := true
	for i, c := range q.first {
		if !(c.avg > 0) || (i > 0 && (c.a < q.first[i-1].a || (c.a == q.first[i-1].a && !mergeBefore(q.first[i-1], c)))) {
			radix = false
			break
		}
	}
	if !radix {
		slices.SortFunc(q.first, func(a, b mergeCand) int {
			switch {
			case mergeBefore(a, b):
				return -1
			case mergeBefore(b, a):
				return 1
			}
			return 0
		})
		return tmp
	}
	src := q.first
	dst := slices.Grow(tmp[:0], len(src))[:len(src)]
	for shift := uint(0); shift < 64; shift += 8 {
		var count [256]int
		for _, c := range src {
			count[byte(^math.Float64bits(c.avg)>>shift)]++
		}
		if count[byte(^math.Float64bits(src[0].avg)>>shift)] == len(src) {
			continue // all alike in this byte
		}
		at := 0
		for d, n := range count {
			count[d] = at
			at += n
		}
		for _, c := range src {
			d := byte(^math.Float64bits(c.avg) >> shift)
			dst[count[d]] = c
			count[d]++
		}
		src, dst = dst, src
	}
	// src holds the result: keep it as the queue, the other as scratch.
	q.first = src
	return dst[:0]
}

func (q *mergeQueue) len() int { return len(q.first) - q.next + len(q.later) }

func (q *mergeQueue) push(c mergeCand) { q.later.push(c) }

func (q *mergeQueue) pop() mergeCand {
	if q.next < len(q.first) && (len(q.later) == 0 || !mergeBefore(q.later[0], q.first[q.next])) {
		q.next++
		return q.first[q.next-1]
	}
	return q.later.pop()
}

// mergeBefore reports whether merge candidate a goes before b: a higher
// mean, then lower group numbers.
func mergeBefore(a, b mergeCand) bool {
	if a.avg != b.avg {
		return a.avg > b.avg
	}
	if a.a != b.a {
		return a.a < b.a
	}
	return a.b < b.b
}

// score returns the link score from a to b, or 0 when they are not linked.
func score(links storyLinks, a, b int32) float64 {
	for _, l := range links.of(a) {
		if l.to == b {
			return l.score
		}
	}
	return 0
}

// cohesion is the mean link score of m to the members of other outlets
// in f (0 when unlinked).
func (x *storyScorer) cohesion(m int32, f []int32, links storyLinks) float64 {
	sum, n := 0.0, 0
	for _, o := range f {
		if o == m || x.units[o].outlet == x.units[m].outlet {
			continue
		}
		sum += score(links, m, o)
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// buildFact turns a cluster of units into a Fact with members, evidence,
// a stable id, a label and discrepancies. The label is taken from the most
// central member whose label is not yet in labels (the story's labels so
// far), so two facts sharing a sentence still read differently; the label
// chosen is added to labels.
func (x *storyScorer) buildFact(f []int32, links storyLinks, story string, labels map[string]bool) Fact {
	// in marks the fact's members by story position.
	if len(x.inFact) < x.nUnits {
		x.inFact = make([]bool, x.nUnits)
	}
	for _, m := range f {
		x.inFact[x.pos[m]] = true
	}
	defer func() {
		for _, m := range f {
			x.inFact[x.pos[m]] = false
		}
	}()
	in := func(u int32) bool { return x.inFact[x.pos[u]] }
	fact := Fact{Story: story, Discrepancies: []Discrepancy{}, Members: make([]Member, 0, len(f))}
	keys := make([]string, 0, len(f))
	central := make([]float64, len(f))
	order := make([]int, len(f))
	for i, m := range f {
		order[i] = i
		for _, l := range links.of(m) {
			if in(l.to) {
				central[i] += l.score
			}
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(central[b], central[a]) })
	outletSeen := map[string]bool{}
	for _, m := range f {
		u := &x.units[m]
		a := x.c.Articles[u.art]
		s := a.Sentences[u.sent]
		mem := Member{Article: a.ID, Outlet: x.outlets[u.outlet], Sentence: int(u.sent), Start: s.Start, End: s.End, Text: s.Text}
		// Best link to another member of another outlet.
		var to int32 = -1
		for _, l := range links.of(m) {
			if in(l.to) && l.score > mem.Score {
				mem.Score, to = l.score, l.to
			}
		}
		if to < 0 {
			// A second sentence of an outlet: its evidence is its best
			// match within the fact.
			for _, o := range f {
				if o != m && x.units[o].outlet != u.outlet {
					if sc := x.linkScore(u, &x.units[o]); sc > mem.Score {
						mem.Score, to = sc, o
					}
				}
			}
		}
		if to >= 0 {
			mem.Evidence = x.evidence(u, &x.units[to])
		}
		mem.Evidence = normEvidence(mem.Evidence)
		mem.Score = math.Round(mem.Score*1000) / 1000
		fact.Members = append(fact.Members, mem)
		keys = append(keys, a.ID+":"+strconv.Itoa(s.Start))
		if !outletSeen[mem.Outlet] {
			outletSeen[mem.Outlet] = true
			fact.Outlets = append(fact.Outlets, mem.Outlet)
		}
	}
	sort.Strings(keys)
	fact.ID = "f-" + shortHash(strings.Join(keys, "\n"))
	fact.Label = x.label(f[order[0]], f)
	for _, i := range order[1:] {
		if !labels[fact.Label] {
			break
		}
		if l := x.label(f[i], f); !labels[l] {
			fact.Label = l
		}
	}
	labels[fact.Label] = true
	fact.Discrepancies = x.discrepancies(f)
	return fact
}

// evidence lists what two units share: content words (heaviest first),
// names, numbers, dates and a quotation.
// showAsName reports whether a shared term is listed among the evidence's
// names: an entity of the alias table or a code, or a word both sentences
// capitalise that is not a concept ("Treaty" in "INF Treaty" is the
// concept treaty) nor a month or weekday (those are dates).
func (x *storyScorer) showAsName(t int32, nameA, nameB bool) bool {
	s := x.strs[t]
	switch {
	case s == "":
		return false
	case s[0] == '@' || s[0] == '#':
		return true
	}
	return nameA && nameB && s[0] != '~' && !calendarWord(strings.ToLower(x.surf[t]))
}

// surfaceIn is how a sentence (text, and low, its lower case) writes term
// t: for an entity of the alias
// table, the name the sentence uses ("MOSCOW", not the "Russia" another
// sentence used first); for other terms, their first surface form.
func (x *storyScorer) surfaceIn(t int32, text, low string) string {
	s := x.strs[t]
	if s == "" || s[0] != '@' {
		return x.surf[t]
	}
	names, ok := x.lx.lowNames[s[1:]]
	if !ok {
		return x.surf[t]
	}
	if len(low) != len(text) {
		return x.surf[t] // case folding moved the bytes: offsets would not hold
	}
	best := ""
	for _, ln := range names {
		for from := 0; ln != "" && from < len(low); {
			i := strings.Index(low[from:], ln)
			if i < 0 {
				break
			}
			i += from
			end := i + len(ln)
			before, _ := utf8.DecodeLastRuneInString(low[:i])
			after, _ := utf8.DecodeRuneInString(low[end:])
			if (i == 0 || !unicode.IsLetter(before)) && (end == len(low) || !unicode.IsLetter(after)) {
				if len(ln) > len(best) {
					best = text[i:end]
				}
				break
			}
			from = i + 1
		}
	}
	if best == "" {
		return x.surf[t]
	}
	return best
}

func (x *storyScorer) evidence(a, b *unit) Evidence {
	var ev Evidence
	type tw struct {
		s string
		w float64
		t int32
	}
	var tbuf, nbuf [48]tw
	terms, names := tbuf[:0], nbuf[:0]
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			t := a.terms[i]
			e := tw{x.surf[t], x.wts[t], t}
			if x.showAsName(t, a.names[i], b.names[j]) {
				names = append(names, e)
			} else {
				switch st := x.strs[t]; {
				case st != "" && st[0] == '~':
					e.s = st[1:] // a concept, by its own name: "treaty" for "accord" and "pact" alike
				case x.lowSurf[t] != "":
					e.s = x.lowSurf[t] // a word, as running text writes it
				}
				terms = append(terms, e)
			}
			i++
			j++
		}
	}
	byWeight := func(a, b tw) int { return cmp.Compare(b.w, a.w) }
	slices.SortStableFunc(terms, byWeight)
	slices.SortStableFunc(names, byWeight)
	// The heaviest few tell why; a fact holds many members.
	terms, names = terms[:min(len(terms), 6)], names[:min(len(names), 6)]
	ev.Terms = make([]string, len(terms))
	for i, t := range terms {
		ev.Terms[i] = t.s
	}
	ev.Names = make([]string, len(names))
	var text, low string // a's sentence, read for the first entity shown
	for i, t := range names {
		ev.Names[i] = t.s
		if st := x.strs[t.t]; st != "" && st[0] == '@' {
			if text == "" {
				text = x.c.Articles[a.art].Sentences[a.sent].Text
				low = strings.ToLower(text)
			}
			ev.Names[i] = x.surfaceIn(t.t, text, low)
		}
	}
	for _, qa := range a.ex.nums {
		for _, qb := range b.ex.nums {
			if sameQuantity(qa, qb) {
				ev.Numbers = appendUnique(ev.Numbers, qa.String())
			}
		}
	}
	for _, da := range a.ex.dates {
		for _, db := range b.ex.dates {
			if da.Shared(db) {
				ev.Dates = appendUnique(ev.Dates, da.String())
			}
		}
	}
	for _, qa := range a.ex.quotes {
		for _, qb := range b.ex.quotes {
			if ev.Quote == "" && sharedQuote(qa, qb) {
				ev.Quote = qa.text
				if len(qb.text) < len(qa.text) {
					ev.Quote = qb.text
				}
			}
		}
	}
	return ev
}

// normEvidence turns nil slices into empty ones for stable JSON.
func normEvidence(e Evidence) Evidence {
	if e.Terms == nil {
		e.Terms = []string{}
	}
	if e.Numbers == nil {
		e.Numbers = []string{}
	}
	if e.Dates == nil {
		e.Dates = []string{}
	}
	if e.Names == nil {
		e.Names = []string{}
	}
	return e
}

// label is a short readable label for a fact: the clause of the centre
// sentence (the member most linked within the fact) that holds most of
// the weight the other members share, without its reporting frame ("X
// said that", "according to X"), trimmed to about labelLen characters.
func (x *storyScorer) label(centre int32, f []int32) string {
	cu := &x.units[centre]
	// shared marks the terms of the other members with this label's stamp.
	if len(x.sharedAt) < len(x.strs) {
		x.sharedAt = make([]uint32, len(x.strs))
	}
	x.stamp++
	if x.stamp == 0 { // wrapped: forget the old stamps
		clear(x.sharedAt)
		x.stamp = 1
	}
	for _, m := range f {
		if m == centre {
			continue
		}
		for _, t := range x.units[m].terms {
			x.sharedAt[t] = x.stamp
		}
	}
	shared := func(t int32) bool { return x.sharedAt[t] == x.stamp }
	art := x.c.Articles[cu.art]
	sent := art.Sentences[cu.sent]
	text := sent.Text
	if dl := art.Dateline; dl != nil && dl.Start <= sent.Start && dl.End > sent.Start && dl.End < sent.End {
		// "DERNA, Libya — At least 42…": the dateline is where and when
		// the article was filed, not part of the claim.
		text = sent.Text[dl.End-sent.Start:]
	}
	text = strings.TrimSpace(text)
	if x.an == nil {
		x.an = newAnalyzer(x.lx, x.acr)
		x.an.noNgrams = true
	}
	clauses := splitClauses(text)
	best, bestW := "", -1.0
	for _, cl := range clauses {
		if endsInReporting(cl) {
			// "…in the INF Treaty," Lavrov said.": the attribution after
			// the claim goes; "The minister went on to say:" introduces
			// the claim and is not one.
			claim := dropTrailingAttribution(cl)
			if len(clauses) > 1 && (claim == cl || utf8.RuneCountInString(claim) < minLabelClause) {
				continue
			}
			cl = claim
		}
		// Shared content words count; who speaks and how does not.
		w := 0.0
		x.words = appendWords(x.words[:0], cl)
		for _, wd := range x.words {
			fw := fold(wd.text)
			if isReporting(fw) {
				continue
			}
			t, ok := x.labelTerm(fw)
			if !ok {
				continue
			}
			if shared(t) && (!x.isName[t] || x.contentName(t)) {
				w += x.wts[t]
			}
		}
		if w > bestW {
			best, bestW = cl, w
		}
	}
	best = dropReporting(best)
	// A leading sentence adverbial ("Also,", "Of course,", "This month,",
	// "Meanwhile,") is not part of the claim; an enumeration ("Japan,
	// South Korea and …") is.
	if i := strings.Index(best, ", "); i > 0 && len(best)-i > 24 {
		if ws := strings.Fields(best[:i]); len(ws) <= 2 {
			first := fold(ws[0])
			if isStop(first) || strings.HasSuffix(first, "ly") || x.lx.bgWord(first) == 0 || first == "meanwhile" || first == "however" || first == "moreover" {
				best = best[i+2:]
			}
		}
	}
	best = strings.Trim(best, " \"'“”‘’«».;:,–—-")
	// A clause cut from the middle of a sentence may open with the word
	// that joined it ("and which violate the parameters…").
	for {
		w, rest, ok := strings.Cut(best, " ")
		if !ok || !clauseJoiners[strings.ToLower(w)] || utf8.RuneCountInString(rest) < minLabelClause {
			break
		}
		best = rest
	}
	if best == "" {
		best = text
	}
	r := []rune(best)
	if len(r) == 0 {
		return ""
	}
	r[0] = unicode.ToUpper(r[0])
	return trimTo(string(r), labelLen)
}

// labelTerm returns the term id of a folded word of a label, false for a
// stop word or a term no sentence of the corpus holds; the answers are
// kept per scorer, as labels of one story share most of their words.
func (x *storyScorer) labelTerm(fw string) (int32, bool) {
	if t, ok := x.labelTerms[fw]; ok {
		return t, t >= 0
	}
	t := int32(-1)
	if wi := x.an.word(fw); wi.term != "" {
		if id, ok := x.vocab[wi.term]; ok {
			t = id
		}
	}
	if x.labelTerms == nil {
		x.labelTerms = map[string]int32{}
	}
	x.labelTerms[fw] = t
	return t, t >= 0
}

// labelLen is the length a fact label is trimmed to.
const labelLen = 60

// splitClauses splits a sentence at clause punctuation (commas, semicolons,
// colons, dashes, parentheses) into non-empty parts of the original text;
// a part shorter than minClause characters stays joined to the next one
// (the last to the previous). Commas inside numbers ("5,500") do not
// split.
func splitClauses(s string) []string {
	const minClause = 24
	var cuts []int // byte offsets where a clause ends
	prev := rune(0)
	// A short parenthesis ("(48 miles)", "(INF)") glosses the words before
	// it and is not a clause: no cut at its brackets, nor inside.
	skipTo := -1
	for i, r := range s {
		if i < skipTo {
			prev = r
			continue
		}
		split := false
		switch r {
		case '(':
			if j := strings.IndexByte(s[i:], ')'); j > 0 && utf8.RuneCountInString(s[i:i+j]) <= minClause {
				skipTo = i + j + 1
				prev = r
				continue
			}
			split = true
		case ';', ':', '—', ')':
			split = true
		case '–':
			split = prev == ' '
		case ',':
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			split = !(unicode.IsDigit(prev) && unicode.IsDigit(next))
		}
		if split {
			cuts = append(cuts, i)
		}
		prev = r
	}
	cuts = append(cuts, len(s))
	var out []string
	start := 0
	for _, c := range cuts {
		part := strings.TrimSpace(strings.TrimLeft(s[start:c], ",;:—–() "))
		if utf8.RuneCountInString(part) < minClause && c < len(s) {
			continue // too short: keep going to the next cut
		}
		if part != "" {
			out = append(out, part)
		}
		start = c
	}
	if n := len(out); n >= 2 && utf8.RuneCountInString(out[n-1]) < minClause {
		// A short last part joins the previous one.
		i := strings.LastIndex(s, out[n-2])
		out = append(out[:n-2], strings.TrimSpace(s[i:]))
	}
	return out
}

// reportingVerbs are general English verbs of attribution: the words
// before them (who speaks, with titles) and a following "that" are the
// frame of a reported claim, not the claim. Hand-made, not drawn from any
// corpus.
func reportingVerbs() []string {
	return []string{"said", "says", "say", "told", "tells", "stated", "added", "adds", "noted", "stressed", "stresses", "emphasized", "emphasised", "explained", "warned", "insisted", "argued", "claimed", "announced", "reported", "believes", "believed", "recalled", "pointed out",
		// Participles open a clause that reports ("adding that…").
		"adding", "saying", "noting", "claiming", "stressing", "insisting", "explaining", "warning", "arguing", "stating"}
}

// isReporting reports whether a folded word is a verb of attribution.
func isReporting(w string) bool {
	return reportingSet()[w]
}

// endsInReporting reports whether a clause ends with a verb of
// attribution ("…went on to say:", "…the ministry said").
func endsInReporting(cl string) bool {
	ws := strings.Fields(strings.TrimRight(cl, " \"'“”‘’«».;:,–—-"))
	return len(ws) > 0 && isReporting(fold(ws[len(ws)-1]))
}

// clauseJoiners are the words that join a clause to the one before it.
var clauseJoiners = map[string]bool{"and": true, "but": true, "or": true, "which": true, "who": true, "whom": true, "while": true, "whereas": true}

// minLabelClause is the least length of a clause that can stand as a
// label once its attribution is dropped.
const minLabelClause = 24

// dropTrailingAttribution removes an attribution that follows the claim
// after a comma ("…in the INF Treaty," Lavrov said." → "…in the INF
// Treaty"): the text up to the last comma within a few words of the end.
// A clause without such a comma is returned as it is.
func dropTrailingAttribution(cl string) string {
	t := strings.TrimRight(cl, " .;:")
	i := strings.LastIndex(t, ",")
	if i < 0 || len(strings.Fields(t[i+1:])) > 6 {
		return cl
	}
	return strings.TrimRight(t[:i], " \"'“”‘’«»")
}

// reportingSet is the set of reportingVerbs, made once: isReporting runs
// for every word of every fact label.
var reportingSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, v := range reportingVerbs() {
		m[v] = true
	}
	return m
})

// dropReporting removes a leading reporting frame: "Lavrov said on Monday
// that Russia ..." becomes "Russia ...", and a clause opening with the
// verb ("said he felt ...", its subject in an earlier clause) loses the
// verb. Otherwise only a frame ending in "that" within a few words of the
// verb is removed; the rest must be long enough to stand alone.
func dropReporting(s string) string {
	// ASCII lower case keeps byte offsets aligned with s.
	low := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
	cut := -1
	for _, v := range reportingVerbs() {
		i := strings.Index(low, v+" ")
		for i > 0 && low[i-1] != ' ' {
			j := strings.Index(low[i+1:], v+" ")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			continue
		}
		end := i + len(v) + 1
		rest := low[end:]
		// "said on Monday that", "told reporters that": skip to "that".
		if k := strings.Index(rest, "that "); k >= 0 && k <= 30 {
			end += k + len("that ")
		} else if i > 0 {
			continue // "X said" without "that" frames a quote after it; keep
		}
		if cut < 0 || end < cut {
			cut = end
		}
	}
	if cut < 0 || len(s)-cut < 20 {
		return s
	}
	return s[cut:]
}

// trimTo cuts text to about n characters at a word boundary.
func trimTo(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// discrepancies finds quantities with the same unit and dates that differ
// between outlets within a fact.
func (x *storyScorer) discrepancies(f []int32) []Discrepancy {
	out := []Discrepancy{}
	// Each member's quantities, a bare count taking its noun as its unit
	// ("#homes") so that two outlets' counts of homes are compared as
	// figures with a unit are.
	nums := make(map[int32][]Quantity, len(f))
	for _, m := range f {
		qs := x.units[m].ex.nums
		for _, q := range qs {
			if q.Unit == "" && q.Noun != "" {
				qs = slices.Clone(qs)
				for k := range qs {
					if qs[k].Unit == "" && qs[k].Noun != "" {
						qs[k].Unit = "#" + qs[k].Noun
					}
				}
				break
			}
		}
		nums[m] = qs
	}
	byUnit := map[string][]int32{}
	var unitsSeen []string
	for _, m := range f {
		seen := map[string]bool{}
		for _, q := range nums[m] {
			if q.Unit == "" || seen[q.Unit] {
				continue
			}
			seen[q.Unit] = true
			if _, ok := byUnit[q.Unit]; !ok {
				unitsSeen = append(unitsSeen, q.Unit)
			}
			byUnit[q.Unit] = append(byUnit[q.Unit], m)
		}
	}
	for _, un := range unitsSeen {
		ms := byUnit[un]
		outs := map[int32]bool{}
		for _, m := range ms {
			outs[x.units[m].outlet] = true
		}
		if len(outs) < 2 {
			continue
		}
		// Differ between outlets: two members of different outlets give
		// values of comparable size that are not the same. Only the values
		// in such pairs are shown: "13 people" vs "14 people" is the point,
		// "10,000 people" evacuated is another.
		keep := map[int32][]string{}
		for i, a := range ms {
			for _, b := range ms[i+1:] {
				ua, ub := &x.units[a], &x.units[b]
				if ua.outlet == ub.outlet {
					continue
				}
				for _, qa := range nums[a] {
					if qa.Unit != un || holdsQuantity(nums[b], qa) {
						continue
					}
					for _, qb := range nums[b] {
						// The same point is given in the same shape: a
						// range against a range, a figure against a figure
						// ("over 500 km" is not a bound of "500–5,500 km").
						// A figure the other sentence also gives is agreed
						// on, and so is not compared ("2,012 killed and
						// 2,059 injured" against "2,059 injured").
						if qb.Unit == un && !holdsQuantity(nums[a], qb) && qa.IsRange() == qb.IsRange() && comparable([]Quantity{qa}, []Quantity{qb}, un) {
							keep[a] = appendUnique(keep[a], shownQuantity(qa))
							keep[b] = appendUnique(keep[b], shownQuantity(qb))
						}
					}
				}
			}
		}
		if len(keep) < 2 {
			continue
		}
		d := Discrepancy{What: unitName(un)}
		for _, m := range ms {
			if len(keep[m]) == 0 {
				continue
			}
			u := &x.units[m]
			a := x.c.Articles[u.art]
			d.Values = append(d.Values, Value{Article: a.ID, Outlet: x.outlets[u.outlet], Value: strings.Join(keep[m], "; "), Text: a.Sentences[u.sent].Text})
		}
		out = append(out, d)
	}
	// Dates that pin a day or a month and conflict between outlets. A
	// date another outlet's member agrees with is a point of the fact the
	// outlets share ("Feb 2019" and "2 Feb"), so a third outlet's other
	// date is another point (the withdrawal's end, "2 Aug"), not a
	// disagreement; only dates no other outlet backs are compared.
	var dm []int32
	for _, m := range f {
		for _, d := range x.units[m].ex.dates {
			if d.M != 0 {
				dm = append(dm, m)
				break
			}
		}
	}
	backed := func(m int32, d Date) bool {
		for _, o := range dm {
			if x.units[o].outlet == x.units[m].outlet {
				continue
			}
			for _, od := range x.units[o].ex.dates {
				if od.M != 0 && od.Compatible(d) {
					return true
				}
			}
		}
		return false
	}
	keep := map[int32][]string{}
	for i, a := range dm {
		for _, b := range dm[i+1:] {
			ua, ub := &x.units[a], &x.units[b]
			if ua.outlet == ub.outlet {
				continue
			}
			for _, da := range ua.ex.dates {
				for _, db := range ub.ex.dates {
					if da.M != 0 && db.M != 0 && !da.Compatible(db) && (da.Y == 0 || db.Y == 0 || da.Y == db.Y) && !backed(a, da) && !backed(b, db) {
						keep[a] = appendUnique(keep[a], da.String())
						keep[b] = appendUnique(keep[b], db.String())
					}
				}
			}
		}
	}
	if len(keep) >= 2 {
		d := Discrepancy{What: "date"}
		for _, m := range dm {
			if len(keep[m]) == 0 {
				continue
			}
			u := &x.units[m]
			a := x.c.Articles[u.art]
			d.Values = append(d.Values, Value{Article: a.ID, Outlet: x.outlets[u.outlet], Value: strings.Join(keep[m], "; "), Text: a.Sentences[u.sent].Text})
		}
		out = append(out, d)
	}
	return out
}

// shownQuantity is a quantity as a discrepancy shows it: a count with its
// noun ("2,500 homes").
func shownQuantity(q Quantity) string {
	if noun, ok := strings.CutPrefix(q.Unit, "#"); ok {
		q.Unit = ""
		return q.String() + " " + noun
	}
	return q.String()
}

// holdsQuantity reports whether qs holds the same quantity as q, or the
// same figure without a unit ("killed 2,012 people and injured 2,059").
func holdsQuantity(qs []Quantity, q Quantity) bool {
	for _, o := range qs {
		if sameQuantity(o, q) {
			return true
		}
	}
	return false
}

// comparable reports whether two quantity lists hold values of the given
// unit within a factor of four of each other that are not equal — the
// sign of two figures for the same point rather than two different points.
func comparable(a, b []Quantity, unit string) bool {
	for _, qa := range a {
		if qa.Unit != unit {
			continue
		}
		for _, qb := range b {
			if qb.Unit != unit || sameQuantity(qa, qb) {
				continue
			}
			for _, va := range [2]float64{qa.Lo, qa.Hi} {
				for _, vb := range [2]float64{qb.Lo, qb.Hi} {
					if va > 0 && vb > 0 && va != vb && va/vb <= 4 && vb/va <= 4 {
						return true
					}
				}
			}
		}
	}
	return false
}

func unitName(u string) string {
	if noun, ok := strings.CutPrefix(u, "#"); ok {
		return noun // a count of homes: "homes"
	}
	switch u {
	case "km":
		return "distance (km)"
	case "mi":
		return "distance (miles)"
	case "m":
		return "length (m)"
	case "usd":
		return "amount (US$)"
	case "eur":
		return "amount (€)"
	case "percent":
		return "percentage"
	}
	return u
}

// omissions fills, per outlet, the facts of its story that most of the
// story's other outlets carry and it does not.
func (x *analysis) omissions(res *Result) {
	outletOf := make(map[string]string, len(x.c.Articles))
	for ai, a := range x.c.Articles {
		outletOf[a.ID] = x.outlets[x.artOut[ai]]
	}
	storyOutlets := map[string][]string{}
	for _, st := range res.Stories {
		seen := map[string]bool{}
		for _, id := range st.Articles {
			name, ok := outletOf[id]
			if !ok {
				continue
			}
			if !seen[name] {
				seen[name] = true
				storyOutlets[st.ID] = append(storyOutlets[st.ID], name)
			}
		}
	}
	om := map[string][]string{}
	var order []string
	for i := range res.Facts {
		f := &res.Facts[i]
		has := map[string]bool{}
		for _, o := range f.Outlets {
			has[o] = true
		}
		for _, o := range storyOutlets[f.Story] {
			if has[o] {
				continue
			}
			others := len(storyOutlets[f.Story]) - 1
			if len(f.Outlets)*2 <= others {
				continue
			}
			if _, ok := om[o]; !ok {
				order = append(order, o)
			}
			om[o] = append(om[o], f.ID)
			res.omitted[o] = append(res.omitted[o], f.Label)
		}
	}
	sort.Strings(order)
	for _, o := range order {
		res.Omissions = append(res.Omissions, Omission{Outlet: o, Facts: om[o]})
	}
}

// opensLower reports whether a surface form opens with a lower-case letter.
func opensLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// calendarWord reports whether a folded word names a month (as the date
// patterns read them) or a weekday: capitalised, but a date, not a name.
func calendarWord(w string) bool {
	_, month := months[w]
	return month || weekdays[w]
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}
