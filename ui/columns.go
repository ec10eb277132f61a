package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// The read view's columns: one per outlet by default, an outlet's several
// articles stacked in date order with a heading above each; or one per
// article. A column of several articles is a merged unit: a synthetic
// article (its text the articles' texts with the headings between them)
// that the read view lays out, scrolls and aligns like any other. Its
// index follows the corpus's articles (Data.article), and every place that
// leaves the read view (tagging, the Why? panel, search) maps it back to
// the real article with Data.real and Data.realSpan.

// colOrder is the order of the read view's columns.
type colOrder int

const (
	orderFirstReport colOrder = iota // earliest publication first, undated last
	orderOutlet                      // by outlet name
	numColOrders
)

func (o colOrder) String() string {
	return [...]string{"first report", "outlet name"}[o]
}

// roleSeparator and roleSeparatorTitle mark the heading above each
// article of a merged column (a rule with its place and date, then its
// title unless its text starts with it); they have no sentences, so the
// cursor passes over them.
const (
	roleSeparator      corpus.Role = "ui-separator"
	roleSeparatorTitle corpus.Role = "ui-separator-title"
)

// mergedSet is the merged units of a Data: built by the read view from
// the articles it shows, replaced (never changed) when they change.
type mergedSet struct {
	n      int // the corpus's articles; unit u is units[u-n]
	units  []*mergedUnit
	unitOf map[int]unitRef // real article -> its place in a unit
}

// mergedUnit is one column of several articles.
type mergedUnit struct {
	art      *corpus.Article // synthetic: headings and the articles' texts
	members  []int           // real article indices, in date order
	sentBase []int           // the unit's first sentence of each member
	textBase []int           // where each member's text starts in art.Text
	sents    []sentInfo
}

// unitRef is where a real article sits in a merged unit.
type unitRef struct{ unit, member int }

// unit maps sentence s of real article a to the unit showing it and the
// sentence's index there (a and s themselves outside merged units).
func (d *Data) unit(a, s int) (int, int) {
	if d.merged == nil || a < 0 {
		return a, s
	}
	ref, ok := d.merged.unitOf[a]
	if !ok {
		return a, s
	}
	return ref.unit, d.merged.units[ref.unit-d.merged.n].sentBase[ref.member] + s
}

// mergedAt returns the merged unit with index u, or nil for a real article.
func (d *Data) mergedAt(u int) *mergedUnit {
	if u < len(d.Corpus.Articles) || d.merged == nil || u-d.merged.n >= len(d.merged.units) {
		return nil
	}
	return d.merged.units[u-d.merged.n]
}

// member returns which member of unit mu holds the unit's sentence s.
func (mu *mergedUnit) member(s int) int {
	k := 0
	for k+1 < len(mu.sentBase) && mu.sentBase[k+1] <= s {
		k++
	}
	return k
}

// real maps sentence s of unit u to the real article and its sentence.
func (d *Data) real(u, s int) (int, int) {
	mu := d.mergedAt(u)
	if mu == nil {
		return u, s
	}
	k := mu.member(max(s, 0))
	return mu.members[k], s - mu.sentBase[k]
}

// realSpan maps a byte span of unit u's text to the real article and its
// own bytes (the span lies within one article).
func (d *Data) realSpan(u, start, end int) (int, int, int) {
	mu := d.mergedAt(u)
	if mu == nil {
		return u, start, end
	}
	k := 0
	for k+1 < len(mu.textBase) && mu.textBase[k+1] <= start {
		k++
	}
	return mu.members[k], start - mu.textBase[k], end - mu.textBase[k]
}

// memberSentences returns the unit sentences [lo, hi] of the article that
// holds unit u's sentence s (the whole of a real article's).
func (d *Data) memberSentences(u, s int) (int, int) {
	mu := d.mergedAt(u)
	if mu == nil {
		return 0, len(d.article(u).Sentences) - 1
	}
	k := mu.member(max(s, 0))
	hi := len(mu.art.Sentences) - 1
	if k+1 < len(mu.sentBase) {
		hi = mu.sentBase[k+1] - 1
	}
	return mu.sentBase[k], hi
}

