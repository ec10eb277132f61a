package ui

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/editor"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// Tagging from the keyboard: the visual selection of the read view, the
// tag chooser, the memo editor, the list of a sentence's tags and the
// confirmation and name prompts the notes view reuses.

// selection is the read view's visual selection: from sentence from of
// article to the cursor, less trimStart words at its start and trimEnd
// words at its end while the cursor stays on sentence at (word-level
// trimming; moving the cursor drops it).
type selection struct {
	on                 bool
	article            int
	from               int
	trimStart, trimEnd int
	at                 int
}

// trimmed reports whether the selection of article a is trimmed to words.
func (r readModel) trimmed(a int) bool {
	return r.sel.on && r.sel.article == a && r.sel.at == r.cursor[a] && (r.sel.trimStart > 0 || r.sel.trimEnd > 0)
}

// selRange returns the selected sentences of article a, if any.
func (r readModel) selRange(a int) (lo, hi int, ok bool) {
	if !r.sel.on || r.sel.article != a || a < 0 {
		return 0, 0, false
	}
	lo, hi = r.sel.from, r.cursor[a]
	if lo > hi {
		lo, hi = hi, lo
	}
	// A selection stays within one article of a merged column.
	first, last := r.ctx.Data.memberSentences(a, r.cursor[a])
	return max(lo, first), min(hi, last), true
}

// noteGutter draws the visual selection in the left gutter and a tagged
// sentence's tag colour in the right one. It is drawn at View time, so the
// cached layout needs no invalidation when notes change.
func (r readModel) noteGutter(a int, ln rline, focused bool, left, right string) (string, string) {
	s := ln.sent
	if s < 0 {
		return left, right
	}
	if lo, hi, ok := r.selRange(a); ok && focused && s >= lo && s <= hi && s != r.cursor[a] {
		left = r.ctx.Styles.Accent.Render("┃")
	}
	// A tag mark wins over the right half of a counterpart's outline: the
	// left half still shows the counterpart, and the tag is the user's.
	if r.ctx.notes != nil {
		// Only the lines the passage is on: a passage trimmed to the
		// last words of a long sentence marks its last line.
		ra, rs := r.ctx.Data.real(a, s)
		_, start, end := r.ctx.Data.realSpan(a, ln.start, ln.end)
		if mk, ok := r.ctx.notes.marks[ra][rs]; ok {
			if n := mk.on(start, end); n > 0 {
				g := "▐"
				if n > 1 {
					g = "█"
				}
				right = mk.style.Render(g)
			}
		}
	}
	return left, right
}

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
}

// dialog is the open notes dialog. Its callbacks take the model, so they
// act on whichever copy of the model receives the key.
type dialog struct {
	kind  dialogKind
	title string
	hint  string

	// Chooser.
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

// editorDoneMsg carries a memo back from $EDITOR.
type editorDoneMsg struct {
	text string
	err  error
}

// editorReadyMsg carries the temp file $EDITOR is to open.
type editorReadyMsg struct {
	path string
	err  error
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

// openMemo edits the memo of note n.
func (m *Model) openMemo(n notes.Note) tea.Cmd {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.SetWidth(m.memoWidth())
	ta.SetHeight(m.memoHeight())
	ta.CharLimit = 0
	ta.SetValue(n.Memo)
	id := n.ID
	m.dlg = dialog{kind: dlgMemo, title: "Memo on “" + ellipsize(oneLine(n.Anchor.Quote), max(m.width-20, 10)) + "”",
		hint: "enter: save · alt+enter: new line · ctrl+e: $EDITOR · esc: cancel", area: ta,
		onText: func(m *Model, text string) tea.Cmd {
			text = strings.TrimSpace(text)
			return m.notesDo("", func(s *notes.Store) (string, error) {
				if err := s.SetMemo(id, text); err != nil {
					return "", err
				}
				if text == "" {
					return "memo removed", nil
				}
				return "memo saved", nil
			})
		}}
	return m.dlg.area.Focus()
}

// dialogOpen reports whether a notes dialog has the keys.
func (m Model) dialogOpen() bool { return m.dlg.kind != dlgNone }

// refilter recomputes the chooser's matches.
func (d *dialog) refilter() {
	q := strings.TrimSpace(d.input.Value())
	type scored struct{ i, score int }
	var ss []scored
	for i, it := range d.items {
		if sc, ok := fuzzyScore(q, it.name); ok || !d.filter {
			ss = append(ss, scored{i, sc})
		}
	}
	if q != "" && d.filter {
		sort.SliceStable(ss, func(a, b int) bool { return ss[a].score > ss[b].score })
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
	k, nk := m.ctx.Keys, m.notes.keys
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

// editorReady starts $EDITOR on the memo's temp file.
func (m *Model) editorReady(msg editorReadyMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash("cannot start the editor: " + msg.err.Error())
	}
	c, err := editor.Cmd("parallax", msg.path)
	if err != nil {
		return m.flash("cannot start the editor: " + err.Error())
	}
	m.dlg.editTmp = msg.path
	path := msg.path
	return tea.ExecProcess(c, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return editorDoneMsg{err: err}
		}
		b, err := os.ReadFile(path)
		return editorDoneMsg{text: string(b), err: err}
	})
}

// editorDone puts the edited memo back in the memo editor.
func (m *Model) editorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash(editorError(msg.err))
	}
	if m.dlg.kind != dlgMemo {
		return nil
	}
	m.dlg.area.SetValue(strings.TrimRight(msg.text, "\n"))
	m.dlg.hint = "edited in $EDITOR · enter: save · esc: cancel"
	return nil
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
	k, nk := m.ctx.Keys, m.notes.keys
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

