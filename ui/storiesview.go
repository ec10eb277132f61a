package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// Drawing the Stories view: the list's columns, its rows and the details
// of the current row. Only the rows on screen are drawn.

// storyCols are the widths of the list's columns.
type storyCols struct {
	num, dates, arts, cover, first, label int
	nOut                                  int // outlets shown
	// order is the outlets in the coverage's order: by name when all
	// are on screen, else those that covered the most stories first.
	order []string
}

// layoutCols fits the columns to the width: the coverage takes at most
// half of it, the label what is left.
func (s storiesModel) layoutCols() storyCols {
	res := s.result()
	c := storyCols{num: len("T" + strconv.Itoa(len(res.Threads))), arts: 4, first: 3}
	c.num = max(c.num, len(strconv.Itoa(s.nStory)))
	for _, r := range s.rows {
		if w := ansi.StringWidth(s.rowDates(r)); w > c.dates {
			c.dates = w
		}
	}
	nOut := len(s.outlets) - s.colOff
	c.nOut = max(0, min(nOut, (s.width/2)/3))
	fixed := func() int { return 2 + c.num + 1 + c.dates + 1 + c.arts + 1 + 1 + c.first + 1 }
	label := func() int { return s.width - fixed() - 3*c.nOut }
	// The label keeps some room: first the dates shrink (the details
	// below give them whole), then the coverage scrolls (h/l).
	if label() < 24 && c.dates > 10 {
		c.dates = 10
	}
	for label() < 24 && c.nOut > 4 {
		c.nOut--
	}
	for label() < 12 && c.nOut > 1 {
		c.nOut--
	}
	c.cover = c.nOut * 3
	c.label = label()
	c.order = s.outlets
	if (s.colOff > 0 || c.nOut < len(s.outlets)) && len(s.byCover) == len(s.outlets) {
		c.order = s.byCover
	}
	return c
}

// rowDates is the date range of a row.
func (s storiesModel) rowDates(r storyRow) string {
	res := s.result()
	switch r.kind {
	case rowAll:
		return allDates(res)
	case rowThread:
		return threadDates(res, res.Threads[r.thread])
	case rowStory:
		if st, ok := findStory(res, r.story); ok {
			return storyDates(st)
		}
	}
	return ""
}

// cutDates shortens a date range for a narrow column: the years of a
// range across years ("2019…2024"), else its first day.
func cutDates(d string, w int) string {
	if ansi.StringWidth(d) <= w {
		return d
	}
	if a, b, ok := strings.Cut(d, "…"); ok && len(a) >= 10 {
		if len(b) >= 10 && b[:4] != a[:4] {
			return ellipsize(a[:4]+"…"+b[:4], w)
		}
		return ellipsize(a, w)
	}
	return ellipsize(d, w)
}

// earlierReport reports whether first report a came before b (undated
// after dated).
func earlierReport(a, b *compare.FirstReport) bool {
	switch {
	case a.Published == nil:
		return false
	case b.Published == nil:
		return true
	}
	return a.Published.Before(*b.Published)
}

// rowCoverage returns the outlets that covered a row, its first report's
// outlet, its articles and its label.
func (s storiesModel) rowCoverage(r storyRow) (covered map[string]bool, first string, articles int, label string) {
	res := s.result()
	covered = map[string]bool{}
	add := func(st compare.Story) {
		for _, o := range st.Outlets {
			covered[o] = true
		}
		articles += len(st.Articles)
	}
	switch r.kind {
	case rowAll:
		for _, st := range res.Stories {
			add(st)
		}
		return covered, "", articles, fmt.Sprintf("Everything: %s in %s", plural(len(res.Stories), "story"), plural(len(res.Threads), "thread"))
	case rowThread:
		// The thread's first report is the earliest of its stories' (a
		// library lists them newest first).
		th := res.Threads[r.thread]
		var earliest *compare.FirstReport
		for _, id := range th.Stories {
			if st, ok := findStory(res, id); ok {
				add(st)
				if f := st.First; f != nil && (earliest == nil || earlierReport(f, earliest)) {
					earliest = f
				}
			}
		}
		if earliest != nil && earliest.Published != nil {
			first = earliest.Outlet
		}
		return covered, first, articles, th.Label
	}
	st, ok := findStory(res, r.story)
	if !ok {
		return covered, "", 0, ""
	}
	add(st)
	// Of a story none of whose articles is dated, who reported first is
	// not known: its first article is only first by name.
	if st.First != nil && st.First.Published != nil {
		first = st.First.Outlet
	}
	return covered, first, articles, st.Label
}

