package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// Moving through the read view: the cursor, scrolling, paging, finding
// the next fact or outlet-only passage, and the mouse.

// ensureVisible scrolls article a's column so its cursor sentence shows.
func (r *readModel) ensureVisible(a int) {
	l := r.layout(a, r.widthOf(a))
	s := r.cursor[a]
	if s < 0 || s >= len(l.first) || l.first[s] < 0 {
		return
	}
	h := r.bodyHeight()
	margin := r.margin()
	first, last := l.first[s], l.last[s]
	off := r.offset[a]
	if first < off+margin {
		off = first - margin
	}
	if last > off+h-1-margin {
		off = last - h + 1 + margin
	}
	if r.tall(l, s) {
		// Taller than the view: where it already shows part of the
		// sentence the view stays (paging through it), else it shows its
		// start.
		off = first - margin
		if cur := r.offset[a]; cur+h-1 >= first && cur <= last {
			off = cur
		}
	}
	r.offset[a] = r.clampOffset(l, off, r.offset[a])
}

// margin is how many lines ensureVisible keeps between the cursor and
// the top or bottom of the view.
func (r readModel) margin() int { return min(2, r.bodyHeight()/4) }

// tall reports whether sentence s (laid out, first[s] >= 0) is taller than
// the view less its margins: it is paged through, not shown whole.
func (r readModel) tall(l *layout, s int) bool {
	return l.last[s]-l.first[s]+1 > r.bodyHeight()-2*r.margin()
}

// moveUp moves the cursor to the sentence before; one taller than the
// view shows its end, where reading upwards meets it.
func (r *readModel) moveUp(a int) {
	s := r.cursor[a] - 1
	l := r.layout(a, r.widthOf(a))
	if s >= 0 && s < len(l.first) && l.first[s] >= 0 && r.tall(l, s) && l.last[s] < r.offset[a] {
		r.offset[a] = max(l.last[s]-r.bodyHeight()+1+r.margin(), 0)
	}
	r.moveCursor(s)
}

// tallStep scrolls the focused column a line through the cursor's
// sentence when it is taller than the view and has more of itself to show
// that way (dir 1 down, -1 up); it reports whether it did, so that j and k
// read a long sentence to its end before moving on.
func (r *readModel) tallStep(a, dir int) bool {
	l := r.layout(a, r.widthOf(a))
	s := r.cursor[a]
	if s < 0 || s >= len(l.first) || l.first[s] < 0 {
		return false
	}
	h := r.bodyHeight()
	off := r.offset[a]
	if l.last[s] < off || l.first[s] > off+h-1 {
		return false // not on screen: moving the cursor brings it back
	}
	switch {
	case dir > 0 && l.last[s] > off+h-1:
		r.offset[a] = off + 1
		return true
	case dir < 0 && l.first[s] < off:
		r.offset[a] = off - 1
		return true
	}
	return false
}

// clampOffset keeps a scroll offset in range: no blank space above the
// first line or below the last screenful, except where the column already
// was (moving in step may leave it there).
func (r readModel) clampOffset(l *layout, off, cur int) int {
	h := r.bodyHeight()
	lo, hi := min(0, cur), max(len(l.lines)-h, 0, cur)
	return max(lo, min(off, hi))
}

// clampAligned keeps an aligned column's offset so that at least one of its
// lines stays on screen.
func (r readModel) clampAligned(l *layout, off int) int {
	h := r.bodyHeight()
	return max(-(h - 1), min(off, max(len(l.lines)-1, 0)))
}

// halfPage moves the cursor and the view by half a screen.
func (r *readModel) halfPage(a, dir int) {
	l := r.layout(a, r.widthOf(a))
	body := r.bodyHeight()
	h := max(body/2, 1)
	s := r.cursor[a]
	if s < 0 || s >= len(l.first) || l.first[s] < 0 {
		return
	}
	// The view moves half a page. A cursor sentence taller than the view
	// keeps the cursor while more of it lies that way (it is paged
	// through); otherwise the cursor goes to the first sentence that
	// starts in the moved view (down) or the last that starts above the
	// old one (up), so every press makes progress.
	off := r.clampOffset(l, r.offset[a]+dir*h, r.offset[a])
	margin := r.margin()
	tall := r.tall(l, s)
	if dir > 0 {
		if tall && l.last[s] > r.offset[a]+body-1 && off != r.offset[a] {
			r.offset[a] = off
			return
		}
		ns := -1
		for i := s + 1; i < len(l.first); i++ {
			if l.first[i] >= off {
				ns = i
				break
			}
		}
		if ns < 0 {
			// No sentence starts further down: the view goes on through
			// what follows the last one (related headlines, furniture);
			// at the end the cursor goes to the last sentence.
			if off == r.offset[a] {
				for i := len(l.first) - 1; i > s; i-- {
					if l.first[i] >= 0 {
						r.cursor[a] = i
						break
					}
				}
			}
			r.offset[a] = off
			r.sync()
			return
		}
		r.offset[a] = off
		r.cursor[a] = ns
	} else {
		if tall && l.first[s] < r.offset[a] && off != r.offset[a] {
			r.offset[a] = off
			return
		}
		ns := s
		for i := s - 1; i >= 0; i-- {
			if l.first[i] >= 0 {
				ns = i
				if l.first[i] <= off+body-1-margin {
					break
				}
			}
		}
		r.offset[a] = off
		r.cursor[a] = ns
	}
	r.ensureVisible(a)
	r.sync()
}

