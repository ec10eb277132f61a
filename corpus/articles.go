package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// meta is what a file format states about an article besides its text.
type meta struct {
	ID              string
	Title           string
	Outlet          string
	Source          string // where the metadata came from: "front matter", "JSON record 3", "HTML og:site_name"
	Published       *time.Time
	PublishedApprox bool
	PublishedFrom   string
	URL             string
	Author          string
	Language        string
}

// articleBuilder turns loaded text into an Article: paragraphs, furniture,
// roles, metadata from the text, outlet and sentences. It is read-only
// and safe for concurrent use.
type articleBuilder struct {
	outlets   *OutletTable
	furniture *furnitureFinder
	split     *splitter
}

func newArticleBuilder(t *OutletTable) (*articleBuilder, error) {
	sp, err := newSplitter()
	if err != nil {
		return nil, fmt.Errorf("load sentence segmenter: %w", err)
	}
	return &articleBuilder{outlets: t, furniture: newFurnitureFinder(t), split: sp}, nil
}

// build makes an Article from its text and metadata.
func (z *articleBuilder) build(path, format, text string, m meta, warnings []string) *Article {
	a := &Article{
		ID:       m.ID,
		Path:     path,
		Format:   format,
		Text:     text,
		URL:      m.URL,
		Author:   m.Author,
		Language: m.Language,
		Warnings: append([]string{}, warnings...),
	}
	a.Hash = hashText(text)
	if a.ID == "" {
		var ok bool
		a.ID, ok = idFromPath(path)
		a.Warnings = append(a.Warnings, idWarning(path, a.ID, ok)...)
	}
	if m.Published != nil {
		t := *m.Published
		a.Published = &t
		a.PublishedEvidence = m.PublishedFrom
		if m.PublishedApprox {
			a.PublishedEvidence += " (approximate)"
			a.PublishedApproximate = true
		}
	}

	paras := splitParagraphs(text)
	z.furniture.mark(text, paras, a.Language)
	z.assignRoles(a, paras, m)
	a.Paragraphs = paras

	// The dateline opens one of the first body paragraphs (after a
	// standfirst, say), if there is one.
	body := 0
	for _, p := range paras {
		if p.Role != RoleBody {
			continue
		}
		if a.Dateline = findDateline(text, p.Span); a.Dateline != nil || body >= 3 {
			break
		}
		body++
	}
	// A title that is only a date ("DECEMBER 16, 2008") is when, not
	// what: it dates the article, and the text names it.
	dateTitle := isTimestampLine(m.Title)
	if a.Published == nil && dateTitle {
		// A title that is only a date says when it was published.
		if t, ok := ParseDate(m.Title); ok {
			a.Published = &t
			a.PublishedEvidence = fmt.Sprintf("title: %q", m.Title)
		}
	}
	if a.Published == nil {
		z.publishedFromText(a)
	}
	detectOutlet(a, m.Outlet, m.Source, z.outlets)
	z.sentences(a)
	// A corpus keeps every article's slices: the room appending left at
	// their ends (a third of the paragraphs' memory) goes.
	a.Paragraphs, a.Sentences = fitted(a.Paragraphs), fitted(a.Sentences)
	a.Title = strings.TrimSpace(m.Title)
	if a.Title == "" {
		a.Title = z.titleFromText(a)
	} else if dateTitle {
		// Only a date: the text's own headline or first sentence names
		// the article better.
		if t := z.titleFromText(a); t != "" {
			a.Title = t
		}
	}
	return a
}