// buildMerged stacks real articles (in date order) into a merged unit.
func buildMerged(d *Data, members []int) *mergedUnit {
	first := d.article(members[0])
	mu := &mergedUnit{members: members}
	art := &corpus.Article{
		ID:         first.ID,
		Outlet:     first.Outlet,
		OutletInfo: first.OutletInfo,
		Published:  first.Published,
		Title:      fmt.Sprintf("%d articles, %s", len(members), articleDates(d, members)),
	}
	var text strings.Builder
	for k, ai := range members {
		a := d.article(ai)
		if k > 0 {
			text.WriteString("\n\n")
		}
		// The heading: which article, when; and its title unless its text
		// starts with it.
		heading := func(s string, role corpus.Role) {
			hs := text.Len()
			text.WriteString(s)
			art.Paragraphs = append(art.Paragraphs, corpus.Paragraph{Span: corpus.Span{Start: hs, End: text.Len()}, Role: role})
			text.WriteString("\n\n")
		}
		heading(fmt.Sprintf("%d/%d · %s", k+1, len(members), strings.TrimSpace(publishedAt(a.Published))), roleSeparator)
		if len(a.Sentences) == 0 || a.Sentences[0].Role != corpus.RoleTitle {
			heading(oneLine(a.Title), roleSeparatorTitle)
		}
		base := text.Len()
		text.WriteString(a.Text)
		mu.textBase = append(mu.textBase, base)
		mu.sentBase = append(mu.sentBase, len(art.Sentences))
		paraBase := len(art.Paragraphs)
		for _, p := range a.Paragraphs {
			p.Start += base
			p.End += base
			art.Paragraphs = append(art.Paragraphs, p)
		}
		for si, s := range a.Sentences {
			s.Start += base
			s.End += base
			s.Index = len(art.Sentences)
			s.Para += paraBase
			art.Sentences = append(art.Sentences, s)
			info := d.info(ai, si)
			if len(info.markers) > 0 {
				ms := make([]frame.Marker, len(info.markers))
				for i, m := range info.markers {
					m.Start += base
					m.End += base
					ms[i] = m
				}
				info.markers = ms
			}
			mu.sents = append(mu.sents, info)
		}
	}
	art.Text = text.String()
	mu.art = art
	return mu
}

// articleDates is the date range of some articles ("2023-03-14…03-15").
func articleDates(d *Data, members []int) string {
	var days []string
	for _, ai := range members {
		if p := d.article(ai).Published; p != nil {
			days = append(days, p.Format("2006-01-02"))
		}
	}
	if len(days) == 0 {
		return "undated"
	}
	slices.Sort(days)
	return dateRange(days[0], days[len(days)-1])
}

// rebuildOrder lays out the columns of the shown articles: one per outlet
// (several articles merged) or one per article, in the chosen order, the
// pinned reference first. The cursor stays on its sentence.
func (r *readModel) rebuildOrder() {
	d := r.ctx.Data
	n := len(d.Corpus.Articles)
	cur := r.focusedArticle()
	curA, curS := -1, 0
	if cur >= 0 && cur < len(r.cursor) {
		curA, curS = d.real(cur, r.cursor[cur])
	}
	// The pinned column's first article still shown keeps the pin.
	refA := -1
	if mu := d.mergedAt(r.ref); mu != nil {
		for _, a := range mu.members {
			if r.shown[a] {
				refA = a
				break
			}
		}
	} else if r.ref >= 0 {
		refA = r.ref
	}
	var shown []int
	for i, ok := range r.shown {
		if ok {
			shown = append(shown, i)
		}
	}
	slices.SortStableFunc(shown, func(a, b int) int { return corpus.ByPublication(d.article(a), d.article(b)) })
	// Group by outlet (or not), then order the columns.
	var cols [][]int
	byOutlet := map[string]int{}
	for _, a := range shown {
		o := d.article(a).DisplayOutlet()
		if k, ok := byOutlet[o]; ok && !r.perArticle {
			cols[k] = append(cols[k], a)
			continue
		}
		byOutlet[o] = len(cols)
		cols = append(cols, []int{a})
	}
	if r.colOrder == orderOutlet {
		slices.SortStableFunc(cols, func(x, y []int) int {
			return cmp.Compare(foldCase(d.article(x[0]).DisplayOutlet()), foldCase(d.article(y[0]).DisplayOutlet()))
		})
	}
	r.regroup(cols)
	r.order = r.order[:0]
	r.ref = -1
	if refA >= 0 && r.shown[refA] {
		r.ref, _ = d.unit(refA, 0)
		r.order = append(r.order, r.ref)
	}
	for _, col := range cols {
		u, _ := d.unit(col[0], 0)
		if u != r.ref {
			r.order = append(r.order, u)
		}
	}
	r.focus = 0
	if curA >= 0 && curA < n {
		u, s := d.unit(curA, curS)
		for i, o := range r.order {
			if o == u {
				r.focus = i
				r.cursor[u] = s
			}
		}
	}
	r.clampColumns()
}

