package frame

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
)

// Comparison is what framing needs from the shared-facts analysis.
type Comparison interface {
	HasCounterpart(article string, sentence int) bool // sentence = index into Article.Sentences
	OmittedBy(outlet string) []string                 // labels of facts this outlet leaves out
}

// Options tunes the analysis. The zero value uses the shipped lexicons
// only.
type Options struct {
	// LexiconDir is the directory of the user's extra lexicon files (the
	// lexicons folder of corpus.ConfigDir); "" means the shipped lexicons
	// only. The files are read on every call that finds them there.
	LexiconDir string
	// Distinctive is how many distinctive terms each profile lists; 0 means 12.
	Distinctive int
	// MarkNeutral also marks neutral reporting verbs ("said", "told") as
	// attribution markers with stance "neutral". Off by default: they
	// would mark nearly every sentence of wire copy.
	MarkNeutral bool
}

// Result holds the markers of every article and one profile per outlet.
type Result struct {
	Markers []Marker  `json:"markers"`
	Outlets []Profile `json:"outlets"`

	bySentence map[string]map[int][]int // article -> sentence -> marker indexes
	byOutlet   map[string]int
}

// MarkersOf returns the markers on one sentence of an article, in text order.
func (r *Result) MarkersOf(article string, sentence int) []Marker {
	if r == nil {
		return nil
	}
	idx := r.bySentence[article][sentence]
	out := make([]Marker, len(idx))
	for i, k := range idx {
		out[i] = r.Markers[k]
	}
	return out
}

// Profile returns the profile of an outlet by name, or nil.
func (r *Result) Profile(outlet string) *Profile {
	if r == nil {
		return nil
	}
	if i, ok := r.byOutlet[outlet]; ok {
		return &r.Outlets[i]
	}
	return nil
}

// analyzer carries the lexicons and word classes through one analysis.
type analyzer struct {
	lx          *lexicons
	wc          *wordClasses
	outlets     *corpus.OutletTable // news outlets quoted as sources ("RT reported")
	markNeutral bool
}

// newAnalyzer loads the shipped lexicons and the user's in
// opts.LexiconDir.
func newAnalyzer(opts Options) (*analyzer, error) {
	var lx *lexicons
	var err error
	if hasUserFiles(opts.LexiconDir) {
		lx, err = loadLexicons(opts.LexiconDir)
	} else {
		lx, err = shippedLexicons()
	}
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	return &analyzer{lx: lx, wc: newWordClasses(), outlets: corpus.ShippedOutlets(), markNeutral: opts.MarkNeutral}, nil
}

// hasUserFiles reports whether dir holds lexicon files ("" holds none).
func hasUserFiles(dir string) bool {
	if dir == "" {
		return false
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range ents {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".txt") || strings.HasSuffix(e.Name(), ".tsv")) {
			return true
		}
	}
	return false
}

// Analyze marks framing language in every article of c and profiles each
// outlet. cmp may be nil: then there are no unique markers and no
// omissions.
func Analyze(ctx context.Context, c *corpus.Corpus, cmp Comparison, opts Options) (*Result, error) {
	if c == nil {
		return nil, fmt.Errorf("frame: nil corpus")
	}
	an, err := newAnalyzer(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Markers: []Marker{}, Outlets: []Profile{}}
	arts := make([]*articleInfo, len(c.Articles))
	// Articles are framed on every core. Each worker counts the words of
	// the articles it framed by outlet (the outlets' profiles need only
	// the counts), and the tokens go with the article: a corpus's tokens
	// all at once are many times its text.
	workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(c.Articles)/16))
	counts := make([]*counter, workers)
	var wg sync.WaitGroup
	for w := range workers {
		counts[w] = newCounter()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(c.Articles); i += workers {
				if ctx.Err() != nil {
					return
				}
				a := c.Articles[i]
				ai := an.article(a)
				if cmp != nil {
					for _, s := range a.Sentences {
						if s.Role == corpus.RoleBody && !cmp.HasCounterpart(a.ID, s.Index) {
							ai.markers = append(ai.markers, Marker{Article: a.ID, Sentence: s.Index, Start: s.Start, End: s.End, Text: s.Text,
								Kind: KindUnique, Reason: "no counterpart in any other outlet: only this outlet reports it", Source: "rule:shared-facts"})
						}
					}
				}
				sortMarkers(ai.markers)
				an.resolveArticle(ai)
				tc := counts[w].of(a.DisplayOutlet())
				for _, si := range ai.sents {
					counts[w].count(tc, si.toks)
					si.toks = nil
				}
				arts[i] = ai
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("frame: %w", err)
	}
	an.resolveVoices(arts)
	for _, ai := range arts {
		res.Markers = append(res.Markers, ai.markers...)
	}
	res.Outlets = an.profiles(arts, mergeCounters(counts), cmp, opts)
	res.index()
	return res, nil
}

