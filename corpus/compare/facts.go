package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// buildFact turns a cluster of units into a Fact with members, evidence,
// a stable id, a label and discrepancies. The label is taken from the most
// central member whose label is not yet in labels (the story's labels so
// far), so two facts sharing a sentence still read differently; the label
// chosen is added to labels.
func (x *storyScorer) buildFact(f []int32, links storyLinks, stories []Story, labels map[string]bool) Fact {
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
	fact := Fact{Discrepancies: []Discrepancy{}, Members: make([]Member, 0, len(f))}
	x.placeFact(&fact, f, stories)
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
	// The label comes from a body sentence when the fact has one: a
	// headline or sub-heading is a fragment ("On Russia's response"), not
	// a claim.
	slices.SortStableFunc(order, func(a, b int) int {
		ha, hb := x.units[f[a]].heading, x.units[f[b]].heading
		if ha != hb {
			if ha {
				return 1
			}
			return -1
		}
		return cmp.Compare(central[b], central[a])
	})
	outletSeen := map[string]bool{}
	for _, m := range f {
		u := x.units[m]
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
					if sc := x.linkScore(u, x.units[o]); sc > mem.Score {
						mem.Score, to = sc, o
					}
				}
			}
		}
		if to >= 0 {
			mem.Evidence = x.evidence(u, x.units[to])
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
	if fact.Recurring() {
		fact.Timeline = timeline(x.published, fact.Members)
	}
	return fact
}

// placeFact sets a fact's thread, its stories (in story order) and its
// story (the one most of its members come from; the earlier on a tie).
func (x *storyScorer) placeFact(fact *Fact, f []int32, stories []Story) {
	count := map[int32]int{}
	for _, m := range f {
		count[x.units[m].story]++
	}
	var in []int32
	for si := range count {
		in = append(in, si)
	}
	slices.Sort(in)
	best := in[0]
	for _, si := range in {
		fact.Stories = append(fact.Stories, stories[si].ID)
		if count[si] > count[best] {
			best = si
		}
	}
	fact.Story = stories[best].ID
	fact.Thread = stories[best].Thread
}

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
	return nameA && nameB && s[0] != '~' && !x.calendarName(t)
}

// calendarName is calendarWord of the lower case of term t's surface,
// kept per term: evidence asks it of every name two sentences share.
func (x *storyScorer) calendarName(t int32) bool {
	if len(x.calName) < len(x.strs) {
		x.calName = make([]uint8, len(x.strs))
	}
	if x.calName[t] == 0 {
		x.calName[t] = 1
		if calendarWord(strings.ToLower(x.surf[t])) {
			x.calName[t] = 2
		}
	}
	return x.calName[t] == 2
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
