package compare

import (
	"cmp"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// eventGroups is the outcome of grouping a corpus's articles: stories as
// article indices (ascending), the thread of each story, and the threads'
// stories in order.
type eventGroups struct {
	stories  [][]int32
	threadOf []int
	threads  [][]int // story indices per thread
}

// eventDocs builds every article's eventDoc from its analysed units, with
// only its day and thread vector (the story split gathers the terms of a
// thread's articles again, with docOcc). Numbers and dates are interned as
// anchors from x.anchorBase on, and kept by article in x.anchorOcc.
func (x *analysis) eventDocs() []eventDoc {
	x.anchorBase = int32(len(x.strs))
	// Anchors are interned in unit order (article by article), so their
	// ids do not depend on the workers below.
	anchors := map[string]int32{}
	anchor := func(key string) int32 {
		id, ok := anchors[key]
		if !ok {
			id = x.anchorBase + int32(len(anchors))
			anchors[key] = id
		}
		return id
	}
	x.anchorOcc = make([][]eventTerm, len(x.c.Articles))
	for ai, us := range x.artUnit {
		for k, ui := range us {
			u := x.units[ui]
			if u.ex == x.noEx {
				continue
			}
			lead := k < eventLead
			for _, q := range u.ex.nums {
				x.anchorOcc[ai] = append(x.anchorOcc[ai], eventTerm{t: anchor("#" + q.String()), lead: lead, name: true})
			}
			for _, d := range u.ex.dates {
				x.anchorOcc[ai] = append(x.anchorOcc[ai], eventTerm{t: anchor("@" + d.String()), lead: lead, name: true})
			}
		}
	}
	docs := make([]eventDoc, len(x.c.Articles))
	tm := x.termModel()
	workers := min(runtime.GOMAXPROCS(0), 8)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var occ []eventTerm
			var b docBuilder
			for ai := w; ai < len(x.c.Articles); ai += workers {
				occ = x.docOcc(ai, occ[:0])
				docs[ai] = b.threadDoc(dayOf(x.c.Articles[ai].Published), occ, tm)
			}
		}(w)
	}
	wg.Wait()
	return docs
}

// docOcc appends article ai's term occurrences, anchors included, to occ.
func (x *analysis) docOcc(ai int, occ []eventTerm) []eventTerm {
	for k, ui := range x.artUnit[ai] {
		u := x.units[ui]
		lead := k < eventLead
		for j, t := range u.terms {
			occ = append(occ, eventTerm{t: t, lead: lead, name: u.name(j)})
		}
	}
	return append(occ, x.anchorOcc[ai]...)
}

// termModel gives story grouping the corpus-wide weights; term ids from
// anchorBase on are anchors.
func (x *analysis) termModel() termModel {
	return termModel{
		weight: func(t int32) float64 { return x.wts[t] },
		anchor: func(t int32) bool { return t >= x.anchorBase },
	}
}

// groupStories groups the corpus's articles into threads and stories (see
// eventdoc.go), and records each unit's story.
func (x *analysis) groupStories(ctx context.Context) eventGroups {
	x.progress("grouping stories", 0, len(x.c.Articles))
	docs := x.eventDocs()
	x.docs = docs
	arts := x.c.Articles
	order := canonicalOrder(len(docs), func(i int) int32 { return docs[i].day }, func(i int) string { return arts[i].ID })
	sorted := make([]eventDoc, len(docs))
	for k, i := range order {
		sorted[k] = docs[i]
	}
	vecs := make([]sparseVec, len(sorted))
	for i := range sorted {
		vecs[i] = sorted[i].thread
	}
	// The edges stay in their lists per vector: one copy of them at a time.
	edges := nearestEdgeLists(similarEdgeLists(vecs, nil, minThreadSim, threadNeighbours), len(sorted), threadNeighbours)
	threads := groups(newAvgLink(x.opts.ThreadThreshold).clusterLists(len(sorted), edges))
	if ctx.Err() != nil {
		return eventGroups{}
	}
	tm := x.termModel()
	split := make([][][]int32, len(threads))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), 8); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var occ []eventTerm
			var b docBuilder
			for ti := range work {
				th := threads[ti]
				// The thread's docs with their terms, for this thread only.
				full := make([]eventDoc, len(th))
				members := make([]*eventDoc, len(th))
				b.resetStory() // the last thread's docs are done with
				for k, i := range th {
					occ = x.docOcc(order[i], occ[:0])
					full[k] = b.storyDoc(sorted[i].day, occ, tm)
					full[k].thread = sorted[i].thread
					members[k] = &full[k]
				}
				split[ti] = splitThread(members, tm, x.opts.StoryThreshold)
			}
		}()
	}
	for ti := range threads {
		work <- ti
	}
	close(work)
	wg.Wait()
	var g eventGroups
	for ti, th := range threads {
		for _, st := range split[ti] {
			s := make([]int32, len(st))
			for k, p := range st {
				s[k] = int32(order[th[p]])
			}
			slices.Sort(s)
			g.stories = append(g.stories, s)
			g.threadOf = append(g.threadOf, ti)
		}
	}
	// Threads in order of their first article in the corpus, and stories
	// within a thread in order of publication (their canonical first).
	first := func(si int) int32 { return g.stories[si][0] }
	g.threads = make([][]int, len(threads))
	for si, ti := range g.threadOf {
		g.threads[ti] = append(g.threads[ti], si)
	}
	slices.SortStableFunc(g.threads, func(a, b []int) int {
		return cmp.Compare(slices.Min(mapInts(a, first)), slices.Min(mapInts(b, first)))
	})
	for ti, sts := range g.threads {
		for _, si := range sts {
			g.threadOf[si] = ti
		}
	}
	x.anchorOcc = nil
	x.problems = x.applyCorrections(&g)
	// Each unit's story, on every core: stories hold different units.
	workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(g.stories)/64))
	for w := range workers {
		wg.Go(func() {
			for si := w; si < len(g.stories); si += workers {
				for _, ai := range g.stories[si] {
					for _, ui := range x.artUnit[ai] {
						x.units[ui].story = int32(si)
					}
				}
			}
		})
	}
	wg.Wait()
	x.progress("grouping stories", len(x.c.Articles), len(x.c.Articles))
	return g
}