// index builds the look-ups behind MarkersOf and Profile.
func (r *Result) index() {
	r.bySentence = map[string]map[int][]int{}
	for i, m := range r.Markers {
		if r.bySentence[m.Article] == nil {
			r.bySentence[m.Article] = map[int][]int{}
		}
		r.bySentence[m.Article][m.Sentence] = append(r.bySentence[m.Article][m.Sentence], i)
	}
	r.byOutlet = map[string]int{}
	for i, p := range r.Outlets {
		r.byOutlet[p.Outlet] = i
	}
}

func sortMarkers(ms []Marker) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		if ms[i].End != ms[j].End {
			return ms[i].End < ms[j].End
		}
		return ms[i].Kind < ms[j].Kind
	})
}

// quoteSpan is a stretch of quoted text, marks included.
type quoteSpan struct {
	start, end  int // byte offsets, quote marks included
	sOpen, sEnd int // indexes into articleInfo.sents of the sentences holding the marks
	words       int
	text        string // inner text
	speaker     []string
	openTok     int // token index of the opening mark in sents[sOpen]
	closeTok    int // token index of the closing mark in sents[sEnd]
}

// articleInfo is the per-article working state.
type articleInfo struct {
	a       *corpus.Article
	sents   []*sentInfo
	quotes  []quoteSpan
	markers []Marker
	voices  [][]string // per sentence: raw speaker names after pronoun and role resolution
	verbs   map[string]int
	stances map[string]int
	bearing map[string]bool // stance-bearing verbs seen
}

// article runs the sentence-level rules over one article.
func (an *analyzer) article(a *corpus.Article) *articleInfo {
	ai := &articleInfo{a: a, verbs: map[string]int{}, stances: map[string]int{}, bearing: map[string]bool{}}
	for _, s := range a.Sentences {
		si := &sentInfo{s: s, toks: tokenize(s.Text, s.Start)}
		an.findAttributions(si)
		ai.sents = append(ai.sents, si)
	}
	an.findQuotes(ai)
	for _, si := range ai.sents {
		an.lexiconMarkers(ai, si)
		an.attributionMarkers(ai, si)
	}
	an.scareQuotes(ai)
	return ai
}

// findQuotes pairs double quotation marks within each paragraph: any
// double-quote character toggles, since outlets mix straight and curly
// marks.
func (an *analyzer) findQuotes(ai *articleInfo) {
	open := false
	var cur quoteSpan
	para := -1
	for si, s := range ai.sents {
		if s.s.Para != para {
			para = s.s.Para
			open = false
		}
		for ti, t := range s.toks {
			if t.kind != tokQuote {
				continue
			}
			if !open {
				if t.text == "”" || t.text == "»" {
					continue // a closing mark with nothing open: stray, skip it
				}
				cur = quoteSpan{start: t.start, sOpen: si, openTok: ti}
				open = true
				continue
			}
			cur.end, cur.sEnd, cur.closeTok = t.end, si, ti
			inner := ai.a.Text[cur.start+len(ai.sents[cur.sOpen].toks[cur.openTok].text) : t.start]
			cur.text = inner
			for _, it := range tokenize(inner, 0) {
				if it.kind == tokWord {
					cur.words++
				}
			}
			ai.quotes = append(ai.quotes, cur)
			open = false
		}
	}
	an.singleQuotes(ai)
	sort.SliceStable(ai.quotes, func(i, j int) bool { return ai.quotes[i].start < ai.quotes[j].start })
}

// singleQuotes finds short ‘typographic single quotes’ within a sentence
// (British style). The closing mark doubles as an apostrophe, so a pair is
// taken only when the opening mark starts a word and the closing mark ends
// one within eight words; straight single quotes are too ambiguous to use.
func (an *analyzer) singleQuotes(ai *articleInfo) {
	for si, s := range ai.sents {
		for ti := 0; ti < len(s.toks); ti++ {
			t := s.toks[ti]
			if t.text != "‘" || !isWordTok(s.toks, ti+1) {
				continue
			}
			for k := ti + 2; k < len(s.toks) && k <= ti+9; k++ {
				c := s.toks[k]
				if c.kind == tokQuote || c.text == "." && k+1 < len(s.toks) {
					break
				}
				if c.text != "’" && c.text != "’s" {
					continue
				}
				if c.text == "’s" {
					break // a possessive, not a closing mark
				}
				inner := ai.a.Text[t.end:c.start]
				q := quoteSpan{start: t.start, end: c.end, sOpen: si, sEnd: si, openTok: ti, closeTok: k, text: inner}
				for _, it := range tokenize(inner, 0) {
					if it.kind == tokWord {
						q.words++
					}
				}
				ai.quotes = append(ai.quotes, q)
				ti = k
				break
			}
		}
	}
}

