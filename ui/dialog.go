package ui

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The notes dialogs: the chooser (pick or create a tag, or pick from a
// list), the one-line prompt, the yes/no question; the memo editor is in
// memo.go, the export dialog in exportdialog.go.

// dialogKind names the open notes dialog.
type dialogKind int

const (
	dlgNone    dialogKind = iota
	dlgChooser            // pick or create a tag, or pick from a list
	dlgMemo               // edit a memo
	dlgInput              // a one-line prompt (new or renamed tag)
	dlgConfirm            // yes or no
	dlgExport             // the export dialog
)

// chooseItem is one entry of the chooser.
type chooseItem struct {
	name, desc, colour string
	note               string // note id, for a sentence's tag list
	uses               int    // passages with the tag (dialog.counts)
}

// dialog is the open notes dialog. Its callbacks take the model, so they
// act on whichever copy of the model receives the key.
type dialog struct {
	kind  dialogKind
	title string
	hint  string
	// quote is the passage the dialog is about, shown under the title.
	quote string

	// Chooser.
	counts bool // items are tags with their uses: most used first, counts shown
	items  []chooseItem
	shown  []int // indices of items matching the filter
	cursor int
	filter bool // a text filter is shown
	create bool // enter on a name no item has creates it
	// createAs names what the create row does ("" for "create and apply
	// new tag").
	createAs string
	onPick   func(m *Model, it chooseItem, isNew bool) tea.Cmd
	onDelete func(m *Model, it chooseItem) tea.Cmd

	input   textinput.Model
	area    textarea.Model
	onText  func(m *Model, text string) tea.Cmd
	onYes   func(m *Model) tea.Cmd
	editTmp string // temp file of the $EDITOR round trip
}

func (m *Model) newInput(value, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = "> "
	ti.Placeholder = placeholder
	m.ctx.Styles.styleInput(&ti)
	ti.SetValue(value)
	ti.CursorEnd()
	ti.Width = m.inputWidth()
	return ti
}

// inputWidth is the width of a dialog's one-line input, and memoWidth
// and memoHeight the size of the memo editor, for the window's size.
func (m *Model) inputWidth() int { return max(m.width-6, 10) }
func (m *Model) memoWidth() int  { return max(m.width-4, 10) }
func (m *Model) memoHeight() int { return max(min(8, m.height-12), 2) }

// resizeInput sets an input's width and scrolls its text anew for it: the
// input only rescrolls when its cursor leaves the visible stretch, which
// would keep the old, narrower stretch on screen.
func resizeInput(ti *textinput.Model, w int) {
	if ti.Width == w {
		return
	}
	ti.Width = w
	pos := ti.Position()
	ti.SetCursor(0)
	ti.SetCursor(pos)
}

// sizeDialogs fits the inputs of an open dialog to a new window size, so
// a dialog opened in a small window grows with it.
func (m *Model) sizeDialogs() {
	resizeInput(&m.dlg.input, m.inputWidth())
	resizeInput(&m.exp.input, m.inputWidth())
	if m.dlg.kind == dlgMemo {
		m.dlg.area.SetWidth(m.memoWidth())
		m.dlg.area.SetHeight(m.memoHeight())
	}
}

// openTagsChooser opens a chooser of the codebook's tags, most used first,
// to tag the passage quote with.
func (m *Model) openTagsChooser(title, quote string, onPick func(*Model, chooseItem, bool) tea.Cmd) tea.Cmd {
	cmd := m.openChooser(title, "type to filter · ↑/↓ choose · enter: apply, or create the new name · esc: cancel", nil, true, true, onPick)
	m.dlg.items, m.dlg.counts, m.dlg.quote = m.ctx.notes.tagItems(), true, quote
	m.dlg.refilter()
	return cmd
}

// openChooser opens a chooser over items.
func (m *Model) openChooser(title, hint string, items []chooseItem, filter, create bool, onPick func(*Model, chooseItem, bool) tea.Cmd) tea.Cmd {
	m.dlg = dialog{kind: dlgChooser, title: title, hint: hint, items: items, filter: filter, create: create, onPick: onPick}
	m.dlg.input = m.newInput("", "type to filter or name a new tag")
	m.dlg.refilter()
	if filter {
		return m.dlg.input.Focus()
	}
	return nil
}

// openConfirm asks a yes or no question.
func (m *Model) openConfirm(q string, onYes func(*Model) tea.Cmd) {
	m.dlg = dialog{kind: dlgConfirm, title: q, hint: "y: yes · n or esc: no", onYes: onYes}
}

// openPrompt asks for one line of text.
func (m *Model) openPrompt(title, value string, onText func(*Model, string) tea.Cmd) tea.Cmd {
	m.dlg = dialog{kind: dlgInput, title: title, hint: "enter: ok · esc: cancel", onText: onText}
	m.dlg.input = m.newInput(value, "")
	return m.dlg.input.Focus()
}

// dialogOpen reports whether a notes dialog has the keys.
func (m Model) dialogOpen() bool { return m.dlg.kind != dlgNone }

// refilter recomputes the chooser's matches.
func (d *dialog) refilter() {
	q := strings.TrimSpace(d.input.Value())
	type scored struct{ i, tier, uses, score int }
	var ss []scored
	for i, it := range d.items {
		if sc, ok := fuzzyScore(q, it.name); ok || !d.filter {
			ss = append(ss, scored{i, matchTier(q, it.name), it.uses, sc})
		}
	}
	if d.filter && (q != "" || d.counts) {
		// The name typed in full first, then how well the rest match (a
		// start before an inside before scattered letters), and among
		// equals the most used: "bl" offers blame/us, on 12 passages,
		// before the parent blame that tagging it created, on none.
		sort.SliceStable(ss, func(a, b int) bool {
			x, y := ss[a], ss[b]
			switch {
			case x.tier != y.tier:
				return x.tier < y.tier
			case x.uses != y.uses:
				return x.uses > y.uses
			}
			return x.score > y.score
		})
	}
	d.shown = d.shown[:0]
	for _, s := range ss {
		d.shown = append(d.shown, s.i)
	}
	d.cursor = max(0, min(d.cursor, d.rowCount()-1))
	if q != "" {
		d.cursor = 0 // the best match, else the create row
	}
}

// matchTier ranks how q matches a tag name: 0 the whole name (or no q),
// 1 the start of the name or of one of its parts ("us" in blame/us), 2
// somewhere inside, 3 only as scattered letters.
func matchTier(q, name string) int {
	q, name = strings.ToLower(q), strings.ToLower(name)
	switch {
	case q == "" || q == name:
		return 0
	case strings.HasPrefix(name, q):
		return 1
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, q) {
			return 1
		}
	}
	if strings.Contains(name, q) {
		return 2
	}
	return 3
}