// regroup installs the merged units of cols, unless they are the ones
// already installed (pinning a column does not reset the others).
func (r *readModel) regroup(cols [][]int) {
	d := r.ctx.Data
	n := len(d.Corpus.Articles)
	if d.merged != nil && sameMerged(d.merged, cols) {
		// The same columns (pinning one, or a new read view over them).
		total := n + len(d.merged.units)
		for len(r.cursor) < total {
			r.cursor = append(r.cursor, 0)
		}
		for len(r.offset) < total {
			r.offset = append(r.offset, 0)
		}
		return
	}
	set := &mergedSet{n: n, unitOf: map[int]unitRef{}}
	for _, col := range cols {
		if len(col) < 2 {
			continue
		}
		u := n + len(set.units)
		for k, a := range col {
			set.unitOf[a] = unitRef{unit: u, member: k}
		}
		set.units = append(set.units, buildMerged(d, col))
	}
	d.merged = set
	// The units' places mean other articles now: their layouts, cursors
	// and offsets start afresh, and a selection in one ends.
	for k := range r.cache.byArticle {
		if k >= n {
			delete(r.cache.byArticle, k)
		}
	}
	total := n + len(set.units)
	r.cursor = append(r.cursor[:min(len(r.cursor), n):min(len(r.cursor), n)], make([]int, total-min(len(r.cursor), n))...)
	r.offset = append(r.offset[:min(len(r.offset), n):min(len(r.offset), n)], make([]int, total-min(len(r.offset), n))...)
	if r.sel.article >= n {
		r.sel = selection{}
	}
}

// sameMerged reports whether set holds exactly the merged columns of cols.
func sameMerged(set *mergedSet, cols [][]int) bool {
	k := 0
	for _, col := range cols {
		if len(col) < 2 {
			continue
		}
		if k >= len(set.units) || !slices.Equal(set.units[k].members, col) {
			return false
		}
		k++
	}
	return k == len(set.units)
}

// keepColumns carries the column settings of the read view prev over to a
// new one (another story opened).
func (r *readModel) keepColumns(prev readModel) {
	if prev.ctx == nil {
		return
	}
	r.perArticle, r.colOrder, r.hideFurniture = prev.perArticle, prev.colOrder, prev.hideFurniture
	r.rebuildOrder()
}

// toggleColumns switches between a column per outlet and one per article.
func (r *readModel) toggleColumns() {
	r.perArticle = !r.perArticle
	r.rebuildOrder()
	r.setFocus(r.focus)
	if r.perArticle {
		r.said = "one column per article"
	} else {
		r.said = "one column per outlet, its articles in date order"
	}
}

// cycleOrder changes the columns' order.
func (r *readModel) cycleOrder() {
	r.colOrder = (r.colOrder + 1) % numColOrders
	r.rebuildOrder()
	r.setFocus(r.focus)
	r.said = "columns by " + r.colOrder.String()
}

// factSentences returns the sentences of unit u that are members of fact
// fi.
func (r readModel) factSentences(u, fi int) []int {
	d := r.ctx.Data
	var out []int
	for _, m := range d.Facts[fi].Members {
		a, ok := d.artIndex[m.Article]
		if !ok {
			continue
		}
		if v, s := d.unit(a, m.Sentence); v == u {
			out = append(out, s)
		}
	}
	return out
}

// pinned reports whether article a is in the pinned reference column
// (with a column per outlet, its articles all are): the article chooser
// pins and marks articles, the read view pins columns.
func (r readModel) pinned(a int) bool {
	return r.ref >= 0 && r.unitOf(a) == r.ref
}

// unitOf is the unit (column) showing real article a.
func (r readModel) unitOf(a int) int {
	u, _ := r.ctx.Data.unit(a, 0)
	return u
}

// separatorLines draws a heading of a merged column: the rule with the
// article's place and date across the column, or its title in bold.
func separatorLines(st *Styles, pal *palette, role corpus.Role, text string, width int) []string {
	if role == roleSeparatorTitle {
		br := pal.get("separator-title", st.ColTitle)
		var out []string
		for _, sp := range wrapSpans(text, max(width-3, 1)) {
			seg := text[sp.start:sp.end]
			out = append(out, padStyled("   "+br.paint(seg), 3+ansi.StringWidth(seg), width, brush{}))
		}
		return out
	}
	rule := pal.get("separator-rule", st.ColRule)
	label := pal.get("separator", st.ColOutlet)
	seg := ansi.Truncate(text, max(width-4, 1), "…")
	w := 3 + ansi.StringWidth(seg)
	line := rule.paint("── ") + label.paint(seg)
	if pad := width - w; pad > 0 {
		line += rule.paint(" " + strings.Repeat("─", pad-1))
	}
	return []string{fit(line, width)}
}