// codeItems lists the codebook for a chooser.
func codeItems(codes []notes.Code) []chooseItem {
	items := make([]chooseItem, len(codes))
	for i, c := range codes {
		items[i] = chooseItem{name: c.Name, desc: c.Description, colour: c.Colour}
	}
	return items
}

// tagTarget is the passage t tags in the read view: the visual selection,
// else the sentence under the cursor.
func (m *Model) tagTarget() (notes.Anchor, string, bool) {
	a, start, end, what, ok := m.read.target()
	if !ok {
		return notes.Anchor{}, "", false
	}
	return notes.NewAnchor(m.ctx.Data.article(a), start, end), what, true
}

// target is what t would tag in the focused column: the article, the byte
// span (the sentence under the cursor, or the selection, trimmed to words)
// and how to call it.
func (r readModel) target() (a, start, end int, what string, ok bool) {
	a = r.focusedArticle()
	if a < 0 {
		return 0, 0, 0, "", false
	}
	art := r.ctx.Data.article(a)
	if len(art.Sentences) == 0 {
		return 0, 0, 0, "", false
	}
	lo, hi, sel := r.selRange(a)
	if !sel {
		lo, hi = r.cursor[a], r.cursor[a]
	}
	what = "this sentence"
	if hi > lo {
		what = fmt.Sprintf("%d sentences", hi-lo+1)
	}
	start, end = art.Sentences[lo].Start, art.Sentences[hi].End
	if sel && r.trimmed(a) {
		start, end = trimWords(art.Text, start, end, r.sel.trimStart, r.sel.trimEnd)
		what = "this passage"
	}
	a, start, end = r.ctx.Data.realSpan(a, start, end) // the article of a merged column
	return a, start, end, what, true
}

// wordSpans returns the words of text[start:end] as byte spans of text:
// runs of non-space characters, except that Chinese and Japanese, written
// without spaces, give a word per character (opening brackets go with the
// character after them, other punctuation with the one before).
func wordSpans(text string, start, end int) [][2]int {
	var out [][2]int
	in := -1          // start of the open word, relative to start
	openOnly := false // the open word is only opening punctuation so far
	for i, r := range text[start:end] {
		n := utf8.RuneLen(r)
		switch {
		case unicode.IsSpace(r):
			if in >= 0 {
				out = append(out, [2]int{start + in, start + i})
				in = -1
			}
		case ideographic(r):
			from := i
			if in >= 0 {
				if openOnly {
					from = in
				} else {
					out = append(out, [2]int{start + in, start + i})
				}
				in = -1
			}
			out = append(out, [2]int{start + from, start + i + n})
		case in < 0 && len(out) > 0 && out[len(out)-1][1] == start+i && unicode.IsPunct(r) && !unicode.In(r, unicode.Ps, unicode.Pi):
			out[len(out)-1][1] = start + i + n // "。" after "说"
		case in < 0:
			in = i
			openOnly = unicode.In(r, unicode.Ps, unicode.Pi)
		default:
			openOnly = openOnly && unicode.In(r, unicode.Ps, unicode.Pi)
		}
	}
	if in >= 0 {
		out = append(out, [2]int{start + in, end})
	}
	return out
}

