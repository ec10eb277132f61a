package compare

import (
	"cmp"
	"slices"
	"strings"
)

// shownTerm is a shared term of evidence: as shown, its weight and id.
type shownTerm struct {
	s string
	w float64
	t int32
}

// heaviest returns the first six of ts sorted stably by weight, heaviest
// first, in top: each is inserted among the six kept, and what falls
// below the sixth is not kept (TestHeaviestAsStableSort).
func heaviest(ts []shownTerm, top *[6]shownTerm) []shownTerm {
	n := 0
	for _, e := range ts {
		p := n
		for p > 0 && cmp.Compare(e.w, top[p-1].w) > 0 {
			p--
		}
		if p == len(top) {
			continue
		}
		n = min(n+1, len(top))
		copy(top[p+1:n], top[p:n-1])
		top[p] = e
	}
	return top[:n]
}

func (x *storyScorer) evidence(a, b *unit) Evidence {
	var ev Evidence
	var tbuf, nbuf [48]shownTerm
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
			e := shownTerm{x.surf[t], x.wts[t], t}
			if x.showAsName(t, a.name(i), b.name(j)) {
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
	// The heaviest few tell why; a fact holds many members.
	var ttop, ntop [6]shownTerm
	terms, names = heaviest(terms, &ttop), heaviest(names, &ntop)
	l := x.listBuf[:0]
	for _, t := range terms {
		l = append(l, t.s)
	}
	ev.Terms = x.shownList(0, l)
	l = l[:0]
	for _, t := range names {
		s := t.s
		if st := x.strs[t.t]; st != "" && st[0] == '@' {
			s = x.surfaceOf(a, t.t)
		}
		l = append(l, s)
	}
	ev.Names = x.shownList(1, l)
	x.listBuf = l
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

// shownKept is how many of the evidence lists of each kind made last
// shownList looks among for an equal one.
const shownKept = 8

// shownList returns a list of the strings of l, which is scratch: one of
// the last shownKept lists of its kind (0 terms, 1 names) when equal,
// else a copy, kept among them. The members of a fact mostly show the
// same shared words, and lists are read only: on 100,000 articles the
// facts' evidence lists were 180 MB of the analysis's peak.
func (x *storyScorer) shownList(kind int, l []string) []string {
	if len(l) == 0 {
		return make([]string, 0)
	}
	for _, k := range x.shown[kind] {
		if slices.Equal(k, l) {
			return k
		}
	}
	c := slices.Clone(l)
	x.shown[kind][x.shownAt[kind]] = c
	x.shownAt[kind] = (x.shownAt[kind] + 1) % shownKept
	return c
}

// surfaceOf is surfaceIn of unit u's sentence, remembered for the thread
// being linked: a sentence is shown with many others (its fact's members,
// its nearest misses), and its entities are written the same way in each.
func (x *storyScorer) surfaceOf(u *unit, t int32) string {
	if x.lead[t] != '@' {
		// Not an entity: surfaceIn gives its surface form without
		// reading the sentence, which need not be lowered nor the answer kept.
		return x.surf[t]
	}
	k := [3]int32{u.art, u.sent, t}
	if s, ok := x.surfaces[k]; ok {
		return s
	}
	if x.lowText.art != u.art || x.lowText.sent != u.sent || x.lowText.text == "" {
		text := x.c.Articles[u.art].Sentences[u.sent].Text
		x.lowText.art, x.lowText.sent, x.lowText.text, x.lowText.low = u.art, u.sent, text, strings.ToLower(text)
	}
	s := x.surfaceIn(t, x.lowText.text, x.lowText.low)
	x.surfaces[k] = s
	return s
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