// hashText is the hex SHA-256 of text, hashed through a buffer on the
// stack: sha256.Sum256([]byte(text)) copied every article's text once
// more onto the heap.
func hashText(text string) string {
	h := sha256.New()
	var buf [4096]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fitted returns s in an array of its length when more than a fifth of
// its capacity is unused.
func fitted[S ~[]E, E any](s S) S {
	if cap(s)-len(s) > len(s)/4 {
		return slices.Clone(s)
	}
	return s
}

// assignRoles finds the title line, the byline and sub-headings among the
// paragraphs that are not furniture.
func (z *articleBuilder) assignRoles(a *Article, paras []Paragraph, m meta) {
	text := a.Text
	first := -1
	for i, p := range paras {
		if p.Role != RoleFurniture {
			first = i
			break
		}
		// The headline the metadata gives is the title, whatever shape it
		// has ("BRICS to admit Egypt, Iran, Saudi Arabia, UAE, …" reads
		// like a keyword list), unless it is only a date ("DECEMBER 16,
		// 2008"): that is when, not what.
		if sameText(text[p.Start:p.End], m.Title) && p.Reason != ReasonTimestamp {
			paras[i].Role, paras[i].Reason = RoleBody, ""
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	ft := text[paras[first].Start:paras[first].End]
	if sameText(ft, m.Title) || headlineLike(ft, 30) {
		paras[first].Role = RoleTitle
	}
	// The headline repeated further down (as an image's alt text, say).
	if paras[first].Role == RoleTitle {
		isTitle := sameTextAs(ft)
		for i := first + 1; i < len(paras); i++ {
			if paras[i].Role != RoleFurniture && isTitle(text[paras[i].Start:paras[i].End]) {
				paras[i].Role, paras[i].Reason = RoleFurniture, ReasonTitleAgain
			}
		}
	}
	seen := 0
	for i := first; i < len(paras) && seen < 6; i++ {
		if paras[i].Role != RoleBody {
			continue
		}
		seen++
		if au := findByline(text[paras[i].Start:paras[i].End]); au != "" {
			paras[i].Role = RoleByline
			if a.Author == "" {
				a.Author = au
			}
			break
		}
	}
	for i := first + 1; i < len(paras); i++ {
		if paras[i].Role != RoleBody {
			continue
		}
		t := text[paras[i].Start:paras[i].End]
		if headlineLike(t, 14) && CountWords(strings.TrimLeft(t, "-–—•*#> "), 2) >= 2 && !startsWithDateline(text, paras[i]) {
			paras[i].Role = RoleHeading
		}
	}
}

func startsWithDateline(text string, p Paragraph) bool { return findDateline(text, p.Span) != nil }

// sameText compares two titles ignoring case, spacing and quote style.
func sameText(a, b string) bool {
	return b != "" && closeLengths(a, b) && normTitle(a) == normTitle(b)
}

// sameTextAs is sameText(·, b), with b folded once for many comparisons.
func sameTextAs(b string) func(a string) bool {
	var nb string
	folded := false
	return func(a string) bool {
		if b == "" || !closeLengths(a, b) {
			return false
		}
		if !folded {
			nb, folded = normTitle(b), true
		}
		return normTitle(a) == nb
	}
}

// closeLengths reports whether a and b may be one title folded two ways:
// folding quotes and dashes changes a length by at most two bytes a
// character, and far-apart lengths cannot match.
func closeLengths(a, b string) bool {
	d := len(a) - len(b)
	return d <= len(b)/2+8 && -d <= len(a)/2+8
}

// normTitle is a title as sameText compares it.
func normTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(FoldTypographyIn(s)), " "))
}

// publishedFromText takes the publication date from a line that states it
// ("Published: 16 January 2019") or from a dateline with a year.
func (z *articleBuilder) publishedFromText(a *Article) {
	for _, p := range a.Paragraphs {
		line := a.Text[p.Start:p.End]
		if t, ok := findPublished(line); ok {
			a.Published = &t
			a.PublishedEvidence = fmt.Sprintf("text: %q", line)
			return
		}
	}
	if a.Dateline != nil && a.Dateline.Date != "" {
		if t, ok := ParseDate(a.Dateline.Date); ok {
			a.Published = &t
			a.PublishedEvidence = fmt.Sprintf("dateline: %q", a.Dateline.Date)
		}
	}
}