// inQuote reports whether byte offset off lies inside a quotation.
func (ai *articleInfo) inQuote(off int) bool {
	for _, q := range ai.quotes {
		if off > q.start && off < q.end {
			return true
		}
	}
	return false
}

// lexiconMarkers adds loaded, evaluative, hedge and intensifier markers.
func (an *analyzer) lexiconMarkers(ai *articleInfo, si *sentInfo) {
	toks := si.toks
	verbTok := map[int]bool{}
	for _, at := range si.attrs {
		if at.verb != nil {
			verbTok[at.tokIdx] = true
		}
	}
	covered := -1 // last token index covered by a longer match
	for i := range toks {
		if i <= covered || verbTok[i] {
			continue
		}
		ms := an.lx.matchAt(toks, i)
		if len(ms) == 0 {
			if m, ok := an.ratherRule(ai, si, i); ok {
				ai.markers = append(ai.markers, m)
			}
			continue
		}
		e := ms[0]
		if e.kind == KindLoaded && len(e.words) == 1 && (an.participleBeforeNoun(toks, i) || an.passiveWithoutActor(toks, i)) {
			// "reconstruction of destroyed homes", "homes were destroyed
			// by the flood": a state described, not an actor's act cast
			// in a light.
			continue
		}
		end := i + len(e.words) - 1
		covered = end
		text := ai.a.Text[toks[i].start:toks[end].end]
		reason := lexReason(e, text)
		if ai.inQuote(toks[i].start) {
			reason += " (inside quoted speech)"
		}
		ai.markers = append(ai.markers, Marker{Article: ai.a.ID, Sentence: si.s.Index, Start: toks[i].start, End: toks[end].end, Text: text,
			Kind: e.kind, Reason: reason, Source: "lexicon:" + e.lex + ":" + e.phrase})
	}
}

// participleBeforeNoun reports whether the word at i is a past participle
// used as an adjective: it ends in -ed, follows a determiner or a
// preposition (or starts the sentence), and precedes a content word ("of
// destroyed homes", "the wrecked cars") — unlike the verb in "who
// destroyed the treaty" or "the US ignored Moscow's efforts".
func (an *analyzer) participleBeforeNoun(toks []token, i int) bool {
	nounLead := func(k int) bool { return an.wc.determiner[toks[k].lower] || an.wc.preposition[toks[k].lower] }
	if !strings.HasSuffix(toks[i].lower, "ed") || !isWordTok(toks, i+1) || nounLead(i+1) {
		return false
	}
	return i == 0 || isWordTok(toks, i-1) && nounLead(i-1)
}

// passiveWithoutActor reports whether the word at i is a passive
// participle whose doer is not named: no "by" after it ("2,000 homes were
// destroyed"), or "by" and a common noun ("by the flood") — unlike "was
// destroyed by Washington", where an actor's act is cast in a light.
func (an *analyzer) passiveWithoutActor(toks []token, i int) bool {
	if !strings.HasSuffix(toks[i].lower, "ed") || !an.passive(toks, i) {
		return false
	}
	j := i + 1
	if !isWordTok(toks, j) || toks[j].lower != "by" {
		return true
	}
	j++
	for isWordTok(toks, j) && an.wc.determiner[toks[j].lower] {
		j++
	}
	if !isWordTok(toks, j) {
		return true
	}
	return !toks[j].isCap()
}

func lexReason(e *entry, text string) string {
	label := map[string]string{KindLoaded: "loaded term", KindEvaluative: "evaluative term", KindHedge: "hedge", KindIntensifier: "intensifier"}[e.kind]
	r := fmt.Sprintf("%s '%s': %s", label, text, e.gloss)
	if !strings.EqualFold(e.phrase, text) {
		r += fmt.Sprintf(" (lexicon %s, entry %q)", e.lex, e.phrase)
	} else {
		r += fmt.Sprintf(" (lexicon %s)", e.lex)
	}
	return r
}