// fuzzyScore matches q as a case-insensitive subsequence of s: consecutive
// letters and word starts score higher. ok is false when q is not in s.
func fuzzyScore(q, s string) (int, bool) {
	if q == "" {
		return 0, true
	}
	qr := []rune(strings.ToLower(q))
	sr := []rune(strings.ToLower(s))
	score, qi, prev := 0, 0, -2
	for i, r := range sr {
		if qi < len(qr) && r == qr[qi] {
			score++
			if i == prev+1 {
				score += 3
			}
			if i == 0 || !unicode.IsLetter(sr[i-1]) {
				score += 2
			}
			prev = i
			qi++
		}
	}
	if qi < len(qr) {
		return 0, false
	}
	if strings.EqualFold(q, s) {
		score += 100
	}
	return score - len(sr)/8, true
}

// updateDialog gives the key to the open dialog.
func (m *Model) updateDialog(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.dlg.kind == dlgExport {
		return m, m.updateExport(msg)
	}
	km, isKey := msg.(tea.KeyMsg)
	k, nk := m.ctx.Keys, m.ctx.notes.keys
	d := &m.dlg
	if isKey && key.Matches(km, k.Back) {
		m.dlg = dialog{}
		return m, nil
	}
	var cmd tea.Cmd
	switch d.kind {
	case dlgConfirm:
		if !isKey {
			return m, nil
		}
		switch {
		case key.Matches(km, nk.Yes):
			f := d.onYes
			m.dlg = dialog{}
			return m, f(m)
		case key.Matches(km, nk.No), key.Matches(km, k.Quit):
			m.dlg = dialog{}
		}
		return m, nil
	case dlgInput:
		if isKey && key.Matches(km, k.Confirm) {
			f, v := d.onText, strings.TrimSpace(d.input.Value())
			if v == "" {
				// Say why nothing happens; the prompt stays open for a name.
				return m, m.flash("a tag name cannot be blank: type a name, or esc to cancel (nothing was changed)")
			}
			m.dlg = dialog{}
			return m, f(m, v)
		}
		d.input, cmd = d.input.Update(msg)
		return m, cmd
	case dlgMemo:
		switch {
		case isKey && key.Matches(km, k.Confirm):
			f, v := d.onText, d.area.Value()
			m.dlg = dialog{}
			return m, f(m, v)
		case isKey && key.Matches(km, nk.Editor):
			text := d.area.Value()
			return m, func() tea.Msg {
				f, err := os.CreateTemp("", "parallax-memo-*.md")
				if err != nil {
					return editorReadyMsg{err: err}
				}
				_, err = f.WriteString(text)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				return editorReadyMsg{path: f.Name(), err: err}
			}
		}
		d.area, cmd = d.area.Update(msg)
		return m, cmd
	case dlgChooser:
		if !isKey {
			return m, nil
		}
		switch {
		case key.Matches(km, k.Confirm):
			q := strings.TrimSpace(d.input.Value())
			f := d.onPick
			if d.createRow() && d.cursor >= len(d.shown) {
				if err := notes.ValidateName(q); err != nil {
					return m, m.flash("not a tag name: " + err.Error())
				}
				m.dlg = dialog{}
				return m, f(m, chooseItem{name: q}, true)
			}
			if len(d.shown) == 0 {
				return m, nil
			}
			it := d.items[d.shown[d.cursor]]
			m.dlg = dialog{}
			return m, f(m, it, false)
		case key.Matches(km, k.Down), km.Type == tea.KeyDown, km.Type == tea.KeyCtrlN:
			if !d.filter || km.Type != tea.KeyRunes {
				d.cursor = max(min(d.cursor+1, d.rowCount()-1), 0)
				return m, nil
			}
		case key.Matches(km, k.Up), km.Type == tea.KeyUp, km.Type == tea.KeyCtrlP:
			if !d.filter || km.Type != tea.KeyRunes {
				d.cursor = max(d.cursor-1, 0)
				return m, nil
			}
		case !d.filter && isMove(k, km), d.filter && (km.Type == tea.KeyPgDown || km.Type == tea.KeyPgUp):
			// g, G, home, end and half pages; with a filter box, whose
			// editing keys these are, only page up and down.
			d.cursor, _ = moveList(k, km, d.cursor, d.rowCount(), m.height-8)
			return m, nil
		case d.onDelete != nil && !d.filter && key.Matches(km, nk.Delete):
			if len(d.shown) == 0 {
				return m, nil
			}
			it, f := d.items[d.shown[d.cursor]], d.onDelete
			m.dlg = dialog{}
			return m, f(m, it)
		case key.Matches(km, k.Quit) && !d.filter:
			m.dlg = dialog{}
			return m, nil
		}
		if d.filter {
			d.input, cmd = d.input.Update(msg)
			d.refilter()
		}
		return m, cmd
	}
	return m, nil
}

