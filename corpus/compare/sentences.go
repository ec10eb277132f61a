package compare

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/parallax-reader/parallax/corpus"
)

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
	// Every sentence of refs becomes a unit, in order: an article's units
	// are a stretch of unit indices, cut from one array.
	seq := make([]int32, len(refs))
	for i := range seq {
		seq[i] = int32(i)
	}
	for lo := 0; lo < len(refs); {
		hi := lo + 1
		for hi < len(refs) && refs[hi].art == refs[lo].art {
			hi++
		}
		x.artUnit[refs[lo].art] = seq[lo:hi:hi]
		lo = hi
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	ans := make([]*analyzer, workers)
	for i := range ans {
		ans[i] = newAnalyzer(x.lx, x.acr)
		ans[i].noNgrams = true
	}
	dup := make([]int32, len(refs))
	x.units = make([]*unit, 0, len(refs))
	// Workers take chunks of sentences in turn, each the next not taken,
	// while this goroutine interns the chunks in order as they are ready:
	// no worker waits for the other at the end of a block. A chunk's
	// features go in slot k%ring, reused once the chunk ring before it is
	// interned.
	const chunk, ring, progressEvery = 256, 8, 4096
	nChunks := (len(refs) + chunk - 1) / chunk
	bufs := make([][]features, min(ring, nChunks))
	for k := range bufs {
		bufs[k] = make([]features, chunk)
	}
	dupDone := make([]chan struct{}, nChunks) // closed once chunk k's dup is set
	ready := make([]chan struct{}, nChunks)   // closed once chunk k is analysed
	freed := make([]chan struct{}, nChunks)   // closed once chunk k is interned
	by := make([]int32, nChunks)              // the worker that analysed chunk k
	for k := range ready {
		dupDone[k], ready[k], freed[k] = make(chan struct{}), make(chan struct{}), make(chan struct{})
	}
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	// A sentence repeated word for word (wire copy, boilerplate) is
	// analysed once; sentences holding a dateline are always analysed.
	// The repeats are found in order, chunk by chunk, beside the workers,
	// which wait for their chunk's: a pass over every sentence before
	// they start left one core idle (50 ms at 10,000 articles).
	wg.Go(func() {
		seen := make(map[string]int32, len(refs))
		for k := range nChunks {
			if stop.Load() {
				for j := k; j < nChunks; j++ {
					close(dupDone[j])
				}
				return
			}
			for i := k * chunk; i < min(k*chunk+chunk, len(refs)); i++ {
				r := refs[i]
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
			close(dupDone[k])
		}
	})
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= nChunks {
					return
				}
				if k >= ring {
					<-freed[k-ring]
				}
				<-dupDone[k]
				if stop.Load() {
					return
				}
				fts := bufs[k%ring]
				lo := k * chunk
				for i := lo; i < min(lo+chunk, len(refs)); i++ {
					if dup[i] >= 0 {
						continue
					}
					r := refs[i]
					ans[w].analyzeInto(&fts[i-lo], c.Articles[r.art].Sentences[r.sent].Text)
				}
				by[k] = int32(w)
				close(ready[k])
			}
		})
	}
	var names []bool                  // a sentence's name flags, sorted with its terms
	var idOf []int32                  // by index into a sentence's features.terms: its term id
	var posOf []int                   // by index into a sentence's features.terms: its place in the unit's terms
	var cm, sm []uint64               // a sentence's clauses and segments as bit sets of places
	local := make([][]int32, workers) // by worker, by its analyzer's localID: the term id, -1 when not seen
	for k := 0; k < nChunks; k++ {
		<-ready[k]
		if err := ctx.Err(); err != nil {
			stop.Store(true)
			for j := k; j < nChunks; j++ {
				close(freed[j])
			}
			wg.Wait()
			return fmt.Errorf("analyze: %w", err)
		}
		lo, hi := k*chunk, min(k*chunk+chunk, len(refs))
		if lo%progressEvery == 0 {
			x.progress("analysing sentences", lo, len(refs))
		}
		fts := bufs[k%ring]
		// The worker's own numbering of its terms finds the ids of the
		// terms it has made before without hashing them.
		loc := &local[by[k]]
		// An article's units (within the chunk) take their terms and
		// segment sets from one array: a few allocations per article, not
		// two per sentence, freed together when its thread is linked.
		var termAr []int32
		var unitAr []unit
		for i := lo; i < hi; i++ {
			r := refs[i]
			art := c.Articles[r.art]
			if i == lo || refs[i-1].art != r.art {
				nt, nu := 0, 0
				for k := i; k < hi && refs[k].art == r.art; k++ {
					nu++
					if dup[k] < 0 {
						f := &fts[k-lo]
						nt += len(f.terms)
						if len(f.clauses) > 1 {
							nt += segWords(len(f.terms))
						}
					}
				}
				termAr = make([]int32, 0, nt)
				unitAr = make([]unit, 0, nu)
			}
			if j := dup[i]; j >= 0 {
				// Share the first copy's read-only features; weights are
				// the unit's own.
				src := x.units[j]
				role := art.Sentences[r.sent].Role
				unitAr = append(unitAr, unit{art: r.art, sent: r.sent, outlet: x.artOut[r.art],
					terms: src.terms, nameBits: src.nameBits, ex: src.ex, nseg: src.nseg, side: src.side,
					heading: role == corpus.RoleTitle || role == corpus.RoleHeading})
				x.units = append(x.units, &unitAr[len(unitAr)-1])
				for _, t := range src.terms {
					x.df[t]++
				}
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
			nt := len(ft.terms)
			u.terms = termAr[len(termAr) : len(termAr)+nt : len(termAr)+nt]
			termAr = termAr[:len(termAr)+nt]
			names = append(names[:0], ft.names...)
			idOf = slices.Grow(idOf[:0], len(ft.terms))[:len(ft.terms)]
			for k, t := range ft.terms {
				lid := ft.lids[k]
				for int(lid) >= len(*loc) {
					*loc = append(*loc, -1)
				}
				id := (*loc)[lid]
				if id < 0 {
					var ok bool
					id, ok = x.vocab[t]
					if !ok {
						id = int32(len(x.strs))
						x.vocab[t] = id
						x.strs = append(x.strs, t)
						x.surf = append(x.surf, ft.surf[k])
						x.lowSurf = append(x.lowSurf, "")
						x.df = append(x.df, 0)
						x.isName = append(x.isName, false)
					}
					(*loc)[lid] = id
				}
				if x.lowSurf[id] == "" && !ft.names[k] && opensLower(ft.surf[k]) {
					x.lowSurf[id] = ft.surf[k]
				}
				if ft.names[k] {
					x.isName[id] = true
				}
				x.df[id]++
				u.terms[k] = id
				idOf[k] = id
			}
			// Term ids are not in string order: sort terms and names together.
			posOf = sortTerms(u.terms, names, posOf)
			for k, nm := range names {
				switch {
				case !nm:
				case k < 64:
					u.nameBits |= 1 << uint(k)
				default:
					l := x.ownLong(&u)
					if l.names == nil {
						l.names = make([]bool, nt-64)
					}
					l.names[k-64] = true
				}
			}
			if nc := len(ft.clauses); nc > 1 && len(u.terms) <= 64 {
				// Each clause as the bit set of its terms' places in
				// u.terms: a segment's sorted ids are its set bits in order.
				cm = slices.Grow(cm[:0], nc)[:nc]
				for k, cl := range ft.clauses {
					cm[k] = 0
					for _, t := range cl {
						cm[k] |= 1 << posOf[t]
					}
				}
				sm = sm[:0]
				size := 0
				for k := range nc {
					sm = append(sm, cm[k])
					if k+1 < nc {
						sm = append(sm, cm[k]|cm[k+1])
					}
				}
				if len(sm) <= 16 {
					// segOf holds the segments: they are not kept as lists.
					termAr = u.keepSegOf(termAr)
					u.nseg = uint8(len(sm))
					u.side = ft.side
					for si, m := range sm {
						for ; m != 0; m &= m - 1 {
							u.addSegOf(bits.TrailingZeros64(m), si)
						}
					}
				} else {
					for _, m := range sm {
						size += bits.OnesCount64(m)
					}
					arena := make([]int32, 0, size)
					l := x.ownLong(&u)
					l.segs = make([][]int32, 0, len(sm))
					for _, m := range sm {
						st := len(arena)
						for ; m != 0; m &= m - 1 {
							arena = append(arena, u.terms[bits.TrailingZeros64(m)])
						}
						l.segs = append(l.segs, arena[st:len(arena):len(arena)])
					}
				}
			} else if nc > 1 {
				// One backing array for the clauses and the adjacent pairs.
				size := 0
				for k, cl := range ft.clauses {
					size += len(cl)
					if k+1 < nc {
						size += len(cl) + len(ft.clauses[k+1])
					}
				}
				arena := make([]int32, 0, size)
				l := x.ownLong(&u)
				l.segs = make([][]int32, 0, 2*nc-1)
				for k, cl := range ft.clauses {
					st := len(arena)
					for _, t := range cl {
						arena = append(arena, idOf[t])
					}
					l.segs = append(l.segs, uniqSorted(arena[st:len(arena):len(arena)]))
					if k+1 < nc {
						st := len(arena)
						for _, t := range cl {
							arena = append(arena, idOf[t])
						}
						for _, t := range ft.clauses[k+1] {
							arena = append(arena, idOf[t])
						}
						l.segs = append(l.segs, uniqSorted(arena[st:len(arena):len(arena)]))
					}
				}
				if len(l.segs) <= 16 {
					u.nseg = uint8(len(l.segs))
					termAr = u.keepSegOf(termAr)
					for si, sg := range l.segs {
						for _, t := range sg {
							if k, ok := slices.BinarySearch(u.terms, t); ok {
								u.addSegOf(k, si)
							}
						}
					}
				}
			}
			unitAr = append(unitAr, u)
			x.units = append(x.units, &unitAr[len(unitAr)-1])
			// Keep the slot's term, surface and clause arrays for the
			// chunk that takes the slot next; the rest now belongs to the unit.
			*ft = features{terms: ft.terms[:0], surf: ft.surf[:0], lids: ft.lids[:0], clauses: ft.clauses[:0]}
		}
		close(freed[k])
	}
	wg.Wait()
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
	x.fuzzy = make([]uint64, len(x.strs))
	x.lead = make([]byte, len(x.strs))
	for id, t := range x.strs {
		if len(t) >= 5 && t[0] != '@' {
			x.fuzzy[id] = uint64(t[0])<<32 | uint64(len(t))
		}
		if t != "" && (t[0] == '@' || t[0] == '#') {
			x.lead[id] = t[0]
		}
	}
	x.nUnits = len(x.units)
	return nil
}

// ownLong gives u extras of its own, when it shares the empty noEx, and
// those their part for a long sentence, which it returns.
func (x *analysis) ownLong(u *unit) *longExtras {
	if u.ex == x.noEx {
		u.ex = &extras{}
	}
	if u.ex.long == nil {
		u.ex.long = &longExtras{}
	}
	return u.ex.long
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