// ratherRule marks "rather" as an intensifier when it modifies an
// adjective or adverb ("rather arrogantly"), not in "rather than",
// "would rather", "or rather" or "rather a".
func (an *analyzer) ratherRule(ai *articleInfo, si *sentInfo, i int) (Marker, bool) {
	toks := si.toks
	if toks[i].lower != "rather" || !isWordTok(toks, i+1) {
		return Marker{}, false
	}
	next := toks[i+1].lower
	switch next {
	case "than", "a", "an", "the", "to", "that", "this", "those", "these", "his", "her", "their", "its":
		return Marker{}, false
	}
	if i > 0 {
		switch toks[i-1].lower {
		case "would", "'d", "or", "had":
			return Marker{}, false
		}
	}
	return Marker{Article: ai.a.ID, Sentence: si.s.Index, Start: toks[i].start, End: toks[i+1].end, Text: ai.a.Text[toks[i].start:toks[i+1].end],
		Kind: KindIntensifier, Reason: fmt.Sprintf("intensifier 'rather' before '%s': heightens (or ironically understates) the judgement that follows", toks[i+1].text),
		Source: "rule:rather"}, true
}

// attributionMarkers marks stance-bearing reporting verbs. Neutral verbs
// ("said") are counted in the profile's attribution mix but not marked:
// marking every "said" would drown the text.
func (an *analyzer) attributionMarkers(ai *articleInfo, si *sentInfo) {
	for _, at := range si.attrs {
		if at.verb == nil {
			continue
		}
		ai.verbs[at.verb.phrase]++
		ai.stances[at.verb.stance]++
		if at.verb.stance == StanceBearing {
			ai.bearing[at.verb.phrase] = true
		}
		if at.verb.stance != StanceBearing && !an.markNeutral {
			continue
		}
		ai.markers = append(ai.markers, Marker{Article: ai.a.ID, Sentence: si.s.Index, Start: at.start, End: at.end, Text: ai.a.Text[at.start:at.end],
			Kind: KindAttribution, Stance: at.verb.stance, Source: "lexicon:" + at.verb.lex + ":" + at.verb.phrase,
			Reason: fmt.Sprintf("%s reporting verb '%s': %s", at.verb.stance, ai.a.Text[at.start:at.end], at.verb.gloss)})
	}
}

// scareQuotes marks short quoted phrases that are not attributed speech.
// A quote is attributed when a reporting verb comes before it in its
// sentence, or when a reporting verb after it closes the sentence with no
// further quote ("…," Lavrov said).
func (an *analyzer) scareQuotes(ai *articleInfo) {
	for _, q := range ai.quotes {
		if q.sOpen != q.sEnd || q.words < 1 || q.words > 4 || !hasLetter(q.text) || strings.ContainsAny(q.text, "=<>@/\\") {
			continue // also not URLs, addresses, markup or code
		}
		si := ai.sents[q.sOpen]
		if an.quoteAttributed(ai, si, q) {
			continue
		}
		// Naming: `a plan dubbed "X"`, `known as "X"`, `called the
		// blackout "a wake-up call"`.
		naming := false
		for k := q.openTok - 1; k >= 0 && k >= q.openTok-4; k-- {
			if an.wc.naming[si.toks[k].lower] {
				naming = true
			}
		}
		if naming || allCapitalised(q.text) {
			continue // titles of works, nicknames, slogans: "The Known World"
		}
		ai.markers = append(ai.markers, Marker{Article: ai.a.ID, Sentence: si.s.Index, Start: q.start, End: q.end, Text: ai.a.Text[q.start:q.end],
			Kind: KindScareQuote, Source: "rule:scare-quote",
			Reason: fmt.Sprintf("short quoted phrase (%s) not attributed to a speaker: the outlet keeps its distance from the wording", corpus.Count(q.words, "word"))})
	}
}

// allCapitalised reports whether every word of s starts with a capital
// letter: the title of a work, a name or a nickname rather than a phrase the
// outlet keeps its distance from.
func allCapitalised(s string) bool {
	n := 0
	for _, t := range tokenize(s, 0) {
		if t.kind != tokWord {
			continue
		}
		n++
		if !t.isCap() {
			return false
		}
	}
	return n > 0
}

// quoteAttributed applies the attribution test for one quote.
func (an *analyzer) quoteAttributed(ai *articleInfo, si *sentInfo, q quoteSpan) bool {
	for _, at := range si.attrs {
		if at.end <= q.start {
			return true // "Shoigu has called for "symmetric steps""
		}
		if at.start >= q.end {
			// Trailing attribution only if no other quote follows it.
			later := false
			for _, q2 := range ai.quotes {
				if q2.start >= at.end && q2.sOpen == q.sOpen {
					later = true
				}
			}
			if !later {
				return true
			}
		}
	}
	return false
}
