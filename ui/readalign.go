package ui

import (
	"fmt"
	"slices"
)

// Moving in step: the fact the columns align on, the counterparts of the
// cursor sentence level with it, and jumps to a sentence or a fact.

// sync updates the fact linked to the cursor (keeping the one the
// columns align on while the cursor sentence carries it) and moves the
// other columns in step with it.
func (r *readModel) sync() {
	r.linkFact = r.factAtCursor(r.focusedArticle())
	if r.linkFact >= 0 {
		r.alignOthers()
	}
}

// alignOthers scrolls every other visible column so that its counterpart
// of the linked fact sits level with the cursor.
func (r *readModel) alignOthers() {
	a := r.focusedArticle()
	if r.linkFact < 0 || a < 0 {
		return
	}
	la := r.layout(a, r.widthOf(a))
	s := r.cursor[a]
	if s < 0 || s >= len(la.first) || la.first[s] < 0 {
		return
	}
	row := la.first[s] - r.offset[a]
	for _, oi := range r.visible() {
		b := r.order[oi]
		if b == a {
			continue
		}
		best := -1
		for _, fs := range r.factSentences(b, r.linkFact) {
			if best < 0 || abs(fs-r.cursor[b]) < abs(best-r.cursor[b]) {
				best = fs
			}
		}
		if best < 0 {
			continue
		}
		lb := r.layout(b, r.widthOf(b))
		if best >= len(lb.first) || lb.first[best] < 0 {
			continue
		}
		r.cursor[b] = best
		r.offset[b] = r.clampAligned(lb, lb.first[best]-row)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// moveCursor moves the focused column's cursor to sentence s.
func (r *readModel) moveCursor(s int) {
	a := r.focusedArticle()
	if a < 0 {
		return
	}
	n := len(r.ctx.Data.article(a).Sentences)
	if n == 0 {
		return
	}
	r.cursor[a] = max(0, min(s, n-1))
	r.ensureVisible(a)
	r.sync()
}

// setFocus focuses the column at index i of order.
func (r *readModel) setFocus(i int) {
	if len(r.order) == 0 {
		return
	}
	r.focus = max(0, min(i, len(r.order)-1))
	r.clampColumns()
	r.dropStaleSelection()
	a := r.focusedArticle()
	r.ensureVisible(a)
	// Moving the focus reads on from where each column was: the others
	// are not scrolled to the new column's cursor (that would lose the
	// place reached in the column just left); they align again when the
	// cursor moves.
	r.linkFact = r.factAtCursor(a)
}

// factAtCursor is the first fact of article a's sentence under its
// cursor, or -1; the fact the columns align on now when that sentence
// carries it too, so that a sentence in several facts does not switch the
// alignment to its lowest-numbered one.
func (r *readModel) factAtCursor(a int) int {
	if a < 0 {
		return -1
	}
	info := r.ctx.Data.info(a, r.cursor[a])
	switch {
	case len(info.facts) == 0:
		return -1
	case r.linkFact >= 0 && containsInt(info.facts, r.linkFact):
		return r.linkFact
	}
	return info.facts[0]
}

// nextFactHere aligns the columns on the next fact of the sentence under
// the cursor, for a sentence in several facts.
func (r *readModel) nextFactHere() {
	a := r.focusedArticle()
	facts := r.ctx.Data.info(a, r.cursor[a]).facts
	switch len(facts) {
	case 0:
		r.said = "this sentence is in no shared fact"
		return
	case 1:
		r.said = fmt.Sprintf("this sentence is in fact %d only", factNumber(facts[0]))
		return
	}
	i := slices.Index(facts, r.linkFact)
	r.linkFact = facts[(i+1)%len(facts)]
	r.showCarriers(r.linkFact)
	r.ensureVisible(a)
	r.alignOthers()
	r.said = fmt.Sprintf("aligned on fact %d (%d of this sentence's %d facts)", factNumber(r.linkFact), slices.Index(facts, r.linkFact)+1, len(facts))
}

// showCarriers moves the window of columns so that as many of the
// columns on screen as can carry fact fi, the focused one among them
// (the pinned reference stays where it is).
func (r *readModel) showCarriers(fi int) {
	ref := r.refSlots()
	slots := r.ncols() - ref
	others := len(r.order) - ref
	if slots <= 0 || r.ncols() == 1 || others <= slots {
		return
	}
	pos := r.focus - ref // -1 when the reference has the focus
	best, bestN := r.colOff, -1
	for off := 0; off <= others-slots; off++ {
		if pos >= 0 && (pos < off || pos >= off+slots) {
			continue
		}
		n := 0
		for i := ref + off; i < ref+off+slots; i++ {
			if r.articleHasFact(r.order[i], fi) {
				n++
			}
		}
		if n > bestN || n == bestN && abs(off-r.colOff) < abs(best-r.colOff) {
			best, bestN = off, n
		}
	}
	r.colOff = best
}

// JumpTo focuses article a (showing it if hidden) with the cursor on
// sentence s.
func (r *readModel) JumpTo(a, s int) {
	if a < 0 || a >= len(r.shown) {
		return
	}
	if !r.shown[a] {
		r.shown[a] = true
		r.rebuildOrder()
	}
	a, s = r.ctx.Data.unit(a, s) // its column
	for i, o := range r.order {
		if o == a {
			r.focus = i
		}
	}
	r.clampColumns()
	r.dropStaleSelection()
	r.cursor[a] = s
	r.moveCursor(s)
}

// GotoFact puts the cursor on the first shown member of fact fi, aligns
// the columns on that fact (not on another fact of the same sentence) and
// brings the columns that carry it into view.
func (r *readModel) GotoFact(fi int) {
	if fi < 0 || fi >= len(r.ctx.Data.Facts) {
		return
	}
	r.linkFact = fi
	defer func() {
		r.linkFact = fi
		r.showCarriers(fi)
		a := r.focusedArticle()
		r.ensureVisible(a)
		r.alignOthers()
	}()
	f := r.ctx.Data.Facts[fi]
	// Prefer the focused article, then any shown one.
	cur := r.focusedArticle()
	pick := func(pred func(a int) bool) bool {
		for _, m := range f.Members {
			a, ok := r.ctx.Data.artIndex[m.Article]
			if ok && pred(a) {
				r.JumpTo(a, m.Sentence)
				return true
			}
		}
		return false
	}
	if !pick(func(a int) bool { return r.unitOf(a) == cur }) && !pick(func(a int) bool { return r.shown[a] }) {
		pick(func(int) bool { return true })
	}
}