// sentences fills a.Sentences and a.Furniture from the paragraphs: title,
// heading and byline paragraphs are one sentence each, body paragraphs are
// segmented, furniture paragraphs give none.
func (z *articleBuilder) sentences(a *Article) {
	a.Furniture = a.Furniture[:0]
	// The spans first (in a slice kept for the next article), then the
	// sentences in an array of their number: appending the sentences
	// themselves left three times their size behind for the collector.
	sp, _ := sentenceSpans.Get().(*[]paraSpan)
	if sp == nil {
		sp = new([]paraSpan)
	}
	spans := (*sp)[:0]
	for pi, p := range a.Paragraphs {
		switch p.Role {
		case RoleFurniture:
			a.Furniture = append(a.Furniture, Furniture{Span: p.Span, Text: a.Text[p.Start:p.End], Reason: p.Reason})
		case RoleBody:
			var dl *Dateline
			if a.Dateline != nil && p.Contains(a.Dateline.Start) {
				dl = a.Dateline
			}
			for _, s := range z.split.sentences(a.Text, p.Span, dl) {
				spans = append(spans, paraSpan{s, pi})
			}
		default:
			spans = append(spans, paraSpan{p.Span, pi})
		}
	}
	if len(spans) == 0 {
		a.Sentences = a.Sentences[:0]
	} else {
		a.Sentences = make([]Sentence, len(spans))
		for i, s := range spans {
			a.Sentences[i] = Sentence{Span: s.Span, Index: i, Para: s.para, Role: a.Paragraphs[s.para].Role, Text: a.Text[s.Start:s.End]}
		}
	}
	*sp = spans[:0]
	sentenceSpans.Put(sp)
}

// paraSpan is a sentence's span and the index of its paragraph.
type paraSpan struct {
	Span
	para int
}

// sentenceSpans are the slices sentences collects spans in, one per
// goroutine at a time.
var sentenceSpans sync.Pool

// titleFromText returns the title line, else the first body sentence
// (shortened), else "".
func (z *articleBuilder) titleFromText(a *Article) string {
	for _, s := range a.Sentences {
		if s.Role == RoleTitle {
			return strings.TrimSpace(strings.TrimLeft(s.Text, "#"))
		}
	}
	for _, s := range a.Sentences {
		if s.Role == RoleBody {
			return shorten(s.Text, 100)
		}
	}
	return ""
}

// shorten cuts s to at most n runes at a word boundary, adding "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// idFromPath makes an article id from its file name without extension.
// A file name is untrusted: terminal escapes, control and bidi characters
// are removed from the id, a newline or tab becomes a space, and bytes
// that are not UTF-8 become U+FFFD; ok is false when that changed anything
// (a name with nothing left becomes "article").
func idFromPath(p string) (id string, ok bool) {
	base := baseName(p)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	clean, _ := sanitize(strings.ToValidUTF8(base, "\uFFFD"))
	clean = strings.NewReplacer("\n", " ", "\t", " ").Replace(clean)
	if strings.TrimSpace(clean) == "" {
		clean = "article"
	}
	return clean, clean == base
}

// idWarning is the warning of an article whose id was made from a file
// name that had to be cleaned (ok false), or none.
func idWarning(path, id string, ok bool) []string {
	if ok {
		return nil
	}
	return []string{fmt.Sprintf("the file name %s holds control, escape or bidi characters, or bytes that are not UTF-8: the id is %q without them", Printable(baseName(path)), id)}
}

// markRepeated marks, across a corpus, short lines that recur in two or
// more different articles of the same outlet (site slogans, section
// names, sign-offs) as furniture, and drops those lines' sentences. Near-
// copies of one article (the same story loaded twice, or an updated
// version) count once: they share most of their long paragraphs.
//
// Its cost is linear in the corpus: each paragraph is looked up in a map
// a bounded number of times, and no article is segmented again. Outlets
// are independent (every key holds the outlet): each is done on its own,
// on every core at once.
func (z *articleBuilder) markRepeated(arts []*Article) {
	var outlets []string
	byOutlet := make(map[string][]*Article)
	for _, a := range arts {
		if a.Outlet == "" {
			continue
		}
		if _, ok := byOutlet[a.Outlet]; !ok {
			outlets = append(outlets, a.Outlet)
		}
		byOutlet[a.Outlet] = append(byOutlet[a.Outlet], a)
	}
	eachIndex(len(outlets), func(i int) { markRepeatedIn(byOutlet[outlets[i]]) })
}