// createRow reports whether the chooser offers to create the typed name,
// as a last row after the matches.
func (d dialog) createRow() bool {
	q := strings.TrimSpace(d.input.Value())
	return d.kind == dlgChooser && d.create && q != "" && !d.hasItem(q)
}

// rowCount is the number of chooser rows, the create row included.
func (d dialog) rowCount() int {
	if d.createRow() {
		return len(d.shown) + 1
	}
	return len(d.shown)
}

func (d dialog) hasItem(name string) bool {
	for _, it := range d.items {
		if it.name == name {
			return true
		}
	}
	return false
}

// dialogView draws the open dialog in the view area.
func (m Model) dialogView(w, h int) string {
	if m.dlg.kind == dlgExport {
		return m.exportView(w, h)
	}
	st := m.ctx.Styles
	d := m.dlg
	lines := []string{st.PanelTitle.Render(ellipsize(d.title, w))}
	if d.kind == dlgConfirm {
		// A question must be read whole before y: it wraps.
		lines = lines[:0]
		for _, l := range wrapText(d.title, w) {
			lines = append(lines, st.PanelTitle.Render(l))
		}
	}
	if d.quote != "" {
		// The passage being tagged, as much as three lines hold.
		ql := wrapText("“"+oneLine(d.quote)+"”", w)
		if len(ql) > 3 {
			ql = append(ql[:2], ellipsizeMiddle(strings.Join(ql[2:], " "), w))
		}
		for _, l := range ql {
			lines = append(lines, st.Bold.Render(l))
		}
	}
	lines = append(lines, st.Muted.Render(ellipsize(d.hint, w)), "")
	switch d.kind {
	case dlgInput:
		lines = append(lines, d.input.View())
	case dlgMemo:
		lines = append(lines, strings.Split(d.area.View(), "\n")...)
	case dlgChooser:
		if d.filter {
			lines = append(lines, d.input.View(), "")
		}
		rows := max(h-len(lines)-1, 1)
		top := max(0, d.cursor-rows+1)
		for i := top; i < len(d.shown) && i < top+rows; i++ {
			it := d.items[d.shown[i]]
			sw := tagStyle(st, it.colour).Render("▐")
			mark := " "
			if i == d.cursor {
				mark = "›"
			}
			line := fmt.Sprintf("%s%s %s", mark, sw, it.name)
			if d.counts {
				line += st.Muted.Render(" · " + plural(it.uses, "passage"))
			}
			if it.desc != "" {
				line += st.Muted.Render("  " + oneLine(it.desc))
			}
			line = fit(ellipsize(line, w), w)
			if i == d.cursor {
				line = st.RowSelected.Render(line)
			}
			lines = append(lines, line)
		}
		if d.createRow() {
			mark := " "
			if d.cursor >= len(d.shown) {
				mark = "›"
			}
			what := d.createAs
			if what == "" {
				what = "create and apply new tag"
			}
			line := fit(ellipsize(mark+"+ "+what+" “"+strings.TrimSpace(d.input.Value())+"”", w), w)
			if d.cursor >= len(d.shown) {
				line = st.RowSelected.Render(line)
			} else {
				line = st.Accent.Render(line)
			}
			lines = append(lines, line)
		}
		if d.rowCount() == 0 {
			empty := "nothing here"
			if d.create {
				empty = "No tags yet: type a name and press enter to create it."
			}
			lines = append(lines, st.Muted.Render(ellipsize(empty, w)))
		}
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// dialogHelp is the open dialog's keys.
func (m Model) dialogHelp() []key.Binding {
	k, nk := m.ctx.Keys, m.ctx.notes.keys
	switch m.dlg.kind {
	case dlgConfirm:
		return []key.Binding{nk.Yes, nk.No}
	case dlgMemo:
		return []key.Binding{k.Confirm, nk.Editor, k.Back}
	case dlgChooser:
		if m.dlg.onDelete != nil {
			return []key.Binding{k.Up, k.Down, k.Confirm, nk.Delete, k.Back}
		}
		return []key.Binding{k.Confirm, k.Back}
	case dlgExport:
		return m.exportHelp()
	}
	return []key.Binding{k.Confirm, k.Back}
}

// tagItems lists the codebook for a tag chooser, with how many passages
// have each tag.
func (m *Model) tagItems() []chooseItem {
	items := codeItems(m.ctx.notes.snap.codes)
	uses := map[string]int{}
	for _, n := range m.ctx.notes.snap.all {
		for _, t := range n.Tags {
			uses[t]++
		}
	}
	for i := range items {
		items[i].uses = uses[items[i].name]
	}
	return items
}

// codeItems lists the codebook for a chooser.
func codeItems(codes []notes.Code) []chooseItem {
	items := make([]chooseItem, len(codes))
	for i, c := range codes {
		items[i] = chooseItem{name: c.Name, desc: c.Description, colour: c.Colour}
	}
	return items
}
