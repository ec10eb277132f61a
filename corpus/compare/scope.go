package compare

import (
	"fmt"
	"slices"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// ScopeArticles returns the ids of the articles of a story or a thread
// (by id), in the story order; an error names an id that is neither.
func (r *Result) ScopeArticles(id string) ([]string, error) {
	for _, st := range r.Stories {
		if st.ID == id {
			return slices.Clone(st.Articles), nil
		}
	}
	for _, th := range r.Threads {
		if th.ID != id {
			continue
		}
		var out []string
		for _, sid := range th.Stories {
			for _, st := range r.Stories {
				if st.ID == sid {
					out = append(out, st.Articles...)
				}
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("no story or thread %q (parallax stories lists them)", id)
}

// Within returns the result restricted to the given articles of c (what
// the reader has open): the stories and threads holding them, each fact
// with only its members in them (a fact left with fewer than minOutlets
// outlets goes), discrepancies with only their values in them, timelines
// and omissions computed again for what is open. The indexes follow.
func (r *Result) Within(c *corpus.Corpus, articles []string, minOutlets int) *Result {
	if minOutlets < 2 {
		minOutlets = 2
	}
	keep := make(map[string]bool, len(articles))
	for _, a := range articles {
		keep[a] = true
	}
	out := &Result{Threads: []Thread{}, Stories: []Story{}, Facts: []Fact{}, Omissions: []Omission{}}
	stories := map[string]bool{}
	for _, st := range r.Stories {
		var arts []string
		for _, a := range st.Articles {
			if keep[a] {
				arts = append(arts, a)
			}
		}
		if len(arts) == 0 {
			continue
		}
		st.Articles = arts
		out.Stories = append(out.Stories, st)
		stories[st.ID] = true
	}
	for _, th := range r.Threads {
		var sts []string
		for _, s := range th.Stories {
			if stories[s] {
				sts = append(sts, s)
			}
		}
		if len(sts) > 0 {
			th.Stories = sts
			out.Threads = append(out.Threads, th)
		}
	}
	pub := publishedOf(c)
	nMembers := 0
	for _, f := range r.Facts {
		g, ok := f.within(pub, keep, stories, minOutlets)
		if ok {
			out.Facts = append(out.Facts, g)
			nMembers += len(g.Members)
		}
	}
	out.misses = map[sentKey][]Miss{}
	for k, ms := range r.misses {
		if !keep[k.article] {
			continue
		}
		var in []Miss
		for _, m := range ms {
			if keep[m.Article] {
				in = append(in, m)
			}
		}
		if len(in) > 0 {
			out.misses[k] = in
		}
	}
	out.counterpart = make(sentSet, len(articles))
	for a, b := range r.counterpart {
		if keep[a] {
			out.counterpart[a] = b
		}
	}
	out.index(nMembers)
	omissions(out, c)
	return out
}

// within is the fact restricted to members of kept articles, or false
// when fewer than minOutlets outlets are left.
func (f Fact) within(pub map[string]*time.Time, keep, stories map[string]bool, minOutlets int) (Fact, bool) {
	var members []Member
	var outlets []string
	for _, m := range f.Members {
		if keep[m.Article] {
			members = append(members, m)
			if !slices.Contains(outlets, m.Outlet) {
				outlets = append(outlets, m.Outlet)
			}
		}
	}
	if len(outlets) < minOutlets {
		return Fact{}, false
	}
	g := f
	g.Members, g.Outlets = members, outlets
	g.Stories = nil
	for _, s := range f.Stories {
		if stories[s] {
			g.Stories = append(g.Stories, s)
		}
	}
	if !stories[g.Story] && len(g.Stories) > 0 {
		g.Story = g.Stories[0]
	}
	g.Discrepancies = []Discrepancy{}
	for _, d := range f.Discrepancies {
		var vs []Value
		distinct := map[string]bool{}
		for _, v := range d.Values {
			if keep[v.Article] {
				vs = append(vs, v)
				distinct[v.Value] = true
			}
		}
		if len(distinct) > 1 {
			g.Discrepancies = append(g.Discrepancies, Discrepancy{What: d.What, Values: vs})
		}
	}
	g.Timeline = nil
	if len(g.Stories) > 1 {
		g.Timeline = timeline(pub, members)
	}
	return g, true
}

// publishedOf maps the corpus's article ids to their publication times.
func publishedOf(c *corpus.Corpus) map[string]*time.Time {
	m := make(map[string]*time.Time, len(c.Articles))
	for _, a := range c.Articles {
		m[a.ID] = a.Published
	}
	return m
}

// timeline says when each outlet of the members first and last carried
// the claim, earliest first (undated last); pub gives the articles'
// publication times.
func timeline(pub map[string]*time.Time, members []Member) []Carried {
	var out []Carried
	idx := map[string]int{}
	for _, m := range members {
		k, ok := idx[m.Outlet]
		if !ok {
			k = len(out)
			idx[m.Outlet] = k
			out = append(out, Carried{Outlet: m.Outlet})
		}
		p := pub[m.Article]
		if p == nil {
			continue
		}
		if out[k].First == nil || p.Before(*out[k].First) {
			out[k].First = p
		}
		if out[k].Last == nil || p.After(*out[k].Last) {
			out[k].Last = p
		}
	}
	slices.SortStableFunc(out, func(a, b Carried) int {
		switch {
		case a.First == nil && b.First != nil:
			return 1
		case a.First != nil && b.First == nil:
			return -1
		case a.First != nil && !a.First.Equal(*b.First):
			return a.First.Compare(*b.First)
		}
		return 0
	})
	return out
}