// pageColumns shows the next or previous screenful of columns.
func (r *readModel) pageColumns(dir int) {
	slots := max(r.ncols()-r.refSlots(), 1)
	others := len(r.order) - r.refSlots()
	off := max(0, min(r.colOff+dir*slots, max(others-slots, 0)))
	if off == r.colOff {
		r.said = "no more columns that way"
		return
	}
	r.colOff = off
	r.focus = r.refSlots() + off
	a := r.focusedArticle()
	r.ensureVisible(a)
	r.sync()
}

// findSentence moves to the next (dir 1) or previous (dir -1) sentence
// matching pred in the focused column.
func (r *readModel) findSentence(dir int, pred func(sentInfo) bool, none string) {
	a := r.focusedArticle()
	n := len(r.ctx.Data.article(a).Sentences)
	cur := r.cursor[a]
	curFacts := r.ctx.Data.info(a, cur).facts
	for s := cur + dir; s >= 0 && s < n; s += dir {
		info := r.ctx.Data.info(a, s)
		if !pred(info) {
			continue
		}
		// Skip further sentences of the same fact as the cursor's.
		if len(curFacts) > 0 && len(info.facts) > 0 && info.facts[0] == curFacts[0] {
			continue
		}
		r.moveCursor(s)
		return
	}
	r.said = none
}

// findPassage moves to the start of the next or previous run of
// outlet-only sentences.
func (r *readModel) findPassage(dir int) {
	a := r.focusedArticle()
	d := r.ctx.Data
	if !d.Findings.HasFacts {
		r.said = "no shared-fact analysis: outlet-only passages unknown"
		return
	}
	n := len(d.article(a).Sentences)
	s := r.cursor[a]
	// Leave the current run first.
	for s >= 0 && s < n && d.info(a, s).unique {
		s += dir
	}
	for ; s >= 0 && s < n; s += dir {
		if d.info(a, s).unique {
			if dir < 0 { // go to the start of that run
				for s > 0 && d.info(a, s-1).unique {
					s--
				}
			}
			r.moveCursor(s)
			return
		}
	}
	r.said = "no further outlet-only passage in this column"
	if dir < 0 {
		r.said = "no earlier outlet-only passage in this column"
	}
}

// updateMouse scrolls the column under the pointer with the wheel and moves
// the cursor on a click. Coordinates are relative to the view.
func (r *readModel) updateMouse(msg tea.MouseMsg) {
	vis := r.visible()
	ws := r.colWidths(len(vis))
	x := 0
	for i, oi := range vis {
		if msg.X >= x && msg.X < x+ws[i] {
			a := r.order[oi]
			l := r.layout(a, ws[i])
			switch msg.Button {
			case tea.MouseButtonWheelDown:
				r.offset[a] = r.clampOffset(l, r.offset[a]+3, r.offset[a])
			case tea.MouseButtonWheelUp:
				r.offset[a] = r.clampOffset(l, r.offset[a]-3, r.offset[a])
			case tea.MouseButtonLeft:
				if msg.Action != tea.MouseActionPress {
					break
				}
				if r.sel.on && r.sel.article != a {
					r.sel = selection{} // a click in another column ends the selection
				}
				r.focus = oi
				li := r.offset[a] + msg.Y - headerHeight
				if msg.Y >= headerHeight && li >= 0 && li < len(l.lines) && l.lines[li].sent >= 0 {
					r.cursor[a] = l.lines[li].sent
				}
				r.ensureVisible(a)
				r.sync()
			}
			return
		}
		x += ws[i] + 1
	}
}
