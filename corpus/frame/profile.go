package frame

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/parallax-reader/parallax/corpus"
)

// Prior strengths of the log-odds model: how many pseudo-counts the
// background distribution contributes. Larger values shrink rare words
// harder towards "not distinctive".
const (
	priorUnigram = 1000.0
	priorBigram  = 500.0
	bgWeight     = 0.5 // share of the unigram prior taken from the background list
	minCount     = 2   // a term must occur this often in the outlet
)

// profiles builds one profile per outlet, in order of first appearance.
func (an *analyzer) profiles(arts []*articleInfo, counts *counter, cmp Comparison, opts Options) []Profile {
	k := opts.Distinctive
	if k <= 0 {
		k = 12
	}
	var order []string
	group := map[string][]*articleInfo{}
	for _, ai := range arts {
		o := ai.a.DisplayOutlet()
		if _, ok := group[o]; !ok {
			order = append(order, o)
		}
		group[o] = append(group[o], ai)
	}
	titles := map[string]string{}
	for _, ai := range arts {
		for _, si := range ai.sents {
			for _, at := range si.attrs {
				if at.speaker.kind == spName && len(at.resolved) == 1 && at.speaker.role != "" {
					if _, ok := titles[at.resolved[0]]; !ok {
						titles[at.resolved[0]] = at.speaker.role
					}
				}
			}
		}
	}
	uni, bi := map[string]map[uint32]float64{}, map[string]map[uint64]float64{}
	for _, o := range order {
		uni[o], bi[o] = map[uint32]float64{}, map[uint64]float64{}
		if tc := counts.by[o]; tc != nil {
			uni[o], bi[o] = tc.uni, tc.bi
		}
	}
	dist := map[string][]Term{}
	alone := len(order) < 2 // one outlet: nothing to set it against
	if !alone {
		// The pooled counts are the same for every outlet: summed once,
		// not once per outlet (which made profiles quadratic in the
		// number of outlets times the vocabulary).
		uniPool, biPool := poolCounts(order, uni), poolCounts(order, bi)
		bg := func(w uint32) float64 { return an.lx.background[counts.words[w]] }
		for _, o := range order {
			dist[o] = mergeTerms(logOdds(uni[o], uniPool, bg, an.lx.bgTotal, counts.word, k), logOdds(bi[o], biPool, nil, 0, counts.pair, k), k)
		}
	}
	out := make([]Profile, 0, len(order))
	for _, o := range order {
		d := dist[o]
		if d == nil {
			d = []Term{}
		}
		p := Profile{Outlet: o, Articles: []string{}, Distinctive: d, alone: alone, Voices: []Voice{}, MarkerRates: map[string]float64{},
			Attribution: map[string]int{}, AttributionStance: map[string]int{StanceNeutral: 0, StanceBearing: 0}, Omissions: []string{}}
		counts := map[string]int{}
		voices := map[string]int{}
		bearing := map[string]bool{}
		for _, ai := range group[o] {
			p.Articles = append(p.Articles, ai.a.ID)
			p.Sentences += len(ai.a.Sentences)
			for _, m := range ai.markers {
				counts[m.Kind]++
			}
			for v, n := range ai.verbs {
				p.Attribution[v] += n
			}
			for st, n := range ai.stances {
				p.AttributionStance[st] += n
			}
			for v := range ai.bearing {
				bearing[v] = true
			}
			for _, vs := range ai.voices {
				for _, v := range vs {
					voices[v]++
				}
			}
		}
		for _, kind := range kindOrder() {
			rate := 0.0
			if p.Sentences > 0 {
				rate = math.Round(float64(counts[kind])*1000/float64(p.Sentences)) / 10
			}
			p.MarkerRates[kind] = rate
		}
		p.Sides = map[string]int{}
		for v, n := range voices {
			side := an.sideOf(v, titles)
			p.Voices = append(p.Voices, Voice{Speaker: v, Sentences: n, Side: side})
			if side == "" {
				side = "unknown"
			}
			p.Sides[side] += n
		}
		sort.Slice(p.Voices, func(i, j int) bool {
			if p.Voices[i].Sentences != p.Voices[j].Sentences {
				return p.Voices[i].Sentences > p.Voices[j].Sentences
			}
			return p.Voices[i].Speaker < p.Voices[j].Speaker
		})
		for v := range bearing {
			p.bearing = append(p.bearing, v)
		}
		sort.Strings(p.bearing)
		if cmp != nil {
			if om := cmp.OmittedBy(o); om != nil {
				p.Omissions = append(p.Omissions, om...)
			}
		}
		out = append(out, p)
	}
	return out
}

