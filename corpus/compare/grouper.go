package compare

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

// Grouper groups articles into threads and stories as they arrive, for a
// library that grows a few articles at a time. A new article joins the
// thread it is most like, or opens one; threads it bridges merge (the
// same average-link rule as Analyze, taken one article at a time). Only
// that thread's stories are derived again; every other thread and story
// stays as it was. Term weights are those of the articles seen so far.
//
// Analyze groups a whole corpus at once; on ECB+ the two agree to within
// 0.02 B-cubed F1 when articles arrive in order of publication (see the
// stories tests).
type Grouper struct {
	opts    Options
	lx      *lexicon
	an      *analyzer
	vocab   map[string]int32
	strs    []string
	anchor  []bool  // by term: a number or date
	df      []int32 // sentences holding the term
	bgIDF   []float64
	nUnits  int
	ids     []string
	byID    map[string]int32
	docs    []eventDoc
	post    map[int32][]int32 // term -> docs whose thread vector holds it
	threads *avgLink
	members map[int32][]int32   // thread (its id in threads) -> its docs, ascending
	stories map[int32][][]int32 // thread -> its stories, as docs
	builder docBuilder
}

// NewGrouper returns an empty Grouper. Options' thread and story
// thresholds and its ConfigDir apply; the zero Options are the defaults.
func NewGrouper(opts Options) (*Grouper, error) {
	lx, err := lexiconFor(opts.ConfigDir)
	if err != nil {
		return nil, fmt.Errorf("grouper: load matching lexicon: %w", err)
	}
	g := &Grouper{opts: opts.withDefaults(), lx: lx, vocab: map[string]int32{}, byID: map[string]int32{},
		post: map[int32][]int32{}, members: map[int32][]int32{}, threads: newAvgLink(opts.withDefaults().ThreadThreshold), stories: map[int32][][]int32{}}
	g.an = newAnalyzer(lx, map[string][]acronym{})
	g.an.noNgrams = true
	return g, nil
}

// Add analyses an article and assigns it to a thread and a story. An
// article whose id was added before is refused.
func (g *Grouper) Add(a *corpus.Article) error {
	if _, ok := g.byID[a.ID]; ok {
		return fmt.Errorf("grouper: article %q was already added", a.ID)
	}
	acr := map[string][]acronym{}
	if strings.Contains(a.Text, "(") {
		findAcronyms(a.Text, acr)
	}
	g.an.acr, g.an.acrSwapped = acr, true
	var occ []eventTerm
	k := 0
	for _, s := range a.Sentences {
		if !linkable(s) {
			continue
		}
		ft := g.an.analyze(s.Text)
		lead := k < eventLead
		k++
		seen := map[int32]bool{}
		for j, t := range ft.terms {
			id := g.intern(t, false)
			if !seen[id] {
				seen[id] = true
				g.df[id]++
			}
			occ = append(occ, eventTerm{t: id, lead: lead, name: ft.names[j]})
		}
		for _, q := range ft.nums {
			occ = append(occ, eventTerm{t: g.intern("#"+q.String(), true), lead: lead, name: true})
		}
		for _, d := range ft.dates {
			if a.Dateline != nil && a.Dateline.Overlaps(corpus.Span{Start: s.Start + d.Start, End: s.Start + d.End}) {
				continue // the dateline's date says when it was filed
			}
			occ = append(occ, eventTerm{t: g.intern("@"+d.String(), true), lead: lead, name: true})
		}
		g.nUnits++
	}
	tm := g.termModel()
	doc := g.builder.newEventDoc(dayOf(a.Published), occ, tm)
	x := int32(len(g.docs))
	g.ids = append(g.ids, a.ID)
	g.byID[a.ID] = x
	g.docs = append(g.docs, doc)
	// Its similarities to the articles before it, through the terms it
	// shares with them; a term many hold, through the latest maxPost of
	// them (as similarEdges does, by time).
	maxPost := min(max(64, len(g.docs)/8), maxEventPost)
	var edges []edge
	seen := map[int32]bool{}
	for _, t := range doc.thread.ids {
		p := g.post[t]
		for _, y := range p[max(0, len(p)-maxPost):] {
			if !seen[y] {
				seen[y] = true
				if s := doc.thread.dot(g.docs[y].thread); s >= minThreadSim {
					edges = append(edges, edge{a: y, b: x, s: s})
				}
			}
		}
		g.post[t] = append(g.post[t], x)
	}
	th, merged := g.threads.add(edges)
	joined := append([]int32{x}, g.members[th]...)
	for _, old := range merged {
		joined = append(joined, g.members[old]...)
		delete(g.members, old)
		delete(g.stories, old)
	}
	slices.Sort(joined)
	g.members[th] = slices.Compact(joined)
	g.splitThread(th)
	return nil
}

// intern returns the id of a term, adding it when new.
func (g *Grouper) intern(t string, anchor bool) int32 {
	id, ok := g.vocab[t]
	if !ok {
		id = int32(len(g.strs))
		g.vocab[t] = id
		g.strs = append(g.strs, t)
		g.anchor = append(g.anchor, anchor)
		g.df = append(g.df, 0)
		bg := math.Log((g.lx.bgTotal+1)/(g.lx.bg[t]+1)) / math.Log(g.lx.bgTotal+1)
		g.bgIDF = append(g.bgIDF, bg)
	}
	return id
}

// termModel weighs words by what has been seen so far, as Analyze does
// for a whole corpus.
func (g *Grouper) termModel() termModel {
	n := float64(g.nUnits)
	alpha := backgroundK / (backgroundK + n)
	ln := math.Log(n + 1)
	return termModel{
		weight: func(t int32) float64 { return blend(g.bgIDF[t], g.df[t], n, alpha, ln) },
		anchor: func(t int32) bool { return g.anchor[t] },
	}
}

// splitThread derives the stories of thread th again.
func (g *Grouper) splitThread(th int32) {
	members := g.members[th]
	order := canonicalOrder(len(members), func(i int) int32 { return g.docs[members[i]].day }, func(i int) string { return g.ids[members[i]] })
	docs := make([]*eventDoc, len(order))
	for k, i := range order {
		docs[k] = &g.docs[members[i]]
	}
	sts := splitThread(docs, g.termModel(), g.opts.StoryThreshold)
	out := make([][]int32, len(sts))
	for si, st := range sts {
		for _, p := range st {
			out[si] = append(out[si], members[order[p]])
		}
		slices.Sort(out[si])
	}
	g.stories[th] = out
}

// Stories returns the stories as article ids in the order they were
// added, each with the index of its thread; threads and stories are in
// order of their first article.
func (g *Grouper) Stories() (stories [][]string, thread []int) {
	type st struct {
		th   int32
		docs []int32
	}
	var all []st
	for th, sts := range g.stories {
		for _, s := range sts {
			all = append(all, st{th, s})
		}
	}
	slices.SortFunc(all, func(a, b st) int { return int(a.docs[0] - b.docs[0]) })
	threadIdx := map[int32]int{}
	for _, s := range all {
		if _, ok := threadIdx[s.th]; !ok {
			threadIdx[s.th] = len(threadIdx)
		}
		ids := make([]string, len(s.docs))
		for i, d := range s.docs {
			ids[i] = g.ids[d]
		}
		stories = append(stories, ids)
		thread = append(thread, threadIdx[s.th])
	}
	return stories, thread
}
