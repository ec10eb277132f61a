package frame

import (
	"sort"
	"strings"
)

// resolveVoices merges name variants across the corpus ("Lavrov", "Sergei
// Lavrov", "Sergey Lavrov") and fills in the speaker of attribution
// markers, once resolveArticle has resolved each article's pronoun and
// role speakers and given its quotations their speakers.
func (an *analyzer) resolveVoices(arts []*articleInfo) {
	canon := an.canonicalNames(arts)
	for _, ai := range arts {
		for i, names := range ai.voices {
			ai.voices[i] = canonList(names, canon)
		}
		for _, si := range ai.sents {
			for k := range si.attrs {
				si.attrs[k].resolved = canonList(si.attrs[k].resolved, canon)
			}
		}
		for k := range ai.markers {
			m := &ai.markers[k]
			if m.Kind != KindAttribution {
				continue
			}
			for _, at := range ai.sents[ai.sentPos(m.Sentence)].attrs {
				if at.start == m.Start && len(at.resolved) > 0 {
					m.Speaker = strings.Join(at.resolved, ", ")
					m.Reason += "; attributed to " + m.Speaker
				}
			}
		}
	}
}

// sentPos returns the position in ai.sents of the sentence with the given
// Article.Sentences index.
func (ai *articleInfo) sentPos(index int) int {
	for i, si := range ai.sents {
		if si.s.Index == index {
			return i
		}
	}
	return 0
}