// termWord reports whether a token counts for distinctive vocabulary:
// a word with a letter, not a stop word.
func termWord(t token) bool {
	if t.kind != tokWord || len(t.lower) < 2 || t.lower == "'s" || t.lower == "n't" {
		return false
	}
	hasL := false
	for _, r := range t.lower {
		if unicode.IsLetter(r) {
			hasL = true
			break
		}
	}
	return hasL && !english.IsStopWord(t.lower) && !extraStop(t.lower)
}

// extraStop lists frequent news words that say nothing about an outlet's
// framing on their own: modal verbs and the commonest reporting verbs.
func extraStop(w string) bool {
	switch w {
	case "also", "said", "says", "say", "told", "would", "could", "may", "might", "must", "shall", "one", "two", "mr", "mrs", "ms", "like", "well", "even", "still":
		return true
	}
	return false
}

// logOdds ranks the terms of one outlet (own, its counts) against all
// other outlets (pool, everyone's counts, minus own) by the
// log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
// Quinn 2008, "Fightin' Words", eq. 22 and 24): the prior mixes the
// background word list with the pooled corpus, so rare words are shrunk
// and a small corpus does not crown every hapax. Returns the top k terms
// with z > 0 that occur at least minCount times in the outlet.
func logOdds[K comparable](own map[K]float64, pool pooledCounts[K], bg func(K) float64, bgTotal float64, name func(K) string, k int) []Term {
	pooled, total := pool.counts, pool.total
	if total == 0 {
		return nil
	}
	// Counts are whole numbers, so these sums are exact in any order.
	var ni float64
	for _, c := range own {
		ni += c
	}
	nj := total - ni
	a0 := priorBigram
	if bg != nil {
		a0 = priorUnigram
	}
	// The prior never outweighs the data: on a tiny corpus it would
	// flatten every difference.
	a0 = math.Min(a0, total)
	var terms []Term
	for w, yi := range own {
		if yi < minCount {
			continue
		}
		yj := pooled[w] - yi
		p := pooled[w] / total
		if bg != nil {
			p = (1-bgWeight)*p + bgWeight*bg(w)/bgTotal
		}
		aw := a0 * p
		di := math.Log((yi+aw)/(ni+a0-yi-aw)) - math.Log((yj+aw)/(nj+a0-yj-aw))
		v := 1/(yi+aw) + 1/(yj+aw)
		z := di / math.Sqrt(v)
		if z > 0 {
			terms = append(terms, Term{Term: name(w), Z: math.Round(z*100) / 100})
		}
	}
	sortTerms(terms)
	if len(terms) > k {
		terms = terms[:k]
	}
	return terms
}

func sortTerms(ts []Term) {
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].Z != ts[j].Z {
			return ts[i].Z > ts[j].Z
		}
		return ts[i].Term < ts[j].Term
	})
}

// mergeTerms merges words and phrases into one ranking; a word that only
// occurs inside a listed phrase is dropped in favour of the phrase.
func mergeTerms(words, phrases []Term, k int) []Term {
	all := append(append([]Term{}, phrases...), words...)
	sortTerms(all)
	out := []Term{}
	for _, t := range all {
		dup := false
		for _, o := range out {
			if strings.Contains(" "+o.Term+" ", " "+t.Term+" ") || strings.Contains(" "+t.Term+" ", " "+o.Term+" ") {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t)
		}
		if len(out) == k {
			break
		}
	}
	return out
}

// kindOrder returns the marker kinds in the order reports list them.
func kindOrder() []string {
	return []string{KindLoaded, KindEvaluative, KindAttribution, KindHedge, KindScareQuote, KindIntensifier, KindUnique}
}