// View renders the list (only the rows on screen) and the current row's
// details.
func (s storiesModel) View() string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	st := s.ctx.Styles
	res := s.result()
	if res == nil {
		msg := "Stories were not computed for this corpus."
		return fitBlock(strings.Join(wrapText(msg, s.width), "\n"), s.width, s.height)
	}
	all := s.ctx.All
	var lines []string
	title := fmt.Sprintf("%s in %s · %s · %s", plural(len(res.Stories), "story"), plural(len(res.Threads), "thread"),
		plural(len(all.Corpus.Articles), "article"), plural(len(s.outlets), "outlet"))
	c := s.layoutCols()
	if c.nOut < len(s.outlets) {
		title += ", busiest first" // the coverage's order (layoutCols)
	}
	if n := len(all.Findings.Corrections); n > 0 {
		title += " · " + plural(n, "correction") + " of yours"
	}
	if s.stored {
		title = s.storedTitle()
	}
	lines = append(lines, st.Muted.Render(ellipsize(title, s.width)))

	var head strings.Builder
	head.WriteString("  " + fit("#", c.num) + " " + fit("dates", c.dates) + " " + fmt.Sprintf("%*s", c.arts, "arts") + " ")
	for i := 0; i < c.nOut; i++ {
		head.WriteString(fit(s.initial[c.order[s.colOff+i]], 3))
	}
	head.WriteString(" " + fit("1st", c.first) + " ")
	more := ""
	if c.nOut < len(s.outlets) {
		more = fmt.Sprintf(" (outlets %d-%d/%d, %s)", s.colOff+1, s.colOff+c.nOut, len(s.outlets), keyPair(s.ctx.Keys.Left, s.ctx.Keys.Right))
	}
	head.WriteString("label" + more)
	lines = append(lines, st.Label.Render(fit(ellipsize(head.String(), s.width), s.width)))

	h := s.listHeight()
	for i := s.top; i < len(s.rows) && i < s.top+h; i++ {
		lines = append(lines, s.rowView(s.rows[i], c, i == s.cursor))
	}
	for len(lines) < 2+h {
		lines = append(lines, "")
	}
	if dh := s.detailHeight(); dh > 0 {
		lines = append(lines, st.ColRule.Render(strings.Repeat("─", s.width)))
		lines = append(lines, s.detail(dh)...)
	}
	return fitBlock(strings.Join(lines, "\n"), s.width, s.height)
}

// rowView renders one row of the list.
func (s storiesModel) rowView(r storyRow, c storyCols, selected bool) string {
	st := s.ctx.Styles
	covered, first, arts, label := s.rowCoverage(r)
	mark := "  "
	if s.isOpen(r) {
		mark = st.Accent.Render("▶") + " "
	}
	num := ""
	switch r.kind {
	case rowThread:
		num = "T" + strconv.Itoa(r.thread+1)
	case rowStory:
		num = strconv.Itoa(r.num)
	}
	var b strings.Builder
	b.WriteString(mark + fmt.Sprintf("%*s", c.num, num) + " ")
	b.WriteString(fit(cutDates(s.rowDates(r), c.dates), c.dates) + " ")
	b.WriteString(fmt.Sprintf("%*d", c.arts, arts) + " ")
	for i := 0; i < c.nOut; i++ {
		o := c.order[s.colOff+i]
		if covered[o] {
			b.WriteString(st.Present.Render(s.initial[o]) + " ")
		} else {
			b.WriteString(st.Absent.Render("· ") + " ")
		}
	}
	fst := s.initial[first]
	if first == "" && r.kind != rowAll {
		fst = st.Absent.Render("–")
	}
	b.WriteString(" " + fit(fst, c.first) + " ")
	l := ellipsize(oneLine(label), max(c.label, 1))
	switch r.kind {
	case rowThread, rowAll:
		l = st.Bold.Render(l)
	}
	b.WriteString(l)
	line := fit(b.String(), s.width)
	if selected {
		line = st.RowSelected.Render(ansi.Strip(line))
	}
	return line
}

// isOpen reports whether row r is what the reader has open.
func (s storiesModel) isOpen(r storyRow) bool {
	open := s.ctx.open
	switch r.kind {
	case rowAll:
		return open.kind == scopeAll
	case rowThread:
		res := s.result()
		if open.kind == scopeAll && len(res.Threads) == 1 {
			return true // the only thread is everything
		}
		return open.kind == scopeThread && res.Threads[r.thread].ID == open.id
	}
	return open.kind == scopeStory && open.id == r.story
}