// ideographic reports whether r is a Chinese character or Japanese kana,
// scripts written without spaces between words.
func ideographic(r rune) bool {
	return r >= 0x2e80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// trimWords narrows text[start:end] by skip words at its start and drop at
// its end, keeping at least one word; trailing punctuation of the last
// word kept stays with it.
func trimWords(text string, start, end, skip, drop int) (int, int) {
	ws := wordSpans(text, start, end)
	if len(ws) == 0 {
		return start, end
	}
	skip = min(max(skip, 0), len(ws)-1)
	drop = min(max(drop, 0), len(ws)-1-skip)
	return ws[skip][0], ws[len(ws)-1-drop][1]
}

// tagAnchor tags a passage with one tag (created when new) in a Cmd.
func (m *Model) tagAnchor(an notes.Anchor, tag string, isNew bool) tea.Cmd {
	quote := ellipsize(oneLine(an.Quote), 40)
	return m.notesDo(tag, func(s *notes.Store) (string, error) {
		if _, err := s.Tag(an, []string{tag}, ""); err != nil {
			return "", err
		}
		if isNew {
			return fmt.Sprintf("new tag “%s” applied to “%s”", tag, quote), nil
		}
		return fmt.Sprintf("tagged “%s”: “%s”", tag, quote), nil
	})
}

// openTagChooser opens the tag chooser for a passage.
func (m *Model) openTagChooser(an notes.Anchor, what string) tea.Cmd {
	return m.openChooser("Tag "+what, "type to filter · ↑/↓ choose · enter: apply, or create the new name · esc: cancel",
		codeItems(m.notes.snap.codes), true, true,
		func(m *Model, it chooseItem, isNew bool) tea.Cmd {
			m.read.sel = selection{}
			return m.tagAnchor(an, it.name, isNew)
		})
}

// updateNotesKey handles the tagging keys of the read view and the keys
// every view shares (undo, redo, export). ok is false when the key is not
// one of them.
func (m *Model) updateNotesKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k, nk := m.ctx.Keys, m.notes.keys
	if m.notes.store == nil {
		// The keys are disabled without a store (so the help leaves them
		// out), but pressing one still says why nothing happens.
		keys := []key.Binding{k.Export, nk.Undo, nk.Redo} // every view's
		if m.view == viewRead {
			keys = append(keys, k.Tag, k.Visual, nk.Memo)
		}
		for _, b := range keys {
			if slices.Contains(b.Keys(), msg.String()) {
				return m.flash(m.notesUnavailable()), true
			}
		}
		return nil, false
	}
	switch {
	case key.Matches(msg, nk.Undo) && !m.notes.snap.canUndo:
		return m.flash("nothing to undo"), true
	case key.Matches(msg, nk.Redo) && !m.notes.snap.canRedo:
		return m.flash("nothing to redo"), true
	case key.Matches(msg, nk.Undo):
		return m.notesDo("", func(s *notes.Store) (string, error) {
			d, err := s.Undo()
			return "undone: " + d, err
		}), true
	case key.Matches(msg, nk.Redo):
		return m.notesDo("", func(s *notes.Store) (string, error) {
			d, err := s.Redo()
			return "redone: " + d, err
		}), true
	case key.Matches(msg, k.Export):
		return m.openExport(), true
	}
	if m.view != viewRead {
		return nil, false
	}
	r := &m.read
	a := r.focusedArticle()
	if r.sel.on && (key.Matches(msg, k.Back) || r.sel.article != a) {
		r.sel = selection{}
		if key.Matches(msg, k.Back) {
			return m.flash("selection cancelled"), true
		}
	}
	if a < 0 {
		return nil, false
	}
	switch {
	case r.sel.on && (key.Matches(msg, nk.TrimStart) || key.Matches(msg, nk.TrimEnd) || key.Matches(msg, nk.GrowStart) || key.Matches(msg, nk.GrowEnd)):
		if r.sel.at != r.cursor[a] {
			// The selection moved since it was last trimmed.
			r.sel.trimStart, r.sel.trimEnd, r.sel.at = 0, 0, r.cursor[a]
		}
		switch {
		case key.Matches(msg, nk.TrimStart):
			r.sel.trimStart++
		case key.Matches(msg, nk.TrimEnd):
			r.sel.trimEnd++
		case key.Matches(msg, nk.GrowStart):
			r.sel.trimStart = max(r.sel.trimStart-1, 0)
		case key.Matches(msg, nk.GrowEnd):
			r.sel.trimEnd = max(r.sel.trimEnd-1, 0)
		}
		// Keep the counts to what the passage has, so giving words back
		// takes effect at once.
		art := m.ctx.Data.article(a)
		lo, hi, _ := r.selRange(a)
		n := len(wordSpans(art.Text, art.Sentences[lo].Start, art.Sentences[hi].End))
		r.sel.trimStart = min(r.sel.trimStart, max(n-1, 0))
		r.sel.trimEnd = min(r.sel.trimEnd, max(n-1-r.sel.trimStart, 0))
		m.msg = "" // the status line shows the trimmed passage
		return nil, true
	case key.Matches(msg, k.Visual):
		if r.sel.on {
			r.sel = selection{}
			return m.flash("selection cancelled"), true
		}
		r.sel = selection{on: true, article: a, from: r.cursor[a]}
		return m.flash(fmt.Sprintf("selecting: %s/%s extend · %s%s trim words · %s tag · esc cancel",
			k.Down.Help().Key, k.Up.Help().Key, nk.TrimStart.Help().Key, nk.TrimEnd.Help().Key, k.Tag.Help().Key)), true
	case key.Matches(msg, k.Tag):
		an, what, ok := m.tagTarget()
		if !ok {
			return nil, true
		}
		return m.openTagChooser(an, what), true
	case key.Matches(msg, nk.Repeat):
		if m.notes.last == "" {
			return m.flash("no tag to repeat yet: " + k.Tag.Help().Key + " tags a passage, then . repeats that tag"), true
		}
		an, _, ok := m.tagTarget()
		if !ok {
			return nil, true
		}
		r.sel = selection{}
		return m.tagAnchor(an, m.notes.last, false), true
	case key.Matches(msg, nk.Memo):
		ns := m.notesAt(a, r.cursor[a])
		if len(ns) == 0 {
			return m.flash("no tagged passage here: " + k.Tag.Help().Key + " tags this sentence first"), true
		}
		return m.openMemo(ns[0]), true
	case key.Matches(msg, nk.ListTags):
		ns := m.notesAt(a, r.cursor[a])
		if len(ns) == 0 {
			return m.flash("no tags on this sentence"), true
		}
		var items []chooseItem
		for _, n := range ns {
			for _, t := range n.Tags {
				desc := "“" + oneLine(n.Anchor.Quote) + "”"
				if n.Memo != "" {
					desc = "memo: " + oneLine(n.Memo) + " · " + desc
				}
				items = append(items, chooseItem{name: t, desc: desc, colour: codeColour(m.notes.snap.codes, t), note: n.ID})
			}
		}
		m.openChooser("Tags on this sentence", "d: remove the tag · enter or esc: close", items, false, false,
			func(*Model, chooseItem, bool) tea.Cmd { return nil })
		m.dlg.onDelete = func(m *Model, it chooseItem) tea.Cmd {
			return m.untag(it.note, it.name)
		}
		return nil, true
	}
	return nil, false
}

// untag removes one tag from a note in a Cmd.
func (m *Model) untag(noteID, tag string) tea.Cmd {
	return m.notesDo("", func(s *notes.Store) (string, error) {
		if err := s.Untag(noteID, tag); err != nil {
			return "", err
		}
		return fmt.Sprintf("removed tag “%s” (u undoes)", tag), nil
	})
}
