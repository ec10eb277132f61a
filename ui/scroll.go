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
