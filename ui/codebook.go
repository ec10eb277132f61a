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

// What the codebook's dialogs ask: a new tag's name, the starter
// codebook to add, a tag's new name, the tag to merge one into, whether
// to delete one.
type (
	newCodeReq    struct{}
	starterReq    struct{}
	renameReq     struct{ code string }
	mergeReq      struct{ code string }
	deleteCodeReq struct{ code string }
)

// updateCodebook handles a key in the codebook pane.
func (v *notesViewModel) updateCodebook(km tea.KeyMsg) tea.Cmd {
	k, nk := v.ctx.Keys, v.ctx.notes.keys
	codes := v.ctx.notes.snap.codes
	switch {
	case key.Matches(km, k.Back):
		v.codebook = false
		return nil
	case isMove(k, km):
		v.ccursor, _ = moveList(k, km, v.ccursor, len(codes), v.height-3)
		return nil
	case key.Matches(km, nk.NewCode):
		return v.openPrompt(newCodeReq{}, "New tag name (blame/us makes a child of blame)", "")
	case key.Matches(km, nk.Starter):
		var items []chooseItem
		for _, s := range notes.StarterNames() {
			items = append(items, chooseItem{name: s, desc: notes.StarterAbout(s)})
		}
		c, cmd := newChooser(v.ctx, viewNotes, starterReq{}, "Add a starter codebook", items, false, false)
		c.hint = []key.Binding{helpAs(k.Confirm, "add its tags (existing tags are kept)"), helpAs(k.Back, "cancel")}
		return openDialog(v.ctx, v.width, v.height, c, cmd)
	}
	if v.ccursor < 0 || v.ccursor >= len(codes) {
		return nil
	}
	c := codes[v.ccursor]
	switch {
	case key.Matches(km, nk.Rename):
		return v.openPrompt(renameReq{c.Name}, fmt.Sprintf("Rename “%s” to", c.Name), c.Name)
	case key.Matches(km, nk.Merge):
		var items []chooseItem
		for _, o := range codes {
			if o.Name != c.Name {
				items = append(items, chooseItem{name: o.Name, desc: o.Description, colour: o.Colour})
			}
		}
		// The filter box offers to "name a new tag": merging into a tag
		// that does not exist yet is renaming to it.
		ch, cmd := newChooser(v.ctx, viewNotes, mergeReq{c.Name}, fmt.Sprintf("Merge “%s” into…", c.Name), items, true, true)
		ch.hint = []key.Binding{helpAs(k.Confirm, "merge its passages into the chosen or new tag"), helpAs(k.Back, "cancel")}
		ch.createAs = "merge into new tag"
		return openDialog(v.ctx, v.width, v.height, ch, cmd)
	case key.Matches(km, nk.DeleteCode):
		return v.ask(deleteCodeReq{c.Name}, fmt.Sprintf("Delete tag “%s” from the codebook and from every passage? (%s undoes)", c.Name, nk.Undo.Help().Key))
	}
	return nil
}

// openPrompt asks for a tag name, holding value, that answers req.
func (v *notesViewModel) openPrompt(req any, title, value string) tea.Cmd {
	p, cmd := newPrompt(v.ctx, viewNotes, req, title, value)
	return openDialog(v.ctx, v.width, v.height, p, cmd)
}

// addCode adds a tag to the codebook.
func (v *notesViewModel) addCode(name string) tea.Cmd {
	if err := notes.ValidateName(name); err != nil {
		return say("not a tag name: " + err.Error())
	}
	return v.ctx.notes.do("", func(s *notes.Store) (string, error) {
		return fmt.Sprintf("tag “%s” added", name), s.AddCode(notes.Code{Name: name})
	})
}

// addStarter adds a starter codebook's tags.
func (v *notesViewModel) addStarter(name string) tea.Cmd {
	return v.ctx.notes.do("", func(s *notes.Store) (string, error) {
		cs, err := notes.Starter(name)
		if err != nil {
			return "", err
		}
		n, err := s.ImportCodebook(cs, name)
		return fmt.Sprintf("%d tags added from %s", n, name), err
	})
}

// merge merges tag code into tag into, renaming it when into is a new
// name.
func (v *notesViewModel) merge(code, into string, isNew bool) tea.Cmd {
	nk := v.ctx.notes.keys
	undo := nk.Undo.Help().Key
	if sameTagName(into, code) {
		return say(fmt.Sprintf("cannot merge “%s” into itself: choose another tag, or %s renames it", code, nk.Rename.Help().Key))
	}
	codes := v.ctx.notes.snap.codes
	if isNew && !slices.ContainsFunc(codes, func(o notes.Code) bool { return sameTagName(o.Name, into) }) {
		return v.ctx.notes.do("", func(s *notes.Store) (string, error) {
			return fmt.Sprintf("merged “%s” into the new tag “%s”: renamed everywhere (%s undoes)", code, into, undo), s.RenameCode(code, into)
		})
	}
	return v.ctx.notes.do("", func(s *notes.Store) (string, error) {
		return fmt.Sprintf("merged “%s” into “%s” (%s undoes)", code, into, undo), s.MergeCodes(code, into)
	})
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
func (v *notesViewModel) codebookView() string {
	st := v.ctx.Styles
	nk := v.ctx.notes.keys
	w, h := v.width, v.height
	sn := v.snap
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
	top := max(0, v.ccursor-rows+1)
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
		if i == v.ccursor {
			line = st.RowSelected.Render(fit("›"+ansi.Strip(line)[1:], w))
		}
		lines = append(lines, line)
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}