// Markdown renders the profile as Markdown, with text bar charts for the
// distinctive terms, voices, attribution verbs and marker rates.
func (p *Profile) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", p.Outlet)
	fmt.Fprintf(&b, "%s · %s", corpus.Count(len(p.Articles), "article"), corpus.Count(p.Sentences, "sentence"))
	if len(p.Voices) > 0 {
		fmt.Fprintf(&b, " · leading voice: %s (%s)", p.Voices[0].Speaker, corpus.Count(p.Voices[0].Sentences, "sentence"))
	}
	b.WriteString("\n\n")

	b.WriteString("### Distinctive words and phrases\n\n")
	if p.alone {
		b.WriteString("The corpus has no other outlet to compare this one with.\n\n")
	} else if len(p.Distinctive) == 0 {
		b.WriteString("Nothing stands out against the other outlets.\n\n")
	} else {
		b.WriteString("z-scores of the log-odds against the other outlets (Monroe et al. 2008). Above 2: unlikely by chance.\n\n")
		rows := make([]barRow, len(p.Distinctive))
		for i, t := range p.Distinctive {
			rows[i] = barRow{label: t.Term, value: t.Z, note: fmt.Sprintf("%.2f", t.Z)}
		}
		writeBars(&b, rows)
	}

	b.WriteString("### Voices\n\n")
	if len(p.Voices) == 0 {
		b.WriteString("No one is quoted or paraphrased by name.\n\n")
	} else {
		b.WriteString("Sentences in which each speaker is quoted or paraphrased.\n\n")
		rows := make([]barRow, len(p.Voices))
		for i, v := range p.Voices {
			label := v.Speaker
			if v.Side != "" && v.Side != v.Speaker {
				label += " (" + v.Side + ")"
			}
			rows[i] = barRow{label: label, value: float64(v.Sentences), note: fmt.Sprint(v.Sentences)}
		}
		writeBars(&b, rows)
		sides := p.Sides
		if len(sides) > 1 {
			b.WriteString("By side:\n\n")
			var srows []barRow
			for s, n := range sides {
				srows = append(srows, barRow{label: s, value: float64(n), note: fmt.Sprint(n)})
			}
			sort.Slice(srows, func(i, j int) bool {
				if srows[i].value != srows[j].value {
					return srows[i].value > srows[j].value
				}
				return srows[i].label < srows[j].label
			})
			writeBars(&b, srows)
		}
	}

	b.WriteString("### Attribution verbs\n\n")
	if len(p.Attribution) == 0 {
		b.WriteString("No reporting verbs found.\n\n")
	} else {
		fmt.Fprintf(&b, "%d neutral, %d stance-bearing (marked *).\n\n", p.AttributionStance[StanceNeutral], p.AttributionStance[StanceBearing])
		var rows []barRow
		for v, n := range p.Attribution {
			label := v
			if sort.SearchStrings(p.bearing, v) < len(p.bearing) && p.bearing[sort.SearchStrings(p.bearing, v)] == v {
				label += " *"
			}
			rows = append(rows, barRow{label: label, value: float64(n), note: fmt.Sprint(n)})
		}
		sort.Slice(rows, func(i, j int) bool {
			if rows[i].value != rows[j].value {
				return rows[i].value > rows[j].value
			}
			return rows[i].label < rows[j].label
		})
		writeBars(&b, rows)
	}

	b.WriteString("### Markers per 100 sentences\n\n")
	var rows []barRow
	for _, k := range kindOrder() {
		if v, ok := p.MarkerRates[k]; ok {
			rows = append(rows, barRow{label: k, value: v, note: fmt.Sprintf("%.1f", v)})
		}
	}
	writeBars(&b, rows)

	b.WriteString("### Omissions\n\n")
	if len(p.Omissions) == 0 {
		b.WriteString("None found (or no shared-facts analysis was given).\n")
	} else {
		b.WriteString("Facts most other outlets carry that this one leaves out:\n\n")
		for _, o := range p.Omissions {
			fmt.Fprintf(&b, "- %s\n", o)
		}
	}
	return b.String()
}

type barRow struct {
	label string
	value float64
	note  string
}

// writeBars writes rows as an aligned text bar chart in a fenced block,
// the longest bar 24 cells wide.
func writeBars(b *strings.Builder, rows []barRow) {
	const width = 24
	if len(rows) == 0 {
		b.WriteString("Nothing to show.\n\n")
		return
	}
	maxV, maxL := 0.0, 0
	for _, r := range rows {
		maxV = math.Max(maxV, r.value)
		if n := len([]rune(r.label)); n > maxL {
			maxL = n
		}
	}
	b.WriteString("```text\n")
	for _, r := range rows {
		n := 0
		if maxV > 0 {
			n = int(math.Round(r.value / maxV * width))
		}
		if n == 0 && r.value > 0 {
			n = 1
		}
		pad := maxL - len([]rune(r.label))
		fmt.Fprintf(b, "%s%s  %s %s\n", r.label, strings.Repeat(" ", pad), strings.Repeat("█", n)+strings.Repeat("·", width-n), r.note)
	}
	b.WriteString("```\n\n")
}
