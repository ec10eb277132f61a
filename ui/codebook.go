package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The codebook pane of the notes view (c): the tags with the passages each
// is on; add, rename, merge, delete, starter codebooks.

// updateCodebook handles a key in the codebook pane.
func (m *Model) updateCodebook(km tea.KeyMsg) tea.Cmd {
	v := &m.notesView
	k, nk := m.ctx.Keys, m.ctx.notes.keys
	codes := m.ctx.notes.snap.codes
	switch {
	case key.Matches(km, k.Back):
		v.codebook = false
		return nil
	case isMove(k, km):
		v.ccursor, _ = moveList(k, km, v.ccursor, len(codes), m.height-6)
		return nil
	case key.Matches(km, nk.NewCode):
		return m.openPrompt("New tag name (blame/us makes a child of blame)", "", func(m *Model, name string) tea.Cmd {
			if err := notes.ValidateName(name); err != nil {
				return m.flash("not a tag name: " + err.Error())
			}
			return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
				return fmt.Sprintf("tag “%s” added", name), s.AddCode(notes.Code{Name: name})
			})
		})
	case key.Matches(km, nk.Starter):
		var items []chooseItem
		for _, s := range notes.StarterNames() {
			items = append(items, chooseItem{name: s, desc: notes.StarterAbout(s)})
		}
		return m.openChooser("Add a starter codebook", "enter: add its tags (existing tags are kept) · esc: cancel", items, false, false,
			func(m *Model, it chooseItem, _ bool) tea.Cmd {
				name := it.name
				return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
					cs, err := notes.Starter(name)
					if err != nil {
						return "", err
					}
					n, err := s.ImportCodebook(cs, name)
					return fmt.Sprintf("%d tags added from %s", n, name), err
				})
			})
	}
	if v.ccursor < 0 || v.ccursor >= len(codes) {
		return nil
	}
	c := codes[v.ccursor]
	switch {
	case key.Matches(km, nk.Rename):
		return m.openPrompt(fmt.Sprintf("Rename “%s” to", c.Name), c.Name, func(m *Model, name string) tea.Cmd {
			return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
				return fmt.Sprintf("renamed “%s” to “%s” everywhere", c.Name, name), s.RenameCode(c.Name, name)
			})
		})
	case key.Matches(km, nk.Merge):
		var items []chooseItem
		for _, o := range codes {
			if o.Name != c.Name {
				items = append(items, chooseItem{name: o.Name, desc: o.Description, colour: o.Colour})
			}
		}
		// The filter box offers to "name a new tag": merging into a tag
		// that does not exist yet is renaming to it.
		cmd := m.openChooser(fmt.Sprintf("Merge “%s” into…", c.Name), "enter: merge its passages into the chosen or new tag · esc: cancel", items, true, true,
			func(m *Model, it chooseItem, isNew bool) tea.Cmd {
				into := it.name
				if sameTagName(into, c.Name) {
					return m.flash(fmt.Sprintf("cannot merge “%s” into itself: choose another tag, or r renames it", c.Name))
				}
				if isNew && !slices.ContainsFunc(codes, func(o notes.Code) bool { return sameTagName(o.Name, into) }) {
					return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
						return fmt.Sprintf("merged “%s” into the new tag “%s”: renamed everywhere (u undoes)", c.Name, into), s.RenameCode(c.Name, into)
					})
				}
				return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
					return fmt.Sprintf("merged “%s” into “%s” (u undoes)", c.Name, into), s.MergeCodes(c.Name, into)
				})
			})
		m.dlg.createAs = "merge into new tag"
		return cmd
	case key.Matches(km, nk.DeleteCode):
		m.openConfirm(fmt.Sprintf("Delete tag “%s” from the codebook and from every passage? (u undoes)", c.Name), func(m *Model) tea.Cmd {
			return m.ctx.notes.do("", func(s *notes.Store) (string, error) {
				return fmt.Sprintf("tag “%s” deleted (u undoes)", c.Name), s.DeleteCode(c.Name)
			})
		})
	}
	return nil
}

// sameTagName reports whether two tag names name one code: the store
// compares them ignoring the case of ASCII letters only.
func sameTagName(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// codebookView lists the codebook with the passages each tag is on.
func (m Model) codebookView(w, h int) string {
	st := m.ctx.Styles
	nk := m.ctx.notes.keys
	sn := m.notesView.snap
	count := map[string]int{}
	for _, n := range sn.all {
		for _, t := range n.Tags {
			count[t]++
		}
	}
	lines := []string{st.PanelTitle.Render("Codebook"),
		st.Muted.Render(ellipsize(fmt.Sprintf("%s new · %s rename · %s merge · %s delete · %s starter codebook · %s back",
			nk.NewCode.Help().Key, nk.Rename.Help().Key, nk.Merge.Help().Key, nk.DeleteCode.Help().Key, nk.Starter.Help().Key, nk.Codebook.Help().Key), w)), ""}
	if len(sn.codes) == 0 {
		lines = append(lines, st.Muted.Render(ellipsize("The codebook is empty: "+nk.NewCode.Help().Key+" adds a tag, "+nk.Starter.Help().Key+" adds a starter codebook.", w)))
	}
	rows := max(h-len(lines), 1)
	top := max(0, m.notesView.ccursor-rows+1)
	// Names as wide as the longest, within reason, so the counts line up.
	nameW := 12
	for _, c := range sn.codes {
		nameW = max(nameW, ansi.StringWidth(c.Name))
	}
	nameW = min(nameW, max(w/2-8, 12), 32)
	for i := top; i < len(sn.codes) && i < top+rows; i++ {
		c := sn.codes[i]
		line := fmt.Sprintf(" %s %s %4d  %s", tagStyle(st, c.Colour).Render("▐"), fit(ellipsize(oneLine(c.Name), nameW), nameW), count[c.Name], oneLine(c.Description))
		line = fit(ellipsize(line, w), w)
		if i == m.notesView.ccursor {
			line = st.RowSelected.Render(fit("›"+ansi.Strip(line)[1:], w))
		}
		lines = append(lines, line)
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}