// detail describes the current row in h lines: who covered it first and
// who did not, then its articles (or a thread's stories).
func (s storiesModel) detail(h int) []string {
	st := s.ctx.Styles
	res := s.result()
	if s.cursor < 0 || s.cursor >= len(s.rows) {
		return nil
	}
	r := s.rows[s.cursor]
	all := s.ctx.All
	w := s.width
	var lines []string
	add := func(l string) { lines = append(lines, l) }
	// A list of outlets takes at most two lines (one when the details
	// are short): a corpus of hundreds of outlets would fill the details
	// with them. Who covered a story takes one: its articles below name
	// them too.
	listMax := 1
	if h >= 6 {
		listMax = 2
	}
	wrap := func(label, text string, items []string, max int) {
		for i, l := range wrapList(label+text, items, w, max) {
			if i == 0 && strings.HasPrefix(l, label) {
				l = st.Label.Render(label) + l[len(label):]
			}
			add(l)
		}
	}
	// more ends the details with what did not fit ("… 9 more
	// articles"), so that nothing is cut without a word.
	more := func(n int, what string) {
		if n > 0 {
			add(st.Muted.Render(ellipsize(fmt.Sprintf("  … %d more %s", n, what), w)))
		}
	}
	covered, _, arts, _ := s.rowCoverage(r)
	var missing []string
	// In the coverage's order: with many outlets, the blind spot's
	// first names are the outlets that cover the most stories.
	for _, o := range s.layoutCols().order {
		if !covered[o] {
			missing = append(missing, oneLine(o))
		}
	}
	switch r.kind {
	case rowAll:
		add(st.Bold.Render(ellipsize(fmt.Sprintf("Everything · %s · %s · %s", plural(len(res.Threads), "thread"), plural(len(res.Stories), "story"), plural(arts, "article")), w)))
		room := h - len(lines)
		for i, th := range res.Threads {
			if len(res.Threads) > room && i == room-1 {
				more(len(res.Threads)-i, "threads")
				break
			}
			add(ellipsize(fmt.Sprintf("  T%d  %s  %s (%s)", i+1, threadDates(res, th), oneLine(th.Label), plural(len(th.Stories), "story")), w))
		}
	case rowThread:
		th := res.Threads[r.thread]
		add(st.Bold.Render(ellipsize(fmt.Sprintf("Thread %d/%d · %s · %s · %s", r.thread+1, len(res.Threads), threadDates(res, th), plural(len(th.Stories), "story"), plural(arts, "article")), w)))
		if len(missing) > 0 {
			wrap("Not covered: ", "", missing, listMax)
		}
		room := h - len(lines)
		for i, id := range th.Stories {
			if len(th.Stories) > room && i == room-1 {
				more(len(th.Stories)-i, "stories")
				break
			}
			if sst, ok := findStory(res, id); ok {
				n, _ := storyNumber(res, id)
				add(ellipsize(fmt.Sprintf("  %d  %s  %s (%s)", n, storyDates(sst), oneLine(sst.Label), plural(len(sst.Articles), "article")), w))
			}
		}
	case rowStory:
		sst, ok := findStory(res, r.story)
		if !ok {
			return nil
		}
		add(st.Bold.Render(ellipsize(fmt.Sprintf("Story %d/%d · %s · %s · thread %d", r.num, s.nStory, storyDates(sst), plural(len(sst.Articles), "article"), r.thread+1), w)))
		if f := sst.First; f != nil {
			who, when := oneLine(f.Outlet), strings.TrimSpace(publishedAt(f.Published))
			if f.Published == nil {
				who, when = "not known", "no article is dated"
			}
			var by []string
			for _, o := range sst.Outlets {
				by = append(by, oneLine(o))
			}
			wrap("First: ", who+" ("+when+") · covered by ", by, 1)
		}
		if len(missing) > 0 {
			wrap("Not covered: ", "", missing, listMax)
		} else {
			add(st.Muted.Render("Every outlet of the corpus covered it."))
		}
		arts := byReport(all, sst.Articles)
		room := h - len(lines)
		for i, id := range arts {
			if len(arts) > room && i == room-1 {
				more(len(arts)-i, "articles: enter opens the story")
				break
			}
			add(articleLine(all, id, s.ctx.editedMark(all, all.artIndexOf(id)), w))
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

// wrapList wraps head and the items after it, joined by commas, in at
// most maxLines lines of width w: when they do not all fit, as many as
// fit and how many more ("…, cnn.com and 612 more").
func wrapList(head string, items []string, w, maxLines int) []string {
	text := func(k int) string {
		t := head + strings.Join(items[:k], ", ")
		if n := len(items) - k; n > 0 {
			if k > 0 {
				t += " "
			}
			t += fmt.Sprintf("and %d more", n)
			if k == 0 {
				t = head + plural(n, "outlet")
			}
		}
		return t
	}
	if l := wrapText(text(len(items)), w); len(l) <= maxLines {
		return l
	}
	// The most items that fit; fewer items never take more lines.
	lo, hi := 0, len(items)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if len(wrapText(text(mid), w)) <= maxLines {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	l := wrapText(text(lo), w)
	if len(l) > maxLines {
		l = l[:maxLines]
		l[maxLines-1] = ellipsize(l[maxLines-1]+"…", w)
	}
	return l
}

// articleLine is an article as the details list it: date, outlet, title,
// and its mark when it was edited ("✎2").
func articleLine(d *Data, id, edited string, w int) string {
	ai, ok := d.artIndex[id]
	if !ok {
		return ellipsize("  "+oneLine(id), w)
	}
	a := d.article(ai)
	if edited != "" {
		edited = " " + edited
	}
	return ellipsize(fmt.Sprintf("  %s  %s%s · %s", publishedAt(a.Published), oneLine(a.DisplayOutlet()), edited, oneLine(a.Title)), w)
}

// publishedAt is a publication time as the lists show it: the day and
// time, or the day alone when no time is known, padded to one width.
func publishedAt(t *time.Time) string {
	switch {
	case t == nil:
		return "undated         "
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02") + "      "
	}
	return t.Format("2006-01-02 15:04")
}