func canonList(names []string, canon map[string]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if c, ok := canon[n]; ok {
			n = c
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// resolveArticle resolves "he said" to the most recent named speaker and
// "the foreign minister said" to the most recent named speaker holding
// that role, then attributes quotations and lists each sentence's voices.
func (an *analyzer) resolveArticle(ai *articleInfo) {
	lastPerson := ""
	var recent []string          // named person speakers, most recent last
	roles := map[string]string{} // raw name -> title words seen in the text
	resolveRole := func(role string) string {
		head := role
		side := ""
		for _, w := range strings.Fields(role) {
			head = w
			if a := an.lx.actors.byName[w]; a != nil && !a.person && side == "" {
				side = a.side // "the French president": only a French one
			}
		}
		for i := len(recent) - 1; i >= 0; i-- {
			n := recent[i]
			if side != "" && an.sideOf(n, roles) != side {
				continue
			}
			if strings.Contains(roles[n], head) {
				return n
			}
			if a := an.lx.actors.lookup(n); a != nil {
				for _, r := range a.roles {
					if strings.HasSuffix(role, r) || r == head {
						return n
					}
				}
			}
		}
		if side != "" || lastPerson == "" {
			return ""
		}
		// "the spokesman" after an unknown speaker is most likely that
		// speaker; after one whose titles are known (from the text or the
		// actors table) and are other ones, it is someone else.
		if roles[lastPerson] != "" {
			return ""
		}
		if a := an.lx.actors.lookup(lastPerson); a != nil && len(a.roles) > 0 {
			return ""
		}
		return lastPerson
	}
	ai.voices = make([][]string, len(ai.sents))
	for si, s := range ai.sents {
		for k := range s.attrs {
			at := &s.attrs[k]
			var names []string
			// Speakers named inside someone's quotation do not become the
			// antecedent of a later "he said".
			quoted := ai.inQuote(at.start)
			switch at.speaker.kind {
			case spName:
				names = at.speaker.names
				for _, n := range names {
					if an.looksPerson(n) && !quoted {
						if at.speaker.role != "" {
							roles[n] = at.speaker.role
						}
						recent = append(recent, n)
					}
				}
				if an.looksPerson(names[0]) && !quoted {
					lastPerson = names[0]
				}
			case spPronoun:
				if lastPerson != "" {
					names = []string{lastPerson}
				}
			case spRole:
				if n := resolveRole(at.speaker.role); n != "" {
					names = []string{n}
					if !quoted {
						lastPerson = n
					}
				}
			}
			at.resolved = names
			ai.voices[si] = append(ai.voices[si], names...)
		}
	}
	// Quotations: the attribution right after the closing mark, else the
	// one before the opening mark, else the speaker of the previous
	// quotation in the same paragraph ("…," Lavrov said. "Nobody…").
	prevSpeaker, prevPara := []string(nil), -1
	for qi := range ai.quotes {
		q := &ai.quotes[qi]
		para := ai.sents[q.sOpen].s.Para
		if para != prevPara {
			prevSpeaker, prevPara = nil, para
		}
		var sp []string
		for _, at := range ai.sents[q.sEnd].attrs {
			if at.tokIdx > q.closeTok && len(at.resolved) > 0 {
				sp = at.resolved
				break
			}
		}
		if sp == nil {
			for k := len(ai.sents[q.sOpen].attrs) - 1; k >= 0; k-- {
				at := ai.sents[q.sOpen].attrs[k]
				if at.tokIdx < q.openTok && len(at.resolved) > 0 {
					sp = at.resolved
					break
				}
			}
		}
		if sp == nil && q.sEnd > q.sOpen {
			for s := q.sOpen; s <= q.sEnd && sp == nil; s++ {
				for _, at := range ai.sents[s].attrs {
					if len(at.resolved) > 0 {
						sp = at.resolved
						break
					}
				}
			}
		}
		if sp == nil && q.words > 4 {
			sp = prevSpeaker
		}
		q.speaker = sp
		if sp != nil {
			prevSpeaker = sp
			for s := q.sOpen; s <= q.sEnd; s++ {
				ai.voices[s] = append(ai.voices[s], sp...)
			}
		}
	}
}

// canonicalNames maps every raw speaker name to one display name: the
// actors table's name where the table knows it, else the most frequent
// full form sharing its surname (or the same surname with two letters
// swapped).
func (an *analyzer) canonicalNames(arts []*articleInfo) map[string]string {
	count := map[string]int{}
	for _, ai := range arts {
		for _, vs := range ai.voices {
			for _, v := range vs {
				count[v]++
			}
		}
	}
	canon := map[string]string{}
	bySurname := map[string]string{} // surname -> best multi-word unknown name
	var unknown []string
	for n := range count {
		if a := an.lx.actors.lookup(n); a != nil {
			canon[n] = a.name
			continue
		}
		unknown = append(unknown, n)
	}
	sort.Strings(unknown)
	for _, n := range unknown {
		f := strings.Fields(n)
		if len(f) < 2 || !an.looksPerson(n) {
			continue
		}
		s := strings.ToLower(f[len(f)-1])
		best, ok := bySurname[s]
		if !ok || count[n] > count[best] || count[n] == count[best] && len(n) > len(best) {
			bySurname[s] = n
		}
	}
	for _, n := range unknown {
		f := strings.Fields(n)
		s := strings.ToLower(f[len(f)-1])
		if best, ok := bySurname[s]; ok {
			canon[n] = best
			continue
		}
		if len(f) == 1 && len([]rune(s)) >= 5 {
			// The surnames it is a swap of two letters away from (the
			// first in sorted order): looked up, not compared with every
			// surname, which made many one-word names quadratic.
			r := []rune(s)
			first := ""
			for i := 0; i+1 < len(r); i++ {
				if r[i] == r[i+1] {
					continue
				}
				r[i], r[i+1] = r[i+1], r[i]
				if sur := string(r); (first == "" || sur < first) && bySurname[sur] != "" {
					first = sur
				}
				r[i], r[i+1] = r[i+1], r[i]
			}
			if first != "" {
				canon[n] = bySurname[first]
			}
		}
	}
	return canon
}

// sideOf returns the side (country or organisation) of a voice: the actors
// table's, else a news outlet's country from the outlet table, else the
// first state or organisation named in its title.
func (an *analyzer) sideOf(name string, titles map[string]string) string {
	if a := an.lx.actors.lookup(name); a != nil {
		return a.side
	}
	if o := an.outlets.Lookup(name); o != nil && o.Country != "" {
		return o.Country // a news outlet quoted as a source
	}
	for _, w := range strings.Fields(titles[name]) {
		if a := an.lx.actors.byName[w]; a != nil && !a.person {
			return a.side
		}
	}
	return ""
}