func mapInts(v []int, f func(int) int32) []int32 {
	out := make([]int32, len(v))
	for i, e := range v {
		out[i] = f(e)
	}
	return out
}

// NewStory makes the Story of a group of articles (in corpus order) with
// an id and a thread: their dates, the outlets that covered it in order
// of first report, the first report, and the known outlets (sorted) that
// did not cover it. The label is left to the caller. The library's stored
// stories are drawn with it too, so that they read as the analysed ones.
func NewStory(id, thread string, arts []*corpus.Article, known []string) Story {
	st := Story{ID: id, Thread: thread, Articles: make([]string, len(arts)), Outlets: []string{}, MissingOutlets: []string{}}
	for i, a := range arts {
		st.Articles[i] = a.ID
	}
	if len(arts) == 0 {
		return st
	}
	byTime := slices.Clone(arts)
	slices.SortStableFunc(byTime, corpus.ByPublication)
	seen := map[string]bool{}
	for _, a := range byTime {
		if p := a.Published; p != nil {
			if st.Start == nil || p.Before(*st.Start) {
				st.Start = p
			}
			if st.End == nil || p.After(*st.End) {
				st.End = p
			}
		}
		if o := a.DisplayOutlet(); !seen[o] {
			seen[o] = true
			st.Outlets = append(st.Outlets, o)
		}
	}
	f := byTime[0]
	st.First = &FirstReport{Article: f.ID, Outlet: f.DisplayOutlet(), Published: f.Published}
	for _, o := range known {
		if !seen[o] {
			st.MissingOutlets = append(st.MissingOutlets, o)
		}
	}
	return st
}

// describeStory makes the Story of a group of articles (indices into the
// corpus, ascending): its label is the title of the article nearest the
// others, outlets are in order of first report, and the corpus's outlets
// that did not cover it are its missing outlets.
func (x *analysis) describeStory(arts []int32, docs []eventDoc, thread string) Story {
	c := x.c
	ids := make([]string, len(arts))
	for i, ai := range arts {
		ids[i] = c.Articles[ai].ID
	}
	sortedIDs := slices.Clone(ids)
	sort.Strings(sortedIDs)
	group := make([]*corpus.Article, len(arts))
	for i, ai := range arts {
		group[i] = c.Articles[ai]
	}
	st := NewStory("s-"+shortHash(strings.Join(sortedIDs, "\n")), thread, group, x.knownOutlets())
	// The label: the title of the article most similar to the others.
	best, bestS := arts[0], -1.0
	for _, ai := range arts {
		s := 0.0
		for _, aj := range arts {
			if ai != aj {
				s += docs[ai].thread.dot(docs[aj].thread)
			}
		}
		if s > bestS {
			best, bestS = ai, s
		}
	}
	st.Label = articleLabel(c.Articles[best])
	return st
}

// articleLabel is an article's title, or its first sentence cut short.
func articleLabel(a *corpus.Article) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return trimTo(t, 100)
	}
	for _, s := range a.Sentences {
		if linkable(s) {
			return trimTo(s.Text, 100)
		}
	}
	return a.ID
}

// knownOutlets returns the corpus's named outlets, sorted (articles of an
// unknown outlet are not an outlet that could have covered a story).
func (x *analysis) knownOutlets() []string {
	x.outletsOnce.Do(func() {
		seen := map[string]bool{}
		for _, a := range x.c.Articles {
			if a.Outlet != "" && !seen[a.Outlet] {
				seen[a.Outlet] = true
				x.known = append(x.known, a.Outlet)
			}
		}
		sort.Strings(x.known)
	})
	return x.known
}

// threadLabel names a thread by the four terms its sentences weigh most,
// among terms found in two sentences or more (the scorer is prepared for
// the thread).
func (x *storyScorer) threadLabel(members []int32) string {
	if len(x.score) < len(x.strs) {
		x.score = make([]float64, len(x.strs))
	}
	score := x.score
	for _, ui := range members {
		for _, t := range x.units[ui].terms {
			score[t] += x.wts[t]
		}
	}
	all := x.labelScores[:0] // reused: a thread's terms are many
	for _, t := range x.terms {
		if x.df[t] >= 2 {
			all = append(all, termScore{t, score[t]})
		}
		score[t] = 0
	}
	x.labelScores = all
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
		if reportingWord[strings.ToLower(x.surf[e.t])] {
			continue // "said" is in every thread of news; it names none
		}
		label = append(label, x.surf[e.t])
	}
	return strings.Join(label, ", ")
}

// termScore is a term and its summed weight in a thread (threadLabel).
type termScore struct {
	t int32
	s float64
}

// reportingWord holds lang.LabelReportingVerbs, for thread labels.
var reportingWord = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.LabelReportingVerbs() {
		m[w] = true
	}
	return m
}()

// threadID is a thread's stable id: a hash of its articles' ids.
func threadID(ids []string) string {
	s := slices.Clone(ids)
	sort.Strings(s)
	return "t-" + shortHash(strings.Join(s, "\n"))
}

func shortHash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:5])
}