// markRepeatedIn is markRepeated for the articles of one outlet, in
// their order.
func markRepeatedIn(arts []*Article) {
	// An article's long paragraphs (more than 12 words, not furniture)
	// and short lines (the others, but the title), as the maps key them.
	type shortLine struct {
		para int
		line string
	}
	type lines struct {
		long  []string
		short []shortLine
	}
	per := make([]lines, len(arts))
	nLong, nShort := 0, 0
	for i, a := range arts {
		for pi, p := range a.Paragraphs {
			if p.Role == RoleFurniture {
				continue
			}
			t := a.Text[p.Start:p.End]
			switch {
			case CountWords(t, 12) > 12:
				per[i].long = append(per[i].long, t)
			case p.Role != RoleTitle:
				per[i].short = append(per[i].short, shortLine{pi, foldLine(t)})
			}
		}
		nLong += len(per[i].long)
		nShort += len(per[i].short)
	}
	// Group near-copies into clusters.
	cluster := make([]int, len(arts))
	owner := make(map[string]int, nLong) // long paragraph → first cluster holding it
	hits := make(map[int]int)            // cluster → long paragraphs of this article it holds
	next := 0
	for i := range arts {
		clear(hits)
		long := per[i].long
		for _, t := range long {
			if c, ok := owner[t]; ok {
				hits[c]++
			}
		}
		best, bestHits := -1, 0
		for c, h := range hits {
			if h > bestHits || (h == bestHits && c < best) {
				best, bestHits = c, h
			}
		}
		if best >= 0 && bestHits*2 >= len(long) {
			cluster[i] = best
		} else {
			cluster[i] = next
			next++
		}
		for _, t := range long {
			if _, ok := owner[t]; !ok {
				owner[t] = cluster[i]
			}
		}
	}
	owner = nil
	// Count, per short line, the clusters holding it: one set of (line,
	// cluster) pairs rather than a set per line.
	type inCluster struct {
		line    string
		cluster int
	}
	held := make(map[inCluster]struct{}, nShort)
	clusters := make(map[string]int, nShort) // short line → clusters holding it
	for i := range arts {
		for _, sl := range per[i].short {
			if _, dup := held[inCluster{sl.line, cluster[i]}]; !dup {
				held[inCluster{sl.line, cluster[i]}] = struct{}{}
				clusters[sl.line]++
			}
		}
	}
	held = nil
	for i, a := range arts {
		changed := false
		for _, sl := range per[i].short {
			if n := clusters[sl.line]; n >= 2 {
				a.Paragraphs[sl.para].Role = RoleFurniture
				a.Paragraphs[sl.para].Reason = fmt.Sprintf("%s (%d articles of %s)", ReasonRepeated, n, a.Outlet)
				changed = true
			}
		}
		if changed {
			refurnish(a)
		}
	}
}

// eachIndex calls f(0) … f(n-1), on every core at once: f must touch
// nothing another call does.
func eachIndex(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

// foldLine is a short line as markRepeated compares it: lower case, runs
// of white space as one space. A line already in that form is returned
// as it is, without allocating.
func foldLine(t string) string {
	folded := true
	for i := 0; i < len(t) && folded; i++ {
		c := t[i]
		switch {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			folded = false
		case c == ' ' && (i == 0 || i == len(t)-1 || t[i+1] == ' '):
			folded = false
		}
	}
	if folded {
		return t
	}
	return strings.ToLower(strings.Join(strings.Fields(t), " "))
}

// refurnish brings a.Sentences and a.Furniture up to date after some of
// a's paragraphs became furniture: those paragraphs' sentences go, the
// others keep their spans and are numbered again, and the furniture is
// listed anew. It gives what sentences would, without segmenting again:
// a paragraph's sentences depend on nothing but the paragraph and the
// dateline.
func refurnish(a *Article) {
	kept := a.Sentences[:0]
	for _, s := range a.Sentences {
		if a.Paragraphs[s.Para].Role == RoleFurniture {
			continue
		}
		s.Index = len(kept)
		kept = append(kept, s)
	}
	clear(a.Sentences[len(kept):]) // no dropped sentence keeps its text alive
	a.Sentences = kept
	a.Furniture = a.Furniture[:0]
	for _, p := range a.Paragraphs {
		if p.Role == RoleFurniture {
			a.Furniture = append(a.Furniture, Furniture{Span: p.Span, Text: a.Text[p.Start:p.End], Reason: p.Reason})
		}
	}
}
