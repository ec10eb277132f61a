package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollViewport applies the scrolling keys (line, half page, top,
// bottom) and the mouse wheel to a viewport, and reports whether msg was
// one of them. The Why? panel, the problems list and the outlet profiles
// scroll alike through it.
func scrollViewport(vp *viewport.Model, k *KeyMap, msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Down):
			vp.ScrollDown(1)
		case key.Matches(msg, k.Up):
			vp.ScrollUp(1)
		case key.Matches(msg, k.HalfDown):
			vp.HalfPageDown()
		case key.Matches(msg, k.HalfUp):
			vp.HalfPageUp()
		case key.Matches(msg, k.Top):
			vp.GotoTop()
		case key.Matches(msg, k.Bottom):
			vp.GotoBottom()
		default:
			return false
		}
		return true
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelDown:
			vp.ScrollDown(3)
		case tea.MouseButtonWheelUp:
			vp.ScrollUp(3)
		default:
			return false
		}
		return true
	}
	return false
}

// moveList applies the moving keys every list shares (line, top and
// bottom, half page; page is the list's visible rows) to a cursor over n
// rows, and reports whether km was one of them. The facts list, the
// codebook, the export formats and the tag chooser move alike through it.
func moveList(k *KeyMap, km tea.KeyMsg, cursor, n, page int) (int, bool) {
	half := max(page/2, 1)
	switch {
	case key.Matches(km, k.Down):
		cursor++
	case key.Matches(km, k.Up):
		cursor--
	case key.Matches(km, k.Top):
		cursor = 0
	case key.Matches(km, k.Bottom):
		cursor = n - 1
	case key.Matches(km, k.HalfDown):
		cursor += half
	case key.Matches(km, k.HalfUp):
		cursor -= half
	default:
		return cursor, false
	}
	return max(0, min(cursor, n-1)), true
}

// isMove reports whether km is one of moveList's keys.
func isMove(k *KeyMap, km tea.KeyMsg) bool {
	_, ok := moveList(k, km, 0, 1, 1)
	return ok
}

// scrolledPart is how far down a viewport is scrolled, from 0 to 1, for
// keeping the place when its content is re-wrapped; -1 at the top (or
// when all of it shows), where there is no place to keep.
func scrolledPart(vp *viewport.Model) float64 {
	if vp.TotalLineCount() <= vp.Height || vp.YOffset <= 0 {
		return -1
	}
	return vp.ScrollPercent()
}

// scrollToPart scrolls a viewport to the part scrolledPart gave (nothing
// for -1).
func scrollToPart(vp *viewport.Model, part float64) {
	if part >= 0 {
		vp.SetYOffset(int(part*float64(max(vp.TotalLineCount()-vp.Height, 0)) + 0.5))
	}
}
